/**
 * Group-directed hate, forum slang and explicit sexual talk (the public toxicity sets' kind of
 * abuse), with the hard negatives a customer message may hold: literal animals, Mongolia, cats,
 * bandages, accessibility requests.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Lang } from '../../types.ts';
import { analyze } from '../analyze.ts';

/** [text, lang, expected abuse ids, evidence of the first expected finding (optional)] */
type Case = readonly [string, Lang, readonly string[], string?];

function check(cases: readonly Case[]): void {
  for (const [text, lang, ids, evidence] of cases) {
    it(`${ids.length > 0 ? ids.join(' + ') : 'nothing'} in « ${text} »`, () => {
      const found = analyze(text, { role: 'client', lang }).findings.filter((f) => f.id.startsWith('abuse.'));
      assert.deepEqual([...new Set(found.map((f) => f.id))].sort(), [...ids].sort());
      for (const f of found) assert.equal(text.slice(f.start, f.end), f.evidence);
      if (evidence !== undefined)
        assert.ok(
          found.some((f) => f.id === ids[0] && f.evidence.includes(evidence)),
          `expected ${ids[0]} on « ${evidence} », got ${found.map((f) => `${f.id}:${f.evidence}`).join(', ')}`,
        );
    });
  }
}

describe('abuse.identity: hate about a group', () => {
  check([
    ['Les migrants sont tous des voleurs.', 'fr', ['abuse.identity', 'abuse.insult'], 'voleurs'],
    ['Franchement les Arabes c’est que des racailles', 'fr', ['abuse.identity'], 'racailles'],
    ['Ces musulmans de merde nous envahissent.', 'fr', ['abuse.identity'], 'musulmans de merde'],
    ['Il faudrait expulser tous les Maghrébins.', 'fr', ['abuse.identity'], 'expulser'],
    ['Ils mériteraient d’être gazés.', 'fr', ['abuse.identity'], 'gazés'],
    ['Rentrez dans votre pays !', 'fr', ['abuse.identity'], 'Rentrez'],
    ['C’est le grand remplacement, voilà tout.', 'fr', ['abuse.identity'], 'grand remplacement'],
    ['Encore un renoi au guichet.', 'fr', ['abuse.identity'], 'renoi'],
    ['Ce mongol ne sait pas lire un contrat.', 'fr', ['abuse.identity'], 'mongol'],
    ['Va te faire soigner, l’attardé.', 'fr', ['abuse.identity'], 'attardé'],
    ['Il ne s’attarde jamais sur mon dossier.', 'fr', []],
    ['T’es surtout un attardé.', 'fr', ['abuse.identity', 'abuse.insult'], 'attardé'],
    ['Sale gouine, réponds-moi.', 'fr', ['abuse.identity', 'abuse.insult'], 'gouine'],
    ['All immigrants are criminals.', 'en', ['abuse.identity'], 'criminals'],
    ['Filthy foreigners running this call centre.', 'en', ['abuse.identity'], 'Filthy foreigners'],
    ['Deport all the Muslims.', 'en', ['abuse.identity'], 'Muslims'],
    ['La mécanique, c’est pas un truc de gonzesse.', 'fr', ['abuse.identity'], 'truc de gonzesse'],
  ]);
});

describe('abuse.insult: forum style and slang', () => {
  check([
    ['Espèce de gauchiste, rendez-moi mon argent.', 'fr', ['abuse.insult'], 'gauchiste'],
    ['Ducon, je t’ai dit mardi.', 'fr', ['abuse.insult'], 'Ducon'],
    ['Vous êtes une catin.', 'fr', ['abuse.insult'], 'catin'],
    ['Quel sac à merde ce vendeur.', 'fr', ['abuse.insult'], 'sac à merde'],
    ['You cocksucker, refund me.', 'en', ['abuse.insult'], 'cocksucker'],
    ['Tais-toi le sodomite, ce n’est pas à toi de décider.', 'fr', ['abuse.insult'], 'sodomite'],
  ]);
});

describe('abuse.sexual: explicit, untargeted sexual talk', () => {
  check([
    ['Une bande de suceurs de queue, voilà ce que vous êtes.', 'fr', ['abuse.sexual'], 'suceurs de queue'],
    ['Elle fait des gorges profondes sur OnlyFans.', 'fr', ['abuse.sexual'], 'gorges profondes'],
    ['Je me branle en pensant à la conseillère.', 'fr', ['abuse.sexual'], 'branle'],
    ['Nice tits in your profile photo.', 'en', ['abuse.sexual'], 'Nice tits'],
  ]);
});

describe('abuse: hard negatives for the group and slang rules', () => {
  check([
    ['Les femmes sont les bienvenues à l’atelier.', 'fr', []],
    ['Les handicapés doivent pouvoir accéder à l’agence.', 'fr', []],
    ['Mon fils est autiste, il a besoin d’un accueil calme.', 'fr', []],
    ['J’ai commandé le barbecue mongol du menu.', 'fr', []],
    ['L’empire mongol au programme de ma fille.', 'fr', []],
    ['Mon chien est un animal très calme.', 'fr', []],
    ['Ma chatte toute mignonne a besoin de croquettes.', 'fr', []],
    ['Le dossier est soumis à validation.', 'fr', []],
    ['Je bande ma cheville tous les soirs.', 'fr', []],
    ['Les enfants sautent dans tous les sens.', 'fr', []],
    ['Un client m’a traité de sale gouine, je le signale.', 'fr', []],
    ['Le colis est très fragile, emballez-le bien.', 'fr', []],
    ['C’est un boulot de femme de ménage que je cherche.', 'fr', []],
    ['La prise de force du tracteur est cassée.', 'fr', []],
    ['Le siège arrière est déchiré.', 'fr', []],
    ['Immigrants are welcome at our branch.', 'en', []],
    ['Cover your ass with the written quote.', 'en', ['abuse.profanity']],
    ['Women are the majority of our customers.', 'en', []],
  ]);
});

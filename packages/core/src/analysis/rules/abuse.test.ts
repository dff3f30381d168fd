import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Lang } from '../../types.ts';
import { analyze } from '../analyze.ts';

/** [text, lang, expected abuse ids (sorted), evidence of the first expected finding (optional)] */
type Case = readonly [string, Lang, readonly string[], string?];

function abuse(text: string, lang: Lang) {
  return analyze(text, { role: 'client', lang }).findings.filter((f) => f.id.startsWith('abuse.'));
}

function check(cases: readonly Case[]): void {
  for (const [text, lang, ids, evidence] of cases) {
    it(`${ids.length > 0 ? ids.join(' + ') : 'nothing'} in « ${text} »`, () => {
      const found = abuse(text, lang);
      assert.deepEqual([...new Set(found.map((f) => f.id))].sort(), [...ids].sort());
      for (const f of found) assert.equal(text.slice(f.start, f.end), f.evidence);
      if (evidence !== undefined) {
        assert.ok(
          found.some((f) => f.id === ids[0] && f.evidence === evidence),
          `expected ${ids[0]} on « ${evidence} », got ${found.map((f) => `${f.id}:${f.evidence}`).join(', ')}`,
        );
      }
    });
  }
}

describe('abuse.insult: aimed at a person', () => {
  check([
    ["Bande d'incompétents, rendez-moi mon argent", 'fr', ['abuse.insult'], 'incompétents'],
    ['Vous êtes vraiment des escrocs.', 'fr', ['abuse.insult'], 'escrocs'],
    ["T'es vraiment qu'un gros naze.", 'fr', ['abuse.insult'], 'naze'],
    ['Votre technicien est un incapable.', 'fr', ['abuse.insult'], 'incapable'],
    ["Votre plombier n'est qu'un boucher.", 'fr', ['abuse.insult'], 'boucher'],
    ['Quelle bande de guignols, sérieux.', 'fr', ['abuse.insult'], 'guignols'],
    ['Sale con, rends-moi mon argent.', 'fr', ['abuse.insult'], 'con'],
    ['Agence de voleurs, je ne reviendrai pas', 'fr', ['abuse.insult'], 'voleurs'],
    ['Menteurs ! Vous aviez promis mardi.', 'fr', ['abuse.insult'], 'Menteurs'],
    ['Tu sers à rien, passe-moi ton chef.', 'fr', ['abuse.insult'], 'Tu sers à rien'],
    ['You are a bunch of incompetent clowns.', 'en', ['abuse.insult'], 'incompetent'],
    ['You idiot, I told you twice.', 'en', ['abuse.insult'], 'idiot'],
    ['Your technician is an idiot.', 'en', ['abuse.insult'], 'idiot'],
    ['Thief! You charged me twice.', 'en', ['abuse.insult'], 'Thief'],
    ['Dickhead.', 'en', ['abuse.insult'], 'Dickhead'],
    ["Vous êtes une belle brochette d'incapables.", 'fr', ['abuse.insult'], 'incapables'],
    ["Le conseiller s'est montré très con avec moi.", 'fr', ['abuse.insult'], 'con'],
    ['You muppet, read my email properly.', 'en', ['abuse.insult'], 'muppet'],
    ['What kind of idiot sends a parcel to the wrong country?', 'en', ['abuse.insult'], 'idiot'],
    ['Your staff are lazy and useless.', 'en', ['abuse.insult'], 'lazy'],
    ['Listen, you little shit, I want my money back.', 'en', ['abuse.insult'], 'little shit'],
    ['Votre comptable est une vraie quiche.', 'fr', ['abuse.insult'], 'quiche'],
  ]);
});

describe('abuse.insult: evasions still point at the user’s own characters', () => {
  check([
    ['c0nnard de service client', 'fr', ['abuse.insult'], 'c0nnard'],
    ['ENCULÉS de la banque !', 'fr', ['abuse.insult'], 'ENCULÉS'],
    ['enc***é de livreur', 'fr', ['abuse.insult'], 'enc***é'],
    ['Vous êtes des ab*utis', 'fr', ['abuse.insult'], 'ab*utis'],
    ['Le c.o.n qui a fait ça', 'fr', ['abuse.insult'], 'c.o.n'],
    ['Espèce de connnnnnard', 'fr', ['abuse.insult'], 'connnnnnard'],
    ['Espèce de c o n n a r d', 'fr', ['abuse.insult'], 'c o n n a r d'],
    ['Vous êtes des сonnаrds', 'fr', ['abuse.insult'], 'сonnаrds'], // Cyrillic с and а
    ['Espèce de con\u200bnard', 'fr', ['abuse.insult'], 'con\u200bnard'],
    ["Espèce d'abrut1", 'fr', ['abuse.insult'], 'abrut1'],
    ['ESPECE DE CONNARD', 'fr', ['abuse.insult'], 'CONNARD'],
    ['You a$$hole', 'en', ['abuse.insult'], 'a$$hole'],
    ['You stupid b1tch', 'en', ['abuse.insult'], 'stupid'],
    ["You're an ıdıot", 'en', ['abuse.insult'], 'ıdıot'],
    ['Espèce de 1diot', 'fr', ['abuse.insult'], '1diot'],
    ['Vous êtes des 3nfoirés', 'fr', ['abuse.insult'], '3nfoirés'],
    ["Bande d'1ncapables", 'fr', ['abuse.insult'], '1ncapables'],
    ['You 1diot, read my email', 'en', ['abuse.insult'], '1diot'],
  ]);
});

describe('abuse.profanity: coarse words not aimed at anyone', () => {
  check([
    ['Putain, encore en panne !', 'fr', ['abuse.profanity'], 'Putain'],
    ["Bordel, une heure d'attente avec votre musique à la con", 'fr', ['abuse.profanity'], 'Bordel'],
    ['Vous vous foutez de ma gueule ?', 'fr', ['abuse.profanity']],
    ['P*tain de m3rde, le site plante', 'fr', ['abuse.profanity'], 'P*tain'],
    ['Putain merci, vous m’avez sauvé la vie 😂', 'fr', ['abuse.profanity'], 'Putain'],
    ["Je suis con, j'ai oublié mon mot de passe.", 'fr', ['abuse.profanity'], 'con'],
    ['Vous me prenez pour une conne ?', 'fr', ['abuse.profanity'], 'conne'],
    ['This is fucking ridiculous.', 'en', ['abuse.profanity'], 'fucking'],
    ['Get your f***ing act together', 'en', ['abuse.profanity'], 'f***ing'],
    ['Shit, I forgot my password again.', 'en', ['abuse.profanity'], 'Shit'],
    ['Putaiiiiin ça marche pas', 'fr', ['abuse.profanity'], 'Putaiiiiin'],
    ["On s'est fait baiser sur le prix.", 'fr', ['abuse.profanity']],
    ['This shit never works.', 'en', ['abuse.profanity'], 'shit'],
  ]);
  it('rates mild words lower than strong ones', () => {
    const [mild] = abuse('Quel merdier ce dossier.', 'fr');
    const [strong] = abuse('Putain, encore en panne !', 'fr');
    assert.equal(mild?.severity, 1);
    assert.equal(strong?.severity, 2);
  });
});

describe('abuse: a coarse word inside an aimed insult is the insult only', () => {
  check([
    ['Espèce de connard de merde', 'fr', ['abuse.insult'], 'connard'],
    ['Je ne veux plus vous entendre, espèce de connard.', 'fr', ['abuse.insult'], 'connard'],
    ['Vous êtes nuls à chier.', 'fr', ['abuse.insult'], 'nuls'],
    ['You fucking moron', 'en', ['abuse.insult'], 'moron'],
  ]);
});

describe('abuse.identity', () => {
  check([
    ['Grosse vache, va faire un régime', 'fr', ['abuse.identity', 'abuse.insult'], 'Grosse vache'],
    ['Retourne dans ton pays sale arabe', 'fr', ['abuse.identity', 'abuse.insult']],
    [
      "Une petite standardiste n'a pas à me dire quoi faire.",
      'fr',
      ['abuse.identity'],
      'Une petite standardiste',
    ],
    ['Passez-moi votre chef, je ne parle pas aux stagiaires.', 'fr', ['abuse.identity']],
    ['Une vendeuse payée au smic ne va pas me faire la leçon.', 'fr', ['abuse.identity'], 'payée au smic'],
    ['Avec votre accent on ne comprend rien.', 'fr', ['abuse.identity'], 'Avec votre accent'],
    ['Enlevez votre voile avant de me parler.', 'fr', ['abuse.identity']],
    ['Vous êtes trop jeune pour comprendre, ma petite.', 'fr', ['abuse.identity']],
    ["Je ne veux pas parler à une femme, passez-moi quelqu'un d'autre.", 'fr', ['abuse.identity']],
    ['Les femmes au volant, toujours pareil.', 'fr', ['abuse.identity']],
    ["Go back to your own country if you can't speak English.", 'en', ['abuse.identity']],
    ["I don't want to talk to a woman, get me a man.", 'en', ['abuse.identity']],
    ["You're just a receptionist, you decide nothing.", 'en', ['abuse.identity']],
    ['Vous êtes une femme, vous ne pouvez pas comprendre la mécanique.', 'fr', ['abuse.identity']],
    ['À votre âge vous devriez être à la retraite.', 'fr', ['abuse.identity']],
    ["You people from India don't know anything about service.", 'en', ['abuse.identity']],
    ["Typical woman, can't even handle a simple refund.", 'en', ['abuse.identity']],
    ["Put me through to someone who isn't foreign.", 'en', ['abuse.identity']],
    ["Passez-moi quelqu'un qui n'est pas étranger.", 'fr', ['abuse.identity']],
    ["C'est bien une femme, ça, incapable de garer une voiture.", 'fr', ['abuse.identity']],
    ["C'est pas un métier pour une femme, la mécanique.", 'fr', ['abuse.identity']],
    ['Rentre chez toi, on ne veut pas de gens comme toi ici.', 'fr', ['abuse.identity']],
  ]);
});

describe('abuse.threat: violence, not legal or vague threats', () => {
  check([
    [
      'Je vais te casser la gueule si tu raccroches',
      'fr',
      ['abuse.threat', 'abuse.profanity'],
      'Je vais te casser',
    ],
    ['Je vais vous tuer, je vous préviens.', 'fr', ['abuse.threat']],
    ['Si la voiture n’est pas prête, je brûle votre garage.', 'fr', ['abuse.threat']],
    ['Je sais où vous habitez.', 'fr', ['abuse.threat']],
    ['On va venir à plusieurs vous régler votre compte.', 'fr', ['abuse.threat']],
    ["I'll kill you if you hang up again.", 'en', ['abuse.threat']],
    ["I swear I'll come down there and smash your face in.", 'en', ['abuse.threat']],
    ['I know where your office is.', 'en', ['abuse.threat']],
    ['Si je croise votre livreur, je lui refais le portrait.', 'fr', ['abuse.threat']],
    ['Je vais vous attendre à la sortie du magasin.', 'fr', ['abuse.threat']],
    ['On va cramer ta bagnole.', 'fr', ['abuse.threat']],
    ['I know your name and I will find you.', 'en', ['abuse.threat']],
    ["Je vous attends devant l'agence demain à 9 h pour signer.", 'fr', []],
    ['I will find you a better slot tomorrow.', 'en', []],
    ['Comment on a pu se casser la gueule comme ça', 'fr', ['abuse.profanity']],
    ['Je vais porter plainte, vous allez le regretter.', 'fr', []],
    ["I'll sue you and you will regret it.", 'en', []],
  ]);
});

describe('abuse.sexual', () => {
  check([
    ['Tu as une voix trop sexy ma belle', 'fr', ['abuse.sexual']],
    ['Votre collègue a de jolies fesses', 'fr', ['abuse.sexual'], 'jolies fesses'],
    ['Envoie-moi une photo de toi en maillot', 'fr', ['abuse.sexual']],
    ['Elle est bien roulée, la nouvelle', 'fr', ['abuse.sexual'], 'bien roulée'],
    ['Salut ma belle, t’es libre ce soir ?', 'fr', ['abuse.sexual']],
    ['Nice legs in that uniform, love.', 'en', ['abuse.sexual'], 'Nice legs'],
    ['What are you wearing right now, sweetie? 😏', 'en', ['abuse.sexual']],
    ['Hey sweetheart, come over and fix it in person 😉', 'en', ['abuse.sexual']],
    ['Vous avez un beau cul mademoiselle.', 'fr', ['abuse.sexual'], 'beau cul'],
    ['Arrête de faire ta mijaurée et donne-moi ton numéro, ma jolie.', 'fr', ['abuse.sexual']],
    ["You'd look better without that uniform.", 'en', ['abuse.sexual']],
    ["Send nudes and I'll drop the complaint.", 'en', ['abuse.sexual']],
    ['Tu dois être bonne au lit, toi.', 'fr', ['abuse.sexual']],
    ['Je rêve de toi la nuit, ma chérie, tu portes quoi ce soir ?', 'fr', ['abuse.sexual']],
    ['Send me a photo of the receipt ;)', 'en', []],
  ]);
});

describe('abuse: no false positives on lookalikes, quotes, negations and idioms', () => {
  check([
    ['Le contrat et le conseil du concombre au bâtiment, le calcul du fichier.', 'fr', []],
    ['Je voyage à Condom la semaine prochaine.', 'fr', []],
    ['Je voudrais une baguette et un bâtard bien cuit.', 'fr', []],
    ['La tapette à souris livrée est cassée.', 'fr', []],
    ['On a tué le temps en attendant ; le dessert était une tuerie.', 'fr', []],
    ["Je me suis battu avec l'imprimante toute la matinée.", 'fr', []],
    ['Un client a traité votre caissière de « grosse vache », je tenais à le signaler.', 'fr', []],
    ['Le technicien m’a dit "c’est de la merde" en parlant de mon ancien modem.', 'fr', []],
    ["Ma fille m'a dit que le vendeur l'avait traitée d'idiote.", 'fr', []],
    ['Je ne dis pas que vous êtes des incompétents, mais il y a un souci.', 'fr', []],
    ["C'est nul, ça ne marche pas.", 'fr', []],
    ['Votre application est nulle.', 'fr', []],
    ['Un voleur a pris mon colis devant ma porte.', 'fr', []],
    ['Attention aux escrocs au faux conseiller.', 'fr', []],
    ['Il y a un gros problème avec ma grosse commande.', 'fr', []],
    ['Mon fils est handicapé, il me faut un accès adapté.', 'fr', []],
    ['Je voudrais un sandwich au thon et un boudin noir.', 'fr', []],
    ['Ça me tue de devoir rappeler encore.', 'fr', []],
    ['Il y a à peine deux jours, tout marchait.', 'fr', []],
    ['Le 1er mars, réf. 4b12, 3eme étage, 5 articles, code 0salut, 1idiotisme.', 'fr', []],
    ['Order 1diot2 shipped on the 3rd, 4 items, 7ups and 1shot glasses.', 'en', []],
    ['Votre code 3ncule2 et le lot 53ncule ne marchent pas.', 'fr', []],
    ['Scunthorpe, Cockburn and Penistone are on my delivery list, and the class passed.', 'en', []],
    ['It would be idiotic to cancel now.', 'en', []],
    ["I'm such an idiot, I forgot my password.", 'en', []],
    ["You're not stupid, the form is confusing.", 'en', []],
    ['My colleague told me a customer called her a bitch.', 'en', []],
    ['This is killing me, I need the refund today.', 'en', []],
    ['We killed time at the café while waiting.', 'en', []],
    ['Could you send me a photo of the damaged parcel?', 'en', []],
    ['The hot water is not working in room 12.', 'en', []],
    ['I hurt my legs on the tour and want a refund.', 'en', []],
    ['Ma fille est une petite standardiste chez vous, elle adore son travail.', 'fr', []],
    ["J'ai eu affaire à un stagiaire très compétent.", 'fr', []],
    ['Ils sont nuls ces nouveaux horaires.', 'fr', []],
    ['Je me suis tué à la tâche pour finir ce dossier.', 'fr', []],
    ['Le colis est arrivé défoncé, le carton était écrasé.', 'fr', []],
    ['Vous êtes célibataire ou en couple pour le contrat ?', 'fr', []],
    ["I'm just a trainee myself, so I understand.", 'en', []],
    ['I had a bloody nose after the fall in your shop.', 'en', []],
    ["I'll kill two birds with one stone and renew both policies.", 'en', []],
    ['Which option is best for me?', 'en', []],
    ['Je voudrais une quiche lorraine et une patate douce.', 'fr', []],
    ['Revoyez vos frais de dossier à la baisse.', 'fr', []],
    ["C'est du harcèlement, vos appels tous les jours !", 'fr', []],
    ["Ma femme s'est fait insulter de sale arabe par votre vigile.", 'fr', []],
    ["J'ai entendu votre collègue traiter un client de connard.", 'fr', []],
    ['Gros baisers à toute l’équipe, merci !', 'fr', []],
    ['Vous portez quoi comme taille de chaussure ?', 'fr', []],
    ['Your staff were lovely and helpful.', 'en', []],
    ['What a shitty service.', 'en', ['abuse.profanity']],
    ['Le vendeur m’a insulté en me traitant de gros porc.', 'fr', []],
    ["C'est vraiment con que la livraison ait échoué.", 'fr', ['abuse.profanity']],
    ['Tu vas te faire aggro avec ce message, fais attention à toi.', 'fr', []],
    ["C'est le parti qui aime lécher les pieds des puissants.", 'fr', []],
  ]);
});

describe('abuse: hostile input never crashes nor hangs', () => {
  const hostile: [string, string][] = [
    ['a 1 MB message', 'connard '.repeat(131_072)],
    [
      'binary garbage',
      Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join(''),
    ],
    ['lone surrogates', '\ud800\udc00\ud800 connard \udfff\ud83d'.repeat(500)],
    ['10,000 emojis', '😀'.repeat(10_000)],
    ['deeply repeated characters', `c${'o'.repeat(50_000)}n${'*'.repeat(50_000)}`],
    ['masks everywhere', 'c*n* '.repeat(20_000)],
    ['spaced letters', 'c o n '.repeat(30_000)],
  ];
  for (const [label, text] of hostile) {
    it(`returns a well-formed result for ${label}`, () => {
      const a = analyze(text, { role: 'client', lang: 'fr' });
      assert.ok(Array.isArray(a.findings));
      assert.equal(typeof a.truncated, 'boolean');
      for (const f of a.findings) {
        assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length);
        assert.equal(text.slice(f.start, f.end), f.evidence);
      }
    });
  }
});

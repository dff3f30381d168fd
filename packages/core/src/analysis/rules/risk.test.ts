/**
 * risk.* on agent replies, table-driven, French and English: fresh replies written for these
 * tests (not from the dev corpus). Each row lists the COMPLETE set of agent ids expected; every
 * risk finding must carry a concrete rewrite in `suggestions`, in the reply's language.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Lang } from '../../types.ts';
import { analyze } from '../analyze.ts';
import { shoutingSpans } from './risk.ts';

interface Row {
  readonly text: string;
  readonly ids: readonly string[];
}

const agent = (text: string, lang: Lang) => analyze(text, { role: 'agent', lang });
const ids = (text: string, lang: Lang) => [...new Set(agent(text, lang).findings.map((f) => f.id))].sort();

const FR_RISKS: readonly Row[] = [
  { text: "Calme-toi, ce n'est qu'une petite rayure.", ids: ['risk.dismissive'] },
  { text: "Ce n'est pas de ma faute si le livreur s'est trompé d'étage.", ids: ['risk.defensive'] },
  { text: 'Vous n’aviez qu’à vérifier votre panier avant de valider.', ids: ['risk.blame'] },
  {
    text: 'Je vous promets que votre dossier sera traité avant ce soir, sans faute.',
    ids: ['risk.overpromise'],
  },
  { text: 'Ah oui, bien sûr, et vous voulez aussi qu’on vous paie le taxi ?', ids: ['risk.aggression'] },
  { text: "C'EST LA TROISIÈME FOIS QUE JE VOUS L'EXPLIQUE.", ids: ['risk.shouting'] },
  {
    text: 'Tu exagères, tout le monde a des retards en ce moment.',
    ids: ['risk.defensive', 'risk.dismissive'],
  },
  {
    text: 'Franchement, si vous lisiez vos mails, vous sauriez que le rendez-vous était annulé.',
    ids: ['risk.blame'],
  },
  {
    text: 'Je suis désolée, mais ce n’est pas de notre ressort, voyez avec votre banque.',
    ids: ['risk.defensive'],
  },
  { text: 'Vous êtes vraiment lourd, vous savez.', ids: ['risk.aggression'] },
  { text: 'Je vous garantis que le prix ne bougera pas, c’est sûr à 100 %.', ids: ['risk.overpromise'] },
  { text: 'Vous avez mal branché la box, c’est écrit dans la notice.', ids: ['risk.blame'] },
  { text: "Je ne peux rien faire pour vous, c'est la règle.", ids: ['risk.defensive'] },
  { text: "Ça suffit maintenant, je n'ai pas que ça à faire.", ids: ['risk.aggression', 'risk.dismissive'] },
  { text: 'Allez donc voir ailleurs si vous trouvez mieux.', ids: ['risk.aggression'] },
  { text: "Il n'y a vraiment pas de quoi s'énerver pour dix euros.", ids: ['risk.dismissive'] },
  { text: "Nous avons fait notre travail, l'erreur vient de la banque.", ids: ['risk.defensive'] },
  { text: 'Promis, demain sans faute vous aurez votre colis.', ids: ['risk.overpromise'] },
  { text: 'NON et NON, la garantie ne couvre pas la casse !!', ids: ['risk.shouting'] },
  { text: "C'est vous qui avez choisi la mauvaise taille, pas nous.", ids: ['risk.blame'] },
  { text: 'Si vous continuez sur ce ton, vous allez le regretter.', ids: ['risk.aggression'] },
  {
    text: 'Je comprends votre agacement, mais vous auriez dû garder le ticket de caisse.',
    ids: ['reply.empathy', 'risk.blame'],
  },
  {
    text: 'Merci pour votre patience. Cela dit, ce n’est pas la fin du monde, le remboursement arrive vendredi.',
    ids: ['reply.thanks', 'risk.dismissive', 'reply.next_steps'],
  },
];

const EN_RISKS: readonly Row[] = [
  { text: "Relax, it's just a scratch.", ids: ['risk.dismissive'] },
  { text: "That's not my problem, the courier lost it.", ids: ['risk.defensive'] },
  { text: 'You should have checked the size guide before ordering.', ids: ['risk.blame'] },
  { text: "I promise you'll have it tomorrow, 100% guaranteed.", ids: ['risk.overpromise'] },
  { text: "Oh great, another customer who won't read the manual.", ids: ['risk.aggression'] },
  { text: 'I HAVE ALREADY TOLD YOU THE ANSWER.', ids: ['risk.shouting'] },
  {
    text: "You're overreacting, everyone has delays at the moment.",
    ids: ['risk.defensive', 'risk.dismissive'],
  },
  { text: "If you had read your emails, you'd know the appointment was cancelled.", ids: ['risk.blame'] },
  { text: "I'm sorry, but that's company policy, there's nothing I can do.", ids: ['risk.defensive'] },
  { text: "You're being ridiculous.", ids: ['risk.aggression'] },
  { text: 'I guarantee the price will never change.', ids: ['risk.overpromise'] },
  { text: 'You plugged the router into the wrong socket, it says so in the manual.', ids: ['risk.blame'] },
  { text: "There's nothing I can do for you, rules are rules.", ids: ['risk.defensive'] },
  { text: 'Well, nobody forced you to buy it.', ids: ['risk.aggression'] },
  { text: "Honestly, it's no big deal, it's only ten pounds.", ids: ['risk.dismissive'] },
  { text: 'Why are you asking me again??', ids: ['risk.shouting'] },
  { text: 'You could have called us before opening the box.', ids: ['risk.blame'] },
  {
    text: "I understand you're upset, but it's not our fault the parcel was late.",
    ids: ['reply.empathy', 'risk.defensive'],
  },
];

describe('risk.* — French replies', () => {
  for (const row of FR_RISKS) {
    it(`${row.ids.join(', ')} ← ${row.text.slice(0, 60)}`, () =>
      assert.deepEqual(ids(row.text, 'fr'), [...row.ids].sort()));
  }
});

describe('risk.* — English replies', () => {
  for (const row of EN_RISKS) {
    it(`${row.ids.join(', ')} ← ${row.text.slice(0, 60)}`, () =>
      assert.deepEqual(ids(row.text, 'en'), [...row.ids].sort()));
  }
});

/** Paraphrases of the risks (« tu », familiar register, other wordings). */
const PARAPHRASES: readonly [Lang, string, readonly string[]][] = [
  ['fr', 'Je ne suis pas responsable des choix de la direction.', ['risk.defensive']],
  ['fr', "Ce n'est pas à moi de gérer ça.", ['risk.defensive']],
  ['fr', "Voyez ça avec le service comptable, moi je n'y suis pour rien.", ['risk.defensive']],
  ['fr', 'Nous appliquons simplement le contrat.', ['risk.defensive']],
  ['fr', "Vous n'êtes pas le seul à attendre, vous savez.", ['risk.dismissive']],
  ['fr', 'Il y a plus grave dans la vie.', ['risk.dismissive']],
  ['fr', "C'est pas la mer à boire.", ['risk.dismissive']],
  ['fr', 'Vous vous énervez pour rien.', ['risk.dismissive']],
  ['fr', "Vous n'aviez qu'à faire attention.", ['risk.blame']],
  ['fr', 'Vous avez cliqué sur le mauvais bouton.', ['risk.blame']],
  ['fr', "C'est de votre côté que ça coince, pas du nôtre.", ['risk.blame', 'risk.defensive']],
  ['fr', 'Je vous certifie que vous serez livré demain.', ['risk.overpromise']],
  ['fr', "Aucun souci, ce sera fait dans l'heure, je m'y engage.", ['risk.overpromise']],
  ['fr', "Vous n'allez pas nous apprendre notre métier.", ['risk.aggression']],
  ['fr', 'Quel manque de patience !', ['risk.aggression']],
  ['fr', 'Vous êtes le client le plus pénible de la journée.', ['risk.aggression']],
  ['en', "That's not down to me.", ['risk.defensive']],
  ['en', "It's not my job to sort that out.", ['risk.defensive']],
  ['en', "We're just following the contract.", ['risk.defensive']],
  ['en', "You're not the only one waiting, you know.", ['risk.dismissive']],
  ['en', 'There are worse things in life.', ['risk.dismissive']],
  ['en', "You're getting worked up over nothing.", ['risk.dismissive']],
  ['en', 'You clicked the wrong button.', ['risk.blame']],
  ['en', 'The problem is on your end, not ours.', ['risk.blame', 'risk.defensive']],
  ['en', "I can assure you it'll be delivered tomorrow.", ['risk.overpromise']],
  ['en', "Don't tell me how to do my job.", ['risk.aggression']],
  ['en', 'What a lack of patience!', ['risk.aggression']],
  ['fr', 'Arrêtez de crier, ça ne sert à rien.', ['risk.dismissive']],
  ['fr', "Ce n'est vraiment pas grave, vous savez.", ['risk.dismissive']],
  ['fr', 'Vous en faites une montagne pour trois fois rien.', ['risk.dismissive']],
  ['fr', "Bon, on ne va pas en faire une affaire d'État.", ['risk.dismissive']],
  ['fr', "C'est pas notre problème.", ['risk.defensive']],
  ['fr', "On n'est pas magiciens non plus.", ['risk.defensive']],
  ['fr', "Vous n'avez pas bien lu le mail.", ['risk.blame']],
  ['fr', 'Je vous jure que ça ne se reproduira plus.', ['risk.overpromise']],
  ['fr', "Dans dix minutes c'est réglé, promis.", ['risk.overpromise']],
  ['fr', 'Vous êtes sérieux, là ?', ['risk.aggression']],
  ['fr', 'Ça commence à bien faire.', ['risk.aggression']],
  ['fr', "Si ça ne vous plaît pas, c'est pareil.", ['risk.aggression']],
  ['fr', "Ce n'est pas grave, ça arrive à tout le monde.", ['risk.dismissive', 'risk.defensive']],
  ['fr', 'Tu comprends rien, c’est pas possible.', ['risk.aggression']],
  ['fr', "J'ai d'autres clients à gérer, vous savez.", ['risk.aggression']],
  ['en', "Stop shouting, it won't help.", ['risk.dismissive']],
  ['en', "It's really not that bad.", ['risk.dismissive']],
  ['en', "You're making a mountain out of a molehill.", ['risk.dismissive']],
  ['en', "That's not our problem.", ['risk.defensive']],
  ['en', "We're not magicians.", ['risk.defensive']],
  ['en', "You didn't read the email properly.", ['risk.blame']],
  ['en', "I swear it won't happen again.", ['risk.overpromise']],
  ['en', "It'll be fixed in ten minutes, promise.", ['risk.overpromise']],
  ['en', 'Are you serious?', ['risk.aggression']],
  ['en', "If you don't like it, tough.", ['risk.aggression']],
  ['en', 'I have other customers to deal with, you know.', ['risk.aggression']],
];

describe('risk.* — paraphrases', () => {
  for (const [lang, text, expected] of PARAPHRASES) {
    it(`${lang}: ${expected.join(', ')} ← ${text.slice(0, 60)}`, () => {
      assert.deepEqual(ids(text, lang), [...expected].sort());
      for (const f of agent(text, lang).findings.filter((x) => x.id.startsWith('risk.'))) {
        assert.ok(f.suggestions && f.suggestions.length > 0, f.id);
      }
    });
  }
});

describe('risk.* — every risk carries a rewrite', () => {
  const rows: [Lang, Row][] = [
    ...FR_RISKS.map((r) => ['fr', r] as [Lang, Row]),
    ...EN_RISKS.map((r) => ['en', r] as [Lang, Row]),
  ];
  for (const [lang, row] of rows) {
    it(`suggestion and note on ${row.text.slice(0, 50)}`, () => {
      const risks = agent(row.text, lang).findings.filter((f) => f.id.startsWith('risk.'));
      assert.ok(risks.length > 0);
      for (const f of risks) {
        assert.ok(f.suggestions && f.suggestions.length > 0, `${f.id} has no suggestion`);
        for (const s of f.suggestions) assert.ok(s.length > 30, `${f.id}: suggestion too short`);
        assert.ok(f.note && f.note.length > 30, `${f.id} has no note`);
      }
    });
  }
  it('the rewrite fits what fired: « calmez-vous » asks for an acknowledgement of the emotion', () => {
    const [f] = agent('Calmez-vous, Madame.', 'fr').findings;
    assert.equal(f?.id, 'risk.dismissive');
    assert.match(f?.suggestions?.[0] ?? '', /reconnaissance de l'émotion/);
  });
  it('the rewrite fits what fired: a guarantee is replaced by what is planned, with a date', () => {
    const [f] = agent("I guarantee it'll be fixed.", 'en').findings;
    assert.equal(f?.id, 'risk.overpromise');
    assert.match(f?.suggestions?.[0] ?? '', /with a date/);
  });
  it('« vous auriez dû » becomes a neutral statement of facts', () => {
    const f = agent('Vous auriez dû lire la notice.', 'fr').findings.find((x) => x.id === 'risk.blame');
    assert.match(f?.suggestions?.[0] ?? '', /constat neutre des faits/);
  });
});

describe('risk.* — spans', () => {
  const cases: readonly [Lang, string, string, string[]][] = [
    ['fr', 'Bon, calmez-vous un peu.', 'risk.dismissive', ['calmez-vous']],
    ['fr', "Ce n'est pas notre faute.", 'risk.defensive', ["Ce n'est pas notre faute"]],
    ['fr', 'Vous auriez dû appeler.', 'risk.blame', ['Vous auriez dû']],
    ['fr', 'JE VOUS AI DIT NON !!!', 'risk.shouting', ['JE VOUS AI DIT NON', '!!!']],
    ['en', 'Calm down, please.', 'risk.dismissive', ['Calm down']],
    ['en', 'You have my word.', 'risk.overpromise', ['You have my word']],
  ];
  for (const [lang, text, id, expected] of cases) {
    it(`${id} points at ${expected.join(' | ')}`, () => {
      assert.deepEqual(
        agent(text, lang)
          .findings.filter((f) => f.id === id)
          .map((f) => f.evidence),
        expected,
      );
    });
  }
});

describe('risk.shouting — capitals and punctuation runs', () => {
  it('ignores acronyms, short words and names written in capitals', () => {
    assert.deepEqual(shoutingSpans('Votre RIB et le PDF de la TVA, Madame DURAND, OK ?'), []);
  });
  it('finds one span for a run of capitalised words and one per run of ! or ?', () => {
    assert.deepEqual(shoutingSpans('Non. ARRÊTEZ DE CRIER ?!'), [
      { start: 5, end: 21 },
      { start: 22, end: 24 },
    ]);
  });
  it('a surname in capitals in a signature is not shouting, a capitalised word after « Vous » is', () => {
    assert.deepEqual(shoutingSpans('Cordialement,\nJulie MARTIN\nService client'), []);
    assert.deepEqual(shoutingSpans('Vous ÊTES pénible.'), [{ start: 5, end: 9 }]);
  });
  it('a short unknown word in capitals alone is an acronym, a shouted short word is not', () => {
    assert.deepEqual(shoutingSpans('Le module CRM du lundi a été remplacé.'), []);
    assert.deepEqual(shoutingSpans('NON, ce n’est pas compris.'), [{ start: 0, end: 3 }]);
  });
  it('a single ! or ? is not shouting', () => {
    assert.deepEqual(ids('Merci pour votre patience !', 'fr'), ['reply.thanks']);
  });
});

describe('risk.* — what is not a risk', () => {
  const calm: readonly [Lang, string][] = [
    ['fr', 'Je ne peux pas vous garantir une date, mais je vous tiens informé.'],
    ['fr', "Ce n'est pas grave si vous n'avez plus le carton."],
    ['fr', 'Le remboursement est pris en charge à 100 % par votre mutuelle.'],
    ['fr', "Un client m'a dit « calmez-vous » hier, je vous rassure, ce n'est pas notre façon de parler."],
    ['en', "I can't promise a date, but I'll keep you posted."],
    ['en', 'Your booking reference is ABC123.'],
  ];
  for (const [lang, text] of calm) {
    it(`no risk in: ${text.slice(0, 60)}`, () => {
      assert.deepEqual(
        agent(text, lang)
          .findings.filter((f) => f.id.startsWith('risk.'))
          .map((f) => `${f.id}:${f.evidence}`),
        [],
      );
    });
  }
});

/**
 * The method, end to end through the real engine: for each persona, in French and in English, a
 * reply sequence that follows the method wins (resolution, or a proper hand-over when the abuse
 * goes on after the limit) and a defensive one loses. Replies are read by analyze(role agent).
 * These tests need the agent rules (reply.*, risk.*); until they exist they are skipped, with
 * the reason printed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../analysis/analyze.ts';
import type { Lang } from '../types.ts';
import { buildDebrief } from './debrief.ts';
import { runScripted } from './simulator.ts';
import type { OutcomeKind, PersonaId } from './types.ts';

interface Script {
  readonly persona: PersonaId;
  readonly lang: Lang;
  readonly scenario: number;
  readonly outcome: OutcomeKind;
  readonly replies: readonly string[];
}

const WINNING: readonly Script[] = [
  {
    persona: 'furious-quality',
    lang: 'fr',
    scenario: 0,
    outcome: 'resolved',
    replies: [
      'Merci de m’appeler tout de suite. Je comprends votre colère, c’est vraiment contrariant. Pouvez-vous me dire quelles pages posent problème ?',
      'Si je comprends bien, ce sont les fiches techniques des pages 12 à 20, avec des unités mélangées et deux références inversées : c’est bien cela ? Je suis désolé, nous allons régler ça ensemble.',
      'Je comprends que ce soit stressant avec la relecture de jeudi. Voyons ensemble : je reprends les pages 12 à 20 dès aujourd’hui, à partir du fichier annoté par votre équipe.',
      'Je vous envoie la version corrigée mercredi avant midi, pour que vous ayez le temps de la relire avant jeudi. Cela vous convient-il ?',
    ],
  },
  {
    persona: 'furious-quality',
    lang: 'en',
    scenario: 1,
    outcome: 'resolved',
    replies: [
      'Thank you for telling me straight away. I understand how frustrating this is, losing sales like that. Could you tell me exactly when the payment page crashes?',
      "If I understand correctly, the crash happens when the card is confirmed, mostly on phones, is that right? I'm sorry, we'll sort this out together.",
      "I understand how stressful that is with the campaign this weekend. Let's sort this out together: I'll put two developers on the payment page this morning.",
      "I'll send you a fixed version to test by 4 pm today, and we'll check it together on a call at 5 pm. Does that work for you?",
    ],
  },
  {
    persona: 'rude',
    lang: 'fr',
    scenario: 0,
    outcome: 'resolved',
    replies: [
      'Je comprends que trois jours sans connexion soient exaspérants, et je vais vous aider. En revanche, je ne peux pas accepter les insultes : restons respectueux, s’il vous plaît.',
      'Merci. Pouvez-vous me dire si un technicien est déjà passé chez vous ?',
      'Si je résume : la box clignote en rouge depuis lundi soir, un technicien était annoncé et n’est pas venu, et vous en avez besoin pour travailler. C’est bien cela ?',
      'Je vous propose d’envoyer un technicien demain matin entre 8 h et 10 h, et de vous prêter une clé 4G dès aujourd’hui. Qu’en pensez-vous ?',
      'Je vous confirme le rendez-vous par SMS dans l’heure. Cela vous convient-il ?',
    ],
  },
  {
    persona: 'rude',
    lang: 'en',
    scenario: 1,
    outcome: 'escalated',
    replies: [
      "I understand how annoying it is to wait this long, and I want to help. But I can't accept insults: let's keep this respectful, please.",
      "I asked you to keep this respectful and the insults continue, so I'm ending this conversation. I'm going to hand your order over to my manager, who will call you back.",
    ],
  },
  {
    persona: 'power',
    lang: 'fr',
    scenario: 0,
    outcome: 'resolved',
    replies: [
      'Merci pour votre confiance, je comprends l’importance de ce projet pour vous. Comme convenu dans le devis, la livraison est prévue le 20. Qu’est-ce qui est le plus urgent pour vous ?',
      'Si je comprends bien, c’est le comité du 15 qui compte, surtout pour la page d’accueil et le tunnel de commande ?',
      'Je vous propose de livrer la page d’accueil et le tunnel de commande le 14, et le reste le 20 comme prévu. Cela vous convient-il ?',
      'Je vous envoie le planning détaillé aujourd’hui avant 17 h. Est-ce que cela vous va ?',
    ],
  },
  {
    persona: 'power',
    lang: 'en',
    scenario: 2,
    outcome: 'resolved',
    replies: [
      'Thank you for your loyalty, I understand how much this order matters to you. Our prices are those of the contract we signed in January. What matters most to you on this order?',
      'If I understand correctly, the order is four hundred boxes before the end of the month, and the January increase weighs on your budget?',
      'What I can offer is to split the delivery in two, so that your stock costs less this month. Would that work for you?',
      "I'll send you the revised delivery schedule by 5 pm today. Does that work for you?",
    ],
  },
  {
    persona: 'bad-faith',
    lang: 'fr',
    scenario: 0,
    outcome: 'resolved',
    replies: [
      'Merci pour votre message et pour vos compliments. Pour être sûr de bien comprendre, pouvez-vous me dire quand nous en avions parlé ?',
      'Je comprends votre demande. Le devis signé en mars prévoit le site en français uniquement ; la version anglaise n’y figure pas.',
      'Si je comprends bien, vous avez besoin de toucher vos clients étrangers, avec un budget serré ? Voyons ensemble ce qui est possible.',
      'Je vous propose un devis séparé pour la version anglaise, payable en deux fois. Je vous l’envoie demain avant midi, cela vous convient-il ?',
      'Je vous le confirme par écrit aujourd’hui. Cela vous va-t-il ?',
    ],
  },
  {
    persona: 'bad-faith',
    lang: 'en',
    scenario: 1,
    outcome: 'resolved',
    replies: [
      'Thank you for your kind words. So that I understand properly, could you tell me when we discussed the living room?',
      'I understand your request. The quote you signed covers the kitchen only; the living room painting is not in it.',
      "If I understand correctly, you'd like the living room done too, within a tight budget? Let's see together what is possible.",
      "I can prepare a separate quote for the living room, payable in two instalments. I'll send it to you tomorrow before noon, does that work for you?",
      "I'll confirm it in writing today. Does that suit you?",
    ],
  },
  {
    persona: 'anxious-deadline',
    lang: 'fr',
    scenario: 0,
    outcome: 'resolved',
    replies: [
      'Je comprends votre inquiétude, c’est normal à quelques heures du salon. Nous allons trouver une solution ensemble. Pouvez-vous me dire à quelle heure vous serez sur place ?',
      'Je comprends, c’est un moment important pour vous. Voyons ensemble : si je résume, la commande du 2 devait arriver hier et il vous faut les brochures avant 9 h demain, c’est bien cela ?',
      'Je vous propose de faire partir les brochures par coursier ce soir, avec une livraison sur votre stand demain à 7 h 30. Je vous appelle à 20 h pour vous confirmer le départ. Cela vous va ?',
      'Je vous rappelle donc à 20 h. Cela vous convient-il ?',
    ],
  },
  {
    persona: 'anxious-deadline',
    lang: 'en',
    scenario: 2,
    outcome: 'resolved',
    replies: [
      "I understand how worrying this is, with your appointment so close. We'll find a solution together. Could you tell me which documents you need for Monday?",
      "I understand, this matters a lot for you. Let's look at it together: if I understand correctly, you need both translations before 8.30 on Monday, is that right?",
      "I can send you both certified translations by email on Friday before 6 pm, with the paper originals by express post. I'll call you on Friday at 6 to confirm. Does that work for you?",
      "I'll call you on Friday at 6 pm then. Is that all right with you?",
    ],
  },
  {
    persona: 'toxic-concessions',
    lang: 'fr',
    scenario: 0,
    outcome: 'resolved',
    replies: [
      'Merci pour votre retour. Je comprends que vous vouliez un logo qui vous ressemble. Le devis prévoit deux séries de propositions, et nous en sommes à la troisième.',
      'J’entends votre demande, mais nous allons nous en tenir au devis signé : une série supplémentaire serait facturée à part.',
      'Pour bien comprendre, pouvez-vous me dire ce qui ne vous convient pas dans les dernières propositions ?',
      'Je vous propose un atelier d’une heure jeudi à 14 h pour choisir ensemble la piste finale, dans le cadre du devis. Cela vous convient-il ?',
      'Je vous envoie l’invitation aujourd’hui. Cela vous va ?',
    ],
  },
  {
    persona: 'toxic-concessions',
    lang: 'en',
    scenario: 2,
    outcome: 'resolved',
    replies: [
      'Thank you for letting me know early. I understand you want everyone to be well fed. Our contract covers eighty guests at the agreed price.',
      'Could you tell me how many guests you now expect in total?',
      'If I understand correctly, you now expect a hundred guests on Saturday? I can prepare a quote for the twenty extra guests at our usual rate.',
      "I'll send you that quote by tomorrow noon, and we confirm the final numbers on Thursday. Does that work for you?",
      "I'll send it tomorrow before noon then. Is that all right with you?",
    ],
  },
  {
    persona: 'origin-remarks',
    lang: 'fr',
    scenario: 0,
    outcome: 'resolved',
    replies: [
      'Je vais m’occuper de votre dossier. En revanche, je ne peux pas accepter de remarques sur mes origines : restons respectueux, s’il vous plaît.',
      'Merci. Je comprends que ce soit épuisant d’attendre depuis un mois. Pouvez-vous me dire quand l’expert est passé ?',
      'Si je résume : le sinistre date du 4, l’expert est passé le 12 et vous n’avez plus de nouvelles. Je vous propose de relancer l’expert aujourd’hui et de vous rappeler demain avant midi avec une date d’indemnisation. Cela vous convient-il ?',
      'Je vous rappelle donc demain avant midi. Cela vous va ?',
    ],
  },
  {
    persona: 'origin-remarks',
    lang: 'en',
    scenario: 1,
    outcome: 'escalated',
    replies: [
      "I'm going to help you with the medicine. But remarks about my name or my origins are not acceptable: let's keep this respectful.",
      "I asked you to keep this respectful and the remarks continue, so I'm ending this conversation here. I'll hand you over to my manager, who will take over.",
    ],
  },
  {
    persona: 'furious-quality',
    lang: 'fr',
    scenario: 2,
    outcome: 'resolved',
    replies: [
      'Merci de me le signaler aussi vite. Je comprends votre colère, c’est très désagréable de découvrir ça. Pouvez-vous me dire quelles lignes du bilan sont en cause ?',
      'Si je comprends bien, le stock de fin d’année est compté deux fois et le résultat est gonflé d’environ trente mille euros : c’est bien cela ? Je suis désolé, nous allons corriger ça ensemble.',
      'Je comprends que ce soit stressant avant la réunion avec vos associés. Je vous propose de reprendre le bilan dès aujourd’hui et de vous envoyer une version corrigée jeudi avant midi. Cela vous convient-il ?',
      'Je vous envoie la version corrigée jeudi avant midi, et je vous appelle à 14 h pour la relire avec vous. Cela vous va ?',
    ],
  },
  {
    persona: 'rude',
    lang: 'en',
    scenario: 2,
    outcome: 'resolved',
    replies: [
      "I understand how embarrassing that must have been, and I want to help. But I can't accept insults: let's keep this respectful, please.",
      'Thank you. Could you tell me when and where the card was declined?',
      'If I understand correctly, the card was declined on Saturday for 180 pounds, the day after you paid for a flight abroad, is that right?',
      "I can unblock your card right now and add a note so that payments abroad don't trigger a block again. Would that work for you?",
      "I'll send you a confirmation by text within the hour. Is that all right with you?",
    ],
  },
  {
    persona: 'power',
    lang: 'fr',
    scenario: 1,
    outcome: 'resolved',
    replies: [
      'Merci pour votre fidélité, je comprends que ce séjour compte beaucoup pour vous. Votre réservation porte sur une chambre supérieure, au tarif convenu.',
      'Je comprends votre demande, mais le surclassement gratuit n’est pas prévu dans les conditions de votre réservation. Pouvez-vous me dire ce qui compte le plus pour votre invité ?',
      'Si je comprends bien, vous recevez un partenaire demain à 18 h et vous voulez qu’il se sente bien accueilli ?',
      'Je vous propose de préparer un accueil personnalisé dans votre chambre pour son arrivée demain à 18 h. Cela vous convient-il ?',
      'Je m’en occupe et je vous confirme tout par écrit ce soir. Cela vous va ?',
    ],
  },
  {
    persona: 'bad-faith',
    lang: 'fr',
    scenario: 2,
    outcome: 'resolved',
    replies: [
      'Merci pour votre confiance. Pour être sûr de bien comprendre, pouvez-vous me dire quand nous en avions convenu ?',
      'Je comprends votre demande. Le contrat signé en janvier couvre la comptabilité de l’entreprise ; la déclaration personnelle n’y figure pas.',
      'Si je comprends bien, l’échéance approche et vous n’avez personne pour s’en charger ? Voyons ensemble ce qui est possible.',
      'Je vous propose de m’en occuper sur devis séparé, avec un rendez-vous lundi à 10 h pour réunir les pièces. Cela vous convient-il ?',
      'Je vous envoie le devis aujourd’hui avant 17 h. Cela vous va ?',
    ],
  },
  {
    persona: 'anxious-deadline',
    lang: 'en',
    scenario: 1,
    outcome: 'resolved',
    replies: [
      "I understand how worrying this is, so close to your wedding. We'll find a solution together. Could you tell me what still needs to be done on the dress?",
      "I understand, it matters so much. Let's look at it together: if I understand correctly, the hem and the zip still need redoing before Saturday, is that right?",
      "I can redo the hem and the zip by Thursday evening, with a fitting on Thursday at 6 pm. I'll call you on Wednesday to confirm. Does that work for you?",
      "I'll call you on Wednesday then. Is that all right with you?",
    ],
  },
  {
    persona: 'toxic-concessions',
    lang: 'en',
    scenario: 1,
    outcome: 'resolved',
    replies: [
      "Thank you for letting us know. I understand it's annoying when the machine you like is out of order. Your contract covers access to the gym, and the repair is booked.",
      'Could you tell me at what time you usually come to train?',
      'If I understand correctly, you train in the evening and the other two rowing machines are always taken then?',
      'I can book a rowing machine for you on Tuesday and Thursday evenings until the repair, which is due on Friday. Would that work for you?',
      "I'll confirm the bookings by email today. Is that all right with you?",
    ],
  },
  {
    persona: 'origin-remarks',
    lang: 'fr',
    scenario: 2,
    outcome: 'resolved',
    replies: [
      'Je vais m’occuper de votre virement. En revanche, je ne peux pas accepter de remarques sur mes origines : restons respectueux, s’il vous plaît.',
      'Merci. Je comprends que ce soit stressant d’attendre depuis deux jours. Pouvez-vous me dire à qui ce virement est destiné ?',
      'Si je résume : un virement de 1 200 euros lancé lundi vers une agence immobilière, bloqué depuis deux jours. Je vous propose de le débloquer dès maintenant et de vous confirmer son départ avant 16 h. Cela vous convient-il ?',
      'Je vous rappelle donc avant 16 h. Cela vous va ?',
    ],
  },
];

const DEFENSIVE: Readonly<Record<Lang, readonly string[]>> = {
  fr: [
    'Ce n’est pas de notre faute, nous avons fait exactement ce qui était demandé.',
    'Calmez-vous, ce n’est pas si grave.',
    'Vous auriez dû lire les conditions avant de vous plaindre.',
    'Ce n’est pas de notre faute, je vous l’ai déjà dit.',
    'Calmez-vous.',
  ],
  en: [
    "It's not our fault, we did exactly what was asked.",
    "Calm down, it's not a big deal.",
    'You should have read the terms before complaining.',
    "It's not our fault, I already told you.",
    'Calm down.',
  ],
};

/** The agent rules are written concurrently (issue #2): these tests wait for them. */
function agentRulesMissing(): string | false {
  const probe = (text: string, id: string, lang: Lang) =>
    analyze(text, { role: 'agent', lang }).findings.some((f) => f.id === id);
  const ok =
    probe('Je comprends votre inquiétude.', 'reply.empathy', 'fr') &&
    probe('Calmez-vous.', 'risk.dismissive', 'fr') &&
    probe('I understand how worrying this is.', 'reply.empathy', 'en');
  return ok ? false : 'agent rules (reply.*, risk.*) not there yet';
}

for (const script of WINNING) {
  const name = `${script.persona} (${script.lang}, scenario ${script.scenario}): following the method ends ${script.outcome}`;
  test(name, { skip: agentRulesMissing() }, () => {
    const s = runScripted(
      { persona: script.persona, lang: script.lang, seed: 11, scenario: script.scenario },
      script.replies,
    );
    const trace = s.moments.map(
      (m) =>
        `${m.turn} ${m.expected}${m.applied ? '✓' : '✗'} [${m.reading.findings.map((f) => f.id).join(' ')}] → ${s.transcript[2 * m.turn]?.text ?? ''}`,
    );
    assert.equal(s.outcome?.kind, script.outcome, trace.join('\n'));
    const debrief = buildDebrief(s);
    assert.ok(debrief.overall >= 70, `overall ${debrief.overall}\n${trace.join('\n')}`);
    assert.equal(debrief.risks.length, 0, JSON.stringify(debrief.risks));
  });
  const lost = `${script.persona} (${script.lang}, scenario ${script.scenario}): a defensive trainee fails`;
  test(lost, { skip: agentRulesMissing() }, () => {
    const s = runScripted(
      { persona: script.persona, lang: script.lang, seed: 11, scenario: script.scenario },
      DEFENSIVE[script.lang],
    );
    assert.equal(
      s.outcome?.kind,
      'failed',
      JSON.stringify(s.moments.map((m) => m.reading.findings.map((f) => f.id))),
    );
    const debrief = buildDebrief(s);
    assert.ok(debrief.overall < 40, `overall ${debrief.overall}`);
    assert.ok(debrief.risks.some((r) => r.id === 'risk.defensive' || r.id === 'risk.dismissive'));
    assert.ok(debrief.missed.length >= 1 && debrief.missed.every((m) => m.betterReply.length > 20));
  });
}

test('the same seed gives the same transcript and the same scores through the engine', () => {
  const script = WINNING[0] as Script;
  const a = runScripted({ persona: script.persona, lang: script.lang, seed: 'repro' }, script.replies);
  const b = runScripted({ persona: script.persona, lang: script.lang, seed: 'repro' }, script.replies);
  assert.deepEqual(a.transcript, b.transcript);
  assert.deepEqual(buildDebrief(a), buildDebrief(b));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ACTION_IDS, type ActionId, type Lang, type SignalId, type Turn } from '../types.ts';
import { recommend } from './recommend.ts';
import { PROTOCOL_RULES, problemClauses } from './rules.ts';
import { annotatedAnalyzer } from './testing.ts';

type Step = readonly [role: 'client' | 'agent', text: string, signals?: readonly SignalId[]];

interface RuleCase {
  readonly name: string;
  readonly lang: Lang;
  readonly steps: readonly Step[];
  readonly action: ActionId;
  readonly rule: string;
}

function run(lang: Lang, steps: readonly Step[]) {
  const turns: Turn[] = steps.map(([role, text]) => ({ role, text }));
  const signals: Record<string, readonly SignalId[]> = {};
  for (const [, text, ids] of steps) if (ids) signals[text] = ids;
  return recommend({ turns, lang }, { analyzer: annotatedAnalyzer(signals) });
}

const CASES: readonly RuleCase[] = [
  {
    name: 'threat on the first turn',
    lang: 'fr',
    action: 'end_and_escalate',
    rule: 'threat-of-violence',
    steps: [['client', 'Je viens régler ça avec une batte.', ['abuse.threat']]],
  },
  {
    name: 'threat, en',
    lang: 'en',
    action: 'end_and_escalate',
    rule: 'threat-of-violence',
    steps: [['client', "I'll wait for you outside.", ['abuse.threat']]],
  },
  {
    name: 'abuse after a limit',
    lang: 'fr',
    action: 'end_and_escalate',
    rule: 'abuse-after-limit',
    steps: [
      ['client', 'Espèce de nul.', ['abuse.insult']],
      ['agent', 'Je ne peux pas accepter ces propos.', ['reply.boundary']],
      ['client', 'Nul, je répète.', ['abuse.insult']],
    ],
  },
  {
    name: 'abuse after a limit phrased without the signal, en',
    lang: 'en',
    action: 'end_and_escalate',
    rule: 'abuse-after-limit',
    steps: [
      ['client', 'You moron.', ['abuse.insult']],
      ['agent', "I won't accept name-calling."],
      ['client', 'Moron.', ['abuse.insult']],
    ],
  },
  {
    name: 'first insult',
    lang: 'fr',
    action: 'set_boundary',
    rule: 'first-abuse',
    steps: [['client', 'Bande de guignols !', ['abuse.insult']]],
  },
  {
    name: 'first sexual remark, en',
    lang: 'en',
    action: 'set_boundary',
    rule: 'first-abuse',
    steps: [
      ['agent', 'How can I help?'],
      ['client', 'Nice voice, darling.', ['abuse.sexual']],
    ],
  },
  {
    name: 'abuse twice but no limit yet: the limit comes first',
    lang: 'fr',
    action: 'set_boundary',
    rule: 'first-abuse',
    steps: [
      ['client', 'Abruti.', ['abuse.insult']],
      ['agent', 'Je regarde votre dossier.'],
      ['client', 'Abruti, dépêchez-vous.', ['abuse.insult']],
    ],
  },
  {
    name: 'legal pressure',
    lang: 'fr',
    action: 'escalate_legal',
    rule: 'legal-pressure',
    steps: [['client', 'Mon avocat vous écrira.', ['pressure.legal']]],
  },
  {
    name: 'legal pressure, en',
    lang: 'en',
    action: 'escalate_legal',
    rule: 'legal-pressure',
    steps: [['client', 'See you in court.', ['pressure.legal']]],
  },
  {
    name: 'power after a concession',
    lang: 'fr',
    action: 'hold_concessions',
    rule: 'leverage-after-concession',
    steps: [
      ['client', 'Faites un effort.', ['request.discount']],
      ['agent', 'Je vous accorde une remise de 10 %.'],
      ['client', 'Je connais votre patron.', ['pressure.power']],
    ],
  },
  {
    name: 'guilt trip repeated, en',
    lang: 'en',
    action: 'hold_concessions',
    rule: 'leverage-after-concession',
    steps: [
      ['client', 'After all I did for you.', ['tactic.guilt_trip']],
      ['agent', 'Let me check.'],
      ['client', 'After everything, really.', ['tactic.guilt_trip']],
    ],
  },
  {
    name: 'threat to leave after a concession',
    lang: 'fr',
    action: 'hold_concessions',
    rule: 'leverage-after-concession',
    steps: [
      ['client', 'Trop cher.', ['request.discount']],
      ['agent', 'Je peux vous proposer trois mois à moitié prix.'],
      ['client', 'Sinon je résilie.', ['request.cancel']],
    ],
  },
  {
    name: 'the agent is overwhelmed',
    lang: 'fr',
    action: 'pause_and_call_back',
    rule: 'agent-overwhelmed',
    steps: [
      ['client', 'Six questions.'],
      ['agent', 'Je suis un peu perdue, ça fait beaucoup.'],
      ['client', 'Alors ?'],
    ],
  },
  {
    name: 'the agent shouted, en',
    lang: 'en',
    action: 'pause_and_call_back',
    rule: 'agent-overwhelmed',
    steps: [
      ['client', 'Where is it?'],
      ['agent', 'I HEARD YOU THE FIRST TIME!!', ['risk.shouting']],
      ['client', 'Excuse me?'],
    ],
  },
  {
    name: 'anxious client',
    lang: 'fr',
    action: 'reassure',
    rule: 'anxious-client',
    steps: [['client', "J'ai peur de tout perdre.", ['emotion.anxiety']]],
  },
  {
    name: 'anxious client, en',
    lang: 'en',
    action: 'reassure',
    rule: 'anxious-client',
    steps: [['client', "I'm so worried.", ['emotion.anxiety']]],
  },
  {
    name: 'venting on the first turn',
    lang: 'fr',
    action: 'listen',
    rule: 'still-venting',
    steps: [
      [
        'client',
        "Trois semaines sans réponse. On m'a baladé de service en service. Je suis furieux.",
        ['emotion.anger'],
      ],
    ],
  },
  {
    name: 'still venting after a listening invitation, en',
    lang: 'en',
    action: 'listen',
    rule: 'still-venting',
    steps: [
      ['client', 'This is a disgrace.', ['emotion.anger']],
      ['agent', "I'm listening, take your time."],
      ['client', 'And another thing, nobody called me back.', ['emotion.anger']],
    ],
  },
  {
    name: 'finished venting',
    lang: 'fr',
    action: 'acknowledge',
    rule: 'feelings-once-finished',
    steps: [['client', "Voilà, c'est tout. Je suis surtout triste.", ['emotion.disappointment']]],
  },
  {
    name: 'short disappointment, en',
    lang: 'en',
    action: 'acknowledge',
    rule: 'feelings-once-finished',
    steps: [['client', 'I feel a bit let down.', ['emotion.disappointment']]],
  },
  {
    name: 'several points',
    lang: 'fr',
    action: 'reformulate',
    rule: 'complex-account',
    steps: [['client', 'Il y a trois problèmes : la facture, le compteur et le contrat.']],
  },
  {
    name: 'several points, en',
    lang: 'en',
    action: 'reformulate',
    rule: 'complex-account',
    steps: [['client', "There are two issues and I'm not sure they're related."]],
  },
  {
    name: 'generalisation',
    lang: 'fr',
    action: 'clarify',
    rule: 'vague-or-deflecting',
    steps: [
      ['client', 'Le colis est en retard.'],
      ['agent', 'Je comprends.'],
      ['client', 'Comme toujours avec vous.', ['claim.generalization']],
    ],
  },
  {
    name: 'single deflection, en',
    lang: 'en',
    action: 'clarify',
    rule: 'vague-or-deflecting',
    steps: [['client', 'So what?', ['tactic.question_deflection']]],
  },
  {
    name: 'problem confirmed',
    lang: 'fr',
    action: 'propose_solution',
    rule: 'problem-confirmed',
    steps: [
      ['client', 'La lampe clignote.'],
      ['agent', 'Si je comprends bien, elle clignote dès l’allumage ?'],
      ['client', 'Oui, exactement.'],
    ],
  },
  {
    name: 'problem confirmed with a request, en',
    lang: 'en',
    action: 'propose_solution',
    rule: 'problem-confirmed',
    steps: [
      ['client', 'Charged twice.'],
      ['agent', 'Just to confirm, on the 2nd and the 4th?'],
      ['client', "Yes. I'd like one back.", ['request.refund']],
    ],
  },
  {
    name: 'remedy accepted',
    lang: 'fr',
    action: 'agree_next_steps',
    rule: 'remedy-accepted',
    steps: [
      ['client', 'La porte ferme mal.'],
      ['agent', 'Je peux vous proposer un passage du technicien jeudi.'],
      ['client', "D'accord, ça me va."],
    ],
  },
  {
    name: 'remedy accepted, en',
    lang: 'en',
    action: 'agree_next_steps',
    rule: 'remedy-accepted',
    steps: [
      ['client', 'The lock is faulty.'],
      ['agent', 'I can offer a replacement lock this week.'],
      ['client', 'Sounds good. When?'],
    ],
  },
  {
    name: 'resolved and thanked',
    lang: 'fr',
    action: 'close_and_thank',
    rule: 'resolved-and-thanked',
    steps: [
      ['client', 'Plus de connexion.'],
      ['agent', 'Je viens de relancer votre box, pouvez-vous vérifier ?'],
      ['client', 'Ça fonctionne à nouveau, merci beaucoup.'],
    ],
  },
  {
    name: 'resolved and thanked, en',
    lang: 'en',
    action: 'close_and_thank',
    rule: 'resolved-and-thanked',
    steps: [
      ['client', 'No hot water.'],
      ['agent', "I've reset the boiler remotely."],
      ['client', "It's working now, thank you!"],
    ],
  },
];

for (const k of CASES) {
  test(`rules: ${k.name} → ${k.action}`, () => {
    const r = run(k.lang, k.steps);
    assert.equal(r.action, k.action);
    assert.equal(r.reasons[0]?.rule, k.rule);
    assert.ok(r.avoid.length > 0, 'what to avoid is given');
  });
}

test('rules: every action is reached in each language by the table', () => {
  for (const lang of ['fr', 'en'] as const) {
    const reached = new Set(CASES.filter((k) => k.lang === lang).map((k) => k.action));
    assert.deepEqual(
      [...ACTION_IDS].filter((a) => !reached.has(a)),
      [],
      lang,
    );
  }
});

test('rules: every rule cites the method in both languages and recommends a spec action', () => {
  for (const rule of PROTOCOL_RULES) {
    assert.ok(rule.method.fr.length > 20 && rule.method.en.length > 20, rule.id);
    assert.ok((ACTION_IDS as readonly string[]).includes(rule.action), rule.id);
  }
  assert.equal(new Set(PROTOCOL_RULES.map((r) => r.id)).size, PROTOCOL_RULES.length);
});

test('rules: reasons name the signals they relied on, with the turn', () => {
  const r = run('fr', [['client', 'Bande de guignols !', ['abuse.insult']]]);
  assert.deepEqual(
    r.reasons[0]?.evidence.map((e) => [e.id, e.turn]),
    [['abuse.insult', 0]],
  );
  assert.match(r.reasons[0]?.text ?? '', /abuse\.insult/);
});

const ABUSE: readonly SignalId[] = ['abuse.insult', 'abuse.profanity', 'abuse.identity', 'abuse.sexual'];
const OTHER: readonly SignalId[] = [
  'emotion.anger',
  'pressure.power',
  'claim.generalization',
  'request.refund',
];

test('property: without a threat, abuse is never escalated before a limit was set', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          abusive: fc.boolean(),
          id: fc.constantFrom(...ABUSE),
          other: fc.constantFrom(...OTHER),
          reply: fc.constantFrom('Je regarde.', 'Merci, je vérifie.', 'Un instant.'),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      (rounds) => {
        const steps: Step[] = [];
        rounds.forEach((round, i) => {
          if (i > 0) steps.push(['agent', `${round.reply} (${i})`]);
          steps.push(['client', `Message ${i}`, [round.abusive ? round.id : round.other]]);
        });
        const last = rounds.at(-1);
        const r = run('fr', steps);
        assert.notEqual(r.action, 'end_and_escalate');
        if (last?.abusive) assert.equal(r.action, 'set_boundary');
      },
    ),
    { numRuns: 200 },
  );
});

test('property: recommend is deterministic', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.boolean(), fc.string({ maxLength: 40 })), { minLength: 1, maxLength: 5 }),
      (raw) => {
        const turns: Turn[] = raw.map(([isClient, text]) => ({ role: isClient ? 'client' : 'agent', text }));
        const a = recommend({ turns });
        const b = recommend({ turns });
        assert.equal(a.action, b.action);
        assert.deepEqual(a.reasons, b.reasons);
        assert.deepEqual(a.avoid, b.avoid);
      },
    ),
    { numRuns: 60 },
  );
});

test('state: the limit, how the client answered it, concessions and leverage', () => {
  const r = run('fr', [
    ['client', 'Espèce de nul.', ['abuse.insult']],
    ['agent', 'Je ne peux pas accepter ces propos.', ['reply.boundary']],
    ['client', 'Bon. Je veux un geste.', ['request.discount']],
    ['agent', 'Je vous accorde une remise de 10 %.'],
    ['client', 'Je suis votre plus gros client.', ['pressure.power']],
  ]);
  const s = r.state;
  assert.deepEqual(s.boundary, { isSet: true, turn: 1, clientAnswer: 'complied' });
  assert.deepEqual(
    s.concessions.map((c) => c.turn),
    [3],
  );
  assert.deepEqual(s.pressure.power, [4]);
  assert.deepEqual(s.abuseTurns, [0]);
  assert.equal(s.phase, 'proposing');
  assert.equal(r.action, 'hold_concessions');
  assert.deepEqual(
    s.requests.map((q) => q.id),
    ['request.discount'],
  );
});

test('state: anger trend across client turns', () => {
  const r = run('en', [
    ['client', 'Furious!', ['emotion.anger', 'abuse.profanity']],
    ['agent', 'I understand.'],
    ['client', 'Fine.'],
  ]);
  assert.equal(r.state.emotions.angerTrend, 'falling');
  assert.equal(r.state.emotions.anger.length, 2);
});

test('state: several client messages in a row at the end are read as one turn', () => {
  const r = recommend(
    {
      turns: [
        { role: 'client', text: 'Bonjour' },
        { role: 'client', text: 'Il y a trois problèmes' },
        { role: 'client', text: 'la facture, le compteur et le contrat.' },
      ],
      lang: 'fr',
    },
    { analyzer: annotatedAnalyzer({}) },
  );
  assert.equal(r.state.turns.length, 1);
  assert.equal(r.state.lastClient?.bubbles, 3);
  assert.equal(
    r.state.lastClient?.text,
    'Bonjour\nIl y a trois problèmes\nla facture, le compteur et le contrat.',
  );
  assert.equal(r.action, 'reformulate');
});

test('avoid: traps that depend on what was just said are added', () => {
  const r = run('fr', [
    ['client', 'Ça ne marche jamais, je suis furieux.', ['claim.generalization', 'emotion.anger']],
    ['agent', 'Calmez-vous, monsieur.', ['risk.dismissive']],
    ['client', 'Jamais rien ne marche chez vous.', ['claim.generalization', 'emotion.anger']],
  ]);
  assert.equal(r.action, 'clarify');
  assert.ok(r.avoid.some((a) => a.includes('calmez-vous')));
  assert.ok(
    r.avoid.some((a) => a.includes('« Calmez-vous, monsieur. »')),
    r.avoid.join(' | '),
  );
});

/** problemClauses as it was when it split the text and found each clause again with indexOf (the reference). */
function problemClausesBySplitting(
  text: string,
  lang: Lang,
  spans: readonly { id: string; start: number; end: number }[],
) {
  const problem =
    lang === 'fr'
      ? /(?<![\p{L}])(?:ne|n['’]|plus|aucun|aucune|toujours pas|sans|manqu\p{L}*|fuit|fuite|cass\p{L}*|bloqu\p{L}*|ab[iî]m\p{L}*|endommag\p{L}*|ray[ée]\p{L}*|retard|panne|erreur|double)(?![\p{L}])/iu
      : /\b(?:not|no longer|never|still|without|broken|damaged|faulty|late|leak\w*|stuck|error|wrong|missing|twice|failed|fails)\b|n't\b/iu;
  let at = 0;
  let n = 0;
  for (const clause of text.split(/[,;:.!?\n]+|\s+(?:et|mais|and|but)\s+/u)) {
    const start = text.indexOf(clause, at);
    at = start + clause.length;
    if (clause.trim().split(/\s+/).length < 4 || !problem.test(clause)) continue;
    if (!spans.some((f) => /^(?:claim|tactic|abuse|pressure)\./.test(f.id) && f.start < at && start < f.end))
      n++;
  }
  return n;
}

test('problem clauses are counted as splitting the text counted them, on any mix of complaints, cuts and spacing', () => {
  const piece = fc.constantFrom(
    'le chauffage ne marche plus',
    'la fenêtre est cassée depuis lundi',
    'the heating is still broken',
    'my order never arrived at all',
    ' et ',
    ' mais ',
    ' and ',
    ', ',
    '. ',
    '\n',
    '  ',
    'merci',
    'il y a une fuite dans la cuisine',
    'pas',
  );
  fc.assert(
    fc.property(
      fc.array(piece, { maxLength: 12 }),
      fc.constantFrom<Lang>('fr', 'en'),
      fc.array(
        fc.record({
          id: fc.constantFrom('claim.x', 'tactic.y', 'emotion.anger'),
          start: fc.nat(80),
          end: fc.nat(120),
        }),
        {
          maxLength: 3,
        },
      ),
      (pieces, lang, spans) => {
        const text = pieces.join('');
        const findings = spans.map((f) => ({ ...f, severity: 1, evidence: '', message: '' })) as never;
        assert.equal(
          problemClauses(text, lang, findings),
          problemClausesBySplitting(text, lang, spans),
          JSON.stringify(text),
        );
      },
    ),
    { numRuns: 3000 },
  );
});

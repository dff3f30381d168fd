import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, languageScoreOf, normalizedTextOf } from '../analysis/analyze.ts';
import { languageScore } from '../analysis/lang.ts';
import { normalize } from '../text/normalize.ts';
import type { Channel, Conversation, Lang, SignalId, Turn } from '../types.ts';
import { CUE_KINDS } from './cue-types.ts';
import { CASES } from './fixtures/conversations.ts';
import { MORE_CASES } from './fixtures/more-conversations.ts';
import {
  buildState,
  type Evidence,
  hasPrefix,
  hasSignal,
  languageOf,
  makesOffer,
  type Phase,
  type ProtocolState,
  setsLimit,
  type Trend,
  type TurnView,
  usesLeverage,
} from './state.ts';
import { annotatedAnalyzer, annotatedConversations, generatedConversations } from './testing.ts';

// The derivation as it was written before it became one pass (the reference), verbatim.
const LEVERAGE_TACTICS: readonly SignalId[] = [
  'tactic.scope_creep',
  'tactic.guilt_trip',
  'tactic.fear_appeal',
  'tactic.feigned_agreement',
];

function trendOf(values: readonly number[]): Trend {
  if (values.length === 0) return 'none';
  if (values.length === 1) return 'steady';
  const first = values[0] as number;
  const last = values[values.length - 1] as number;
  if (last - first > 0.15) return 'rising';
  if (first - last > 0.15) return 'falling';
  return 'steady';
}

function sentenceAt(text: string, at: number): string {
  const before = text.slice(0, at);
  const start =
    Math.max(
      before.lastIndexOf('.'),
      before.lastIndexOf('!'),
      before.lastIndexOf('?'),
      before.lastIndexOf('\n'),
    ) + 1;
  const rest = text.slice(at);
  const stop = rest.search(/[.!?\n]/);
  return text.slice(start, stop < 0 ? text.length : at + stop + 1).trim();
}

function phaseOf(turns: readonly TurnView[]): Phase {
  const lastClient = [...turns].reverse().find((t) => t.role === 'client');
  if (
    lastClient &&
    (lastClient.cues.has('resolved') ||
      (lastClient.cues.has('thanks') && lastClient.cues.shape.questions === 0))
  ) {
    if (turns.some((t) => t.role === 'agent' && makesOffer(t))) return 'closing';
  }
  const agents = turns.filter((t) => t.role === 'agent');
  const offerAt = turns.findLastIndex((t) => t.role === 'agent' && makesOffer(t));
  if (offerAt >= 0) {
    const accepted = turns.slice(offerAt + 1).some((t) => t.role === 'client' && t.cues.has('accept'));
    return accepted ? 'agreeing' : 'proposing';
  }
  if (agents.some((t) => t.cues.has('investigating'))) return 'investigating';
  if (
    agents.some(
      (t) =>
        t.cues.shape.questions > 0 ||
        hasSignal(t, 'reply.clarifying_question') ||
        hasSignal(t, 'reply.reformulation'),
    )
  ) {
    return 'clarifying';
  }
  if (
    agents.some((t) => hasSignal(t, 'reply.empathy') || hasSignal(t, 'reply.thanks') || t.cues.has('thanks'))
  ) {
    return 'acknowledging';
  }
  return 'listening';
}

function deriveReference(
  lang: Lang,
  channel: Channel | undefined,
  turns: readonly TurnView[],
): ProtocolState {
  const clients = turns.filter((t) => t.role === 'client');
  const lastClient = clients.at(-1) ?? null;
  const lastAgent = turns.filter((t) => t.role === 'agent').at(-1) ?? null;
  const previousClient = clients.length >= 2 ? (clients[clients.length - 2] as TurnView) : null;
  const between = lastClient
    ? turns.filter(
        (t) =>
          t.role === 'agent' &&
          t.index < lastClient.index &&
          (!previousClient || t.index > previousClient.index),
      )
    : [];
  const limitTurn = turns.find(setsLimit) ?? null;
  let clientAnswer: ProtocolState['boundary']['clientAnswer'] = 'none';
  if (limitTurn) {
    const after = clients.filter((t) => t.index > limitTurn.index);
    if (after.some((t) => hasPrefix(t, 'abuse.'))) clientAnswer = 'continued';
    else if (after.length > 0) clientAnswer = 'complied';
  }
  const turnsWith = (pred: (t: TurnView) => boolean) => clients.filter(pred).map((t) => t.index);
  const power = turnsWith((t) => hasSignal(t, 'pressure.power'));
  const tactics = turnsWith((t) => LEVERAGE_TACTICS.some((id) => hasSignal(t, id)));
  const leverageTurns = turnsWith(usesLeverage);
  const concessions: Evidence[] = turns.filter(makesOffer).map((t) => {
    const cue = t.cues.hits.find((h) => h.kind === 'offer');
    const at = t.analysis.findings.find((f) => f.id === 'reply.solution')?.start ?? cue?.start ?? 0;
    return { turn: t.index, id: 'reply.solution', evidence: sentenceAt(t.text, at) };
  });
  const commitments: Evidence[] = [];
  for (const t of turns) {
    if (t.role !== 'agent') continue;
    const seen = new Set<string>();
    for (const h of t.cues.hits) {
      if (h.kind !== 'commitment') continue;
      const sentence = sentenceAt(t.text, h.start);
      if (sentence && !seen.has(sentence)) {
        seen.add(sentence);
        commitments.push({ turn: t.index, id: 'commitment', evidence: sentence });
      }
    }
  }
  const requests: Evidence[] = [];
  for (const t of clients) {
    for (const f of t.analysis.findings) {
      if (f.id.startsWith('request.')) requests.push({ turn: t.index, id: f.id, evidence: f.evidence });
    }
  }
  const anger = clients.map((t) => t.analysis.scores.anger);
  const anxiety = clients.map((t) => t.analysis.scores.anxiety);
  return {
    lang,
    ...(channel !== undefined ? { channel } : {}),
    turns,
    phase: phaseOf(turns),
    boundary: { isSet: limitTurn !== null, turn: limitTurn?.index ?? null, clientAnswer },
    concessions,
    pressure: {
      legal: turnsWith((t) => hasSignal(t, 'pressure.legal')),
      power,
      reputation: turnsWith((t) => hasSignal(t, 'pressure.reputation')),
      tactics,
      isRepeated: leverageTurns.length >= 2,
    },
    abuseTurns: turnsWith((t) => hasPrefix(t, 'abuse.')),
    commitments,
    emotions: { anger, anxiety, angerTrend: trendOf(anger), anxietyTrend: trendOf(anxiety) },
    requests,
    lastClient,
    lastAgent,
    agentTurnsBeforeLastClient: between,
  };
}

/** A state as JSON text, each turn's cue test (a closure) replaced by the kinds it answers yes to. */
const asJson = (state: ProtocolState): string =>
  JSON.stringify(state, (_key, v: unknown) =>
    v && typeof v === 'object' && typeof (v as { has?: unknown }).has === 'function'
      ? { ...(v as object), kinds: CUE_KINDS.filter((k) => (v as { has(k: string): boolean }).has(k)) }
      : v,
  );

function assertSameDerivation(state: ProtocolState): void {
  // key order included: JSON output of the API stays byte for byte the same
  assert.equal(asJson(state), asJson(deriveReference(state.lang, state.channel, state.turns)));
}

test('state: the one-pass derivation gives the state of the original one (fixtures, real engine)', () => {
  for (const k of [...CASES, ...MORE_CASES]) {
    for (let n = 1; n <= k.turns.length; n++)
      assertSameDerivation(buildState({ turns: k.turns.slice(0, n), lang: k.lang }));
  }
});

test('state: the same on generated conversations (real engine) and annotated ones (every rule)', () => {
  fc.assert(
    fc.property(generatedConversations, (conversation) =>
      assertSameDerivation(buildState(conversation, { analyzer: analyze })),
    ),
    { numRuns: 150 },
  );
  fc.assert(
    fc.property(annotatedConversations, ({ conversation, texts }) =>
      assertSameDerivation(buildState(conversation, { analyzer: annotatedAnalyzer(texts) })),
    ),
    { numRuns: 600 },
  );
});

// languageOf with the turns' normalisations joins them instead of normalising the joined text:
// the same only because normalisation never looks across a new line. Texts from the characters
// each pass reads around itself: leet digits and symbols, separators of spelled letters, letter
// runs, accents and ligatures, combining and zero-width marks, surrogate halves.
const TRICKY = fc.constantFrom(
  ..."aAyYcoOnN0134@$!|€ .-_/\\+~*'’é\u0301\u200bœßΣσ😀\ud83d\ude00\n\r\t".split(''),
  'ca',
  'aaa',
  'c o n',
  'c.o.n',
  'c\no\nn',
  'm3rde',
  '4x4',
);
const trickyText = fc.array(TRICKY, { maxLength: 24 }).map((parts) => parts.join(''));

test('normalisation stops at a new line: the joined text normalises to the joined normalisations', () => {
  fc.assert(
    fc.property(fc.array(trickyText, { minLength: 1, maxLength: 4 }), (texts) => {
      assert.equal(normalize(texts.join('\n')).text, texts.map((t) => normalize(t).text).join('\n'));
    }),
    { numRuns: 3000 },
  );
  const corpus = [...CASES, ...MORE_CASES].flatMap((c) => c.turns.map((t) => t.text));
  for (let i = 0; i + 3 <= corpus.length; i++) {
    const texts = corpus.slice(i, i + 3);
    assert.equal(normalize(texts.join('\n')).text, texts.map((t) => normalize(t).text).join('\n'));
  }
});

test('languageOf: the same language from the turns’ own normalisations, or their scores, as from the joined text', () => {
  const own = (text: string) => normalize(text).text;
  const scoreOf = (text: string) => languageScore(own(text));
  const cases = [...CASES, ...MORE_CASES].map((c): Conversation => ({ turns: c.turns }));
  const edge: Conversation[] = [
    { turns: [] },
    { turns: [{ role: 'client', text: '' }] },
    {
      turns: [
        { role: 'client', text: '' },
        { role: 'agent', text: 'Thanks, we will call you back.' },
      ],
    },
    {
      turns: [
        { role: 'client', text: '' },
        { role: 'client', text: '' },
        { role: 'agent', text: 'Hello there' },
      ],
    },
    {
      turns: [
        { role: 'agent', text: 'Bonjour' },
        { role: 'agent', text: 'the order is on its way' },
      ],
    },
  ];
  const langs = new Set<Lang>();
  for (const conversation of [...cases, ...edge]) {
    const lang = languageOf(conversation);
    langs.add(lang);
    assert.equal(languageOf(conversation, own), lang);
    assert.equal(languageOf(conversation, own, scoreOf), lang, 'from the turns’ scores');
  }
  assert.deepEqual([...langs].sort(), ['en', 'fr'], 'both languages among the cases');
  fc.assert(
    fc.property(
      fc.array(fc.record({ role: fc.constantFrom<Turn['role']>('client', 'agent'), text: trickyText }), {
        maxLength: 6,
      }),
      (turns) => {
        const lang = languageOf({ turns });
        assert.equal(languageOf({ turns }, own), lang);
        assert.equal(languageOf({ turns }, own, scoreOf), lang, 'from the turns’ scores');
        // a score unknown for some texts is read from their normalisation
        assert.equal(
          languageOf({ turns }, own, (text) => (text.length % 2 === 0 ? scoreOf(text) : undefined)),
          lang,
        );
      },
    ),
    { numRuns: 1000 },
  );
});

test('an analysis keeps the normalised text and the language evidence it was read from', () => {
  for (const text of ['Bonjour, ma commande n’est pas arrivée', 'Hello, my order never came', '']) {
    const detected = analyze(text, { role: 'client' });
    assert.equal(normalizedTextOf(detected)?.text, normalize(text).text);
    assert.equal(languageScoreOf(detected), languageScore(normalize(text).text));
    // with the language given, the evidence is read when asked for
    const given = analyze(text, { role: 'client', lang: 'en' });
    assert.equal(languageScoreOf(given), languageScore(normalize(text).text));
  }
  assert.equal(
    languageScoreOf({ ...analyze('ok', { role: 'client' }) }),
    undefined,
    'a copy is not an analysis made here',
  );
});

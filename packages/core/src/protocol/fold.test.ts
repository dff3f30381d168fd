import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { analyze } from '../analysis/analyze.ts';
import type { Analysis, AnalyzeOptions, Conversation, Lang, Turn } from '../types.ts';
import { checkDraft, checkDraftFromState, EXPECTED, judgeDraft } from './check-draft.ts';
import { CUE_KINDS } from './cue-types.ts';
import { CASES } from './fixtures/conversations.ts';
import { MORE_CASES } from './fixtures/more-conversations.ts';
import { dropOldest, foldTurn, foldTurns, type ProtocolFold, startFold, stateOfFold } from './fold.ts';
import { nextAction, recommend, recommendFromState } from './recommend.ts';
import { type Analyzer, buildState, languageOf } from './state.ts';
import {
  AGENT_LINES,
  annotatedAnalyzer,
  annotatedConversations,
  CLIENT_LINES,
  generatedConversations,
} from './testing.ts';

const DEV = fileURLToPath(new URL('../../../../../shared/corpus/dev/conversations.jsonl', import.meta.url));

function devConversations(): Conversation[] {
  if (!existsSync(DEV)) return [];
  return readFileSync(DEV, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { turns: Conversation['turns']; lang?: Lang })
    .map((o) => ({ turns: o.turns, ...(o.lang ? { lang: o.lang } : {}) }));
}

const FIXTURES: readonly Conversation[] = [
  ...[...CASES, ...MORE_CASES].map((k) => ({ turns: k.turns, lang: k.lang })),
  ...devConversations(),
];

/** A state as data: each turn's cue test (a closure) replaced by the cue kinds it answers yes to. */
function comparable(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      if (v && typeof v === 'object' && typeof (v as { has?: unknown }).has === 'function') {
        const cues = v as { hits: unknown; shape: unknown; has(kind: string): boolean };
        return { hits: cues.hits, shape: cues.shape, kinds: CUE_KINDS.filter((k) => cues.has(k)) };
      }
      return v;
    }),
  );
}

/** An analyser that counts its calls. */
function counting(inner: Analyzer): Analyzer & { calls: number } {
  const f = ((text: string, options: AnalyzeOptions) => {
    f.calls++;
    return inner(text, options);
  }) as Analyzer & { calls: number };
  f.calls = 0;
  return f;
}

/**
 * Follows `conversation` one turn at a time and checks, after every turn, that the folded state,
 * its recommendation and (before each agent turn) the draft check of that reply are those of the
 * whole-conversation calls on the same prefix.
 */
function assertFoldMatches(conversation: Conversation, analyzer: Analyzer): void {
  const lang = conversation.lang ?? languageOf(conversation);
  let fold: ProtocolFold = startFold({
    lang,
    ...(conversation.channel ? { channel: conversation.channel } : {}),
  });
  const turns = conversation.turns;
  for (const [i, turn] of turns.entries()) {
    const before = { ...conversation, turns: turns.slice(0, i), lang };
    const analysis = analyzer(turn.text, { role: turn.role, lang });
    if (turn.role === 'agent') {
      const stateBefore = stateOfFold(fold, { analyzer });
      const folded = checkDraftFromState(turn.text, stateBefore, { analysis });
      const whole = checkDraft(turn.text, before, { analyzer });
      assert.deepEqual(comparable(folded), comparable(whole), `check ${i}`);
      // the scoring alone, on the action alone, is the same verdict
      const judged = judgeDraft(analysis, nextAction(stateBefore));
      assert.deepEqual(
        { qualities: judged.qualities, score: judged.score, breakdown: judged.breakdown },
        { qualities: whole.qualities, score: whole.score, breakdown: whole.breakdown },
        `judgement ${i}`,
      );
      const required = EXPECTED[whole.action].required;
      assert.equal(
        judged.missesRequired,
        whole.qualities.missing.some((id) => required.includes(id)),
      );
    }
    fold = foldTurn(fold, turn, analysis);
    const prefix = { ...conversation, turns: turns.slice(0, i + 1), lang };
    const state = stateOfFold(fold, { analyzer });
    assert.deepEqual(comparable(state), comparable(buildState(prefix, { analyzer })), `state after ${i}`);
    const recommendation = recommend(prefix, { analyzer });
    assert.deepEqual(
      comparable(recommendFromState(state)),
      comparable(recommendation),
      `recommendation after ${i}`,
    );
    assert.equal(nextAction(state), recommendation.action);
  }
}

test('fold: turn by turn, state, recommendation and draft checks are those of the whole conversation (fixtures and dev corpus, real engine)', () => {
  assert.ok(FIXTURES.length >= 90);
  for (const conversation of FIXTURES) assertFoldMatches(conversation, analyze);
});

test('fold: the same on a conversation without a language (detected once, from the whole)', () => {
  const conversation: Conversation = {
    turns: [
      { role: 'client', text: 'Hello, my parcel never came and I am really upset.' },
      { role: 'agent', text: 'I am sorry to hear that. Could you give me the order number?' },
      { role: 'client', text: 'It is 4471.' },
      { role: 'client', text: 'And please hurry, I need it for Saturday.' },
    ],
  };
  assertFoldMatches(conversation, analyze);
  assert.equal(stateOfFold(foldTurns(startFold({ lang: 'en' }), conversation.turns)).lang, 'en');
});

test('fold: the same on generated conversations, real engine (any order of turns, bubbles included)', () => {
  fc.assert(
    fc.property(generatedConversations, (conversation) => assertFoldMatches(conversation, analyze)),
    { numRuns: 120 },
  );
});

test('fold: the same with annotated signals (every rule and bubble case, fixed analyser)', () => {
  fc.assert(
    fc.property(annotatedConversations, ({ conversation, texts }) =>
      assertFoldMatches(conversation, annotatedAnalyzer(texts)),
    ),
    { numRuns: 400 },
  );
});

/**
 * Follows `conversation` through a sliding window of its last `size` turns, one turn at a time
 * (drop the oldest, fold the newest), and checks the window's state and recommendation against
 * the whole-window calls after every turn.
 */
function assertWindowMatches(conversation: Conversation, analyzer: Analyzer, size: number): void {
  const lang = conversation.lang ?? languageOf(conversation);
  let fold: ProtocolFold = startFold({ lang });
  const turns = conversation.turns;
  for (const [i, turn] of turns.entries()) {
    fold = foldTurn(
      dropOldest(fold, fold.length + 1 - size),
      turn,
      analyzer(turn.text, { role: turn.role, lang }),
    );
    const window = { turns: turns.slice(Math.max(0, i + 1 - size), i + 1), lang };
    assert.equal(fold.length, window.turns.length);
    const state = stateOfFold(fold, { analyzer });
    assert.deepEqual(comparable(state), comparable(buildState(window, { analyzer })), `state after ${i}`);
    assert.deepEqual(
      comparable(recommendFromState(state)),
      comparable(recommend(window, { analyzer })),
      `recommendation after ${i}`,
    );
  }
}

test('fold: a sliding window (dropOldest, then foldTurn) is the state of the window, turn after turn', () => {
  for (const conversation of FIXTURES)
    for (const size of [1, 2, 3, 5]) assertWindowMatches(conversation, analyze, size);
});

test('fold: the same on generated and annotated conversations, any window size', () => {
  fc.assert(
    fc.property(generatedConversations, fc.integer({ min: 1, max: 8 }), (conversation, size) =>
      assertWindowMatches(conversation, analyze, size),
    ),
    { numRuns: 80 },
  );
  fc.assert(
    fc.property(annotatedConversations, fc.integer({ min: 1, max: 8 }), ({ conversation, texts }, size) =>
      assertWindowMatches(conversation, annotatedAnalyzer(texts), size),
    ),
    { numRuns: 200 },
  );
});

test('fold: dropOldest keeps each turn reading (no analysis again) and leaves its fold as it was', () => {
  const analyzer = counting(analyze);
  const turns = FIXTURES.find((c) => c.lang === 'fr' && c.turns.length >= 5)?.turns ?? [];
  assert.ok(turns.length >= 5);
  const fold = foldTurns(startFold({ lang: 'fr' }), turns, analyzer);
  const calls = analyzer.calls;
  const shorter = dropOldest(fold, 2);
  assert.equal(shorter.length, fold.length - 2);
  assert.equal(analyzer.calls, calls);
  assert.equal(fold.length, turns.length);
  assert.equal(dropOldest(fold, 0), fold);
  assert.equal(dropOldest(fold, fold.length + 3).length, 0);
});

test('fold: following a conversation and checking every reply analyses each turn once', () => {
  const analyzer = counting(analyze);
  const turns = [...(CASES[3]?.turns ?? []), ...(CASES[4]?.turns ?? [])];
  let fold = startFold({ lang: 'fr' });
  for (const turn of turns) {
    const analysis = analyzer(turn.text, { role: turn.role, lang: 'fr' });
    if (turn.role === 'agent' && fold.clientRun < 2)
      checkDraftFromState(turn.text, stateOfFold(fold, { analyzer }), { analysis });
    fold = foldTurn(fold, turn, analysis);
  }
  recommendFromState(stateOfFold(fold, { analyzer }));
  assert.ok(turns.length >= 4);
  assert.equal(analyzer.calls, turns.length + (fold.clientRun >= 2 ? 1 : 0));
});

test('fold: pure — folding on from a fold leaves it as it was; branches share their past', () => {
  const turn = (role: Turn['role'], text: string): [Turn, Analysis] => [
    { role, text },
    analyze(text, { role, lang: 'en' }),
  ];
  const root = foldTurn(startFold({ lang: 'en' }), ...turn('client', CLIENT_LINES.en[1] as string));
  const before = comparable(stateOfFold(root));
  const left = foldTurn(root, ...turn('agent', AGENT_LINES.en[3] as string));
  const right = foldTurn(root, ...turn('client', CLIENT_LINES.en[2] as string));
  assert.deepEqual(comparable(stateOfFold(root)), before);
  assert.equal(left.last?.previous, root.last);
  assert.equal(right.last?.previous, root.last);
  assert.deepEqual([root.length, left.length, right.length], [1, 2, 2]);
  assert.deepEqual([left.clientRun, right.clientRun], [0, 2]);
  assert.equal(stateOfFold(right).turns.length, 1, 'two client bubbles read as one turn');
});

test('fold: an analysis in another language or for another role is refused', () => {
  const fold = startFold({ lang: 'fr' });
  const turn: Turn = { role: 'client', text: 'Bonjour, ma box ne marche plus.' };
  assert.throws(() => foldTurn(fold, turn, analyze(turn.text, { role: 'client', lang: 'en' })), TypeError);
  assert.throws(() => foldTurn(fold, turn, analyze(turn.text, { role: 'agent', lang: 'fr' })), TypeError);
  const state = stateOfFold(foldTurn(fold, turn, analyze(turn.text, { role: 'client', lang: 'fr' })));
  const draft = 'Je regarde cela tout de suite.';
  assert.throws(
    () => checkDraftFromState(draft, state, { analysis: analyze(draft, { role: 'agent', lang: 'en' }) }),
    TypeError,
  );
});

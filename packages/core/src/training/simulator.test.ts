/**
 * The state machine, read through an injected reader: each reply names the findings it carries
 * (« [reply.empathy reply.clarifying_question] … »), so these tests pin the simulator's reactions
 * whatever the state of the agent rules. method.test.ts runs the same ideas through analyze().
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDebrief } from './debrief.ts';
import { expectedMove, planReply, replyTo, runScripted, startTraining, withClientLine } from './simulator.ts';
import type { ReadReplyFn, TrainingState } from './types.ts';
import { PERSONA_IDS } from './types.ts';

/** Reads « [id id …] free text »: the ids in brackets are the findings. */
const tagged: ReadReplyFn = (text) => {
  const m = /^\[([^\]]*)\]/.exec(text);
  return (m?.[1] ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => ({ id, evidence: id === 'risk.overpromise' ? 'je vous garantis que tout sera prêt' : id }));
};
const opts = { readReply: tagged };
const run = (
  persona: (typeof PERSONA_IDS)[number],
  scenario: number,
  replies: string[],
  lang: 'fr' | 'en' = 'fr',
) => runScripted({ persona, lang, seed: 7, scenario }, replies, opts);

const METHOD = [
  '[reply.empathy reply.clarifying_question]',
  '[reply.reformulation reply.we_language]',
  '[reply.empathy reply.we_language reply.solution]',
  '[reply.next_steps]',
  '[reply.next_steps]',
  '[reply.next_steps]',
];
const DEFENSIVE = ['[risk.defensive]', '[risk.dismissive]', '[risk.blame]', '[risk.defensive]'];

test('a furious client is won by listening, reformulating, reassuring, then a solution and next steps', () => {
  for (const scenario of [0, 1, 2]) {
    const s = run('furious-quality', scenario, METHOD);
    assert.deepEqual(s.outcome, { kind: 'resolved', reason: 'agreed' }, `scenario ${scenario}`);
    assert.ok(s.truthAt !== null, 'the hidden truth came out');
  }
});

test('a defensive trainee makes the furious client leave', () => {
  const s = run('furious-quality', 0, DEFENSIVE);
  assert.deepEqual(s.outcome, { kind: 'failed', reason: 'too_angry' });
  assert.ok(s.moments.length <= 3);
  assert.equal(s.moments[0]?.expected, 'listen');
  assert.equal(s.moments[0]?.applied, false);
});

test('empathy lowers anger, « calmez-vous » raises it', () => {
  const s0 = startTraining({ persona: 'furious-quality', lang: 'fr', seed: 1, scenario: 0 });
  const calm = replyTo(s0, '[reply.empathy]', opts);
  const worse = replyTo(s0, '[risk.dismissive]', opts);
  assert.ok(calm.mood.anger < s0.mood.anger);
  assert.ok(worse.mood.anger > s0.mood.anger);
  assert.equal(worse.lastIntent, 'react_dismissive');
});

test('a rude client who stops after a calm limit can then be helped to a resolution', () => {
  const s = run('rude', 0, [
    '[reply.boundary reply.empathy]',
    '[reply.clarifying_question reply.empathy]',
    ...METHOD.slice(1),
  ]);
  assert.equal(s.moments[0]?.expected, 'set_boundary');
  assert.equal(s.transcript[2]?.role, 'client');
  assert.equal(s.outcome?.kind, 'resolved');
});

test('a rude client who persists after the limit: end and hand over is the win, going on is a loss', () => {
  const won = run('rude', 1, [
    '[reply.boundary]',
    '[] Je mets fin à cet échange et je vais transmettre votre dossier à ma responsable.',
  ]);
  assert.deepEqual(won.outcome, { kind: 'escalated', reason: 'abuse_persisted' });
  assert.equal(won.moments[1]?.expected, 'end_and_escalate');
  const lost = run('rude', 1, ['[reply.boundary]', '[reply.empathy]', '[reply.empathy]', '[reply.empathy]']);
  assert.deepEqual(lost.outcome, { kind: 'failed', reason: 'abuse_tolerated' });
});

test('escalating before any limit was set is too early', () => {
  const s = run('origin-remarks', 0, ['[] Je vais vous passer ma responsable.'], 'fr');
  assert.deepEqual(s.outcome, { kind: 'failed', reason: 'escalated_too_early' });
});

test('the escalate button counts as a hand-over', () => {
  let s = startTraining({ persona: 'origin-remarks', lang: 'en', seed: 3, scenario: 1 });
  s = replyTo(s, '[reply.boundary]', opts);
  assert.equal(s.lastIntent, 'abuse_after_boundary');
  s = replyTo(s, { text: '[] I will stop here.', escalate: true }, opts);
  assert.deepEqual(s.outcome, { kind: 'escalated', reason: 'abuse_persisted' });
});

test('a boundary with no abuse is misplaced and costs anger', () => {
  const s0 = startTraining({ persona: 'anxious-deadline', lang: 'fr', seed: 1, scenario: 0 });
  const s1 = replyTo(s0, '[reply.boundary]', opts);
  assert.equal(s1.lastIntent, 'misplaced_boundary');
  assert.ok(s1.mood.anger > s0.mood.anger);
});

test('toxic client: each concession brings a new demand; holding the terms makes them back down', () => {
  const conceding = run('toxic-concessions', 0, [
    '[reply.empathy] Je vous offre une remise.',
    '[reply.solution] D’accord, gratuitement.',
    '[] Bon, 10 % de réduction.',
  ]);
  assert.equal(conceding.moments[1]?.clientIntent, 'pressure_after_concession');
  assert.deepEqual(conceding.outcome, { kind: 'failed', reason: 'conceded' });
  const holding = run('toxic-concessions', 0, [
    '[reply.empathy] Reprenons le devis.',
    '[reply.explanation] Le devis prévoit deux séries.',
    '[reply.clarifying_question reply.reformulation]',
    '[reply.solution reply.next_steps]',
    '[reply.next_steps]',
  ]);
  assert.equal(holding.moments[1]?.expected, 'hold_concessions');
  assert.equal(holding.moments[2]?.clientIntent, 'back_down');
  assert.deepEqual(holding.outcome, { kind: 'resolved', reason: 'agreed' });
});

test('bad faith: back to the written terms works, accusing does not', () => {
  const won = run('bad-faith', 1, [
    '[reply.thanks reply.clarifying_question]',
    '[reply.empathy] Reprenons le devis signé.',
    '[] Le devis que vous avez signé le précise.',
    '[reply.reformulation reply.we_language]',
    '[reply.solution reply.next_steps]',
    '[reply.next_steps]',
  ]);
  assert.equal(won.outcome?.kind, 'resolved');
  const lost = run('bad-faith', 1, [
    '[risk.blame] Vous êtes de mauvaise foi.',
    '[risk.aggression]',
    '[risk.blame]',
  ]);
  assert.equal(lost.outcome?.kind, 'failed');
  assert.equal(lost.moments[0]?.clientIntent, 'opening');
  assert.equal(lost.transcript[2]?.text.includes('mens'), true);
});

test('an overpromise pleases now and comes back two turns later', () => {
  let s = startTraining({ persona: 'anxious-deadline', lang: 'fr', seed: 5, scenario: 0 });
  s = replyTo(s, '[reply.empathy risk.overpromise]', opts);
  s = replyTo(s, '[reply.we_language reply.clarifying_question]', opts);
  s = replyTo(s, '[reply.reformulation]', opts);
  assert.equal(s.lastIntent, 'callback_overpromise');
  assert.ok(s.transcript.at(-1)?.text.includes('je vous garantis que tout sera prêt'));
  assert.equal(expectedMove(s), 'own_up');
  s = replyTo(s, '[reply.explanation reply.apology]', opts);
  assert.equal(s.overpromises[0]?.ownedUp, true);
});

test('same seed gives the same transcript and scores; the seed picks the scenario', () => {
  const a = runScripted({ persona: 'power', lang: 'en', seed: 'alice' }, METHOD, opts);
  const b = runScripted({ persona: 'power', lang: 'en', seed: 'alice' }, METHOD, opts);
  assert.deepEqual(a.transcript, b.transcript);
  assert.deepEqual(buildDebrief(a), buildDebrief(b));
  const scenarios = new Set<number>();
  const openings = new Set<string>();
  for (let seed = 0; seed < 30; seed++) {
    const s = startTraining({ persona: 'furious-quality', lang: 'fr', seed });
    scenarios.add(s.scenario);
    openings.add(s.transcript[0]?.text ?? '');
  }
  assert.equal(scenarios.size, 3);
  assert.ok(openings.size >= 4);
});

test('every persona opens in both languages with no unfilled slot, and the state is plain JSON', () => {
  for (const persona of PERSONA_IDS) {
    for (const lang of ['fr', 'en'] as const) {
      for (const scenario of [0, 1, 2]) {
        const s = runScripted({ persona, lang, seed: 1, scenario }, METHOD, opts);
        for (const t of s.transcript) assert.doesNotMatch(t.text, /\{\w+\}/, `${persona} ${lang}: ${t.text}`);
        const copy = JSON.parse(JSON.stringify(s)) as TrainingState;
        assert.deepEqual(copy, s);
      }
    }
  }
});

test('an asynchronous voice can plan the reaction and append its own line', () => {
  const s0 = startTraining({ persona: 'anxious-deadline', lang: 'en', seed: 2 });
  const plan = planReply(s0, { text: '[reply.empathy reply.we_language]' }, opts);
  const s1 = withClientLine(plan.state, plan.intent, 'Thank you, that helps.');
  assert.equal(s1.transcript.at(-1)?.text, 'Thank you, that helps.');
  assert.equal(s1.lastIntent, plan.intent);
  assert.throws(() =>
    planReply({ ...s1, outcome: { kind: 'resolved', reason: 'agreed' } }, { text: 'x' }, opts),
  );
});

test('the session gives up after too many replies that do nothing', () => {
  const s = run(
    'power',
    0,
    Array.from({ length: 20 }, () => '[]'),
  );
  assert.deepEqual(s.outcome, { kind: 'failed', reason: 'out_of_time' });
  assert.equal(s.moments.length, 12);
});

test('the client quotes back the whole sentence of the promise, not only the flagged words', () => {
  const text = 'Pas d’inquiétude. Je vous garantis que tout sera parfait demain. Je m’en occupe.';
  const start = text.indexOf('Je vous garantis que');
  const reader: ReadReplyFn = () => [
    { id: 'reply.empathy', evidence: 'x' },
    { id: 'risk.overpromise', evidence: 'Je vous garantis que', start, end: start + 20 },
  ];
  let s = startTraining({ persona: 'anxious-deadline', lang: 'fr', seed: 5, scenario: 0 });
  s = replyTo(s, text, { readReply: reader });
  assert.equal(s.overpromises[0]?.evidence, 'Je vous garantis que tout sera parfait demain');
});

test('a furious client does not take a solution on the very first reply, even an all-in-one one', () => {
  const s0 = startTraining({ persona: 'furious-quality', lang: 'fr', seed: 2, scenario: 1 });
  const s1 = replyTo(s0, '[reply.empathy reply.reformulation reply.solution reply.next_steps]', opts);
  assert.equal(s1.outcome, null);
  assert.equal(s1.lastIntent, 'jumped_to_solution');
  assert.equal(s1.moments[0]?.applied, false, 'listen was expected');
});

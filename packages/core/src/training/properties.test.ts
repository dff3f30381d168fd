/** Properties of any session, whatever the trainee writes (fast-check over random readings). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AGENT_SIGNAL_IDS } from '../types.ts';
import { buildDebrief } from './debrief.ts';
import { modelReply } from './model-replies.ts';
import { MAX_TURNS, runScripted } from './simulator.ts';
import { PERSONA_IDS, type ReadReplyFn } from './types.ts';

const tagged: ReadReplyFn = (text) =>
  text
    .split(' ')
    .filter((id) => (AGENT_SIGNAL_IDS as readonly string[]).includes(id))
    .map((id) => ({ id, evidence: id }));

const reply = fc.oneof(
  fc.subarray([...AGENT_SIGNAL_IDS], { maxLength: 5 }).map((ids) => ({ text: ids.join(' ') })),
  fc.constantFrom(
    { text: 'Je passe le relais à ma responsable.', escalate: true },
    { text: 'Je vous fais une remise de 10 %.' },
    { text: 'Reprenons le devis signé.' },
    { text: '' },
  ),
);

test('any session ends within the turn limit, scores stay in 0..100, the same input replays the same', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...PERSONA_IDS),
      fc.constantFrom('fr' as const, 'en' as const),
      fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      fc.array(reply, { maxLength: MAX_TURNS + 3 }),
      (persona, lang, seed, replies) => {
        const s = runScripted({ persona, lang, seed }, replies, { readReply: tagged });
        assert.ok(s.moments.length <= MAX_TURNS);
        if (replies.length >= MAX_TURNS) assert.notEqual(s.outcome, null);
        for (const m of s.moments) for (const v of Object.values(m.moodAfter)) assert.ok(v >= 0 && v <= 10);
        const d = buildDebrief(s, { draftReply: modelReply });
        assert.ok(d.overall >= 0 && d.overall <= 100);
        for (const k of d.skills) assert.ok(k.score >= 0 && k.score <= 100 && k.taken <= k.moments);
        assert.equal(d.missed.length, s.moments.filter((m) => !m.applied).length);
        const again = runScripted({ persona, lang, seed }, replies, { readReply: tagged });
        assert.deepEqual(again, s);
      },
    ),
    { numRuns: 300 },
  );
});

/**
 * The coach and the client agree: a trainee who always does what `expectedMove` asks wins every
 * scenario of every persona, in both languages — resolved, or handed over when the abuse goes on
 * after the limit. (Replies carry their findings in brackets, read by an injected reader.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Lang } from '../types.ts';
import { buildDebrief } from './debrief.ts';
import { modelReply } from './model-replies.ts';
import { personaProfile, personaText } from './personas/index.ts';
import { expectedMove, replyTo, startTraining } from './simulator.ts';
import { type ExpectedMove, PERSONA_IDS, type ReadReplyFn, type TraineeReply } from './types.ts';

const tagged: ReadReplyFn = (text) =>
  (/^\[([^\]]*)\]/.exec(text)?.[1] ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => ({ id, evidence: id }));

function coachReply(move: ExpectedMove, lang: Lang): TraineeReply {
  const terms = lang === 'fr' ? 'Reprenons le devis signé.' : "Let's go back to the signed quote.";
  const tags: Record<ExpectedMove, string> = {
    listen: 'reply.empathy reply.clarifying_question',
    acknowledge: 'reply.empathy reply.thanks',
    reassure: 'reply.empathy reply.we_language',
    reformulate: 'reply.reformulation',
    clarify: 'reply.clarifying_question',
    propose_solution: 'reply.solution reply.we_language',
    agree_next_steps: 'reply.next_steps',
    close_and_thank: 'reply.thanks',
    set_boundary: 'reply.boundary',
    end_and_escalate: '',
    escalate_legal: '',
    hold_concessions: 'reply.explanation',
    pause_and_call_back: 'reply.next_steps',
    own_up: 'reply.explanation reply.apology',
  };
  const text = `[${tags[move]}]${move === 'hold_concessions' ? ` ${terms}` : ''}`;
  return move === 'end_and_escalate' ? { text, escalate: true } : { text };
}

test('following the coach wins every scenario of every persona, fr and en', () => {
  for (const persona of PERSONA_IDS) {
    const profile = personaProfile(persona);
    for (const lang of ['fr', 'en'] as const) {
      for (let scenario = 0; scenario < personaText(persona, lang).scenarios.length; scenario++) {
        let s = startTraining({ persona, lang, seed: 99, scenario });
        const moves: string[] = [];
        while (!s.outcome) {
          const move = expectedMove(s);
          moves.push(move);
          s = replyTo(s, coachReply(move, lang), { readReply: tagged });
        }
        const persists = profile.scenarios[scenario]?.boundary === 'persists';
        const where = `${persona} ${lang} #${scenario}: ${moves.join(' → ')} ⇒ ${s.outcome.reason}`;
        assert.equal(s.outcome.kind, persists ? 'escalated' : 'resolved', where);
        assert.ok(
          s.moments.every((m) => m.applied),
          where,
        );
        const d = buildDebrief(s, { draftReply: modelReply });
        assert.equal(d.missed.length, 0, where);
        assert.ok(d.overall >= 85, `${where} overall ${d.overall}`);
      }
    }
  }
});

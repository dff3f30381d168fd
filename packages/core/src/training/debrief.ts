/**
 * The scored debrief of a session: which steps of the method were applied when, the moments
 * missed with the reply the protocol would have drafted, the risks taken, a score per skill and
 * overall, the hidden truth and whether it came out. Pure: the drafter is injected.
 */
import type { ActionId, AgentRiskId, Conversation } from '../types.ts';
import { MOVE_WHY, OUTCOME_TEXT, RISK_ADVICE, SKILL_TIP, STEP_ORDER } from './debrief-text.ts';
import { modelReply } from './model-replies.ts';
import { personaText } from './personas/index.ts';
import { protocolDraft } from './protocol-draft.ts';
import { overallScore, scoreSkills } from './scoring.ts';
import type { Debrief, DraftReplyFn, MissedMoment, TrainingState } from './types.ts';

export interface DebriefOptions {
  /** Writes the better reply; the protocol's draftReply by default, the model replies as fallback. */
  readonly draftReply?: DraftReplyFn;
}

export function buildDebrief(s: TrainingState, options: DebriefOptions = {}): Debrief {
  const lang = s.lang;
  const draft = options.draftReply ?? protocolDraft;
  const scenario = personaText(s.persona, lang).scenarios[s.scenario];

  const stepTurns = new Map<ActionId, number[]>();
  for (const m of s.moments)
    for (const step of m.steps) stepTurns.set(step, [...(stepTurns.get(step) ?? []), m.turn]);
  const steps = STEP_ORDER.filter((step) => stepTurns.has(step)).map((step) => ({
    step,
    turns: stepTurns.get(step) ?? [],
  }));

  const missed: MissedMoment[] = [];
  for (const m of s.moments) {
    if (m.applied) continue;
    // The conversation as it stood when the trainee had to answer: up to the client's line.
    const conversation: Conversation = { lang, turns: s.transcript.slice(0, 2 * m.turn - 1) };
    const input = { conversation, action: m.expected, lang, persona: s.persona, scenario: s.scenario };
    const betterReply = draft(input) ?? modelReply(input) ?? '';
    missed.push({
      turn: m.turn,
      expected: m.expected,
      client: m.client,
      reply: m.reply,
      why: MOVE_WHY[m.expected][lang],
      betterReply,
    });
  }

  const risks = s.moments.flatMap((m) =>
    m.risks.map((r) => ({
      turn: m.turn,
      id: r.id as AgentRiskId,
      evidence: r.evidence,
      advice: RISK_ADVICE[r.id as AgentRiskId]?.[lang] ?? '',
    })),
  );

  const skills = scoreSkills(s);
  const overall = overallScore(s, skills);
  const outcome = s.outcome ?? { kind: 'failed' as const, reason: 'gave_up' as const };
  const tips = [...skills]
    .filter((k) => k.score < 70)
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .map((k) => SKILL_TIP[k.skill][lang]);

  return {
    persona: s.persona,
    lang,
    scenario: s.scenario,
    seed: s.seed,
    outcome,
    outcomeText: OUTCOME_TEXT[outcome.reason][lang],
    hiddenTruth: { text: scenario?.hiddenTruth ?? '', discoveredAt: s.truthAt },
    steps,
    missed,
    risks,
    skills,
    overall,
    tips,
  };
}

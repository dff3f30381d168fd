/**
 * Scores per skill, from the moments of a session: each moment the method called for a move is
 * an opportunity for one skill, taken when the reply applied it; a few whole-session checks are
 * added (did the trainee ever ask, reformulate before proposing, set the limit, keep promises);
 * risks cost points on the skills they damage. Overall = 70 % mean of the skills + 30 % outcome.
 */
import type { AgentRiskId } from '../types.ts';
import { personaProfile } from './personas/index.ts';
import { flagsOf } from './simulator.ts';
import type { ExpectedMove, SkillId, SkillScore, TrainingState } from './types.ts';
import { SKILL_IDS } from './types.ts';

export const SKILL_OF_MOVE: Readonly<Record<ExpectedMove, SkillId>> = {
  listen: 'listening',
  pause_and_call_back: 'listening',
  acknowledge: 'empathy',
  reassure: 'empathy',
  reformulate: 'reformulation',
  clarify: 'facts',
  propose_solution: 'solutions',
  agree_next_steps: 'solutions',
  close_and_thank: 'solutions',
  set_boundary: 'boundaries',
  end_and_escalate: 'boundaries',
  escalate_legal: 'boundaries',
  hold_concessions: 'boundaries',
  own_up: 'honesty',
};

/** Points a risk costs, by skill. */
const RISK_COST: Readonly<Record<AgentRiskId, Partial<Record<SkillId, number>>>> = {
  'risk.defensive': { listening: 15, honesty: 10 },
  'risk.blame': { listening: 15, facts: 15 },
  'risk.dismissive': { empathy: 20, listening: 10 },
  'risk.aggression': { boundaries: 30, empathy: 20 },
  'risk.shouting': { boundaries: 15 },
  'risk.overpromise': { honesty: 20, solutions: 10 },
};

export function scoreSkills(s: TrainingState): SkillScore[] {
  const profile = personaProfile(s.persona);
  const moments = new Map<SkillId, { moments: number; taken: number }>(
    SKILL_IDS.map((k) => [k, { moments: 0, taken: 0 }]),
  );
  const count = (skill: SkillId, taken: boolean) => {
    const m = moments.get(skill);
    if (!m) return;
    m.moments += 1;
    if (taken) m.taken += 1;
  };
  for (const m of s.moments) count(SKILL_OF_MOVE[m.expected], m.applied);

  const flags = s.moments.map((m) => flagsOf(m.reading));
  const firstSolution = flags.findIndex((f) => f.solution);
  const any = (pred: (f: (typeof flags)[number]) => boolean) => flags.some(pred);
  // Whole-session checks, so that a short session still says something about each skill. A
  // proper hand-over ends the exchange before the problem is worked on: those checks do not apply.
  if (s.outcome?.kind !== 'escalated') {
    count(
      'listening',
      any((f) => f.question || f.reform),
    );
    count(
      'empathy',
      any((f) => f.empathic || f.we),
    );
    count(
      'reformulation',
      flags.slice(0, firstSolution < 0 ? flags.length : firstSolution + 1).some((f) => f.reform),
    );
    count(
      'facts',
      any((f) => f.question || f.terms || f.explains),
    );
    count('solutions', any((f) => f.solution) && s.solutionAt !== null);
    count(
      'solutions',
      any((f) => f.nextSteps),
    );
  }
  count('honesty', !any((f) => f.overpromise) || s.overpromises.every((o) => o.ownedUp));
  count('honesty', !any((f) => f.defensive));
  if (profile.abusive) count('boundaries', s.boundarySetAt !== null);
  if (profile.pressure !== 'none') count('boundaries', s.holds > 0 && s.concessions === 0);
  if (!profile.abusive && profile.pressure === 'none')
    count('boundaries', !any((f) => f.aggression || f.shouting));

  const penalty = new Map<SkillId, number>();
  for (const m of s.moments) {
    for (const r of new Set(m.risks.map((x) => x.id as AgentRiskId))) {
      for (const [skill, cost] of Object.entries(RISK_COST[r] ?? {}) as [SkillId, number][]) {
        penalty.set(skill, (penalty.get(skill) ?? 0) + cost);
      }
    }
  }
  if (profile.pressure !== 'none')
    penalty.set('boundaries', (penalty.get('boundaries') ?? 0) + 15 * s.concessions);

  return SKILL_IDS.map((skill) => {
    const m = moments.get(skill) ?? { moments: 0, taken: 0 };
    const base = m.moments === 0 ? 100 : (100 * m.taken) / m.moments;
    const score = Math.max(0, Math.min(100, Math.round(base - (penalty.get(skill) ?? 0))));
    return { skill, score, moments: m.moments, taken: m.taken };
  });
}

export function outcomeScore(s: TrainingState): number {
  if (!s.outcome) return 0;
  if (s.outcome.kind !== 'failed') return 100;
  return s.outcome.reason === 'escalated_too_early' ? 20 : 0;
}

export function overallScore(s: TrainingState, skills: readonly SkillScore[] = scoreSkills(s)): number {
  const mean = skills.reduce((sum, k) => sum + k.score, 0) / Math.max(1, skills.length);
  return Math.round(0.7 * mean + 0.3 * outcomeScore(s));
}

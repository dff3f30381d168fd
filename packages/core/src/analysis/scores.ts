/**
 * Emotion intensities and escalation risk, in [0, 1], from the findings of one message
 * (being refined: see issue #2).
 */
import type { Finding, Scores } from '../types.ts';
import type { RuleContext } from './rule.ts';

const clamp = (x: number): number => Math.max(0, Math.min(1, x));

export function computeScores(findings: readonly Finding[], _ctx: RuleContext): Scores {
  const has = (prefix: string) => findings.filter((f) => f.id.startsWith(prefix)).length;
  const anger = clamp(0.5 * has('emotion.anger') + 0.2 * has('tone.shouting') + 0.25 * has('abuse.'));
  const anxiety = clamp(0.6 * has('emotion.anxiety'));
  const disappointment = clamp(0.6 * has('emotion.disappointment'));
  const escalationRisk = clamp(
    0.35 * has('abuse.') + 0.25 * has('pressure.') + 0.15 * has('tactic.') + 0.4 * anger + 0.1 * anxiety,
  );
  return { anger, anxiety, disappointment, escalationRisk };
}

/**
 * A fixed analyser for the protocol's unit tests: each turn's signals are given by the test, so
 * the decision rules are tested on their own, whatever the detection rules find on a given day.
 * (The draft-safety and generalisation tests use the real `analyze`.)
 */
import type { Analysis, AnalyzeOptions, Finding, SignalId } from '../types.ts';
import type { Analyzer } from './state.ts';

/** Signals per exact turn text; unknown texts get none. */
export function annotatedAnalyzer(signals: Readonly<Record<string, readonly SignalId[]>>): Analyzer {
  return (text: string, options: AnalyzeOptions): Analysis => {
    const ids = signals[text] ?? [];
    const findings: Finding[] = ids.map((id) => ({
      id,
      severity: id.startsWith('abuse.') ? 3 : 2,
      start: 0,
      end: text.length,
      evidence: text,
      message: id,
    }));
    const count = (p: string) => ids.filter((id) => id.startsWith(p)).length;
    return {
      role: options.role,
      lang: options.lang ?? 'fr',
      findings,
      scores: {
        anger: Math.min(1, 0.5 * count('emotion.anger') + 0.25 * count('abuse.')),
        anxiety: Math.min(1, 0.6 * count('emotion.anxiety')),
        disappointment: Math.min(1, 0.6 * count('emotion.disappointment')),
        escalationRisk: 0,
      },
      truncated: false,
    };
  };
}

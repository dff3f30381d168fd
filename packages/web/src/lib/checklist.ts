/**
 * The method's checklist for a reply draft, computed from the draft's own analysis: thanks,
 * empathy, reformulation, solution, next steps; plus a calm boundary when the client crossed the
 * line. A small score sums it up for the agent: the share of the checklist met, minus the risks.
 */
import type { Analysis, Finding } from '@sangfroid/core';

export const CHECKLIST_IDS = [
  'reply.thanks',
  'reply.empathy',
  'reply.reformulation',
  'reply.solution',
  'reply.next_steps',
] as const;

export type ChecklistId = (typeof CHECKLIST_IDS)[number] | 'reply.boundary';

export interface ChecklistItem {
  readonly id: ChecklistId;
  readonly done: boolean;
}

export interface DraftCheck {
  readonly items: readonly ChecklistItem[];
  /** Findings of the draft that the method warns against (`risk.*`), in text order. */
  readonly risks: readonly Finding[];
  /** 0–100: the share of the checklist met, minus a penalty per risk weighted by severity. */
  readonly score: number;
}

/** Penalty in score points per risk, by severity: a sarcasm or a threat sinks the reply. */
const RISK_PENALTY: Readonly<Record<1 | 2 | 3, number>> = { 1: 10, 2: 20, 3: 40 };

/** True when the client's message holds abuse: the reply must then set a calm limit. */
export function needsBoundary(client: Analysis | undefined): boolean {
  return !!client?.findings.some((f) => f.id.startsWith('abuse.'));
}

export function checkDraftLocally(draft: Analysis, client?: Analysis): DraftCheck {
  const found = new Set(draft.findings.map((f) => f.id));
  const ids: ChecklistId[] = [...CHECKLIST_IDS];
  if (needsBoundary(client)) ids.push('reply.boundary');
  const items = ids.map((id) => ({ id, done: found.has(id) }));
  const risks = draft.findings.filter((f) => f.id.startsWith('risk.'));
  const met = items.filter((i) => i.done).length / items.length;
  const penalty = risks.reduce((sum, r) => sum + RISK_PENALTY[r.severity], 0);
  const score = Math.max(0, Math.min(100, Math.round(met * 100 - penalty)));
  return { items, risks, score };
}

/** Replaces `finding`'s span of `text` by `rewrite` (the agent applies a suggestion). */
export function applySuggestion(
  text: string,
  finding: Pick<Finding, 'start' | 'end'>,
  rewrite: string,
): string {
  const start = Math.max(0, Math.min(finding.start, text.length));
  const end = Math.max(start, Math.min(finding.end, text.length));
  return text.slice(0, start) + rewrite + text.slice(end);
}

/**
 * The live review of the agent's draft, on the core's protocol: `checkDraft` reads the draft
 * against the moment of the conversation (the recommended action), so the checklist shows what is
 * expected now, the risks carry their rewrite, and the score is the method's own (/100).
 * Without a client message yet, the draft is reviewed on its analysis alone (checklist.ts).
 */
import {
  AGENT_QUALITY_IDS,
  type AgentQualityId,
  type Analysis,
  checkDraft,
  EXPECTED,
  type Turn,
} from '@sangfroid/core';
import { CHECKLIST_IDS, checkDraftLocally, needsBoundary } from './checklist.ts';
import { cachedAnalyze } from './memo-analyze.ts';

export interface ReviewItem {
  readonly id: AgentQualityId;
  readonly done: boolean;
  /** The method asks for it at this moment of the conversation. */
  readonly isRequired: boolean;
  /** Present, but too early for this moment (e.g. a fix while the client is still venting). */
  readonly isPremature: boolean;
}

export interface ReviewRisk {
  readonly id: string;
  readonly severity: 1 | 2 | 3;
  readonly start: number;
  readonly end: number;
  readonly evidence: string;
  readonly message: string;
  /** Advice in the conversation's language. */
  readonly advice: readonly string[];
  /** A literal replacement for the span, when the advice quotes one. */
  readonly rewrite: string | null;
}

export interface DraftReview {
  readonly items: readonly ReviewItem[];
  readonly risks: readonly ReviewRisk[];
  /** 0–100, or null for an empty draft. */
  readonly score: number | null;
  /** The action the draft is checked against, when a client message is known. */
  readonly action: string | null;
}

const QUOTED = /«\s*([^«»]+?)\s*»|“([^“”]+)”/g;

/**
 * The replacement a piece of advice quotes: its last «…» or “…” passage that is not the risky
 * words themselves and holds no blank to fill (…). Null when the advice is only an instruction.
 */
export function rewriteOf(advice: string, evidence: string): string | null {
  const same = (a: string) => a.trim().toLowerCase() === evidence.trim().toLowerCase();
  const quotes = [...advice.matchAll(QUOTED)]
    .map((m) => (m[1] ?? m[2] ?? '').trim())
    .filter((q) => q && !same(q));
  const last = quotes[quotes.length - 1];
  return last && !last.includes('…') && !last.includes('...') ? last : null;
}

function orderOf(ids: Iterable<AgentQualityId>): AgentQualityId[] {
  const set = new Set(ids);
  return AGENT_QUALITY_IDS.filter((id) => set.has(id));
}

export function reviewDraft(
  draft: string,
  history: readonly Turn[],
  clientText: string,
  client: Analysis,
  reply: Analysis,
): DraftReview {
  const isEmpty = draft.trim().length === 0;
  if (!clientText.trim()) {
    const local = checkDraftLocally(reply, client);
    return {
      items: local.items.map((i) => ({ id: i.id, done: i.done, isRequired: false, isPremature: false })),
      risks: local.risks.map((r) =>
        riskOf(r.id, r.severity, r.start, r.end, r.evidence, r.message, r.suggestions ?? []),
      ),
      score: isEmpty ? null : local.score,
      action: null,
    };
  }
  const check = checkDraft(
    draft,
    { turns: [...history, { role: 'client', text: clientText }] },
    { analyzer: cachedAnalyze },
  );
  const expected = EXPECTED[check.action];
  const base: AgentQualityId[] = [...CHECKLIST_IDS, ...expected.required];
  if (needsBoundary(client)) base.push('reply.boundary');
  const present = new Set(check.qualities.present);
  const items = orderOf(base).map((id) => ({
    id,
    done: present.has(id),
    isRequired: expected.required.includes(id),
    isPremature: check.qualities.premature.includes(id),
  }));
  const bySpan = new Map(reply.findings.map((f) => [`${f.id}:${f.start}:${f.end}`, f.suggestions ?? []]));
  const risks = check.risks.map((r) => {
    const advice = [r.suggestion, ...(bySpan.get(`${r.id}:${r.start}:${r.end}`) ?? [])].filter(
      (s, i, all) => s && all.indexOf(s) === i,
    );
    return riskOf(r.id, r.severity, r.start, r.end, r.evidence, r.message, advice);
  });
  return { items, risks, score: isEmpty ? null : check.score, action: check.action };
}

function riskOf(
  id: string,
  severity: 1 | 2 | 3,
  start: number,
  end: number,
  evidence: string,
  message: string,
  advice: readonly string[],
): ReviewRisk {
  const rewrite = advice.map((a) => rewriteOf(a, evidence)).find((r) => r !== null) ?? null;
  return { id, severity, start, end, evidence, message, advice, rewrite };
}

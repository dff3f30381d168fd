/**
 * Bridges the core's protocol engine (recommend, and draftReply / checkDraft when they are
 * exported) to stored conversations. Stored analyses are reused, so a conversation is not
 * re-analysed turn by turn on every new message.
 */
import * as core from '@sangfroid/core';
import {
  type Analysis,
  type AnalyzeOptions,
  analyze,
  type Conversation,
  type Lang,
  type Turn,
} from '@sangfroid/core';

/** Turns given to the protocol: the method looks at the recent exchange, not the whole history. */
export const PROTOCOL_WINDOW = 30;

export interface StoredTurn {
  readonly role: 'client' | 'agent';
  readonly text: string;
  readonly analysis?: Analysis | undefined;
}

function cachedAnalyzer(turns: readonly StoredTurn[]) {
  const cache = new Map<string, Analysis>();
  for (const t of turns) if (t.analysis) cache.set(`${t.role}\u0000${t.text}`, t.analysis);
  return (text: string, options: AnalyzeOptions): Analysis => {
    const hit = cache.get(`${options.role}\u0000${text}`);
    return hit && (options.lang === undefined || hit.lang === options.lang) ? hit : analyze(text, options);
  };
}

/** The recommendation without the engine's internal state (kept small in the database). */
export function recommendFor(turns: readonly StoredTurn[], lang?: Lang): Record<string, unknown> | null {
  if (turns.length === 0) return null;
  const conversation: Conversation = {
    turns: turns.map((t): Turn => ({ role: t.role, text: t.text })),
    ...(lang ? { lang } : {}),
  };
  const r = core.recommend(conversation, { analyzer: cachedAnalyzer(turns), ...(lang ? { lang } : {}) });
  return {
    action: r.action,
    lang: r.lang,
    reasons: r.reasons.map((x) => ({ rule: x.rule, method: x.method, text: x.text, evidence: x.evidence })),
    avoid: r.avoid,
  };
}

type Fn = (...args: unknown[]) => unknown;
const optional = (name: string): Fn | undefined => {
  const f = (core as unknown as Record<string, unknown>)[name];
  return typeof f === 'function' ? (f as Fn) : undefined;
};

/** A draft reply, when the core exports `draftReply(conversation)`; null until then. */
export function draftFor(turns: readonly StoredTurn[], lang?: Lang): unknown {
  const draftReply = optional('draftReply');
  if (!draftReply || turns.length === 0) return null;
  return (
    draftReply({ turns: turns.map((t) => ({ role: t.role, text: t.text })), ...(lang ? { lang } : {}) }) ??
    null
  );
}

/** The check of an agent's draft, with `checkDraft(draft, conversation)` when exported; else its analysis. */
export function checkDraftFor(draft: string, turns: readonly StoredTurn[], lang?: Lang): unknown {
  const checkDraft = optional('checkDraft');
  const conversation = {
    turns: turns.map((t) => ({ role: t.role, text: t.text })),
    ...(lang ? { lang } : {}),
  };
  if (checkDraft) return checkDraft(draft, conversation) ?? null;
  return { analysis: analyze(draft, { role: 'agent', ...(lang ? { lang } : {}) }) };
}

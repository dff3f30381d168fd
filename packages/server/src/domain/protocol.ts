/**
 * Bridges the core's protocol engine (recommend, draftReply, checkDraft) to stored conversations.
 * Stored analyses are reused through the engine's `analyzer` hook, so a conversation is not
 * re-analysed turn by turn on every new message. The engine's internal state is left out of what
 * is stored and returned: it is large and recomputable.
 */
import {
  type Analysis,
  type AnalyzeOptions,
  analyze,
  type Conversation,
  checkDraft,
  type DraftChannel,
  draftReply,
  type Formality,
  type Lang,
  type Recommendation,
  recommend,
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

function conversationOf(turns: readonly StoredTurn[], lang?: Lang): Conversation {
  return { turns: turns.map((t) => ({ role: t.role, text: t.text })), ...(lang ? { lang } : {}) };
}

export function slimRecommendation(r: Recommendation) {
  return {
    action: r.action,
    lang: r.lang,
    reasons: r.reasons.map((x) => ({ rule: x.rule, method: x.method, text: x.text, evidence: x.evidence })),
    avoid: r.avoid,
  };
}

/** The next action of the method for these turns, or null for an empty conversation. */
export function recommendFor(
  turns: readonly StoredTurn[],
  lang?: Lang,
): ReturnType<typeof slimRecommendation> | null {
  if (turns.length === 0) return null;
  return slimRecommendation(
    recommend(conversationOf(turns, lang), { analyzer: cachedAnalyzer(turns), ...(lang ? { lang } : {}) }),
  );
}

export interface DraftInput {
  readonly channel?: DraftChannel | undefined;
  readonly formality?: Formality | undefined;
  readonly agentName?: string | undefined;
  readonly clientName?: string | undefined;
  readonly supervisorName?: string | undefined;
  readonly offers?: readonly string[] | undefined;
}

/** A draft reply following the method (offers only what `offers` lists). */
export function draftFor(turns: readonly StoredTurn[], lang: Lang | undefined, input: DraftInput = {}) {
  if (turns.length === 0) return null;
  const options = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const { recommendation: _r, ...draft } = draftReply(conversationOf(turns, lang), {
    ...options,
    analyzer: cachedAnalyzer(turns),
  });
  return draft;
}

/** How the agent's draft fits the moment: qualities present/missing/premature, risks, score. */
export function checkDraftFor(draft: string, turns: readonly StoredTurn[], lang?: Lang) {
  const { recommendation: _r, ...check } = checkDraft(draft, conversationOf(turns, lang), {
    analyzer: cachedAnalyzer(turns),
  });
  return check;
}

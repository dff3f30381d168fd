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

/**
 * Analyses the engine asks for that are not the stored ones — it reads every turn in the
 * conversation's language, so a turn whose own detected language differs (a short « OK » in a
 * French exchange, a switch of language) is analysed again, as is a client's run of bubbles read
 * as one turn. Keyed by role, language and text; `analyze` is pure, so a memo is exact.
 */
export type AnalysisMemo = ReadonlyMap<string, Analysis>;

function cachedAnalyzer(turns: readonly StoredTurn[], memo?: AnalysisMemo) {
  const stored = new Map<string, Analysis>();
  for (const t of turns) if (t.analysis) stored.set(`${t.role}\u0000${t.text}`, t.analysis);
  const used = new Map<string, Analysis>();
  const analyzer = (text: string, options: AnalyzeOptions): Analysis => {
    const hit = stored.get(`${options.role}\u0000${text}`);
    if (hit && (options.lang === undefined || hit.lang === options.lang)) return hit;
    const key = `${options.role}\u0000${options.lang ?? ''}\u0000${text}`;
    const analysis = used.get(key) ?? memo?.get(key) ?? analyze(text, options);
    used.set(key, analysis);
    return analysis;
  };
  return { analyzer, used: used as AnalysisMemo };
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
  return recommendWithMemo(turns, lang).recommendation;
}

/**
 * `recommendFor`, reusing the analyses of an earlier call on the same conversation (`memo`), and
 * returning the ones this call used: the memo for the next message.
 */
export function recommendWithMemo(
  turns: readonly StoredTurn[],
  lang?: Lang,
  memo?: AnalysisMemo,
): { recommendation: ReturnType<typeof slimRecommendation> | null; analyses: AnalysisMemo } {
  if (turns.length === 0) return { recommendation: null, analyses: new Map() };
  const { analyzer, used } = cachedAnalyzer(turns, memo);
  const recommendation = slimRecommendation(
    recommend(conversationOf(turns, lang), { analyzer, ...(lang ? { lang } : {}) }),
  );
  return { recommendation, analyses: used };
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
    analyzer: cachedAnalyzer(turns).analyzer,
  });
  return draft;
}

/** How the agent's draft fits the moment: qualities present/missing/premature, risks, score. */
export function checkDraftFor(draft: string, turns: readonly StoredTurn[], lang?: Lang) {
  const { recommendation: _r, ...check } = checkDraft(draft, conversationOf(turns, lang), {
    analyzer: cachedAnalyzer(turns).analyzer,
  });
  return check;
}

/**
 * Bridges the core's protocol engine (recommend, draftReply, checkDraft) to stored conversations.
 * Stored analyses are reused through the engine's `analyzer` hook, so a conversation is not
 * re-analysed turn by turn on every new message; on ingest, the engine's fold of the previous
 * turns is extended by the new one (see `recommendWithMemo`). The engine's internal state is left
 * out of what is stored and returned: it is large and recomputable.
 */
import {
  type Analysis,
  type AnalyzeOptions,
  analyze,
  type Conversation,
  checkDraft,
  type DraftChannel,
  draftReply,
  dropOldest,
  type Formality,
  foldTurn,
  type Lang,
  languageOf,
  languageScore,
  languageScoreOf,
  normalize,
  normalizedTextOf,
  type ProtocolFold,
  type Recommendation,
  recommend,
  recommendFromState,
  startFold,
  stateOfFold,
  type Turn,
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
  const used = new Map<string, Analysis>();
  const analyzer = (text: string, options: AnalyzeOptions): Analysis => {
    // the stored analysis of the latest turn with that role and text (the engine asks for the
    // newest turns, and for a merged text that is no turn's: a scan, no key strings to make)
    let hit: Analysis | undefined;
    for (let i = turns.length - 1; i >= 0 && !hit; i--) {
      const t = turns[i] as StoredTurn;
      if (t.analysis && t.role === options.role && t.text === text) hit = t.analysis;
    }
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
 * What one recommendation leaves for the next message of the same conversation: the analyses
 * made beyond the stored ones, and the engine's fold of the turns (`startFold`/`foldTurn`: each
 * turn read once, the state then derived without reading them again), which the next message
 * extends by its one turn — once the window slides, after dropping the turns that left it
 * (`dropOldest`: the others keep their reading) — while the conversation's language is the same
 * (it is read in that language).
 */
export interface ProtocolMemo {
  readonly analyses: AnalysisMemo;
  readonly fold?: ProtocolFold;
  /** The normalised text of each turn's text (`languageOf` reads them joined). */
  readonly normalized?: ReadonlyMap<string, string>;
  /**
   * The language evidence of each turn's text (`languageScore` of its normalised text), which
   * `languageOf` sums instead of detecting the language again over the joined texts.
   */
  readonly scores?: ReadonlyMap<string, number>;
}

/** `normalize(text).text` for the turns' texts, those `previous` holds taken from it. */
function normalizations(turns: readonly StoredTurn[], previous: ReadonlyMap<string, string> | undefined) {
  const out = new Map<string, string>();
  for (const t of turns) {
    if (out.has(t.text)) continue;
    out.set(t.text, previous?.get(t.text) ?? normalize(t.text).text);
  }
  return out;
}

/**
 * `languageScore` of each turn's normalised text, those `previous` holds taken from it; a turn's
 * own analysis gives it when `analyze` made it here from that very text (not clipped).
 */
function languageScores(
  turns: readonly StoredTurn[],
  normalized: ReadonlyMap<string, string>,
  previous: ReadonlyMap<string, number> | undefined,
) {
  const out = new Map<string, number>();
  for (const t of turns) {
    if (out.has(t.text)) continue;
    let score = previous?.get(t.text);
    if (score === undefined && t.analysis && normalizedTextOf(t.analysis)?.original === t.text)
      score = languageScoreOf(t.analysis);
    out.set(t.text, score ?? languageScore(normalized.get(t.text) ?? normalize(t.text).text));
  }
  return out;
}

/**
 * `recommendFor`, reusing what an earlier call on the same conversation left (`memo`), and
 * returning what this call leaves for the next message. The core guarantees the state of a fold
 * is the one `buildState` makes of the same turns, so the recommendation is the same either way.
 */
export function recommendWithMemo(
  turns: readonly StoredTurn[],
  lang?: Lang,
  memo?: ProtocolMemo,
): { recommendation: ReturnType<typeof slimRecommendation> | null; memo: ProtocolMemo } {
  if (turns.length === 0) return { recommendation: null, memo: { analyses: new Map() } };
  const { analyzer, used } = cachedAnalyzer(turns, memo?.analyses);
  const conversation = conversationOf(turns, lang);
  const normalized = lang ? memo?.normalized : normalizations(turns, memo?.normalized);
  const scores = lang || !normalized ? memo?.scores : languageScores(turns, normalized, memo?.scores);
  const language = languageOf(
    conversation,
    normalized && ((text) => normalized.get(text) ?? ''),
    scores && ((text) => scores.get(text)),
  );
  const fold = foldOf(conversation.turns, language, analyzer, memo?.fold);
  const kept = { ...(normalized ? { normalized } : {}), ...(scores ? { scores } : {}) };
  if (!fold) {
    const recommendation = slimRecommendation(
      recommend(conversation, { analyzer, ...(lang ? { lang } : {}) }),
    );
    return { recommendation, memo: { analyses: used, ...kept } };
  }
  const recommendation = slimRecommendation(recommendFromState(stateOfFold(fold, { analyzer })));
  return {
    recommendation,
    memo: { analyses: used, fold, ...kept },
  };
}

/**
 * The fold of `turns` in `lang`: `previous` extended by the last turn when it ends with exactly
 * the turns before it in that language (its older turns, which left the window, dropped first),
 * else folded from the start. Undefined when a stored analysis is not one the fold may take (made
 * for another role): `buildState` then reads the turns as is.
 */
function foldOf(
  turns: readonly Turn[],
  lang: Lang,
  analyzer: (text: string, options: AnalyzeOptions) => Analysis,
  previous: ProtocolFold | undefined,
): ProtocolFold | undefined {
  const before = turns.slice(0, -1);
  let fold =
    previous !== undefined && previous.lang === lang && endsWith(previous, before)
      ? dropOldest(previous, previous.length - before.length)
      : startFold({ lang });
  for (const turn of turns.slice(fold.length)) {
    const analysis = analyzer(turn.text, { role: turn.role, lang });
    if (analysis.role !== turn.role || analysis.lang !== lang) return undefined;
    fold = foldTurn(fold, turn, analysis);
  }
  return fold;
}

/** Whether the last turns `fold` holds are exactly these turns (same roles and texts, in order). */
function endsWith(fold: ProtocolFold, turns: readonly Turn[]): boolean {
  if (fold.length < turns.length) return false;
  let link = fold.last;
  for (let i = turns.length - 1; i >= 0; i--, link = link?.previous ?? null) {
    const turn = turns[i] as Turn;
    if (!link || link.turn.role !== turn.role || link.turn.text !== turn.text) return false;
  }
  return true;
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

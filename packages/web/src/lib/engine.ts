/**
 * The core engines as the browser uses them: the client's message and the agent's draft are
 * analysed locally, with no round trip, on every keystroke; the protocol recommends the next
 * action from the conversation so far.
 */
import {
  type ActionId,
  type Analysis,
  draftReply,
  type Lang,
  type Recommendation,
  recommend,
  type Turn,
} from '@sangfroid/core';
import { cachedAnalyze } from './memo-analyze.ts';

export function analyzeClient(text: string, lang?: Lang): Analysis {
  return cachedAnalyze(text, lang ? { role: 'client', lang } : { role: 'client' });
}

/** The draft is read in the client's language when it is known (a short draft is hard to detect). */
export function analyzeDraft(text: string, lang?: Lang): Analysis {
  return cachedAnalyze(text, lang ? { role: 'agent', lang } : { role: 'agent' });
}

export interface NextAction {
  readonly action: string;
  /** Why, in the conversation's language: the step of the method the rule implements. */
  readonly why: string | undefined;
  readonly avoid: readonly string[];
}

/** The recommended next action once the client has spoken; null when there is nothing to read. */
export function nextAction(history: readonly Turn[], clientText: string): NextAction | null {
  if (!clientText.trim()) return null;
  let rec: Recommendation;
  try {
    rec = recommend(
      { turns: [...history, { role: 'client', text: clientText }] },
      { analyzer: cachedAnalyze },
    );
  } catch {
    return null; // the assist screen keeps working on the analysis alone
  }
  return { action: rec.action, why: rec.reasons[0]?.method, avoid: rec.avoid };
}

/** The drafting channel of a conversation channel: a phone script, a short chat, or an e-mail. */
export function draftChannel(channel: string | undefined): 'email' | 'chat' | 'phone' {
  if (channel === 'phone' || channel === 'in_person') return 'phone';
  if (channel === 'chat' || channel === 'sms' || channel === 'social') return 'chat';
  return 'email';
}

/**
 * A reply drafted by the protocol for this moment of the conversation (or for `action`, when the
 * agent chose one: set a boundary, ask for a pause). Null when the client has not spoken yet.
 */
export function draftFor(
  history: readonly Turn[],
  clientText: string,
  channel?: string,
  action?: ActionId,
): string | null {
  if (!clientText.trim()) return null;
  try {
    return draftReply(
      { turns: [...history, { role: 'client', text: clientText }] },
      { channel: draftChannel(channel), analyzer: cachedAnalyze, ...(action ? { action } : {}) },
    ).text;
  } catch {
    return null;
  }
}

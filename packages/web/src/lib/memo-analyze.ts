/**
 * A memoising analyser for the browser. Every keystroke in the draft re-reads the conversation
 * (checkDraft, recommend and draftReply rebuild the protocol state), but only the draft changed:
 * the client's turns are analysed once and reused. Bounded, least-recently-used first out.
 */
import { type Analysis, type AnalyzeOptions, analyze } from '@sangfroid/core';

export type AnalyzeFn = (text: string, options: AnalyzeOptions) => Analysis;

export function memoAnalyzer(inner: AnalyzeFn = analyze, capacity = 64): AnalyzeFn {
  const cache = new Map<string, Analysis>();
  return (text, options) => {
    const key = `${options.role}\u0000${options.lang ?? ''}\u0000${text}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key); // refresh its place
      cache.set(key, hit);
      return hit;
    }
    const analysis = inner(text, options);
    cache.set(key, analysis);
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    return analysis;
  };
}

/** The one the app uses. */
export const cachedAnalyze: AnalyzeFn = memoAnalyzer();

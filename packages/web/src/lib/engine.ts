/**
 * The core engines as the browser uses them: the client's message and the agent's draft are
 * analysed locally, with no round trip, on every keystroke.
 */
import { type Analysis, analyze, type Lang } from '@sangfroid/core';

export function analyzeClient(text: string, lang?: Lang): Analysis {
  return analyze(text, lang ? { role: 'client', lang } : { role: 'client' });
}

/** The draft is read in the client's language when it is known (a short draft is hard to detect). */
export function analyzeDraft(text: string, lang?: Lang): Analysis {
  return analyze(text, lang ? { role: 'agent', lang } : { role: 'agent' });
}

/**
 * @sangfroid/core — the pure engines: analysis of one message, the method as a protocol over a
 * conversation, and the training simulator. No I/O: runs unchanged in Node and in the browser.
 */

export {
  analyze,
  languageScoreOf,
  MAX_ANALYZED_LENGTH,
  normalizedTextOf,
  signalIds,
} from './analysis/analyze.ts';
export { detectLang, languageScore } from './analysis/lang.ts';
export * from './protocol/index.ts';
export { type NormalizedText, normalize, toOriginalSpan } from './text/normalize.ts';
export * from './training/index.ts';
export * from './types.ts';

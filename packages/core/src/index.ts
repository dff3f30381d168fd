/**
 * @sangfroid/core — the pure engines: analysis of one message, the method as a protocol over a
 * conversation, and the training simulator. No I/O: runs unchanged in Node and in the browser.
 */
export * from './types.ts';
export { analyze, signalIds, MAX_ANALYZED_LENGTH } from './analysis/analyze.ts';
export { detectLang } from './analysis/lang.ts';
export { normalize, toOriginalSpan, type NormalizedText } from './text/normalize.ts';
export * from './protocol/index.ts';
export * from './training/index.ts';

/**
 * Phrase patterns from data files, compiled once into one regular expression per signal and
 * language, matched against the normalised text (lower case, no accents, straight apostrophes).
 *
 * Data shape (packages/core/data/{fr,en}/<family>.json):
 *   { "request.refund": { "patterns": ["rembours(e|ez|er)(-| )?moi"], "allow": ["..."] } }
 * Each pattern is a regular-expression source, wrapped in word boundaries that understand
 * accented letters; an `allow` pattern that overlaps a hit cancels it (« tuer le temps »).
 */
import type { Lang } from '../types.ts';
import type { RuleContext } from './rule.ts';

export interface PatternEntry {
  readonly patterns: readonly string[];
  readonly allow?: readonly string[];
}

export type PatternFile = Readonly<Record<string, PatternEntry>>;

export interface CompiledPatterns {
  readonly match: RegExp;
  readonly allow: RegExp | null;
}

const BOUNDARY_BEFORE = '(?<![\\p{L}\\p{N}])';
const BOUNDARY_AFTER = '(?![\\p{L}\\p{N}])';

/** One alternation of word-bounded patterns; throws on an invalid source (a data bug). */
export function compileAlternation(sources: readonly string[]): RegExp {
  const body = sources.map((s) => `(?:${s})`).join('|');
  return new RegExp(`${BOUNDARY_BEFORE}(?:${body})${BOUNDARY_AFTER}`, 'gu');
}

export function compileEntry(entry: PatternEntry): CompiledPatterns {
  return {
    match: compileAlternation(entry.patterns),
    allow: entry.allow && entry.allow.length > 0 ? compileAlternation(entry.allow) : null,
  };
}

/** Compiles every entry of a pattern file; keyed by signal id. */
export function compileFile(file: PatternFile): ReadonlyMap<string, CompiledPatterns> {
  const out = new Map<string, CompiledPatterns>();
  for (const [id, entry] of Object.entries(file)) out.set(id, compileEntry(entry));
  return out;
}

export interface NormalizedMatch {
  /** Half-open span in the normalised text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** All non-overlapping matches of `compiled` in `text`, minus those an allow pattern covers. */
export function findMatches(compiled: CompiledPatterns, text: string): NormalizedMatch[] {
  const out: NormalizedMatch[] = [];
  compiled.match.lastIndex = 0;
  for (const m of text.matchAll(compiled.match)) {
    if (m[0].length === 0) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  if (out.length === 0 || !compiled.allow) return out;
  const allowed: NormalizedMatch[] = [];
  for (const m of text.matchAll(compiled.allow))
    allowed.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out.filter((hit) => !allowed.some((a) => a.start < hit.end && hit.start < a.end));
}

/** Per-language compiled patterns for one signal. */
export type ByLang = Readonly<Record<Lang, CompiledPatterns | undefined>>;

/** Matches of the patterns of `ctx.lang`, in normalised offsets. */
export function matchIn(ctx: RuleContext, byLang: ByLang): NormalizedMatch[] {
  const compiled = byLang[ctx.lang];
  return compiled ? findMatches(compiled, ctx.normalized.text) : [];
}

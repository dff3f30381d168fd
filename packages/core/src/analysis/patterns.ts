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

/**
 * Calls `onMatch(start, end, text)` for every non-empty match of the global regex `re` in `text`.
 * A plain `exec` loop: `String.prototype.matchAll` clones the regex on every call, which is most
 * of its cost when hundreds of patterns run per message.
 */
export function forEachMatch(
  re: RegExp,
  text: string,
  onMatch: (start: number, end: number, match: string) => void,
): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    onMatch(m.index, m.index + m[0].length, m[0]);
  }
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
  forEachMatch(compiled.match, text, (start, end, match) => out.push({ start, end, text: match }));
  if (out.length === 0 || !compiled.allow) return out;
  const allowed: NormalizedMatch[] = [];
  forEachMatch(compiled.allow, text, (start, end, match) => allowed.push({ start, end, text: match }));
  return out.filter((hit) => !allowed.some((a) => a.start < hit.end && hit.start < a.end));
}

/** Per-language compiled patterns for one signal. */
export type ByLang = Readonly<Record<Lang, CompiledPatterns | undefined>>;

/** Matches of the patterns of `ctx.lang`, in normalised offsets. */
export function matchIn(ctx: RuleContext, byLang: ByLang): NormalizedMatch[] {
  const compiled = byLang[ctx.lang];
  return compiled ? findMatches(compiled, ctx.normalized.text) : [];
}

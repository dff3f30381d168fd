/**
 * Phrase rules: a signal found by the phrase patterns of its data files (one compiled alternation
 * per signal and language, see ../patterns.ts), with an optional veto that looks at the context of
 * each match (negation, reported speech…). Shared by the client families pressure, emotion, claim,
 * tactic and request so that each family file is only its metas and its few special cases.
 */
import type { Lang, SignalId } from '../../types.ts';
import { forEachMatch, type NormalizedMatch, type PatternFile } from '../patterns.ts';
import type { Hit, Rule, RuleContext, RuleMeta } from '../rule.ts';
import { gateOf, gatePasses, type PatternGate } from './literal-gate.ts';

/**
 * An entry compiled pattern by pattern, each behind its literal gate (literal-gate.ts): on a
 * typical message only one or two patterns of a signal can match at all, and running those few
 * small regexes is several times cheaper than one wide alternation. Compiled once, at load.
 */
export interface GatedPatterns {
  readonly patterns: readonly { readonly re: RegExp; readonly gate: PatternGate | null }[];
  /** Allow patterns, gated the same way: they run only when a hit exists and their words are there. */
  readonly allow: readonly { readonly re: RegExp; readonly gate: PatternGate | null }[];
}

export type GatedByLang = Readonly<Record<Lang, GatedPatterns | undefined>>;

/**
 * Word boundaries for the NORMALISED text, as patterns.ts means them (no letter or digit on
 * either side) but spelled as plain ranges: normalised letters are a–z plus the few scripts
 * normalisation leaves alone, and a range test is far cheaper than `\p{L}` at every position
 * (measured ~35 % per pattern). « » € and emoji stay outside, so they count as boundaries.
 */
const WORDISH = 'a-z0-9\\u00c0-\\u024f\\u0370-\\u1fff\\u2c00-\\ud7ff';
const BEFORE = `(?<![${WORDISH}])`;
const AFTER = `(?![${WORDISH}])`;

function compileBounded(sources: readonly string[]): RegExp {
  return new RegExp(`${BEFORE}(?:${sources.map((s) => `(?:${s})`).join('|')})${AFTER}`, 'gu');
}

/** Compiles the entry `id` of both language files; a missing entry yields no match in that language. */
export function byLang(id: string, files: Readonly<Record<Lang, PatternFile>>): GatedByLang {
  const compile = (file: PatternFile): GatedPatterns | undefined => {
    const entry = file[id];
    if (!entry || entry.patterns.length === 0) return undefined;
    return {
      patterns: entry.patterns.map((source) => ({ re: compileBounded([source]), gate: gateOf(source) })),
      allow: (entry.allow ?? []).map((source) => ({ re: compileBounded([source]), gate: gateOf(source) })),
    };
  };
  return { fr: compile(files.fr), en: compile(files.en) };
}

/**
 * Matches of the patterns of `ctx.lang` (normalised offsets), sorted, without overlaps (the
 * earliest, then longest, wins), minus those an allow pattern overlaps.
 */
export function matchesOf(ctx: RuleContext, entry: GatedByLang): NormalizedMatch[] {
  const g = entry[ctx.lang];
  if (!g) return [];
  const n = ctx.normalized;
  const text = n.text;
  const found: NormalizedMatch[] = [];
  for (const p of g.patterns) {
    if (!gatePasses(p.gate, n)) continue;
    forEachMatch(p.re, text, (start, end, match) => found.push({ start, end, text: match }));
  }
  if (found.length === 0) return [];
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NormalizedMatch[] = [];
  for (const m of found) {
    const last = kept[kept.length - 1];
    if (!last || m.start >= last.end) kept.push(m);
  }
  const allowed: { start: number; end: number }[] = [];
  for (const a of g.allow) {
    if (!gatePasses(a.gate, n)) continue;
    forEachMatch(a.re, text, (start, end) => allowed.push({ start, end }));
  }
  return allowed.length === 0
    ? kept
    : kept.filter((h) => !allowed.some((a) => a.start < h.end && h.start < a.end));
}

/** Whether the patterns of `ctx.lang` match anywhere (allow-list applied). */
export function matchesAny(ctx: RuleContext, entry: GatedByLang): boolean {
  return matchesOf(ctx, entry).length > 0;
}

export interface PhraseRuleOptions {
  /** Returns false to drop a match (normalised offsets), e.g. a negated or quoted one. */
  readonly keep?: (ctx: RuleContext, match: NormalizedMatch) => boolean;
}

/** Maps normalised matches to hits in original offsets. */
export function toHits(ctx: RuleContext, matches: readonly NormalizedMatch[]): Hit[] {
  return matches.map((m) => ctx.span(m.start, m.end));
}

/** A client rule whose hits are the (kept) matches of the signal's patterns in the message's language. */
export function phraseRule(
  meta: Omit<RuleMeta, 'role'> & { readonly id: SignalId },
  files: Readonly<Record<Lang, PatternFile>>,
  options: PhraseRuleOptions = {},
): Rule {
  const compiled = byLang(meta.id, files);
  const keep = options.keep;
  return {
    meta: { ...meta, role: 'client' },
    detect(ctx) {
      const matches = matchesOf(ctx, compiled);
      return toHits(ctx, keep ? matches.filter((m) => keep(ctx, m)) : matches);
    },
  };
}

/**
 * Phrase rules: a signal found by the phrase patterns of its data files (matched through the
 * language's pattern bank, see ../pattern-bank.ts), with an optional veto that looks at the context of
 * each match (negation, reported speech…). Shared by the client families pressure, emotion, claim,
 * tactic and request so that each family file is only its metas and its few special cases.
 */
import type { Lang, SignalId } from '../../types.ts';
import { BANKS, type PatternSet } from '../pattern-bank.ts';
import type { NormalizedMatch, PatternFile } from '../patterns.ts';
import type { Hit, Rule, RuleContext, RuleMeta } from '../rule.ts';

/** One signal's patterns in each language's bank (pattern-bank.ts); undefined: none in that language. */
export type SetByLang = Readonly<Record<Lang, PatternSet | undefined>>;

/** Adds the entry `id` of both language files to their banks; a missing entry matches nothing. */
export function byLang(id: string, files: Readonly<Record<Lang, PatternFile>>): SetByLang {
  const add = (lang: Lang): PatternSet | undefined => {
    const entry = files[lang][id];
    return entry && entry.patterns.length > 0 ? BANKS[lang].add(entry) : undefined;
  };
  return { fr: add('fr'), en: add('en') };
}

const NO_MATCHES: readonly NormalizedMatch[] = Object.freeze([]);

/**
 * Matches of the patterns of `ctx.lang` (normalised offsets), sorted, without overlaps (the
 * earliest, then longest, wins), minus those an allow pattern overlaps.
 */
export function matchesOf(ctx: RuleContext, entry: SetByLang): readonly NormalizedMatch[] {
  const set = entry[ctx.lang];
  return set ? BANKS[ctx.lang].match(set, ctx.normalized) : NO_MATCHES;
}

/** Whether the patterns of `ctx.lang` match anywhere (allow-list applied). */
export function matchesAny(ctx: RuleContext, entry: SetByLang): boolean {
  return matchesOf(ctx, entry).length > 0;
}

export interface PhraseRuleOptions {
  /** Returns false to drop a match (normalised offsets), e.g. a negated or quoted one. */
  readonly keep?: (ctx: RuleContext, match: NormalizedMatch) => boolean;
}

/** The shared answer of a rule that found nothing (most rules on most messages): nothing is allocated. */
const NO_HITS: readonly Hit[] = Object.freeze([]);

/*
 * These helpers run for every rule on every message, so they loop instead of calling `map` or
 * `filter` with an arrow: an arrow written in a function is a new function at each call, whose
 * compiled code the engine drops at its next full collection and compiles again (measured on the
 * import: hundreds of recompilations per rule module in a million messages).
 */

/** Maps normalised matches to hits in original offsets. */
export function toHits(ctx: RuleContext, matches: readonly NormalizedMatch[]): readonly Hit[] {
  if (matches.length === 0) return NO_HITS;
  const hits: Hit[] = new Array(matches.length);
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as NormalizedMatch;
    hits[i] = ctx.span(m.start, m.end);
  }
  return hits;
}

/** The matches `keep` accepts, in order (`matches` itself when it accepts them all). */
export function keepMatches<M extends NormalizedMatch>(
  ctx: RuleContext,
  matches: readonly M[],
  keep: (ctx: RuleContext, match: M) => boolean,
): readonly M[] {
  let kept: M[] | undefined;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as M;
    if (keep(ctx, m)) kept?.push(m);
    else kept ??= matches.slice(0, i);
  }
  return kept ?? matches;
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
      return toHits(ctx, keep && matches.length > 0 ? keepMatches(ctx, matches, keep) : matches);
    },
  };
}

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

/** Maps normalised matches to hits in original offsets. */
export function toHits(ctx: RuleContext, matches: readonly NormalizedMatch[]): readonly Hit[] {
  return matches.length === 0 ? NO_HITS : matches.map((m) => ctx.span(m.start, m.end));
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
      return toHits(ctx, keep && matches.length > 0 ? matches.filter((m) => keep(ctx, m)) : matches);
    },
  };
}

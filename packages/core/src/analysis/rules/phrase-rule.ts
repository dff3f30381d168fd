/**
 * Phrase rules: a signal found by the phrase patterns of its data files (one compiled alternation
 * per signal and language, see ../patterns.ts), with an optional veto that looks at the context of
 * each match (negation, reported speech…). Shared by the client families pressure, emotion, claim,
 * tactic and request so that each family file is only its metas and its few special cases.
 */
import type { Lang, SignalId } from '../../types.ts';
import { type ByLang, type CompiledPatterns, compileEntry, matchIn, type NormalizedMatch, type PatternFile } from '../patterns.ts';
import type { Hit, Rule, RuleContext, RuleMeta } from '../rule.ts';

/** Compiles the entry `id` of both language files; a missing entry yields no match in that language. */
export function byLang(id: string, files: Readonly<Record<Lang, PatternFile>>): ByLang {
  const compile = (file: PatternFile): CompiledPatterns | undefined => {
    const entry = file[id];
    return entry && entry.patterns.length > 0 ? compileEntry(entry) : undefined;
  };
  return { fr: compile(files.fr), en: compile(files.en) };
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
      const matches = matchIn(ctx, compiled);
      return toHits(ctx, keep ? matches.filter((m) => keep(ctx, m)) : matches);
    },
  };
}

/**
 * The shape of a detection rule: `meta` (data that tools read without running anything) plus
 * `detect` (behaviour), after ESLint's `{ meta, create }`. Detection, wording and suggestions are
 * kept apart: a rule reports spans; `analyze` turns them into findings with their messages.
 */
import type { NormalizedText } from '../text/normalize.ts';
import type { Lang, Localized, Role, Severity, SignalId } from '../types.ts';

export interface RuleMeta {
  readonly id: SignalId;
  readonly role: Role;
  readonly severity: Severity;
  /** One sentence for the user: what was found. */
  readonly message: Localized;
  /** Why it matters, tied to the part of the method it relates to. */
  readonly note: Localized;
}

/** A span found by a rule, in ORIGINAL UTF-16 offsets (use `ctx.span` to map normalised ones). */
export interface Hit {
  readonly start: number;
  readonly end: number;
  /** Overrides the rule's default severity for this hit. */
  readonly severity?: Severity;
  /** Overrides the rule's default message for this hit. */
  readonly message?: Localized;
  readonly suggestions?: readonly Localized[];
}

export interface RuleContext {
  /** The analysed text (possibly clipped to MAX_ANALYZED_LENGTH). */
  readonly text: string;
  readonly normalized: NormalizedText;
  readonly lang: Lang;
  readonly role: Role;
  /** Maps a half-open span of `normalized.text` to original offsets. */
  span(start: number, end: number): { start: number; end: number };
}

export interface Rule {
  readonly meta: RuleMeta;
  detect(ctx: RuleContext): readonly Hit[];
}

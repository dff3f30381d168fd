/** Rules for the `tactic.*` signals (being built: see issue #2). */
import type { Rule } from '../rule.ts';

export const tacticRules: readonly Rule[] = [];

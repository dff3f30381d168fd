/** Rules for the `tone.*` signals (being built: see issue #2). */
import type { Rule } from '../rule.ts';

export const toneRules: readonly Rule[] = [];

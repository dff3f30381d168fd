/** Rules for the `request.*` signals (being built: see issue #2). */
import type { Rule } from '../rule.ts';

export const requestRules: readonly Rule[] = [];

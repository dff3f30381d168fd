/** Rules for the `pressure.*` signals (being built: see issue #2). */
import type { Rule } from '../rule.ts';

export const pressureRules: readonly Rule[] = [];

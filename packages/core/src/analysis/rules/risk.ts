/** Rules for the `risk.*` signals (being built: see issue #2). */
import type { Rule } from '../rule.ts';

export const riskRules: readonly Rule[] = [];

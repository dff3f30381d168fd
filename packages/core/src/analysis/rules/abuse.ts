/** Rules for the `abuse.*` signals (being built: see issue #2). */
import type { Rule } from '../rule.ts';

export const abuseRules: readonly Rule[] = [];

/** Rules for the `claim.*` signals (being built: see issue #2). */
import type { Rule } from '../rule.ts';

export const claimRules: readonly Rule[] = [];

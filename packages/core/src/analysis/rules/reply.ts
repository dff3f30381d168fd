/** Rules for the `reply.*` signals (being built: see issue #2). */
import type { Rule } from '../rule.ts';

export const replyRules: readonly Rule[] = [];

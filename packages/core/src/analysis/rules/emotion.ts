/** Rules for the `emotion.*` signals (being built: see issue #2). */
import type { Rule } from '../rule.ts';

export const emotionRules: readonly Rule[] = [];

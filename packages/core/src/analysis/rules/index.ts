/** The registry: every rule of the engine, by the role of the message it reads. */
import type { Role } from '../../types.ts';
import type { Rule } from '../rule.ts';
import { abuseRules } from './abuse.ts';
import { claimRules } from './claim.ts';
import { emotionRules } from './emotion.ts';
import { pressureRules } from './pressure.ts';
import { replyRules } from './reply.ts';
import { requestRules } from './request.ts';
import { riskRules } from './risk.ts';
import { tacticRules } from './tactic.ts';
import { toneRules } from './tone.ts';

export const RULES: Readonly<Record<Role, readonly Rule[]>> = {
  client: [
    ...abuseRules,
    ...pressureRules,
    ...emotionRules,
    ...toneRules,
    ...claimRules,
    ...tacticRules,
    ...requestRules,
  ],
  agent: [...replyRules, ...riskRules],
};

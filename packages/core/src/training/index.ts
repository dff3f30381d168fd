/**
 * The training simulator's public entry: personas, the session state machine, the default
 * scripted voice, scoring and the debrief. Pure and deterministic given a seed.
 */
export { readCues } from './cues.ts';
export { buildDebrief, type DebriefOptions } from './debrief.ts';
export {
  MOVE_NAME,
  MOVE_WHY,
  OUTCOME_TEXT,
  RISK_ADVICE,
  SKILL_NAME,
  SKILL_TIP,
  STEP_ORDER,
} from './debrief-text.ts';
export { modelReply } from './model-replies.ts';
export { isPersonaId, linesFor, listPersonas, personaProfile, personaText } from './personas/index.ts';
export { seedState as trainingSeed } from './prng.ts';
export { protocolDraft } from './protocol-draft.ts';
export { outcomeScore, overallScore, SKILL_OF_MOVE, scoreSkills } from './scoring.ts';
export {
  applies as appliesMove,
  BREAKING_POINT,
  CALM_ENOUGH,
  expectedMove,
  flagsOf as replyFlags,
  isOver as isTrainingOver,
  MAX_TURNS,
  planReply,
  type ReplyFlags,
  type ReplyOptions,
  type ReplyPlan,
  readWithAnalyze,
  replyTo,
  runScripted,
  type StartOptions,
  startTraining,
  withClientLine,
} from './simulator.ts';
export * from './types.ts';
export { fillSlots, scriptedVoice } from './voice.ts';

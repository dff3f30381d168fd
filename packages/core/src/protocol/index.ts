/**
 * The method as software: follow a conversation (state), recommend the next action, draft the
 * reply, check the agent's draft. Public entry of the protocol engine.
 */
export { detectCues, type CueHit, type TurnCues, type TurnShape } from './cues.ts';
export { CUE_KINDS, type CueKind } from './cue-types.ts';
export { PROTOCOL_RULES, type ProtocolRule } from './rules.ts';
export { recommend, recommendFromState, type Reason, type Recommendation, type RecommendOptions } from './recommend.ts';
export {
  buildState,
  languageOf,
  PHASES,
  type Analyzer,
  type Evidence,
  type Phase,
  type ProtocolState,
  type StateOptions,
  type Trend,
  type TurnView,
} from './state.ts';
export {
  checkDraft,
  EXPECTED,
  unshout,
  type CheckOptions,
  type DraftCheck,
  type RiskReport,
} from './check-draft.ts';
export { draftReply, type Draft, type DraftChannel, type DraftMove, type DraftOptions } from './draft.ts';
export { MOVE_KEYS, type MoveKey } from './draft-types.ts';
export { clientPoints, type ClientPoints } from './facts.ts';
export { toAgentSide } from './perspective.ts';
export { hashString, renderPhrase, type Formality } from './phrases.ts';
export { AVOID } from './data/guidance.ts';

/**
 * The method as software: follow a conversation (state), recommend the next action, draft the
 * reply, check the agent's draft. Public entry of the protocol engine.
 */

export {
  type CheckOptions,
  checkDraft,
  checkDraftFromState,
  type DraftCheck,
  type DraftJudgement,
  EXPECTED,
  judgeDraft,
  type RiskReport,
  type StateCheckOptions,
  unshout,
} from './check-draft.ts';
export { CUE_KINDS, type CueKind } from './cue-types.ts';
export { type CueHit, detectCues, type TurnCues, type TurnShape } from './cues.ts';
export { AVOID } from './data/guidance.ts';
export { type Draft, type DraftChannel, type DraftMove, type DraftOptions, draftReply } from './draft.ts';
export { MOVE_KEYS, type MoveKey } from './draft-types.ts';
export { type ClientPoints, clientPoints } from './facts.ts';
export {
  dropOldest,
  type FoldedTurn,
  type FoldOptions,
  type FoldStateOptions,
  foldTurn,
  foldTurns,
  type ProtocolFold,
  startFold,
  stateOfFold,
} from './fold.ts';
export { toAgentSide } from './perspective.ts';
export { type Formality, hashString, renderPhrase } from './phrases.ts';
export {
  nextAction,
  type Reason,
  type Recommendation,
  type RecommendOptions,
  type RedactableRecommendation,
  recommend,
  recommendFromState,
  redactRecommendation,
} from './recommend.ts';
export { PROTOCOL_RULES, type ProtocolRule } from './rules.ts';
export {
  type Analyzer,
  buildState,
  type Evidence,
  languageOf,
  PHASES,
  type Phase,
  type ProtocolState,
  type StateOptions,
  type Trend,
  type TurnView,
} from './state.ts';

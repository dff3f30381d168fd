/**
 * The fixed vocabulary of sangfroid (../shared/spec/signals.md) and the shapes every engine speaks.
 * Ids are kept exactly as the spec spells them: evaluation sets are written against them.
 */

export const CLIENT_SIGNAL_IDS = [
  'abuse.insult',
  'abuse.profanity',
  'abuse.identity',
  'abuse.threat',
  'abuse.sexual',
  'pressure.legal',
  'pressure.reputation',
  'pressure.power',
  'emotion.anger',
  'emotion.anxiety',
  'emotion.disappointment',
  'tone.shouting',
  'claim.generalization',
  'tactic.question_deflection',
  'tactic.fear_appeal',
  'tactic.feigned_agreement',
  'tactic.guilt_trip',
  'tactic.scope_creep',
  'request.refund',
  'request.discount',
  'request.redo',
  'request.cancel',
  'request.manager',
] as const;
export type ClientSignalId = (typeof CLIENT_SIGNAL_IDS)[number];

export const AGENT_QUALITY_IDS = [
  'reply.thanks',
  'reply.empathy',
  'reply.apology',
  'reply.reformulation',
  'reply.clarifying_question',
  'reply.we_language',
  'reply.explanation',
  'reply.solution',
  'reply.next_steps',
  'reply.boundary',
] as const;
export type AgentQualityId = (typeof AGENT_QUALITY_IDS)[number];

export const AGENT_RISK_IDS = [
  'risk.defensive',
  'risk.blame',
  'risk.overpromise',
  'risk.dismissive',
  'risk.aggression',
  'risk.shouting',
] as const;
export type AgentRiskId = (typeof AGENT_RISK_IDS)[number];

export const AGENT_SIGNAL_IDS = [...AGENT_QUALITY_IDS, ...AGENT_RISK_IDS] as const;
export type AgentSignalId = AgentQualityId | AgentRiskId;

export type SignalId = ClientSignalId | AgentSignalId;

export const ACTION_IDS = [
  'listen',
  'acknowledge',
  'reformulate',
  'clarify',
  'reassure',
  'propose_solution',
  'agree_next_steps',
  'close_and_thank',
  'set_boundary',
  'end_and_escalate',
  'escalate_legal',
  'hold_concessions',
  'pause_and_call_back',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

export const ROLES = ['client', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const CHANNELS = ['email', 'chat', 'phone', 'sms', 'in_person', 'social'] as const;
export type Channel = (typeof CHANNELS)[number];

/** 1 = worth knowing, 2 = needs care, 3 = crosses a line (abuse, threat, serious risk). */
export type Severity = 1 | 2 | 3;

/** Text in both product languages; the engine picks the one of the analysed message. */
export interface Localized {
  readonly fr: string;
  readonly en: string;
}

/**
 * One thing the engine found, shaped like a lint message.
 * `start`/`end` are half-open UTF-16 offsets into the caller's original text, and
 * `evidence === text.slice(start, end)` always holds.
 */
export interface Finding {
  readonly id: SignalId;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  readonly evidence: string;
  /** One sentence for the user, in the message's language. */
  readonly message: string;
  /** The longer "why", tied to the part of the method it relates to. */
  readonly note?: string;
  /** Rewrites or next moves the user may apply (agent risks carry a rewrite). */
  readonly suggestions?: readonly string[];
}

/** Intensities in [0, 1]. */
export interface Scores {
  readonly anger: number;
  readonly anxiety: number;
  readonly disappointment: number;
  /** How likely the exchange is to escalate if handled poorly, in [0, 1]. */
  readonly escalationRisk: number;
}

export interface Analysis {
  readonly role: Role;
  readonly lang: Lang;
  /** Sorted by start, end, id. */
  readonly findings: readonly Finding[];
  readonly scores: Scores;
  /** True when the input was longer than the analysed window (see MAX_ANALYZED_LENGTH). */
  readonly truncated: boolean;
}

export interface AnalyzeOptions {
  readonly role: Role;
  /** Detected from the text when absent. */
  readonly lang?: Lang;
}

/** One turn of a conversation. Timestamps are ISO-8601 strings, kept as given. */
export interface Turn {
  readonly role: Role;
  readonly text: string;
  readonly at?: string;
  readonly channel?: Channel;
  readonly author?: string;
}

export interface Conversation {
  readonly turns: readonly Turn[];
  readonly lang?: Lang;
  readonly channel?: Channel;
}

export function isClientSignal(id: SignalId): id is ClientSignalId {
  return (CLIENT_SIGNAL_IDS as readonly string[]).includes(id);
}

export function isAgentRisk(id: SignalId): id is AgentRiskId {
  return id.startsWith('risk.');
}

export function isAbuse(id: SignalId): boolean {
  return id.startsWith('abuse.');
}

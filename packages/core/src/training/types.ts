/**
 * The shapes of the training simulator: personas (behaviour as data, lines per language), the
 * session state (plain JSON, so it can be stored and resumed), the client's intents that a voice
 * turns into words, and the scored debrief.
 */
import type { ActionId, AgentRiskId, Conversation, Lang, Turn } from '../types.ts';

export const PERSONA_IDS = [
  'furious-quality',
  'rude',
  'power',
  'bad-faith',
  'anxious-deadline',
  'toxic-concessions',
  'origin-remarks',
] as const;
export type PersonaId = (typeof PERSONA_IDS)[number];

/** The skills the debrief scores, after the method's steps. */
export const SKILL_IDS = [
  'listening',
  'empathy',
  'reformulation',
  'facts',
  'solutions',
  'boundaries',
  'honesty',
] as const;
export type SkillId = (typeof SKILL_IDS)[number];

/** What the client means to say next; a ClientVoice turns it into words. */
export const CLIENT_INTENTS = [
  'opening',
  'vent',
  'soften',
  'facts',
  'confirm',
  'truth',
  'ask_solution',
  'ask_next_steps',
  'worry',
  'jumped_to_solution',
  'react_dismissive',
  'react_blame',
  'react_defensive',
  'react_aggression',
  'react_shouting',
  'misplaced_boundary',
  'abuse',
  'abuse_after_boundary',
  'calm_after_boundary',
  'pressure',
  'pressure_after_concession',
  'back_down',
  'callback_overpromise',
  'idle',
  'resolved',
  'escalated',
  'failed',
] as const;
export type ClientIntent = (typeof CLIENT_INTENTS)[number];

/** How a persona answers a calm boundary (the method: say it once, then end and hand over). */
export type BoundaryResponse = 'stops' | 'persists';

/** One scenario of a persona: what happened, what the client really feels, its own facts. */
export interface ScenarioText {
  /** Shown to the trainee before the session. */
  readonly brief: string;
  /** What is really behind the client's behaviour; revealed in the debrief. */
  readonly hiddenTruth: string;
  /** Words that fill the `{slot}`s of the persona's lines. */
  readonly slots: Readonly<Record<string, string>>;
  readonly opening: readonly string[];
  /** Revealed one by one when the trainee asks or reformulates. */
  readonly facts: readonly string[];
  /** What the client says once trust is high enough. */
  readonly truth: readonly string[];
}

/** The words of a persona in one language. */
export interface PersonaText {
  readonly name: string;
  readonly title: string;
  readonly scenarios: readonly ScenarioText[];
  /** Lines by intent; missing intents fall back to the language's common lines. */
  readonly lines: Partial<Record<ClientIntent, readonly string[]>>;
}

/** Behaviour of one scenario (language-independent). */
export interface ScenarioBehaviour {
  readonly boundary?: BoundaryResponse;
  /** Holds (firm, factual replies without a new concession) needed before pressure stops. */
  readonly holdsNeeded?: number;
}

/** A persona's behaviour: data read by the state machine (see simulator.ts). */
export interface PersonaProfile {
  readonly id: PersonaId;
  /** Initial mood, 0..10. */
  readonly anger: number;
  readonly anxiety: number;
  /** Trust needed before the hidden truth comes out, 0..10. */
  readonly truthAt: number;
  /** The client abuses the trainee (insults, identity remarks) until a boundary works. */
  readonly abusive: boolean;
  /** The client leans on pressure (importance, demands, denial) until held. */
  readonly pressure: 'none' | 'power' | 'concessions' | 'denial';
  /** Anxiety the hidden truth brings up once told (the furious client is really worried). */
  readonly truthAnxiety: number;
  readonly scenarios: readonly ScenarioBehaviour[];
}

export interface ClientMood {
  readonly anger: number;
  readonly anxiety: number;
  readonly trust: number;
}

/** A finding of the trainee's reply, as the simulator keeps it. */
export interface ReplyFinding {
  readonly id: string;
  readonly evidence: string;
  /** Half-open UTF-16 span in the reply, when the reader gives one. */
  readonly start?: number;
  readonly end?: number;
}

/** What the simulator read in one trainee reply. */
export interface ReplyReading {
  /** reply.* and risk.* findings from analyze(reply, { role: 'agent' }). */
  readonly findings: readonly ReplyFinding[];
  /** Training cues the spec has no id for: a concession, the agreed terms, a hand-over. */
  readonly concession: boolean;
  readonly terms: boolean;
  readonly escalation: boolean;
}

/** One moment of the session: the client's line, the trainee's reply and what it did. */
export interface TrainingMoment {
  /** 1-based number of the trainee's reply. */
  readonly turn: number;
  readonly client: string;
  readonly clientIntent: ClientIntent;
  /** What the method called for at that moment (the simulator knows the hidden state). */
  readonly expected: ExpectedMove;
  readonly reply: string;
  readonly reading: ReplyReading;
  /** Steps of the method the reply applied. */
  readonly steps: readonly ActionId[];
  readonly risks: readonly ReplyFinding[];
  readonly applied: boolean;
  readonly moodBefore: ClientMood;
  readonly moodAfter: ClientMood;
}

/** An expected move: a spec action, or owning up to an earlier promise (honesty). */
export type ExpectedMove = ActionId | 'own_up';

export type OutcomeKind = 'resolved' | 'escalated' | 'failed';
export type OutcomeReason =
  | 'agreed'
  | 'abuse_persisted'
  | 'pressure_persisted'
  | 'too_angry'
  | 'panicked'
  | 'abuse_tolerated'
  | 'conceded'
  | 'escalated_too_early'
  | 'out_of_time'
  | 'gave_up';

export interface Outcome {
  readonly kind: OutcomeKind;
  readonly reason: OutcomeReason;
}

export interface Overpromise {
  readonly turn: number;
  readonly evidence: string;
  readonly calledBackAt: number | null;
  readonly ownedUp: boolean;
}

/** The whole session: plain data, JSON-serialisable, advanced only by `replyTo`. */
export interface TrainingState {
  readonly persona: PersonaId;
  readonly lang: Lang;
  readonly scenario: number;
  readonly seed: number;
  /** mulberry32 state. */
  readonly rng: number;
  readonly mood: ClientMood;
  readonly heard: boolean;
  readonly understood: boolean;
  readonly factsGiven: number;
  readonly truthAt: number | null;
  readonly reassured: boolean;
  readonly abuseActive: boolean;
  readonly abuseCount: number;
  readonly boundarySetAt: number | null;
  readonly abuseAfterBoundary: number;
  readonly pressureActive: boolean;
  readonly pressureCount: number;
  readonly holds: number;
  readonly concessions: number;
  readonly solutionAt: number | null;
  readonly overpromises: readonly Overpromise[];
  readonly lastIntent: ClientIntent;
  readonly transcript: readonly Turn[];
  readonly moments: readonly TrainingMoment[];
  readonly usedLines: readonly string[];
  readonly outcome: Outcome | null;
}

/** What the trainee sends: the text, and optionally the explicit « hand over » button. */
export interface TraineeReply {
  readonly text: string;
  readonly escalate?: boolean;
}

/** What a voice is asked to say. */
export interface VoiceRequest {
  readonly persona: PersonaId;
  readonly lang: Lang;
  readonly scenario: number;
  readonly intent: ClientIntent;
  readonly mood: ClientMood;
  readonly transcript: readonly Turn[];
  /** Extra slot values (e.g. the promise being recalled). */
  readonly slots: Readonly<Record<string, string>>;
  /** Lines already said, to avoid repeating them. */
  readonly used: readonly string[];
  readonly rng: number;
}

/**
 * Turns the simulator's intent into the client's words. The default voice reads the personas'
 * scripted lines; a language-model voice could be plugged in later (a synchronous façade, or the
 * two-step planReply / withClientLine API for an asynchronous one).
 */
export interface ClientVoice {
  say(request: VoiceRequest): { text: string; rng: number; key?: string };
}

/** Writes the better reply for a missed moment (the protocol's draftReply, once exported). */
export type DraftReplyFn = (input: {
  readonly conversation: Conversation;
  readonly action: ExpectedMove;
  readonly lang: Lang;
  readonly persona: PersonaId;
  readonly scenario: number;
}) => string | undefined;

/** Reads a trainee reply into findings (analyze with role agent, by default). */
export type ReadReplyFn = (text: string, lang: Lang) => readonly ReplyFinding[];

export interface SkillScore {
  readonly skill: SkillId;
  /** 0..100. */
  readonly score: number;
  /** Moments where this skill was called for, and how many the trainee took. */
  readonly moments: number;
  readonly taken: number;
}

export interface MissedMoment {
  readonly turn: number;
  readonly expected: ExpectedMove;
  readonly client: string;
  readonly reply: string;
  readonly why: string;
  readonly betterReply: string;
}

export interface Debrief {
  readonly persona: PersonaId;
  readonly lang: Lang;
  readonly scenario: number;
  readonly seed: number;
  readonly outcome: Outcome;
  readonly outcomeText: string;
  readonly hiddenTruth: { readonly text: string; readonly discoveredAt: number | null };
  readonly steps: readonly { readonly step: ActionId; readonly turns: readonly number[] }[];
  readonly missed: readonly MissedMoment[];
  readonly risks: readonly {
    readonly turn: number;
    readonly id: AgentRiskId;
    readonly evidence: string;
    readonly advice: string;
  }[];
  readonly skills: readonly SkillScore[];
  readonly overall: number;
  readonly tips: readonly string[];
}

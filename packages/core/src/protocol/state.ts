/**
 * Following a conversation: every turn analysed once (spec signals from `analyze`, structural
 * cues from ./cues.ts), then the state the method reasons on — the phase of the exchange, whether
 * a limit was set and how the client answered it, the concessions on the table, the pressure and
 * how often it came back, the agent's commitments, and how anger and anxiety evolve.
 * Pure: the analyser is injectable (tests pass a fixed one); nothing reads a clock or a file.
 * The per-turn reading (`viewOf`) and the derivation over the turns (`deriveState`) are shared
 * with fold.ts, which follows a conversation one turn at a time to the same state.
 */
import { analyze as defaultAnalyze, normalizedTextOf, signalIds } from '../analysis/analyze.ts';
import { detectLang, languageScore } from '../analysis/lang.ts';
import { normalize } from '../text/normalize.ts';
import type {
  Analysis,
  AnalyzeOptions,
  Channel,
  Conversation,
  Lang,
  Role,
  SignalId,
  Turn,
} from '../types.ts';
import { detectCues, type TurnCues } from './cues.ts';

export type Analyzer = (text: string, options: AnalyzeOptions) => Analysis;

export const PHASES = [
  'listening',
  'acknowledging',
  'clarifying',
  'investigating',
  'proposing',
  'agreeing',
  'closing',
] as const;
export type Phase = (typeof PHASES)[number];

export interface TurnView {
  readonly index: number;
  readonly role: Role;
  readonly text: string;
  readonly at?: string;
  readonly channel?: Channel;
  readonly analysis: Analysis;
  readonly signals: readonly SignalId[];
  readonly cues: TurnCues;
  /** When the client sent several messages in a row at the end, they are read as one turn. */
  readonly bubbles?: number;
}

/** A signal or cue the state points at: which turn, which id, which words. */
export interface Evidence {
  readonly turn: number;
  readonly id: string;
  readonly evidence: string;
}

export type Trend = 'none' | 'rising' | 'falling' | 'steady';

export interface ProtocolState {
  readonly lang: Lang;
  readonly channel?: Channel;
  readonly turns: readonly TurnView[];
  readonly phase: Phase;
  readonly boundary: {
    readonly isSet: boolean;
    /** Index of the first agent turn that set a limit. */
    readonly turn: number | null;
    /** How the client answered the limit: not yet, calmed down, or went on. */
    readonly clientAnswer: 'none' | 'complied' | 'continued';
  };
  /** Agent turns that put a remedy or a concession on the table. */
  readonly concessions: readonly Evidence[];
  readonly pressure: {
    readonly legal: readonly number[];
    readonly power: readonly number[];
    readonly reputation: readonly number[];
    readonly tactics: readonly number[];
    /** Leverage (power or bad-faith tactic) used in more than one client turn. */
    readonly isRepeated: boolean;
  };
  readonly abuseTurns: readonly number[];
  /** Sentences where the agent committed to something (a date, « je vais… »). */
  readonly commitments: readonly Evidence[];
  readonly emotions: {
    readonly anger: readonly number[];
    readonly anxiety: readonly number[];
    readonly angerTrend: Trend;
    readonly anxietyTrend: Trend;
  };
  /** What the client asked for (request.* findings), in order. */
  readonly requests: readonly Evidence[];
  readonly lastClient: TurnView | null;
  readonly lastAgent: TurnView | null;
  /** The agent turns between the last two client turns (what the client is answering). */
  readonly agentTurnsBeforeLastClient: readonly TurnView[];
}

export interface StateOptions {
  readonly analyzer?: Analyzer;
  /** Forces the language; otherwise detected from the client's turns. */
  readonly lang?: Lang;
}

const LEVERAGE_TACTICS: readonly SignalId[] = [
  'tactic.scope_creep',
  'tactic.guilt_trip',
  'tactic.fear_appeal',
  'tactic.feigned_agreement',
];

export const hasSignal = (t: TurnView | null | undefined, id: SignalId): boolean =>
  !!t && t.signals.includes(id);
export const hasPrefix = (t: TurnView | null | undefined, prefix: string): boolean =>
  !!t && someStartsWith(t.signals, prefix);

// loops rather than `some` with an arrow: these run for every turn of every conversation, and an
// arrow written in a function is a new function at each call, compiled again after each collection
function someStartsWith(ids: readonly string[], prefix: string): boolean {
  for (let i = 0; i < ids.length; i++) if ((ids[i] as string).startsWith(prefix)) return true;
  return false;
}

function hasAnyOf(t: TurnView, ids: readonly SignalId[]): boolean {
  for (let i = 0; i < ids.length; i++) if (t.signals.includes(ids[i] as SignalId)) return true;
  return false;
}

/** True when an agent turn states a limit on language (spec reply.boundary, or a limit phrasing). */
export function setsLimit(t: TurnView): boolean {
  return t.role === 'agent' && (hasSignal(t, 'reply.boundary') || t.cues.has('boundary'));
}

/** True when an agent turn puts a remedy or a concession on the table. */
export function makesOffer(t: TurnView): boolean {
  return t.role === 'agent' && (hasSignal(t, 'reply.solution') || t.cues.has('offer'));
}

/** True when a client turn uses leverage: power, a bad-faith tactic, or a threat to leave. */
export function usesLeverage(t: TurnView): boolean {
  return t.role === 'client' && (hasSignal(t, 'pressure.power') || hasAnyOf(t, LEVERAGE_TACTICS));
}

/**
 * The conversation's language: `detectLang` of the client's turns joined by new lines and
 * normalised (of every turn when the client wrote nothing). `normalized`, when given, is each
 * text's normalised form — `normalize(text).text`, say remembered by a caller that reads the same
 * turns again — and the turns' normalisations are joined instead: the same text, as normalisation
 * never looks across a new line (state.test.ts checks it on random texts). `scoreOf`, when given
 * with it, answers `languageScore` of a text's normalised form where it is already known (from
 * its analysis, say): the evidence of normalised texts adds up, so nothing is joined or read again.
 */
export function languageOf(
  conversation: Conversation,
  normalized?: (text: string) => string,
  scoreOf?: (text: string) => number | undefined,
): Lang {
  if (conversation.lang) return conversation.lang;
  if (normalized && conversation.turns.every((t) => typeof t.text === 'string')) {
    const clients = conversation.turns.filter((t) => t.role === 'client');
    // the joined client text is empty only for no client turn, or a single empty one
    const read =
      clients.length > 1 || (clients.length === 1 && clients[0]?.text !== '') ? clients : conversation.turns;
    if (scoreOf) {
      let score = 0;
      for (const t of read) score += scoreOf(t.text) ?? languageScore(normalized(t.text));
      return score < 0 ? 'en' : 'fr';
    }
    return detectLang(read.map((t) => normalized(t.text)).join('\n'));
  }
  const clientText = conversation.turns
    .filter((t) => t.role === 'client')
    .map((t) => t.text)
    .join('\n');
  const text = clientText || conversation.turns.map((t) => t.text).join('\n');
  return detectLang(normalize(text).text);
}

function trendOf(values: readonly number[]): Trend {
  if (values.length === 0) return 'none';
  if (values.length === 1) return 'steady';
  const first = values[0] as number;
  const last = values[values.length - 1] as number;
  if (last - first > 0.15) return 'rising';
  if (first - last > 0.15) return 'falling';
  return 'steady';
}

function firstEvidence(t: TurnView, predicate: (id: string) => boolean): string {
  const f = t.analysis.findings.find((x) => predicate(x.id));
  return f ? f.evidence : '';
}

function sentenceAt(text: string, at: number): string {
  const before = text.slice(0, at);
  const start =
    Math.max(
      before.lastIndexOf('.'),
      before.lastIndexOf('!'),
      before.lastIndexOf('?'),
      before.lastIndexOf('\n'),
    ) + 1;
  const rest = text.slice(at);
  const stop = rest.search(/[.!?\n]/);
  return text.slice(start, stop < 0 ? text.length : at + stop + 1).trim();
}

/**
 * One turn as the protocol reads it: its analysis (made in the conversation's language), its
 * distinct signals and its structural cues. The per-turn work of the protocol, done once.
 */
export function viewOf(
  turn: Turn,
  index: number,
  text: string,
  analysis: Analysis,
  lang: Lang,
  bubbles = 1,
): TurnView {
  return {
    index,
    role: turn.role,
    text,
    ...(turn.at !== undefined ? { at: turn.at } : {}),
    ...(turn.channel !== undefined ? { channel: turn.channel } : {}),
    analysis,
    signals: signalIds(analysis),
    cues: detectCues(text, lang, normalizedTextOf(analysis)),
    ...(bubbles > 1 ? { bubbles } : {}),
  };
}

/** The text of a turn as the protocol reads it (anything but a string reads as empty). */
export const textOf = (turn: Turn): string => (typeof turn.text === 'string' ? turn.text : '');

/**
 * The one turn a trailing run of client messages is read as (a chat client often sends one
 * message in several bubbles): their texts, trimmed and joined by new lines, at the first one's
 * index, with the last one's date and channel.
 */
export function burstText(run: readonly Turn[]): string {
  return run
    .map((t) => (typeof t.text === 'string' ? t.text.trim() : ''))
    .filter(Boolean)
    .join('\n');
}

/** Analyses every turn and derives the protocol state. Deterministic for a given analyser. */
export function buildState(conversation: Conversation, options: StateOptions = {}): ProtocolState {
  const analyzer = options.analyzer ?? defaultAnalyze;
  const lang = options.lang ?? languageOf(conversation);
  const view = (turn: Turn, index: number, text: string, bubbles = 1): TurnView =>
    viewOf(turn, index, text, analyzer(text, { role: turn.role, lang }), lang, bubbles);
  const source = conversation.turns;
  let burst = source.length;
  while (burst > 0 && source[burst - 1]?.role === 'client') burst--;
  const tail = source.length - burst;
  const turns: TurnView[] = source
    .slice(0, tail >= 2 ? burst : source.length)
    .map((turn, index) => view(turn, index, textOf(turn)));
  if (tail >= 2) {
    const run = source.slice(burst);
    turns.push(view(run[run.length - 1] as Turn, burst, burstText(run), tail));
  }
  return deriveState(lang, conversation.channel, turns);
}

/**
 * The state of a conversation read as `turns` (one view per turn, a trailing client run already
 * merged): who spoke last, the limit and its answer, offers, pressure, commitments, emotions,
 * requests, the phase. Light work over the views — no analysis, no cue detection — gathered one
 * turn at a time (`addFacts`), which is also how fold.ts keeps it as a conversation grows.
 */
export function deriveState(
  lang: Lang,
  channel: Channel | undefined,
  turns: readonly TurnView[],
): ProtocolState {
  let facts = NO_FACTS;
  for (const t of turns) facts = addFacts(facts, t);
  return stateFrom(lang, channel, turns, facts);
}

/** A list built from its end, newest first, shared by every later list (persistent). */
type List<T> = { readonly head: T; readonly tail: List<T> } | null;

const push = <T>(list: List<T>, head: T): List<T> => ({ head, tail: list });

function toArray<T>(list: List<T>): T[] {
  const out: T[] = [];
  for (let l = list; l !== null; l = l.tail) out.push(l.head);
  return out.reverse();
}

/**
 * What the state is made of, gathered one turn at a time (`addFacts`): an immutable value, so
 * that a conversation followed turn by turn keeps the facts of every point of it and builds any
 * of its states without going over the turns again (fold.ts). Lists are persistent, newest first.
 */
export interface StateFacts {
  readonly lastClient: TurnView | null;
  readonly lastAgent: TurnView | null;
  /** The agent turns between the last two client turns, and those since the last client turn. */
  readonly between: List<TurnView>;
  readonly agentsSinceClient: List<TurnView>;
  readonly limitTurn: TurnView | null;
  readonly clientsAfterLimit: number;
  readonly abuseAfterLimit: boolean;
  readonly legal: List<number>;
  readonly power: List<number>;
  readonly reputation: List<number>;
  readonly tactics: List<number>;
  readonly abuseTurns: List<number>;
  readonly leverageTurns: number;
  readonly concessions: List<Evidence>;
  readonly commitments: List<Evidence>;
  readonly requests: List<Evidence>;
  readonly anger: List<number>;
  readonly anxiety: List<number>;
  /** The phase: an offer on the table and whether the client accepted after the latest one, the agents' moves. */
  readonly offered: boolean;
  readonly acceptedSinceOffer: boolean;
  readonly investigating: boolean;
  readonly clarifying: boolean;
  readonly acknowledging: boolean;
}

export const NO_FACTS: StateFacts = {
  lastClient: null,
  lastAgent: null,
  between: null,
  agentsSinceClient: null,
  limitTurn: null,
  clientsAfterLimit: 0,
  abuseAfterLimit: false,
  legal: null,
  power: null,
  reputation: null,
  tactics: null,
  abuseTurns: null,
  leverageTurns: 0,
  concessions: null,
  commitments: null,
  requests: null,
  anger: null,
  anxiety: null,
  offered: false,
  acceptedSinceOffer: false,
  investigating: false,
  clarifying: false,
  acknowledging: false,
};

/**
 * What a turn adds to the facts wherever it stands in the conversation: its signals and cues read
 * once, and kept beside its cues (a turn's own object, kept when a fold renumbers the turn), so a
 * fold that slides its window gathers the facts again without reading the turns again.
 */
type Reading = ClientReading | AgentReading;
interface ReadingOf {
  readonly role: Role;
  readonly text: string;
  readonly analysis: Analysis;
}
interface ClientReading extends ReadingOf {
  readonly role: 'client';
  readonly abusive: boolean;
  readonly requests: readonly { readonly id: string; readonly evidence: string }[];
  readonly legal: boolean;
  readonly power: boolean;
  readonly reputation: boolean;
  readonly tactic: boolean;
  readonly leverage: boolean;
  readonly accepts: boolean;
}
interface AgentReading extends ReadingOf {
  readonly role: 'agent';
  readonly offer: boolean;
  /** The sentence of the offer, when it makes one. */
  readonly concession: string;
  /** The distinct sentences of its commitments, in order. */
  readonly commitments: readonly string[];
  readonly limit: boolean;
  readonly investigating: boolean;
  readonly clarifying: boolean;
  readonly acknowledging: boolean;
}

const READINGS = new WeakMap<TurnCues, Reading>();

function readingOf(t: TurnView): Reading {
  const kept = READINGS.get(t.cues);
  if (kept && kept.role === t.role && kept.text === t.text && kept.analysis === t.analysis) return kept;
  const reading = readTurn(t);
  READINGS.set(t.cues, reading);
  return reading;
}

function readTurn(t: TurnView): Reading {
  const { role, text, analysis } = t;
  if (role === 'client') {
    const requests: { id: string; evidence: string }[] = [];
    for (const x of analysis.findings)
      if (x.id.startsWith('request.')) requests.push({ id: x.id, evidence: x.evidence });
    return {
      role,
      text,
      analysis,
      abusive: hasPrefix(t, 'abuse.'),
      requests,
      legal: hasSignal(t, 'pressure.legal'),
      power: hasSignal(t, 'pressure.power'),
      reputation: hasSignal(t, 'pressure.reputation'),
      tactic: hasAnyOf(t, LEVERAGE_TACTICS),
      leverage: usesLeverage(t),
      accepts: t.cues.has('accept'),
    };
  }
  const offer = makesOffer(t);
  let concession = '';
  if (offer) {
    let at = -1;
    for (const x of analysis.findings) if (at < 0 && x.id === 'reply.solution') at = x.start;
    for (const h of t.cues.hits) if (at < 0 && h.kind === 'offer') at = h.start;
    concession = sentenceAt(text, Math.max(0, at));
  }
  const commitments: string[] = [];
  for (const h of t.cues.hits) {
    if (h.kind !== 'commitment') continue;
    const sentence = sentenceAt(text, h.start);
    if (sentence && !commitments.includes(sentence)) commitments.push(sentence);
  }
  return {
    role: 'agent',
    text,
    analysis,
    offer,
    concession,
    commitments,
    limit: setsLimit(t),
    investigating: t.cues.has('investigating'),
    clarifying:
      t.cues.shape.questions > 0 ||
      hasSignal(t, 'reply.clarifying_question') ||
      hasSignal(t, 'reply.reformulation'),
    acknowledging: hasSignal(t, 'reply.empathy') || hasSignal(t, 'reply.thanks') || t.cues.has('thanks'),
  };
}

/** The facts with one more turn (in conversation order). */
export function addFacts(f: StateFacts, t: TurnView): StateFacts {
  const r = readingOf(t);
  if (r.role === 'client') {
    let requests = f.requests;
    for (const x of r.requests) requests = push(requests, { turn: t.index, id: x.id, evidence: x.evidence });
    // every field written out, in NO_FACTS's order (one object shape; a spread here cost more
    // than the rest of the function)
    return {
      lastClient: t,
      lastAgent: f.lastAgent,
      between: f.agentsSinceClient,
      agentsSinceClient: null,
      limitTurn: f.limitTurn,
      clientsAfterLimit: f.limitTurn ? f.clientsAfterLimit + 1 : f.clientsAfterLimit,
      abuseAfterLimit: f.abuseAfterLimit || (f.limitTurn !== null && r.abusive),
      legal: r.legal ? push(f.legal, t.index) : f.legal,
      power: r.power ? push(f.power, t.index) : f.power,
      reputation: r.reputation ? push(f.reputation, t.index) : f.reputation,
      tactics: r.tactic ? push(f.tactics, t.index) : f.tactics,
      abuseTurns: r.abusive ? push(f.abuseTurns, t.index) : f.abuseTurns,
      leverageTurns: r.leverage ? f.leverageTurns + 1 : f.leverageTurns,
      concessions: f.concessions,
      commitments: f.commitments,
      requests,
      anger: push(f.anger, t.analysis.scores.anger),
      anxiety: push(f.anxiety, t.analysis.scores.anxiety),
      offered: f.offered,
      acceptedSinceOffer: f.acceptedSinceOffer || (f.offered && r.accepts),
      investigating: f.investigating,
      clarifying: f.clarifying,
      acknowledging: f.acknowledging,
    };
  }
  const concessions = r.offer
    ? push(f.concessions, { turn: t.index, id: 'reply.solution', evidence: r.concession })
    : f.concessions;
  let commitments = f.commitments;
  for (const sentence of r.commitments)
    commitments = push(commitments, { turn: t.index, id: 'commitment', evidence: sentence });
  return {
    lastClient: f.lastClient,
    lastAgent: t,
    between: f.between,
    agentsSinceClient: push(f.agentsSinceClient, t),
    limitTurn: f.limitTurn ?? (r.limit ? t : null),
    clientsAfterLimit: f.clientsAfterLimit,
    abuseAfterLimit: f.abuseAfterLimit,
    legal: f.legal,
    power: f.power,
    reputation: f.reputation,
    tactics: f.tactics,
    abuseTurns: f.abuseTurns,
    leverageTurns: f.leverageTurns,
    concessions,
    commitments,
    requests: f.requests,
    anger: f.anger,
    anxiety: f.anxiety,
    offered: f.offered || r.offer,
    acceptedSinceOffer: r.offer ? false : f.acceptedSinceOffer,
    investigating: f.investigating || r.investigating,
    clarifying: f.clarifying || r.clarifying,
    acknowledging: f.acknowledging || r.acknowledging,
  };
}

function phaseOf(f: StateFacts): Phase {
  const last = f.lastClient;
  if (
    last &&
    (last.cues.has('resolved') || (last.cues.has('thanks') && last.cues.shape.questions === 0)) &&
    f.offered
  )
    return 'closing';
  if (f.offered) return f.acceptedSinceOffer ? 'agreeing' : 'proposing';
  if (f.investigating) return 'investigating';
  if (f.clarifying) return 'clarifying';
  if (f.acknowledging) return 'acknowledging';
  return 'listening';
}

/** The state of `turns` (the views the facts were gathered from, in order). */
export function stateFrom(
  lang: Lang,
  channel: Channel | undefined,
  turns: readonly TurnView[],
  f: StateFacts,
): ProtocolState {
  const clientAnswer: ProtocolState['boundary']['clientAnswer'] = !f.limitTurn
    ? 'none'
    : f.abuseAfterLimit
      ? 'continued'
      : f.clientsAfterLimit > 0
        ? 'complied'
        : 'none';
  const anger = toArray(f.anger);
  const anxiety = toArray(f.anxiety);
  return {
    lang,
    ...(channel !== undefined ? { channel } : {}),
    turns,
    phase: phaseOf(f),
    boundary: { isSet: f.limitTurn !== null, turn: f.limitTurn?.index ?? null, clientAnswer },
    concessions: toArray(f.concessions),
    pressure: {
      legal: toArray(f.legal),
      power: toArray(f.power),
      reputation: toArray(f.reputation),
      tactics: toArray(f.tactics),
      isRepeated: f.leverageTurns >= 2,
    },
    abuseTurns: toArray(f.abuseTurns),
    commitments: toArray(f.commitments),
    emotions: { anger, anxiety, angerTrend: trendOf(anger), anxietyTrend: trendOf(anxiety) },
    requests: toArray(f.requests),
    lastClient: f.lastClient,
    lastAgent: f.lastAgent,
    agentTurnsBeforeLastClient: f.lastClient ? toArray(f.between) : [],
  };
}

export { firstEvidence };

/**
 * Following a conversation: every turn analysed once (spec signals from `analyze`, structural
 * cues from ./cues.ts), then the state the method reasons on — the phase of the exchange, whether
 * a limit was set and how the client answered it, the concessions on the table, the pressure and
 * how often it came back, the agent's commitments, and how anger and anxiety evolve.
 * Pure: the analyser is injectable (tests pass a fixed one); nothing reads a clock or a file.
 * The per-turn reading (`viewOf`) and the derivation over the turns (`deriveState`) are shared
 * with fold.ts, which follows a conversation one turn at a time to the same state.
 */
import { analyze as defaultAnalyze } from '../analysis/analyze.ts';
import { detectLang } from '../analysis/lang.ts';
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
  !!t && t.signals.some((s) => s.startsWith(prefix));

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
  return (
    t.role === 'client' && (hasSignal(t, 'pressure.power') || LEVERAGE_TACTICS.some((id) => hasSignal(t, id)))
  );
}

export function languageOf(conversation: Conversation): Lang {
  if (conversation.lang) return conversation.lang;
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

function phaseOf(turns: readonly TurnView[]): Phase {
  const lastClient = [...turns].reverse().find((t) => t.role === 'client');
  if (
    lastClient &&
    (lastClient.cues.has('resolved') ||
      (lastClient.cues.has('thanks') && lastClient.cues.shape.questions === 0))
  ) {
    if (turns.some((t) => t.role === 'agent' && makesOffer(t))) return 'closing';
  }
  const agents = turns.filter((t) => t.role === 'agent');
  const offerAt = turns.findLastIndex((t) => t.role === 'agent' && makesOffer(t));
  if (offerAt >= 0) {
    const accepted = turns.slice(offerAt + 1).some((t) => t.role === 'client' && t.cues.has('accept'));
    return accepted ? 'agreeing' : 'proposing';
  }
  if (agents.some((t) => t.cues.has('investigating'))) return 'investigating';
  if (
    agents.some(
      (t) =>
        t.cues.shape.questions > 0 ||
        hasSignal(t, 'reply.clarifying_question') ||
        hasSignal(t, 'reply.reformulation'),
    )
  ) {
    return 'clarifying';
  }
  if (
    agents.some((t) => hasSignal(t, 'reply.empathy') || hasSignal(t, 'reply.thanks') || t.cues.has('thanks'))
  ) {
    return 'acknowledging';
  }
  return 'listening';
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
    signals: [...new Set(analysis.findings.map((f) => f.id))],
    cues: detectCues(text, lang),
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
 * requests, the phase. Light work over the views — no analysis, no cue detection.
 */
export function deriveState(
  lang: Lang,
  channel: Channel | undefined,
  turns: readonly TurnView[],
): ProtocolState {
  const clients = turns.filter((t) => t.role === 'client');
  const lastClient = clients.at(-1) ?? null;
  const lastAgent = turns.filter((t) => t.role === 'agent').at(-1) ?? null;
  const previousClient = clients.length >= 2 ? (clients[clients.length - 2] as TurnView) : null;
  const between = lastClient
    ? turns.filter(
        (t) =>
          t.role === 'agent' &&
          t.index < lastClient.index &&
          (!previousClient || t.index > previousClient.index),
      )
    : [];

  const limitTurn = turns.find(setsLimit) ?? null;
  let clientAnswer: ProtocolState['boundary']['clientAnswer'] = 'none';
  if (limitTurn) {
    const after = clients.filter((t) => t.index > limitTurn.index);
    if (after.some((t) => hasPrefix(t, 'abuse.'))) clientAnswer = 'continued';
    else if (after.length > 0) clientAnswer = 'complied';
  }

  const turnsWith = (pred: (t: TurnView) => boolean) => clients.filter(pred).map((t) => t.index);
  const power = turnsWith((t) => hasSignal(t, 'pressure.power'));
  const tactics = turnsWith((t) => LEVERAGE_TACTICS.some((id) => hasSignal(t, id)));
  const leverageTurns = turnsWith(usesLeverage);

  const concessions: Evidence[] = turns.filter(makesOffer).map((t) => {
    const cue = t.cues.hits.find((h) => h.kind === 'offer');
    const at = t.analysis.findings.find((f) => f.id === 'reply.solution')?.start ?? cue?.start ?? 0;
    return { turn: t.index, id: 'reply.solution', evidence: sentenceAt(t.text, at) };
  });

  const commitments: Evidence[] = [];
  for (const t of turns) {
    if (t.role !== 'agent') continue;
    const seen = new Set<string>();
    for (const h of t.cues.hits) {
      if (h.kind !== 'commitment') continue;
      const sentence = sentenceAt(t.text, h.start);
      if (sentence && !seen.has(sentence)) {
        seen.add(sentence);
        commitments.push({ turn: t.index, id: 'commitment', evidence: sentence });
      }
    }
  }

  const requests: Evidence[] = [];
  for (const t of clients) {
    for (const f of t.analysis.findings) {
      if (f.id.startsWith('request.')) requests.push({ turn: t.index, id: f.id, evidence: f.evidence });
    }
  }

  const anger = clients.map((t) => t.analysis.scores.anger);
  const anxiety = clients.map((t) => t.analysis.scores.anxiety);

  return {
    lang,
    ...(channel !== undefined ? { channel } : {}),
    turns,
    phase: phaseOf(turns),
    boundary: { isSet: limitTurn !== null, turn: limitTurn?.index ?? null, clientAnswer },
    concessions,
    pressure: {
      legal: turnsWith((t) => hasSignal(t, 'pressure.legal')),
      power,
      reputation: turnsWith((t) => hasSignal(t, 'pressure.reputation')),
      tactics,
      isRepeated: leverageTurns.length >= 2,
    },
    abuseTurns: turnsWith((t) => hasPrefix(t, 'abuse.')),
    commitments,
    emotions: { anger, anxiety, angerTrend: trendOf(anger), anxietyTrend: trendOf(anxiety) },
    requests,
    lastClient,
    lastAgent,
    agentTurnsBeforeLastClient: between,
  };
}

export { firstEvidence };

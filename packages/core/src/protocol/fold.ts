/**
 * Following a conversation turn by turn. `foldTurn` reads one turn once — its analysis, handed
 * in, its signals and cues — and adds it to the state's facts (state.ts `addFacts`);
 * `stateOfFold` gives exactly the state `buildState` gives for the turns folded so far, without
 * analysing, normalising or going over any earlier turn again (only a trailing run of client
 * bubbles, read as one turn, is analysed as such when asked for). For an
 * import that checks every agent reply against the moment it was written, or a live view that
 * grows one message at a time: n turns cost n readings, not n² as rebuilding the state would.
 *
 * Pure: a fold is an immutable list, newest turn first, so folding never changes the fold it
 * starts from and two branches share their common past.
 */
import { analyze as defaultAnalyze } from '../analysis/analyze.ts';
import type { Analysis, Channel, Lang, Turn } from '../types.ts';
import {
  type Analyzer,
  addFacts,
  burstText,
  NO_FACTS,
  type ProtocolState,
  type StateFacts,
  stateFrom,
  type TurnView,
  textOf,
  viewOf,
} from './state.ts';

/** One folded turn: as given, as read, the state's facts up to it, and the turns before it. */
export interface FoldedTurn {
  readonly turn: Turn;
  readonly view: TurnView;
  readonly facts: StateFacts;
  readonly previous: FoldedTurn | null;
}

/** A conversation followed so far (see `startFold`, `foldTurn`, `stateOfFold`). */
export interface ProtocolFold {
  readonly lang: Lang;
  readonly channel?: Channel;
  /** How many turns were folded. */
  readonly length: number;
  /** How many client turns end the conversation so far (0 when the agent spoke last). */
  readonly clientRun: number;
  /** The turns folded, newest first. */
  readonly last: FoldedTurn | null;
}

export interface FoldOptions {
  /** The conversation's language: every analysis folded in must have been made in it. */
  readonly lang: Lang;
  readonly channel?: Channel;
}

/** An empty conversation in `lang` (use `languageOf` when only the turns are known). */
export function startFold(options: FoldOptions): ProtocolFold {
  return {
    lang: options.lang,
    ...(options.channel !== undefined ? { channel: options.channel } : {}),
    length: 0,
    clientRun: 0,
    last: null,
  };
}

/**
 * The fold with one more turn. `analysis` is the turn's own analysis — `analyze(turn.text,
 * { role: turn.role, lang: fold.lang })` or the caller's equivalent — so that the state is the
 * one `buildState` would make with that analyser. Throws a TypeError when it cannot be (another
 * role or language): a programming mistake, never something a user typed.
 */
export function foldTurn(fold: ProtocolFold, turn: Turn, analysis: Analysis): ProtocolFold {
  if (analysis.role !== turn.role || analysis.lang !== fold.lang) {
    throw new TypeError(
      `foldTurn: an analysis made as ${analysis.role}/${analysis.lang} for a ${turn.role} turn of a ${fold.lang} conversation`,
    );
  }
  return withTurn(fold, turn, viewOf(turn, fold.length, textOf(turn), analysis, fold.lang));
}

/** The fold with one more turn, read as `view` (its index is the fold's length). */
function withTurn(fold: ProtocolFold, turn: Turn, view: TurnView): ProtocolFold {
  const length = fold.length + 1;
  const clientRun = turn.role === 'client' ? fold.clientRun + 1 : 0;
  const last = { turn, view, facts: addFacts(fold.last?.facts ?? NO_FACTS, view), previous: fold.last };
  // written out rather than spread: this runs for every turn a sliding fold keeps
  return fold.channel !== undefined
    ? { lang: fold.lang, channel: fold.channel, length, clientRun, last }
    : { lang: fold.lang, length, clientRun, last };
}

/** `view` numbered `index` (its other fields, in their order, as they are). */
function renumbered(view: TurnView, index: number): TurnView {
  if (view.at !== undefined || view.channel !== undefined || view.bubbles !== undefined)
    return { ...view, index };
  const { role, text, analysis, signals, cues } = view;
  return { index, role, text, analysis, signals, cues };
}

/**
 * The fold without its `count` oldest turns, as if it had started after them — for a
 * conversation read through a sliding window of recent turns. The turns kept keep their reading
 * (no analysis, normalisation or cue detection again), numbered from 0 again, and the state's
 * facts are gathered again from those readings: a few object copies per turn.
 */
export function dropOldest(fold: ProtocolFold, count: number): ProtocolFold {
  if (count <= 0) return fold;
  const kept: FoldedTurn[] = [];
  for (let link = fold.last; link !== null && kept.length < fold.length - count; link = link.previous)
    kept.push(link);
  let out = startFold(fold);
  for (let k = kept.length - 1; k >= 0; k--) {
    const { turn, view } = kept[k] as FoldedTurn;
    out = withTurn(out, turn, renumbered(view, out.length));
  }
  return out;
}

/** Folds every turn of `turns`, analysing each with `analyzer` in the fold's language. */
export function foldTurns(
  fold: ProtocolFold,
  turns: readonly Turn[],
  analyzer: Analyzer = defaultAnalyze,
): ProtocolFold {
  let out = fold;
  for (const turn of turns)
    out = foldTurn(out, turn, analyzer(textOf(turn), { role: turn.role, lang: fold.lang }));
  return out;
}

export interface FoldStateOptions {
  /**
   * Analyses the merged text of a trailing run of client bubbles, the one text no folded
   * analysis covers (default: `analyze`). Called only when two or more client turns end the fold.
   */
  readonly analyzer?: Analyzer;
}

/**
 * The protocol state of the turns folded so far: deep-equal to `buildState` on those turns. Its
 * facts were gathered as the turns were folded; only the list of turns is laid out again.
 */
export function stateOfFold(fold: ProtocolFold, options: FoldStateOptions = {}): ProtocolState {
  const views: TurnView[] = new Array(fold.length);
  let i = fold.length;
  for (let link = fold.last; link !== null; link = link.previous) views[--i] = link.view;
  if (fold.clientRun < 2) return stateFrom(fold.lang, fold.channel, views, fold.last?.facts ?? NO_FACTS);
  // a chat client often sends one message in several bubbles: the trailing run is read as one turn
  const burst = fold.length - fold.clientRun;
  const run: Turn[] = [];
  let settled = fold.last;
  for (let k = 0; k < fold.clientRun && settled; k++, settled = settled.previous) run.unshift(settled.turn);
  const text = burstText(run);
  const analyzer = options.analyzer ?? defaultAnalyze;
  const merged = viewOf(
    run[run.length - 1] as Turn,
    burst,
    text,
    analyzer(text, { role: 'client', lang: fold.lang }),
    fold.lang,
    fold.clientRun,
  );
  views.length = burst;
  views.push(merged);
  return stateFrom(fold.lang, fold.channel, views, addFacts(settled?.facts ?? NO_FACTS, merged));
}

/**
 * Which cue kinds can match a text at all. Every pattern of a cue kind needs some literal
 * (required-literals.ts reads, from a regex source, an AND of OR-sets of strings every match
 * contains); a kind is tried only when the text holds one literal of the set chosen for each of
 * its patterns. One Aho–Corasick pass over the normalised text finds every literal of a
 * language at once, so a turn costs one pass plus the few kinds it wakes, instead of sixteen
 * alternations with a lookbehind at every position. A pattern without a usable literal makes its
 * kind always tried: the gate can only cost speed, never a cue.
 */
import { requiredLiterals } from '../analysis/required-literals.ts';

/** Literals are cut to their last MAX_LITERAL characters (a suffix of a needed string is needed too). */
const MAX_LITERAL = 10;
/** A set holding a shorter literal is in nearly every text: it gates nothing. */
const MIN_LITERAL = 2;

/** The set of a pattern's requirement that gates best: its shortest literal the longest. */
function gateSet(source: string): string[] | null {
  const requirement = requiredLiterals(source);
  if (!requirement) return null;
  let best: string[] | null = null;
  let bestShortest = 0;
  for (const set of requirement) {
    const literals = [...new Set(set.map((l) => l.trim()).map((l) => l.slice(-MAX_LITERAL)))];
    const shortest = Math.min(...literals.map((l) => l.length));
    if (shortest >= MIN_LITERAL && shortest > bestShortest) {
      best = literals;
      bestShortest = shortest;
    }
  }
  return best;
}

/** Aho–Corasick over a few hundred short literals: a dense table on their small alphabet. */
interface Automaton {
  readonly symbolOf: Uint8Array;
  readonly width: number;
  readonly delta: Int32Array;
  /** Literal ids found on reaching state k (failure chain included): outIds[outStart[k] .. outStart[k+1]). */
  readonly outStart: Int32Array;
  readonly outIds: Int32Array;
}

function buildAutomaton(literals: readonly string[]): Automaton {
  const symbolOf = new Uint8Array(0x10000);
  let width = 1;
  for (const lit of literals) {
    for (let i = 0; i < lit.length; i++) {
      const c = lit.charCodeAt(i);
      if (symbolOf[c] === 0) symbolOf[c] = width++;
    }
  }
  if (width > 255) throw new Error('cue-gate: literal alphabet too large'); // a data bug
  const edges: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  literals.forEach((lit, id) => {
    let state = 0;
    for (let i = 0; i < lit.length; i++) {
      const sym = symbolOf[lit.charCodeAt(i)] as number;
      const map = edges[state] as Map<number, number>;
      let next = map.get(sym);
      if (next === undefined) {
        next = edges.length;
        map.set(sym, next);
        edges.push(new Map());
        own.push([]);
      }
      state = next;
    }
    (own[state] as number[]).push(id);
  });
  const n = edges.length;
  const delta = new Int32Array(n * width);
  const fail = new Int32Array(n);
  const outs = own.map((o) => [...o]);
  // breadth first: a state's failure target is complete before the state itself
  const queue: number[] = [];
  for (const [sym, next] of edges[0] as Map<number, number>) {
    delta[sym] = next;
    queue.push(next);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    const f = fail[state] as number;
    (outs[state] as number[]).push(...(outs[f] as number[]));
    const row = state * width;
    const failRow = f * width;
    for (let sym = 0; sym < width; sym++) delta[row + sym] = delta[failRow + sym] as number;
    for (const [sym, next] of edges[state] as Map<number, number>) {
      fail[next] = delta[failRow + sym] as number;
      delta[row + sym] = next;
      queue.push(next);
    }
  }
  const outStart = new Int32Array(n + 1);
  const lists = outs.map((o) => [...new Set(o)]);
  for (let s = 0; s < n; s++) outStart[s + 1] = (outStart[s] as number) + (lists[s] as number[]).length;
  return { symbolOf, width, delta, outStart, outIds: Int32Array.from(lists.flat()) };
}

/** Wakes the kinds (by position in the table given) that a normalised text can match. */
export class CueGate {
  readonly #automaton: Automaton;
  /** Literal id → the kinds it wakes. */
  readonly #wakes: readonly (readonly number[])[];
  /** Kinds tried whatever the text. */
  readonly #always: readonly number[];
  readonly #kinds: number;

  /** `patterns[k]`: the regex sources of kind k. */
  constructor(patterns: readonly (readonly string[])[]) {
    const literals: string[] = [];
    const ids = new Map<string, number>();
    const wakes: number[][] = [];
    const always: number[] = [];
    patterns.forEach((sources, kind) => {
      const sets = sources.map(gateSet);
      if (sets.some((set) => set === null)) {
        always.push(kind);
        return;
      }
      for (const set of sets as string[][]) {
        for (const lit of set) {
          let id = ids.get(lit);
          if (id === undefined) {
            id = literals.length;
            literals.push(lit);
            ids.set(lit, id);
            wakes.push([]);
          }
          const list = wakes[id] as number[];
          if (!list.includes(kind)) list.push(kind);
        }
      }
    });
    this.#automaton = buildAutomaton(literals);
    this.#wakes = wakes;
    this.#always = always;
    this.#kinds = patterns.length;
  }

  /** One flag per kind: 1 when the text holds a literal that kind needs (or it has no gate). */
  awake(text: string): Uint8Array {
    const out = new Uint8Array(this.#kinds);
    for (const kind of this.#always) out[kind] = 1;
    const { symbolOf, width, delta, outStart, outIds } = this.#automaton;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = delta[state * width + (symbolOf[text.charCodeAt(i)] as number)] as number;
      for (let k = outStart[state] as number, end = outStart[state + 1] as number; k < end; k++) {
        for (const kind of this.#wakes[outIds[k] as number] as number[]) out[kind] = 1;
      }
    }
    return out;
  }
}

/**
 * Which cue kinds can match a text at all. Every pattern of a cue kind needs some literal
 * (required-literals.ts reads, from a regex source, an AND of OR-sets of strings every match
 * contains); a kind is tried only when the text holds one literal of the set chosen for each of
 * its patterns. One Aho–Corasick pass over the normalised text finds every literal of a
 * language at once, so a turn costs one pass plus the few kinds it wakes, instead of sixteen
 * alternations with a lookbehind at every position. A pattern without a usable literal makes its
 * kind always tried: the gate can only cost speed, never a cue.
 */
import { type Automaton, buildAutomaton } from '../analysis/literal-automaton.ts';
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
    const { symbolOf, width, delta, mask, flag, outStart, outIds } = this.#automaton;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const entry = delta[state * width + (symbolOf[text.charCodeAt(i)] as number)] as number;
      state = entry & mask;
      if ((entry & flag) === 0) continue;
      for (let k = outStart[state] as number, end = outStart[state + 1] as number; k < end; k++) {
        for (const kind of this.#wakes[outIds[k] as number] as number[]) out[kind] = 1;
      }
    }
    return out;
  }
}

/**
 * Aho–Corasick over a fixed set of literals, built once: which of them occur in a text, in one
 * pass over its code units. Used by the pattern banks (pattern-bank.ts), which walk the table in
 * their hot loop:
 *
 *   entry = delta[state * width + symbolOf[code]]; state = entry & mask;
 *   if (entry & flag) → literals outIds[outStart[state] .. outStart[state + 1]) end here
 */

/** The automaton: a dense table on the literals' small alphabet, flat outputs. */
export interface Automaton {
  /** Code unit → symbol (0: any character no literal uses). */
  readonly symbolOf: Uint8Array;
  readonly width: number;
  /**
   * next = delta[state * width + symbol] & mask, failure links folded in; the `flag` bit is set
   * on the entries leading to a state with outputs, so the pass reads one entry per character.
   */
  readonly delta: Uint16Array | Int32Array;
  readonly mask: number;
  readonly flag: number;
  /** Literal ids ending at state k (its failure chain included): outIds[outStart[k] .. outStart[k+1]). */
  readonly outStart: Int32Array;
  readonly outIds: Int32Array;
}

export function buildAutomaton(literals: readonly string[]): Automaton {
  const symbolOf = new Uint8Array(0x10000);
  let width = 1;
  for (const lit of literals) {
    for (let i = 0; i < lit.length; i++) {
      const c = lit.charCodeAt(i);
      if (symbolOf[c] === 0) symbolOf[c] = width++;
    }
  }
  if (width > 255) throw new Error('literal-automaton: literal alphabet too large'); // a data bug
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
  const delta = n < 0x10000 ? new Uint16Array(n * width) : new Int32Array(n * width);
  const fail = new Int32Array(n);
  const outs: number[][] = own.map((o) => [...o]);
  // breadth-first: a state's failure target is always complete before the state itself
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
  for (let st = 0; st < n; st++) outStart[st + 1] = (outStart[st] as number) + (lists[st] as number[]).length;
  const small = n < 0x8000;
  const flag = small ? 0x8000 : 0x40000000;
  const flagged = small ? new Uint16Array(delta.length) : new Int32Array(delta.length);
  for (let k = 0; k < delta.length; k++) {
    const next = delta[k] as number;
    flagged[k] = (lists[next] as number[]).length > 0 ? next | flag : next;
  }
  return {
    symbolOf,
    width,
    delta: flagged,
    mask: flag - 1,
    flag,
    outStart,
    outIds: Int32Array.from(lists.flat()),
  };
}

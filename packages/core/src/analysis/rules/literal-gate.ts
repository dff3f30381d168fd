/**
 * A cheap pre-filter in front of each phrase pattern: most messages hold none of the words a
 * pattern requires, so its regex need not run at all.
 *
 * From each pattern source we derive, by a small structural reading of the regex, an AND of
 * OR-sets of literal strings that every match must contain (« (porter|déposer) plainte » needs
 * « porter plainte » or « déposer plainte »). All literals of all gates go into one Aho–Corasick
 * automaton, run once per normalised text; a gate is then a few array look-ups. The gate is
 * exact about literals, so it never rejects a text its pattern matches; a pattern whose
 * requirement cannot be derived has no gate (its regex always runs).
 */
import type { NormalizedText } from '../../text/normalize.ts';

type Item =
  | { readonly kind: 'char'; readonly ch: string; readonly min: number; readonly max: number }
  | {
      readonly kind: 'group';
      readonly alt: Item[][];
      readonly look: boolean;
      readonly min: number;
      readonly max: number;
    }
  | { readonly kind: 'other' };

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  alt(): Item[][] {
    const branches: Item[][] = [[]];
    while (this.i < this.s.length) {
      const c = this.s[this.i] as string;
      if (c === ')') break;
      if (c === '|') {
        this.i++;
        branches.push([]);
        continue;
      }
      (branches[branches.length - 1] as Item[]).push(this.item());
    }
    return branches;
  }

  item(): Item {
    const s = this.s;
    const c = s[this.i] as string;
    let atom: 'other' | { ch: string } | { alt: Item[][]; look: boolean };
    if (c === '(') {
      this.i++;
      let look = false;
      if (s[this.i] === '?') {
        const rest = s.slice(this.i, this.i + 4);
        if (rest.startsWith('?:')) this.i += 2;
        else if (rest.startsWith('?=') || rest.startsWith('?!')) {
          this.i += 2;
          look = true;
        } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
          this.i += 3;
          look = true;
        } else if (rest.startsWith('?<')) this.i = s.indexOf('>', this.i) + 1;
      }
      const alt = this.alt();
      this.i++; // ')'
      atom = { alt, look };
    } else if (c === '[') {
      const from = this.i + 1;
      this.i++;
      if (s[this.i] === '^') this.i++;
      if (s[this.i] === ']') this.i++;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      const body = s.slice(from, this.i);
      this.i++;
      // a short plain class (« [- ] », « [?] ») is a choice of literal characters
      atom = /^[^\\^\]-]{1,6}$|^-[^\\^\]-]{1,5}$|^[^\\^\]-]{1,5}-$/.test(body)
        ? { alt: [...body].map((ch) => [{ kind: 'char', ch, min: 1, max: 1 } as Item]), look: false }
        : 'other';
    } else if (c === '\\') {
      const e = s[this.i + 1] ?? '';
      this.i += 2;
      if (e === 'p' || e === 'P' || e === 'u' || e === 'k') {
        if (s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
        else if (e === 'u') this.i += 4;
        atom = 'other';
      } else if (e === 'x') {
        this.i += 2;
        atom = 'other';
      } else if (/[dDwWsSbB0-9]/.test(e)) atom = 'other';
      else if (e === 'n') atom = { ch: '\n' };
      else if (e === 't') atom = { ch: '\t' };
      else atom = { ch: e };
    } else if (c === '.' || c === '^' || c === '$') {
      this.i++;
      atom = 'other';
    } else {
      this.i++;
      atom = { ch: c };
    }
    const [min, max] = this.quantifier();
    if (atom === 'other') return { kind: 'other' };
    if ('ch' in atom) return { kind: 'char', ch: atom.ch, min, max };
    return { kind: 'group', alt: atom.alt, look: atom.look, min, max };
  }

  quantifier(): [number, number] {
    const s = this.s;
    const c = s[this.i];
    let q: [number, number] = [1, 1];
    if (c === '?') q = [0, 1];
    else if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (!m) return q;
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : m[3] ? Number(m[3]) : Infinity;
      this.i += m[0].length;
      if (s[this.i] === '?') this.i++;
      return [lo, hi];
    } else return q;
    this.i++;
    if (s[this.i] === '?') this.i++; // lazy
    return q;
  }
}

/** An AND of OR-sets: every set must have one literal present. */
type Requirement = string[][];

const minLen = (set: readonly string[]): number => Math.min(...set.map((x) => x.length));

/** The most selective single OR-set of a conjunction (longest shortest literal, then fewest). */
function bestSet(req: Requirement): string[] | null {
  let best: string[] | null = null;
  for (const set of req) {
    if (!best || minLen(set) > minLen(best) || (minLen(set) === minLen(best) && set.length < best.length))
      best = set;
  }
  return best;
}

/** One OR-set for a group: each branch contributes its most selective set; null if a branch has none. */
function setOfAlt(alt: Item[][]): string[] | null {
  const out: string[] = [];
  for (const seq of alt) {
    const set = bestSet(requirementOfSeq(seq));
    if (!set) return null;
    out.push(...set);
  }
  return [...new Set(out)];
}

/** The strings a group can match when every branch is a plain literal (« (?:le|la|les) »), else null. */
function literalChoices(item: Item): string[] | null {
  if (item.kind === 'char') return [item.ch];
  if (item.kind !== 'group' || item.look) return null;
  const out: string[] = [];
  for (const seq of item.alt) {
    let lit = '';
    for (const x of seq) {
      if (x.kind !== 'char' || x.min !== 1 || x.max !== 1) return null;
      lit += x.ch;
    }
    out.push(lit);
  }
  return out;
}

/** Cross products stay small: past this many strings the frontier is cut. */
const MAX_FRONTIER = 8;

/**
 * Walks a sequence keeping a frontier: the strings one of which the text must hold, ending at the
 * current point (« (?:le|la) con(?:ne)? » → [le con, la con, le conne, la conne]). Items that are
 * not literal cut the frontier into a requirement; mandatory groups add their own OR-set.
 */
function requirementOfSeq(seq: Item[]): Requirement {
  const req: Requirement = [];
  let frontier: string[] = [''];
  const flush = () => {
    if (!frontier.includes('')) req.push([...new Set(frontier)]);
    frontier = [''];
  };
  for (const item of seq) {
    const choices = item.kind === 'other' ? null : literalChoices(item);
    const min = item.kind === 'other' ? 1 : item.min;
    const max = item.kind === 'other' ? 1 : item.max;
    if (choices && max === 1 && (min === 1 || min === 0)) {
      const next = frontier.flatMap((f) => choices.map((c) => f + c));
      const size = next.length + (min === 0 ? frontier.length : 0);
      if (size <= Math.max(MAX_FRONTIER, frontier.length)) {
        frontier = min === 0 ? [...frontier, ...next] : next;
        continue;
      }
      flush();
      if (min === 1) frontier = choices;
      continue;
    }
    if (choices && min >= 1) {
      // repeated literal (« x+ », « (?:ab){2} »): one occurrence is required, then the frontier stops
      frontier = frontier.flatMap((f) => choices.map((c) => f + c)).slice(0, MAX_FRONTIER);
      flush();
      continue;
    }
    flush();
    if (item.kind === 'group' && !item.look && item.min >= 1) {
      const set = setOfAlt(item.alt);
      if (set && set.length > 0) req.push(set);
    }
  }
  flush();
  return req;
}

/**
 * What any match of `source` must contain, as an AND of OR-sets of literals (« (porter|déposer)
 * plainte » → [[porter, déposer], [ plainte]]), or null when nothing can be derived.
 */
export function requiredLiterals(source: string): string[][] | null {
  try {
    const p = new Parser(source);
    const alt = p.alt();
    if (p.i < source.length) return null;
    if (alt.length === 1) {
      const req = requirementOfSeq(alt[0] as Item[]);
      return req.length > 0 ? req : null;
    }
    const set = setOfAlt(alt);
    return set && set.length > 0 ? [set] : null;
  } catch {
    return null; // a source this reader does not follow: no gate, the regex always runs
  }
}

/**
 * Every literal any gate needs, registered once; one Aho–Corasick automaton over all of them
 * finds, in a single pass over a message, which are present — shared by every gated rule.
 */
const LITERAL_IDS = new Map<string, number>();
const LITERALS: string[] = [];

function literalId(lit: string): number {
  let id = LITERAL_IDS.get(lit);
  if (id === undefined) {
    id = LITERALS.length;
    LITERAL_IDS.set(lit, id);
    LITERALS.push(lit);
  }
  return id;
}

interface Automaton {
  readonly literals: number;
  /** Code unit → character class (0: a character no literal uses). */
  readonly classOf: Uint8Array;
  readonly classes: number;
  /** Full transition table (failure links folded in): next = delta[state * classes + class]. */
  readonly delta: Uint16Array | Int32Array;
  /** Literal ids ending at each state, its failure chain merged in. */
  readonly outStart: Int32Array;
  readonly outIds: Int32Array;
}

function buildAutomaton(): Automaton {
  const classOf = new Uint8Array(65536);
  let classes = 1;
  for (const lit of LITERALS) {
    for (let i = 0; i < lit.length; i++) {
      const c = lit.charCodeAt(i);
      if (classOf[c] === 0) classOf[c] = classes++;
    }
  }
  if (classes > 255) throw new Error('literal-gate: too many distinct characters'); // a data bug
  const edges: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  LITERALS.forEach((lit, id) => {
    let state = 0;
    for (let i = 0; i < lit.length; i++) {
      const k = classOf[lit.charCodeAt(i)] as number;
      const map = edges[state] as Map<number, number>;
      let next = map.get(k);
      if (next === undefined) {
        next = edges.length;
        map.set(k, next);
        edges.push(new Map());
        own.push([]);
      }
      state = next;
    }
    (own[state] as number[]).push(id);
  });
  const n = edges.length;
  const delta = n < 65536 ? new Uint16Array(n * classes) : new Int32Array(n * classes);
  const fail = new Int32Array(n);
  const merged: number[][] = own.map((o) => [...o]);
  // breadth-first: a state's failure target is always finished before the state itself
  const queue: number[] = [];
  for (const [k, next] of edges[0] as Map<number, number>) {
    delta[k] = next;
    queue.push(next);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    const f = fail[state] as number;
    (merged[state] as number[]).push(...(merged[f] as number[]));
    const row = state * classes;
    const failRow = f * classes;
    for (let k = 0; k < classes; k++) delta[row + k] = delta[failRow + k] as number;
    for (const [k, next] of edges[state] as Map<number, number>) {
      fail[next] = delta[failRow + k] as number;
      delta[row + k] = next;
      queue.push(next);
    }
  }
  const outStart = new Int32Array(n + 1);
  const outLists = merged.map((m) => [...new Set(m)]);
  let outs = 0;
  for (let st = 0; st < n; st++) {
    outStart[st] = outs;
    outs += (outLists[st] as number[]).length;
  }
  outStart[n] = outs;
  const outIds = new Int32Array(outs);
  for (let st = 0; st < n; st++) outIds.set(outLists[st] as number[], outStart[st] as number);
  return { literals: LITERALS.length, classOf, classes, delta, outStart, outIds };
}

let automaton: Automaton | null = null;
/** Presence of literal i in the last scanned text: stamp[i] === generation. */
let stamp = new Uint32Array(0);
let generation = 0;
let scanned: NormalizedText | null = null;

/** Marks the literals present in `n` (once per normalised text; rules run one message at a time). */
function scan(n: NormalizedText): void {
  if (scanned === n && automaton !== null && automaton.literals === LITERALS.length) return;
  if (automaton === null || automaton.literals !== LITERALS.length) {
    automaton = buildAutomaton();
    stamp = new Uint32Array(LITERALS.length);
    generation = 0;
  }
  const { classOf, classes, delta, outStart, outIds } = automaton;
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    stamp.fill(0);
    generation = 1;
  }
  const gen = generation;
  const text = n.text;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    state = delta[state * classes + (classOf[text.charCodeAt(i)] as number)] as number;
    for (let k = outStart[state] as number, end = outStart[state + 1] as number; k < end; k++) {
      stamp[outIds[k] as number] = gen;
    }
  }
  scanned = n;
}

/**
 * The requirement of one pattern as a flat program over literal ids:
 * [sets, (literals, id…)…], sets ordered cheapest-to-reject first.
 */
export interface PatternGate {
  readonly prog: Int32Array;
}

/** Rough letter frequencies of French and English text (per mille); rarer trigrams are checked first. */
const FREQ: Readonly<Record<string, number>> = {
  ' ': 180,
  e: 140,
  s: 70,
  a: 70,
  i: 65,
  t: 65,
  n: 65,
  r: 60,
  u: 50,
  l: 50,
  o: 55,
  d: 35,
  c: 30,
  m: 28,
  p: 25,
  "'": 20,
  h: 20,
  v: 15,
  g: 12,
  f: 12,
  b: 10,
  q: 8,
  y: 8,
  w: 5,
  j: 5,
  x: 3,
  k: 3,
  z: 2,
};

/** Rough chance that a literal occurs in a 300-character message (independent letters: crude but ordinal). */
function chanceOf(lit: string): number {
  if (lit.length < 3) return lit.length === 1 && /[a-z ]/.test(lit) ? 1 : 0.3;
  let best = 1;
  for (let i = 0; i + 2 < lit.length; i++) {
    let p = 300;
    for (let k = i; k < i + 3; k++) p *= (FREQ[lit[k] as string] ?? 4) / 1000;
    best = Math.min(best, p);
  }
  return best;
}

/** The gate of one pattern source, or null when nothing can be derived (the pattern always runs). */
export function gateOf(source: string): PatternGate | null {
  const req = requiredLiterals(source);
  if (!req) return null;
  // cheapest-to-reject first: order sets by cost / chance of rejecting (expected-cost optimal order)
  const score = (set: readonly string[]) =>
    set.length /
    Math.max(
      1e-3,
      1 -
        Math.min(
          1,
          set.reduce((a, l) => a + chanceOf(l), 0),
        ),
    );
  const sorted = [...req].sort((a, b) => score(a) - score(b));
  const prog: number[] = [sorted.length];
  for (const set of sorted) prog.push(set.length, ...set.map(literalId));
  return { prog: Int32Array.from(prog) };
}

/** May the normalised text contain a match of the gated pattern? False means certainly not. */
export function gatePasses(gate: PatternGate | null, n: NormalizedText): boolean {
  if (!gate) return true;
  scan(n);
  const prog = gate.prog;
  const gen = generation;
  let i = 1;
  for (let sets = prog[0] as number; sets > 0; sets--) {
    const lits = prog[i++] as number;
    let any = false;
    for (let k = 0; k < lits; k++) {
      if (stamp[prog[i + k] as number] === gen) {
        any = true;
        break;
      }
    }
    if (!any) return false;
    i += lits;
  }
  return true;
}

/**
 * A cheap pre-filter in front of a signal's alternation: most messages hold none of the words a
 * signal's patterns require, so the regex need not run at all.
 *
 * From each pattern source we derive, by a small structural reading of the regex, a set of
 * literal strings at least one of which every match must contain (« porter plainte » requires
 * « plainte »). A message is screened with a bitset of its hashed character trigrams, built once
 * per normalised text and reused by every gate: a literal can only be present if all its sampled
 * trigrams are. The gate may let a message through for nothing (a hash collision), never the
 * reverse; a pattern whose requirement cannot be derived disables the gate (the regex always runs).
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

const BITS = 15;
const MASK_WORDS = (1 << BITS) >>> 5;

function tri(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) >>> (32 - BITS);
}

/** One reusable bitset: rebuilt when a new normalised text is screened (rules run one message at a time). */
const bitset = new Uint32Array(MASK_WORDS);
let bitsetOf: NormalizedText | null = null;

function trigramsOf(n: NormalizedText): Uint32Array {
  if (bitsetOf === n) return bitset;
  bitset.fill(0);
  const t = n.text;
  for (let i = 0; i + 2 < t.length; i++) {
    const h = tri(t.charCodeAt(i), t.charCodeAt(i + 1), t.charCodeAt(i + 2));
    bitset[h >>> 5] = (bitset[h >>> 5] as number) | (1 << (h & 31));
  }
  bitsetOf = n;
  return bitset;
}

type Check = Uint32Array | string;

/**
 * The requirement of one pattern as a flat program (cheap to run on every message):
 * [sets, (literals, (n, hash×n | -1-shortIndex)…)…], sets ordered cheapest-to-reject first.
 */
export interface PatternGate {
  readonly prog: Int32Array;
  readonly shorts: readonly string[];
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
const rarity = (t: string): number => [...t].reduce((a, ch) => a + (FREQ[ch] ?? 4), 0);

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

/** Trigrams checked per literal: the rarest few decide almost always, and the regex has the last word. */
const SAMPLES = 6;

/** Literals up to this length are looked up exactly: their trigrams alone are too common to screen. */
const EXACT_UP_TO = 4;

function checkOf(lit: string): Check {
  if (lit.length <= EXACT_UP_TO) return lit;
  const grams: string[] = [];
  for (let i = 0; i + 2 < lit.length; i++) grams.push(lit.slice(i, i + 3));
  const picks = [...new Set(grams)].sort((a, b) => rarity(a) - rarity(b)).slice(0, SAMPLES);
  return Uint32Array.from(picks.map((g) => tri(g.charCodeAt(0), g.charCodeAt(1), g.charCodeAt(2))));
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
  const shorts: string[] = [];
  for (const set of sorted) {
    prog.push(set.length);
    for (const lit of set) {
      const c = checkOf(lit);
      if (typeof c === 'string') {
        prog.push(-1 - shorts.length);
        shorts.push(c);
      } else prog.push(c.length, ...c);
    }
  }
  return { prog: Int32Array.from(prog), shorts };
}

/** May the normalised text contain a match of the gated pattern? False means certainly not. */
export function gatePasses(gate: PatternGate | null, n: NormalizedText): boolean {
  if (!gate) return true;
  const bits = trigramsOf(n);
  const prog = gate.prog;
  let i = 1;
  for (let sets = prog[0] as number; sets > 0; sets--) {
    let lits = prog[i++] as number;
    let any = false;
    while (lits > 0) {
      lits--;
      const code = prog[i++] as number;
      if (code < 0) {
        if (n.text.includes(gate.shorts[-1 - code] as string)) any = true;
      } else {
        let ok = true;
        for (let k = 0; k < code; k++) {
          const h = prog[i + k] as number;
          if (((bits[h >>> 5] as number) & (1 << (h & 31))) === 0) {
            ok = false;
            break;
          }
        }
        i += code;
        if (ok) any = true;
      }
      if (any) {
        // skip the rest of this set
        while (lits > 0) {
          lits--;
          const c = prog[i++] as number;
          if (c > 0) i += c;
        }
      }
    }
    if (!any) return false;
  }
  return true;
}

/**
 * A bank of phrase patterns matched fast: every pattern is compiled once on its own (word-bounded,
 * as in patterns.ts) and runs only when the text holds one of the literals any match of it must
 * contain (its « required factor », the prefilter RE2 and Hyperscan use). The literals of a whole
 * bank are found in ONE pass over the text with an Aho-Corasick automaton, so a 300-character
 * reply tests a handful of regular expressions instead of hundreds of alternations at every
 * position (the agent rules went from ~160 µs to a few µs per reply).
 */
import type { NormalizedMatch, PatternEntry } from '../patterns.ts';

/** Shortest literal worth gating on: shorter ones are present in nearly every text. */
const MIN_LITERAL = 3;

interface Parsed {
  /** Any match contains at least one of these strings; null when nothing is certain. */
  readonly req: readonly string[] | null;
  /** The node matches exactly one of these strings (a small finite set), or null. */
  readonly exact: readonly string[] | null;
}

/** Largest set of alternatives kept when multiplying literal sets (« (vous|tu) (pouvez|…) »). */
const MAX_EXACT = 64;

const score = (req: readonly string[]) => Math.min(...req.map((s) => s.length)) * 100 - req.length;

function best(candidates: readonly (readonly string[])[]): readonly string[] | null {
  let out: readonly string[] | null = null;
  for (const c of candidates) if (c.length > 0 && (out === null || score(c) > score(out))) out = c;
  return out;
}

function product(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > MAX_EXACT) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

/**
 * The literals one of which every match of `source` must contain, or null. A tiny parser of the
 * regular-expression subset the data files use (groups, alternation, classes, escapes,
 * quantifiers, lookarounds). Literal runs are multiplied through small groups, so
 * « (je|nous) (peux|pouvons) » gates on « je peux », « nous pouvons »… Anything it does not
 * understand makes it answer null, which only costs speed, never a match.
 */
export function requiredLiterals(source: string): string[] | null {
  let i = 0;
  const n = source.length;

  function quantifier(): { min: number; max: number } | null {
    const c = source[i];
    let q: { min: number; max: number } | null = null;
    if (c === '?') q = { min: 0, max: 1 };
    else if (c === '*') q = { min: 0, max: Number.POSITIVE_INFINITY };
    else if (c === '+') q = { min: 1, max: Number.POSITIVE_INFINITY };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) return null;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY;
      i += m[0].length - 1;
      q = { min, max };
    } else return null;
    i++;
    if (source[i] === '?') i++; // lazy
    return q;
  }

  function alternation(): Parsed {
    const alts: Parsed[] = [sequence()];
    while (source[i] === '|') {
      i++;
      alts.push(sequence());
    }
    const req = alts.some((a) => a.req === null)
      ? null
      : [...new Set(alts.flatMap((a) => a.req as readonly string[]))];
    let exact: string[] | null = [];
    for (const a of alts) {
      if (a.exact === null || exact === null) exact = null;
      else exact.push(...a.exact);
    }
    if (exact && new Set(exact).size > MAX_EXACT) exact = null;
    return { req, exact: exact ? [...new Set(exact)] : null };
  }

  function sequence(): Parsed {
    const candidates: (readonly string[])[] = [];
    let run: string[] = [''];
    let whole = true;
    const breakRun = () => {
      if (!(run.length === 1 && run[0] === '')) candidates.push(run);
      run = [''];
      whole = false;
    };
    const extend = (set: readonly string[]) => {
      const next = product(run, set);
      if (next) run = next;
      else {
        breakRun();
        run = [...set];
      }
    };
    while (i < n && source[i] !== '|' && source[i] !== ')') {
      const c = source[i] as string;
      let literal: string | null = null;
      let group: Parsed | null = null;
      let lookaround = false;
      if (c === '(') {
        i++;
        if (source.startsWith('?:', i)) i += 2;
        else if (/^\?<?[=!]/.test(source.slice(i, i + 3))) {
          lookaround = true;
          i += source[i + 1] === '<' ? 3 : 2;
        }
        group = alternation();
        if (source[i] !== ')') throw new SyntaxError('unbalanced group');
        i++;
      } else if (c === '[') {
        i++;
        if (source[i] === '^') i++;
        if (source[i] === ']') i++;
        while (i < n && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
        i++;
      } else if (c === '\\') {
        const e = source[i + 1] ?? '';
        i += 2;
        if (e === 'p' || e === 'P') {
          if (source[i] === '{') i = source.indexOf('}', i) + 1;
        } else if (e === 'u' || e === 'x' || e === 'c' || /[1-9]/.test(e)) {
          throw new SyntaxError('escape not understood');
        } else if (!/[a-zA-Z0-9]/.test(e)) literal = e;
      } else if (c === '.' || c === '^' || c === '$') {
        i++;
      } else {
        literal = c;
        i++;
      }
      const q = quantifier();
      if (lookaround) {
        // zero width: the text on both sides is still contiguous, but stay simple
        breakRun();
        continue;
      }
      const atom: readonly string[] | null = literal !== null ? [literal] : group ? group.exact : null;
      if (atom && (q === null || (q.min === 0 && q.max === 1))) {
        extend(q === null ? atom : [...atom, '']);
        continue;
      }
      breakRun();
      if (group && (q === null || q.min >= 1) && group.req) candidates.push(group.req);
    }
    const exact = whole ? run : null;
    if (!whole || !(run.length === 1 && run[0] === '')) candidates.push(run);
    return { req: best(candidates.filter((c) => !c.includes(''))), exact };
  }

  try {
    const parsed = alternation();
    if (i !== n || parsed.req === null) return null;
    return Math.min(...parsed.req.map((s) => s.length)) >= MIN_LITERAL ? [...parsed.req] : null;
  } catch {
    return null;
  }
}

/** Longest literal kept in the automaton: a shorter piece of a required literal is still required. */
const MAX_GATE = 8;

/**
 * The literals actually gated on: trimmed, cut to their last MAX_GATE characters (the distinctive
 * word usually ends the literal: « je vous comprends » → « comprends »'s tail). Keeps the
 * automaton small enough to stay in cache (30 000 states → 4 000 in French).
 */
function gateLiterals(req: readonly string[] | null): string[] | null {
  if (!req) return null;
  const out = new Set<string>();
  for (const lit of req) {
    const t = lit.trim();
    if (t.length < MIN_LITERAL) return null;
    out.add(t.length > MAX_GATE ? t.slice(-MAX_GATE) : t);
  }
  return [...out];
}

/**
 * Aho-Corasick over a fixed set of literals: a dense transition table on the small alphabet of
 * the literals (every other character is one symbol), flat output lists, and « present » marks
 * kept as generation stamps so that a scan allocates nothing.
 */
class LiteralScanner {
  /** Symbol of each UTF-16 code unit (the last symbol: any character no literal uses). */
  private readonly symbols: Uint8Array;
  private readonly width: number;
  private readonly next: Int32Array;
  /** Outputs of node k: outIds[outStart[k] .. outStart[k + 1]). */
  private readonly outStart: Int32Array;
  private readonly outIds: Int32Array;
  private readonly stamps: Uint32Array;
  private generation = 0;

  constructor(literals: readonly string[]) {
    const alphabet = new Map<number, number>();
    for (const lit of literals) {
      for (let k = 0; k < lit.length; k++) {
        const c = lit.charCodeAt(k);
        if (!alphabet.has(c)) alphabet.set(c, alphabet.size);
      }
    }
    if (alphabet.size > 254) throw new Error('PhraseBank: literal alphabet too large');
    const width = alphabet.size + 1;
    const symbols = new Uint8Array(0x10000).fill(alphabet.size);
    for (const [code, sym] of alphabet) symbols[code] = sym;
    const trie: number[][] = [[]];
    const out: number[][] = [[]];
    literals.forEach((lit, id) => {
      let node = 0;
      for (let k = 0; k < lit.length; k++) {
        const sym = symbols[lit.charCodeAt(k)] as number;
        let child = trie[node]?.[sym];
        if (child === undefined) {
          child = trie.length;
          (trie[node] as number[])[sym] = child;
          trie.push([]);
          out.push([]);
        }
        node = child;
      }
      (out[node] as number[]).push(id);
    });
    const next = new Int32Array(trie.length * width);
    const fail = new Int32Array(trie.length);
    const queue: number[] = [];
    for (let sym = 0; sym < width; sym++) {
      const child = trie[0]?.[sym];
      if (child !== undefined) {
        next[sym] = child;
        queue.push(child);
      }
    }
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q] as number;
      const f = fail[node] as number;
      if (node !== f) (out[node] as number[]).push(...(out[f] as number[]));
      for (let sym = 0; sym < width; sym++) {
        const child = trie[node]?.[sym];
        if (child !== undefined) {
          fail[child] = node === 0 ? 0 : (next[f * width + sym] as number);
          next[node * width + sym] = child;
          queue.push(child);
        } else next[node * width + sym] = next[f * width + sym] as number;
      }
    }
    const outStart = new Int32Array(trie.length + 1);
    for (let k = 0; k < trie.length; k++)
      outStart[k + 1] = (outStart[k] as number) + (out[k] as number[]).length;
    this.outIds = Int32Array.from(out.flat());
    this.outStart = outStart;
    this.symbols = symbols;
    this.width = width;
    this.next = next;
    this.stamps = new Uint32Array(literals.length);
  }

  /** Marks the literals that occur in `text`; returns the generation to test them with `has`. */
  scan(text: string): number {
    const gen = ++this.generation;
    const { symbols, next, width, outStart, outIds, stamps } = this;
    let node = 0;
    for (let k = 0; k < text.length; k++) {
      node = next[node * width + (symbols[text.charCodeAt(k)] as number)] as number;
      const end = outStart[node + 1] as number;
      for (let j = outStart[node] as number; j < end; j++) stamps[outIds[j] as number] = gen;
    }
    return gen;
  }

  has(id: number, gen: number): boolean {
    return this.stamps[id] === gen;
  }
}

function isOpen(gate: readonly number[] | null, scanner: LiteralScanner, gen: number): boolean {
  if (gate === null) return true;
  for (let k = 0; k < gate.length; k++) if (scanner.has(gate[k] as number, gen)) return true;
  return false;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Is the code unit before `index` a letter or digit (the start boundary of patterns.ts)? */
function wordCharBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const c = text.charCodeAt(index - 1);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) return true;
  if (c < 128) return false;
  return WORD_CHAR.test(text[index - 1] as string);
}

/**
 * Runs the open patterns. The word boundary before a match is checked here rather than by a
 * lookbehind in the expression: a leading lookbehind keeps V8 from scanning quickly for the first
 * characters and doubles the cost (measured); the boundary after stays in the expression so that
 * backtracking still picks an alternative that ends on a word end.
 */
function runPatterns(
  list: readonly GatedPattern[],
  text: string,
  scanner: LiteralScanner,
  gen: number,
): NormalizedMatch[] {
  let found: NormalizedMatch[] | null = null;
  for (let k = 0; k < list.length; k++) {
    const p = list[k] as GatedPattern;
    if (!isOpen(p.gate, scanner, gen)) continue;
    const re = p.re;
    re.lastIndex = 0;
    let m = re.exec(text);
    while (m !== null) {
      const start = m.index;
      if (wordCharBefore(text, start)) re.lastIndex = start + 1;
      else if (m[0].length === 0) re.lastIndex = start + 1;
      else {
        found ??= [];
        found.push({ start, end: start + m[0].length, text: m[0] });
      }
      m = re.exec(text);
    }
  }
  return found ?? NONE;
}

/** The shared empty answer (never mutated: callers copy before changing a result). */
const NONE: NormalizedMatch[] = [];

interface GatedPattern {
  readonly re: RegExp;
  /** Literal ids, one of which must be present; null: always run. */
  readonly gate: readonly number[] | null;
}

/** One signal's (or group's) patterns and allow-list inside a bank. */
export interface PhraseSet {
  readonly patterns: readonly GatedPattern[];
  readonly allow: readonly GatedPattern[];
}

/**
 * A bank of phrase sets for one language. Add every set first (`add`), then match: the automaton
 * is built on the first match and the literals found are memoised per text.
 */
export class PhraseBank {
  private readonly literals: string[] = [];
  private readonly literalIds = new Map<string, number>();
  private scanner: LiteralScanner | null = null;
  /** The text last scanned (its normalised object) and the generation of that scan. */
  private lastKey: object | null = null;
  private lastGen = 0;

  add(entry: PatternEntry): PhraseSet {
    if (this.scanner) throw new Error('PhraseBank: add every set before matching');
    const gated = (source: string): GatedPattern => {
      const gate = gateLiterals(requiredLiterals(source));
      return {
        re: new RegExp(`(?:${source})(?![\\p{L}\\p{N}])`, 'gu'),
        gate: gate ? gate.map((lit) => this.literalId(lit)) : null,
      };
    };
    return { patterns: entry.patterns.map(gated), allow: (entry.allow ?? []).map(gated) };
  }

  private literalId(lit: string): number {
    let id = this.literalIds.get(lit);
    if (id === undefined) {
      id = this.literals.length;
      this.literals.push(lit);
      this.literalIds.set(lit, id);
    }
    return id;
  }

  /** Scans `text` unless `key` (its normalised object) was the text scanned last. */
  private scanned(text: string, key: object): LiteralScanner {
    this.scanner ??= new LiteralScanner(this.literals);
    if (this.lastKey !== key) {
      this.lastGen = this.scanner.scan(text);
      this.lastKey = key;
    }
    return this.scanner;
  }

  /**
   * Non-overlapping matches of a set in `text` (earliest first, the longest at a position), minus
   * those an allow pattern overlaps.
   */
  match(set: PhraseSet, text: string, key: object): NormalizedMatch[] {
    const scanner = this.scanned(text, key);
    const gen = this.lastGen;
    const raw = runPatterns(set.patterns, text, scanner, gen);
    if (raw.length === 0) return NONE;
    if (raw.length > 1) raw.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: NormalizedMatch[] = [];
    for (const m of raw) {
      const last = kept[kept.length - 1];
      if (!last || m.start >= last.end) kept.push(m);
    }
    if (set.allow.length === 0) return kept;
    const allowed = runPatterns(set.allow, text, scanner, gen);
    if (allowed.length === 0) return kept;
    return kept.filter((hit) => !allowed.some((a) => a.start < hit.end && hit.start < a.end));
  }
}

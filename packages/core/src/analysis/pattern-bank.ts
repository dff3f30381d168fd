/**
 * Pattern banks: every phrase pattern of a language, matched in one pass per message.
 *
 * Each pattern (a regex source from the data files, word-bounded as patterns.ts means it) is
 * compiled on its own and runs only when the text holds what every match of it must contain: an
 * AND of OR-sets of literals read from its source (required-literals.ts — the prefilter RE2 and
 * Hyperscan use). All literals of a bank go into ONE Aho–Corasick automaton run once over the
 * normalised text; each literal found wakes the few patterns keyed on it (their rarest set), so
 * a message costs one pass over its characters plus the patterns that can match there, never a
 * loop over the hundreds that cannot. A woken pattern whose matches all start with a few known
 * strings (its openings, required-literals.ts) is tried, sticky, only where one of them starts a
 * word; others run once over the text. Per set, the answer is its non-overlapping matches (the
 * earliest first, the longest at a position) that no match of its allow patterns overlaps.
 *
 * Sets are added at load time by the rules; the automaton is (re)built on the first match after
 * an addition. Scans are memoised on the NormalizedText object, one text at a time (the engine is
 * single-threaded and analyses one message at a time).
 */
import type { NormalizedText } from '../text/normalize.ts';
import type { Lang } from '../types.ts';
import { type Automaton, buildAutomaton } from './literal-automaton.ts';
import type { NormalizedMatch, PatternEntry } from './patterns.ts';
import { openingLiterals, type Requirement, requiredLiterals } from './required-literals.ts';
import { sortInPlace } from './small-sort.ts';

/**
 * Letters and digits of the normalised text: a–z, digits and the scripts normalisation leaves
 * alone. One definition for both boundaries; plain ranges are far cheaper than `\p{L}` in a regex.
 */
const WORDISH = 'a-z0-9\\u00c0-\\u024f\\u0370-\\u1fff\\u2c00-\\ud7ff';
const AFTER = `(?![${WORDISH}])`;

function isWordCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 48 && c <= 57) ||
    (c >= 0xc0 && c <= 0x24f) ||
    (c >= 0x370 && c <= 0x1fff) ||
    (c >= 0x2c00 && c <= 0xd7ff)
  );
}

/** Literals are cut to their last MAX_LITERAL characters: a smaller automaton that stays in cache. */
const MAX_LITERAL = 8;
/**
 * A literal shorter than this is in nearly every text: a set holding one gates nothing and is
 * dropped — except a single character that is not a letter, digit, space or apostrophe (« * »,
 * « # », « € »), which most texts do not hold.
 */
const MIN_LITERAL = 2;
const isRareCharacter = (lit: string): boolean => lit.length === 1 && !/[a-z0-9 ']/.test(lit);

/** Rough letter frequencies of French and English text (per mille), to find a pattern's rarest set. */
const FREQ: Readonly<Record<string, number>> = {
  ' ': 180,
  e: 140,
  s: 70,
  a: 70,
  i: 65,
  t: 65,
  n: 65,
  r: 60,
  o: 55,
  u: 50,
  l: 50,
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
  if (lit.length < 3) return isRareCharacter(lit) ? 0.05 : 0.5;
  let best = 1;
  for (let i = 0; i + 2 < lit.length; i++) {
    let p = 300;
    for (let k = i; k < i + 3; k++) p *= (FREQ[lit[k] as string] ?? 4) / 1000;
    best = Math.min(best, p);
  }
  return best;
}

const chanceOfSet = (set: readonly string[]): number =>
  Math.min(
    1,
    set.reduce((a, l) => a + chanceOf(l), 0),
  );

/** A literal as the automaton looks for it (trimmed, cut to its end), or null if it gates nothing. */
function gateLiteral(lit: string): string | null {
  const t = lit.trim();
  if (t.length < MIN_LITERAL && !isRareCharacter(t)) return null;
  return t.length > MAX_LITERAL ? t.slice(-MAX_LITERAL) : t;
}

/** The requirement as gated on: literals trimmed and cut, weak sets dropped, rarest set first. */
function gateSets(req: Requirement | null): string[][] {
  if (!req) return [];
  const sets: string[][] = [];
  for (const set of req) {
    const cut = set.map(gateLiteral);
    if (cut.every((lit) => lit !== null)) sets.push([...new Set(cut)]);
  }
  return sets.sort((a, b) => chanceOfSet(a) - chanceOfSet(b));
}

/**
 * A pattern tried where its openings stand runs once per opening found, not over the whole text;
 * past this many places one pass of the regex is cheaper.
 */
const MAX_TRIED_STARTS = 16;

/** A pattern's openings, or null when one of them holds no literal worth looking for. */
function openingsOf(source: string): string[] | null {
  const strings = openingLiterals(source);
  return strings?.every((text) => gateLiteral(text) !== null) ? strings : null;
}

/** The strings every match of a pattern starts with, and for each the literal that reveals it. */
interface Openings {
  readonly texts: readonly string[];
  readonly literals: Int32Array;
}

/** An opening is revealed by a literal of the bank it holds when one is this long, else by its own. */
const MIN_SHARED_REVEALER = 3;

interface Pattern {
  readonly re: RegExp;
  /**
   * When every match starts with one of a few strings: those strings and the same expression,
   * sticky, to try at each place one of them starts a word. Null: one regex pass.
   */
  readonly openings: readonly string[] | null;
  readonly sticky: RegExp | null;
  /** The list it belongs to (a set's patterns, or a set's allow patterns). */
  readonly list: number;
  /**
   * Its gate as a flat program over literal ids, rarest set first: [sets, (n, id × n)…]. The first
   * set is the key the pattern is woken by; an empty program (0 sets) means it always runs.
   */
  readonly gate: Int32Array;
}

/** A set of patterns added to a bank, with its allow-list. */
export interface PatternSet {
  readonly bank: PatternBank;
  readonly list: number;
  /** The list of its allow patterns, or -1. */
  readonly allow: number;
}

/** The shared empty answer: callers never mutate a result. */
const NONE: readonly NormalizedMatch[] = Object.freeze([]);

/** The patterns of one language, their literals and the per-text scan state. */
export class PatternBank {
  private readonly patterns: Pattern[] = [];
  private readonly literals: string[] = [];
  private readonly literalIds = new Map<string, number>();
  /** Per list: its patterns that have no gate (they always run). */
  private readonly ungated: number[][] = [];
  private built: {
    readonly automaton: Automaton;
    /** Literal id → the patterns keyed on it: wakeIds[wakeStart[l] .. wakeStart[l+1]). */
    readonly wakeStart: Int32Array;
    readonly wakeIds: Int32Array;
    /** Pattern → its list, flat. */
    readonly listOf: Int32Array;
    /** Pattern → its openings and their revealing literals, or null. */
    readonly openings: readonly (Openings | null)[];
  } | null = null;

  // per-text state, reset by bumping `generation` (nothing is allocated per message)
  private generation = 0;
  private scannedText: NormalizedText | null = null;
  private readonly starts = new Int32Array(MAX_TRIED_STARTS);
  private literalSeen = new Uint32Array(0);
  /** Per automaton state: reached in this text (its outputs are then already marked). */
  private stateSeen = new Uint32Array(0);
  private patternWoken = new Uint32Array(0);
  /** Per list, a linked list of woken patterns: head (valid when headGen === generation), next. */
  private head = new Int32Array(0);
  private headGen = new Uint32Array(0);
  private nextWoken = new Int32Array(0);

  /** Adds a set (its patterns and allow-list); throws on an invalid source (a data bug). */
  add(entry: PatternEntry): PatternSet {
    const list = this.addList(entry.patterns);
    const allow = entry.allow && entry.allow.length > 0 ? this.addList(entry.allow) : -1;
    return { bank: this, list, allow };
  }

  private addList(sources: readonly string[]): number {
    const list = this.ungated.length;
    this.ungated.push([]);
    for (const source of sources) {
      const sets = gateSets(requiredLiterals(source));
      const prog: number[] = [sets.length];
      for (const set of sets) prog.push(set.length, ...set.map((lit) => this.literalId(lit)));
      const index = this.patterns.length;
      const openings = openingsOf(source);
      const expression = `(?:${source})${AFTER}`;
      this.patterns.push({
        re: new RegExp(expression, 'gu'),
        openings,
        sticky: openings ? new RegExp(expression, 'uy') : null,
        list,
        gate: Int32Array.from(prog),
      });
      if (sets.length === 0) (this.ungated[list] as number[]).push(index);
    }
    this.built = null;
    return list;
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

  /**
   * The literal that reveals an opening: the longest literal of the bank it holds (the automaton
   * stays as small as the gates make it), else its own cut literal.
   */
  private revealerOf(opening: string): number {
    for (let len = Math.min(MAX_LITERAL, opening.length); len >= MIN_SHARED_REVEALER; len--) {
      for (let at = 0; at + len <= opening.length; at++) {
        const id = this.literalIds.get(opening.slice(at, at + len));
        if (id !== undefined) return id;
      }
    }
    return this.literalId(gateLiteral(opening) as string);
  }

  private build(): NonNullable<PatternBank['built']> {
    const openings = this.patterns.map((p): Openings | null =>
      p.openings
        ? { texts: p.openings, literals: Int32Array.from(p.openings, (o) => this.revealerOf(o)) }
        : null,
    );
    const automaton = buildAutomaton(this.literals);
    const keyed: number[][] = this.literals.map(() => []);
    this.patterns.forEach((p, index) => {
      const sets = p.gate[0] as number;
      if (sets === 0) return;
      const size = p.gate[1] as number;
      for (let k = 0; k < size; k++) (keyed[p.gate[2 + k] as number] as number[]).push(index);
    });
    const wakeStart = new Int32Array(this.literals.length + 1);
    keyed.forEach((ids, l) => {
      wakeStart[l + 1] = (wakeStart[l] as number) + ids.length;
    });
    this.literalSeen = new Uint32Array(this.literals.length);
    this.stateSeen = new Uint32Array(automaton.outStart.length - 1);
    this.patternWoken = new Uint32Array(this.patterns.length);
    this.nextWoken = new Int32Array(this.patterns.length);
    this.head = new Int32Array(this.ungated.length);
    this.headGen = new Uint32Array(this.ungated.length);
    this.generation = 0;
    this.scannedText = null;
    this.built = {
      automaton,
      wakeStart,
      wakeIds: Int32Array.from(keyed.flat()),
      listOf: Int32Array.from(this.patterns, (p) => p.list),
      openings,
    };
    return this.built;
  }

  /** Scans `n` once: marks the literals present and wakes the patterns keyed on them. */
  private scan(n: NormalizedText): void {
    const built = this.built ?? this.build();
    if (this.scannedText === n) return;
    let gen = (this.generation + 1) >>> 0;
    if (gen === 0) {
      this.literalSeen.fill(0);
      this.stateSeen.fill(0);
      this.patternWoken.fill(0);
      this.headGen.fill(0);
      gen = 1;
    }
    this.generation = gen;
    this.scannedText = n;
    const { symbolOf, width, delta, mask, flag, outStart, outIds } = built.automaton;
    const { wakeStart, wakeIds, listOf } = built;
    const { literalSeen, stateSeen, patternWoken, head, headGen, nextWoken } = this;
    const text = n.text;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const entry = delta[state * width + (symbolOf[text.charCodeAt(i)] as number)] as number;
      state = entry & mask;
      if ((entry & flag) === 0 || stateSeen[state] === gen) continue;
      stateSeen[state] = gen;
      for (let k = outStart[state] as number, end = outStart[state + 1] as number; k < end; k++) {
        const lit = outIds[k] as number;
        if (literalSeen[lit] === gen) continue;
        literalSeen[lit] = gen;
        for (let w = wakeStart[lit] as number, wEnd = wakeStart[lit + 1] as number; w < wEnd; w++) {
          const p = wakeIds[w] as number;
          if (patternWoken[p] === gen) continue;
          patternWoken[p] = gen;
          const list = listOf[p] as number;
          nextWoken[p] = headGen[list] === gen ? (head[list] as number) : -1;
          head[list] = p;
          headGen[list] = gen;
        }
      }
    }
  }

  /** Whether every set of the gate but the key (already satisfied) has a literal present. */
  private gateHolds(gate: Int32Array): boolean {
    const seen = this.literalSeen;
    const gen = this.generation;
    const sets = gate[0] as number;
    let i = 2 + (gate[1] as number);
    for (let s = 1; s < sets; s++) {
      const size = gate[i++] as number;
      let any = false;
      for (let k = 0; k < size; k++) {
        if (seen[gate[i + k] as number] === gen) {
          any = true;
          break;
        }
      }
      if (!any) return false;
      i += size;
    }
    return true;
  }

  /**
   * The matches of a pattern with openings, tried only where an opening starts a word: the same
   * matches as execAll (each start tried left to right, none inside the previous match). False,
   * with nothing added, when there are too many places to try.
   */
  private tryAtOpenings(pattern: Pattern, openings: Openings, text: string, out: NormalizedMatch[]): boolean {
    const { literalSeen, generation, starts } = this;
    const { texts, literals } = openings;
    let count = 0;
    for (let o = 0; o < texts.length; o++) {
      if (literalSeen[literals[o] as number] !== generation) continue;
      const opening = texts[o] as string;
      for (let at = text.indexOf(opening); at !== -1; at = text.indexOf(opening, at + 1)) {
        if (at > 0 && isWordCode(text.charCodeAt(at - 1))) continue;
        if (count === MAX_TRIED_STARTS) return false;
        // insertion keeps the places sorted (a handful each time)
        let k = count++;
        for (; k > 0 && (starts[k - 1] as number) > at; k--) starts[k] = starts[k - 1] as number;
        starts[k] = at;
      }
    }
    const sticky = pattern.sticky as RegExp;
    let from = 0;
    for (let k = 0; k < count; k++) {
      const start = starts[k] as number;
      if (start < from) continue;
      // test() leaves a sticky expression's lastIndex at the end of its match: no match array
      sticky.lastIndex = start;
      if (!sticky.test(text)) continue;
      const end = sticky.lastIndex;
      if (end === start) continue;
      out.push({ start, end, text: text.slice(start, end) });
      from = end;
    }
    return true;
  }

  /** Raw matches of one list's woken and ungated patterns (unsorted, may overlap). */
  private runList(list: number, text: string, out: NormalizedMatch[]): void {
    const gen = this.generation;
    if (this.headGen[list] === gen) {
      const { openings } = this.built as NonNullable<PatternBank['built']>;
      for (let p = this.head[list] as number; p !== -1; p = this.nextWoken[p] as number) {
        const pattern = this.patterns[p] as Pattern;
        if (!this.gateHolds(pattern.gate)) continue;
        const open = openings[p];
        if (!open || !this.tryAtOpenings(pattern, open, text, out)) execAll(pattern.re, text, out);
      }
    }
    for (const p of this.ungated[list] as number[]) execAll((this.patterns[p] as Pattern).re, text, out);
  }

  /**
   * The set's non-overlapping matches in `n` (normalised offsets, earliest first, the longest at
   * a position), minus those an allow pattern overlaps.
   */
  match(set: PatternSet, n: NormalizedText): readonly NormalizedMatch[] {
    if (set.bank !== this) throw new Error('pattern-bank: a set matched against another bank');
    this.scan(n);
    // most sets have nothing woken in a given message: answer before allocating anything
    if (this.headGen[set.list] !== this.generation && (this.ungated[set.list] as number[]).length === 0)
      return NONE;
    const raw: NormalizedMatch[] = [];
    this.runList(set.list, n.text, raw);
    if (raw.length === 0) return NONE;
    const kept = raw.length === 1 || isChain(raw) ? raw : chainOf(sortInPlace(raw, byStartThenLongest));
    if (set.allow < 0) return kept;
    const allowed: NormalizedMatch[] = [];
    this.runList(set.allow, n.text, allowed);
    if (allowed.length === 0) return kept;
    const out: NormalizedMatch[] = [];
    for (const hit of kept) if (!overlapsAny(allowed, hit)) out.push(hit);
    return out;
  }
}

function overlapsAny(spans: readonly NormalizedMatch[], hit: NormalizedMatch): boolean {
  for (const a of spans) if (a.start < hit.end && hit.start < a.end) return true;
  return false;
}

const byStartThenLongest = (a: NormalizedMatch, b: NormalizedMatch): number =>
  a.start - b.start || b.end - a.end;

/** Whether the matches are already in order and apart (one pattern's, most often): nothing to sort. */
function isChain(matches: readonly NormalizedMatch[]): boolean {
  for (let i = 1; i < matches.length; i++)
    if ((matches[i] as NormalizedMatch).start < (matches[i - 1] as NormalizedMatch).end) return false;
  return true;
}

/** Sorted matches without overlaps: the earliest first, the longest at a position. */
function chainOf(sorted: readonly NormalizedMatch[]): NormalizedMatch[] {
  const kept: NormalizedMatch[] = [];
  for (const m of sorted) {
    const last = kept[kept.length - 1];
    if (!last || m.start >= last.end) kept.push(m);
  }
  return kept;
}

/**
 * Every match of `re` in `text` that starts on a word start. The boundary before a match is
 * checked here rather than by a leading lookbehind, which keeps V8 from scanning quickly for the
 * first characters (measured: about twice the cost); the one after stays in the expression, so
 * backtracking still picks an alternative that ends on a word end.
 */
function execAll(re: RegExp, text: string, out: NormalizedMatch[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index;
    const found = m[0];
    if (found.length === 0 || (start > 0 && isWordCode(text.charCodeAt(start - 1)))) {
      re.lastIndex = start + 1;
      continue;
    }
    out.push({ start, end: start + found.length, text: found });
  }
}

/** One bank per language, shared by every rule: a message is scanned once, whatever the rules. */
export const BANKS: Readonly<Record<Lang, PatternBank>> = { fr: new PatternBank(), en: new PatternBank() };

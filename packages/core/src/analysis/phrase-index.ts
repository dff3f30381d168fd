/**
 * Phrase patterns indexed by first letter, matched only where a word starts.
 *
 * One alternation of a few hundred word-bounded patterns, scanned at every position of a
 * message, costs tens of microseconds (the lookbehind boundary defeats the engine's quick
 * checks). Nearly every pattern starts with a letter, and a word-bounded match can only start at
 * a word start. So each pattern's possible first characters are read from its source (a small
 * structural reading of the regex), patterns are grouped by first letter into sticky
 * alternations, and each word start runs only the group of its letter. A pattern whose first
 * character cannot be read (it starts with `.`, `\S`, a class…) is scanned the old way. Results
 * equal those of the single alternation (leftmost, non-overlapping, first alternative wins), except
 * that at one start a letter-led pattern wins over a scanned one.
 */
import { forEachMatch, type NormalizedMatch } from './patterns.ts';

const ANY = 'any';
type First = Set<string> | typeof ANY;

/** Reads a pattern source; `first()` is the set of characters a match can start with. */
class FirstReader {
  private i = 0;
  constructor(private readonly s: string) {}

  /** FIRST of the whole source, plus whether it can match empty (then ANY). */
  read(): First {
    const { first, nullable } = this.alternation();
    if (this.i < this.s.length) return ANY; // unbalanced: give up
    return nullable ? ANY : first;
  }

  private alternation(): { first: First; nullable: boolean } {
    let first: First = new Set();
    let nullable = false;
    for (;;) {
      const seq = this.sequence();
      first = union(first, seq.first);
      nullable ||= seq.nullable;
      if (this.s[this.i] === '|') {
        this.i++;
        continue;
      }
      return { first, nullable };
    }
  }

  private sequence(): { first: First; nullable: boolean } {
    let first: First = new Set();
    let open = true; // still nullable so far: the next atom adds to FIRST
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      const min = this.quantifier();
      if (open) {
        first = union(first, atom.first);
        if (!atom.nullable && min > 0) open = false;
      }
    }
    return { first, nullable: open };
  }

  private atom(): { first: First; nullable: boolean } {
    const s = this.s;
    const c = s[this.i] as string;
    if (c === '(') {
      this.i++;
      let look = false;
      if (s[this.i] === '?') {
        if (s.startsWith('?:', this.i)) this.i += 2;
        else if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) {
          this.i += 2;
          look = true;
        } else if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) {
          this.i += 3;
          look = true;
        } else if (s.startsWith('?<', this.i)) this.i = s.indexOf('>', this.i) + 1;
      }
      const inner = this.alternation();
      this.i++; // ')'
      return look ? { first: new Set(), nullable: true } : inner;
    }
    if (c === '[') {
      // a class: read plain letters and ranges; anything fancier gives up
      this.i++;
      const set = new Set<string>();
      let fancy = s[this.i] === '^';
      while (this.i < s.length && s[this.i] !== ']') {
        const ch = s[this.i] as string;
        if (ch === '\\') {
          const e = s[this.i + 1] ?? '';
          if (/[a-zA-Z0-9]/.test(e)) fancy = true;
          else set.add(e);
          this.i += 2;
        } else if (s[this.i + 1] === '-' && s[this.i + 2] !== undefined && s[this.i + 2] !== ']') {
          const from = ch.charCodeAt(0);
          const to = (s[this.i + 2] as string).charCodeAt(0);
          if (to - from > 64) fancy = true;
          else for (let k = from; k <= to; k++) set.add(String.fromCharCode(k));
          this.i += 3;
        } else {
          set.add(ch);
          this.i++;
        }
      }
      this.i++; // ']'
      return { first: fancy ? ANY : set, nullable: false };
    }
    if (c === '\\') {
      const e = s[this.i + 1] ?? '';
      this.i += 2;
      if (e === 'b' || e === 'B') return { first: new Set(), nullable: true };
      if (e === 'p' || e === 'P' || e === 'u' || e === 'k' || e === 'x' || /[dDwWsS0-9]/.test(e)) {
        if ((e === 'p' || e === 'P' || e === 'u') && s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
        else if (e === 'u') this.i += 4;
        else if (e === 'x') this.i += 2;
        return { first: ANY, nullable: false };
      }
      const lit = e === 'n' ? '\n' : e === 't' ? '\t' : e;
      return { first: new Set([lit]), nullable: false };
    }
    this.i++;
    if (c === '^' || c === '$') return { first: new Set(), nullable: true };
    if (c === '.') return { first: ANY, nullable: false };
    return { first: new Set([c]), nullable: false };
  }

  /** Skips a quantifier; returns its minimum. */
  private quantifier(): number {
    const s = this.s;
    const c = s[this.i];
    let min = 1;
    if (c === '?' || c === '*') min = 0;
    else if (c === '+') min = 1;
    else if (c === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(s.slice(this.i));
      if (!m) return 1;
      this.i += m[0].length;
      if (s[this.i] === '?') this.i++;
      return Number(m[1]);
    } else return 1;
    this.i++;
    if (s[this.i] === '?') this.i++;
    return min;
  }
}

function union(a: First, b: First): First {
  if (a === ANY || b === ANY) return ANY;
  const out = new Set(a);
  for (const x of b) out.add(x);
  return out;
}

/** The characters a match of `source` can start with, or null when they cannot be told. */
export function firstChars(source: string): ReadonlySet<string> | null {
  try {
    const first = new FirstReader(source).read();
    return first === ANY || first.size === 0 ? null : first;
  } catch {
    return null;
  }
}

/** Most first words a pattern may list before it is indexed by first letter instead. */
const MAX_WORDS = 256;

type Node =
  | { readonly t: 'lit'; readonly ch: string }
  | { readonly t: 'class'; readonly chars: readonly string[] | null }
  | { readonly t: 'alt'; readonly branches: readonly Node[][] }
  | { readonly t: 'rep'; readonly node: Node; readonly min: number; readonly max: number }
  | { readonly t: 'zero' }
  | { readonly t: 'any' };

/** A tiny regex parser, enough to enumerate the words a pattern can start with. */
function parse(s: string): Node[] {
  let i = 0;
  const seq = (): Node[] => {
    const out: Node[] = [];
    while (i < s.length && s[i] !== '|' && s[i] !== ')') {
      let node = atom();
      const q = s[i];
      let min = 1;
      let max = 1;
      if (q === '?' || q === '*' || q === '+') {
        min = q === '+' ? 1 : 0;
        max = q === '?' ? 1 : Number.POSITIVE_INFINITY;
        i++;
      } else if (q === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(i));
        if (m) {
          min = Number(m[1]);
          max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY;
          i += m[0].length;
        }
      }
      if (s[i] === '?' && (min !== 1 || max !== 1)) i++; // lazy
      if (min !== 1 || max !== 1) node = { t: 'rep', node, min, max };
      out.push(node);
    }
    return out;
  };
  const alt = (): Node => {
    const branches: Node[][] = [seq()];
    while (s[i] === '|') {
      i++;
      branches.push(seq());
    }
    return { t: 'alt', branches };
  };
  const atom = (): Node => {
    const c = s[i] as string;
    if (c === '(') {
      i++;
      let look = false;
      if (s[i] === '?') {
        if (s.startsWith('?:', i)) i += 2;
        else if (s.startsWith('?=', i) || s.startsWith('?!', i)) {
          i += 2;
          look = true;
        } else if (s.startsWith('?<=', i) || s.startsWith('?<!', i)) {
          i += 3;
          look = true;
        } else if (s.startsWith('?<', i)) i = s.indexOf('>', i) + 1;
      }
      const inner = alt();
      if (s[i] !== ')') throw new Error('unbalanced');
      i++;
      return look ? { t: 'zero' } : inner;
    }
    if (c === '[') {
      i++;
      const chars: string[] = [];
      let fancy = s[i] === '^';
      while (i < s.length && s[i] !== ']') {
        const ch = s[i] as string;
        if (ch === '\\') {
          const e = s[i + 1] ?? '';
          if (/[a-zA-Z0-9]/.test(e)) fancy = true;
          else chars.push(e);
          i += 2;
        } else if (s[i + 1] === '-' && s[i + 2] !== undefined && s[i + 2] !== ']') {
          const from = ch.charCodeAt(0);
          const to = (s[i + 2] as string).charCodeAt(0);
          if (to - from > 8) fancy = true;
          else for (let k = from; k <= to; k++) chars.push(String.fromCharCode(k));
          i += 3;
        } else {
          chars.push(ch);
          i++;
        }
      }
      i++;
      return { t: 'class', chars: fancy ? null : chars };
    }
    if (c === '\\') {
      const e = s[i + 1] ?? '';
      i += 2;
      if (e === 'b' || e === 'B') return { t: 'zero' };
      if (e === 's') return { t: 'lit', ch: ' ' };
      if (e === 'p' || e === 'P' || e === 'u' || e === 'k' || e === 'x' || /[dDwWS0-9]/.test(e)) {
        if ((e === 'p' || e === 'P' || e === 'u') && s[i] === '{') i = s.indexOf('}', i) + 1;
        else if (e === 'u') i += 4;
        else if (e === 'x') i += 2;
        return { t: 'any' };
      }
      return { t: 'lit', ch: e === 'n' ? '\n' : e === 't' ? '\t' : e };
    }
    i++;
    if (c === '^' || c === '$') return { t: 'zero' };
    if (c === '.') return { t: 'any' };
    return { t: 'lit', ch: c };
  };
  const top = alt();
  if (i < s.length) throw new Error('unbalanced');
  return [top];
}

const isLower = (ch: string): boolean => ch >= 'a' && ch <= 'z';

class TooMany extends Error {}

/**
 * The words (maximal runs of a–z) a match of `source` can start with, or null when they cannot
 * be listed (a class or `\S` inside the first word, an unbounded repeat, too many words, a
 * pattern that may start with something other than a letter).
 */
export function firstWords(source: string): ReadonlySet<string> | null {
  let nodes: Node[];
  try {
    nodes = parse(source);
  } catch {
    return null;
  }
  const done = new Set<string>();
  // walk: a set of partial words; a non-letter ends a word
  const walk = (seq: readonly Node[], from: number, partial: string, then: (p: string) => void): void => {
    if (done.size > MAX_WORDS) throw new TooMany();
    if (from >= seq.length) {
      then(partial);
      return;
    }
    const node = seq[from] as Node;
    const next = (p: string) => walk(seq, from + 1, p, then);
    switch (node.t) {
      case 'zero':
        next(partial);
        return;
      case 'any':
        throw new TooMany();
      case 'lit':
        if (isLower(node.ch)) {
          next(partial + node.ch);
          return;
        }
        if (partial.length === 0) throw new TooMany(); // may start with a non-letter
        done.add(partial);
        return;
      case 'class':
        if (!node.chars || node.chars.length > 12) throw new TooMany();
        for (const ch of node.chars) {
          if (isLower(ch)) next(partial + ch);
          else if (partial.length === 0) throw new TooMany();
          else done.add(partial);
        }
        return;
      case 'alt':
        for (const b of node.branches) walk(b, 0, partial, next);
        return;
      case 'rep': {
        if (node.max > 3) throw new TooMany();
        const expand = (k: number, p: string): void => {
          if (k >= node.min) next(p);
          if (k < node.max) walk([node.node], 0, p, (q) => expand(k + 1, q));
        };
        expand(0, partial);
        return;
      }
    }
  };
  try {
    walk(nodes, 0, '', (p) => {
      if (p.length === 0) throw new TooMany();
      done.add(p);
    });
  } catch (error) {
    if (error instanceof TooMany) return null;
    throw error;
  }
  return done.size > 0 && done.size <= MAX_WORDS ? done : null;
}

const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

function alternation(sources: readonly string[]): string {
  return sources.map((s) => `(?:${s})`).join('|');
}

export interface PhraseIndex {
  /** Sticky alternations by first word: only the patterns that can start with that word. */
  readonly byWord: ReadonlyMap<string, RegExp>;
  /** Sticky alternations by first letter (a–z), for patterns whose first words cannot be listed. */
  readonly byLetter: ReadonlyMap<number, RegExp>;
  /** Patterns that may start with something else: scanned over the whole text. */
  readonly scan: RegExp | null;
}

/** Compiles word-bounded patterns into an index; throws on an invalid source (a data bug). */
export function compilePhraseIndex(sources: readonly string[]): PhraseIndex {
  const buckets = new Map<number, string[]>();
  const words = new Map<string, string[]>();
  const scan: string[] = [];
  for (const source of sources) {
    const listed = firstWords(source);
    if (listed) {
      for (const w of listed) {
        const list = words.get(w) ?? [];
        list.push(source);
        words.set(w, list);
      }
      continue;
    }
    const first = firstChars(source);
    const letters = first ? [...first].filter((ch) => ch >= 'a' && ch <= 'z') : [];
    if (!first || letters.length !== first.size) {
      scan.push(source);
      continue;
    }
    for (const ch of letters) {
      const code = ch.charCodeAt(0);
      const list = buckets.get(code) ?? [];
      list.push(source);
      buckets.set(code, list);
    }
  }
  const byLetter = new Map<number, RegExp>();
  for (const [code, list] of buckets)
    byLetter.set(code, new RegExp(`(?:${alternation(list)})${AFTER}`, 'uy'));
  const byWord = new Map<string, RegExp>();
  for (const [w, list] of words) byWord.set(w, new RegExp(`(?:${alternation(list)})${AFTER}`, 'uy'));
  return {
    byWord,
    byLetter,
    scan: scan.length > 0 ? new RegExp(`${BEFORE}(?:${alternation(scan)})${AFTER}`, 'gu') : null,
  };
}

function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)))
  );
}

/** Leftmost, non-overlapping matches of the index in `text` (normalised offsets). */
export function matchPhrases(index: PhraseIndex, text: string): NormalizedMatch[] {
  const out: NormalizedMatch[] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c < 97 || c > 122 || (i > 0 && isWordChar(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < len && text.charCodeAt(j) >= 97 && text.charCodeAt(j) <= 122) j++;
    let best: RegExpExecArray | null = null;
    const byWord = index.byWord.get(text.slice(i, j));
    if (byWord) {
      byWord.lastIndex = i;
      best = byWord.exec(text);
    }
    const byLetter = index.byLetter.get(c);
    if (byLetter) {
      byLetter.lastIndex = i;
      const m = byLetter.exec(text);
      if (m && (!best || m[0].length > best[0].length)) best = m;
    }
    if (best && best[0].length > 0) {
      out.push({ start: i, end: i + best[0].length, text: best[0] });
      i += best[0].length;
      continue;
    }
    i = j;
  }
  if (!index.scan) return out;
  const scanned: NormalizedMatch[] = [];
  forEachMatch(index.scan, text, (start, end, match) => scanned.push({ start, end, text: match }));
  if (scanned.length === 0) return out;
  // merge: leftmost first, drop what overlaps an earlier match
  const all = [...out, ...scanned].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: NormalizedMatch[] = [];
  for (const m of all) {
    const last = merged[merged.length - 1];
    if (last && m.start < last.end) continue;
    merged.push(m);
  }
  return merged;
}

/** Matches of `index` that no `allow` match overlaps. */
export function matchPhrasesAllowing(
  index: PhraseIndex,
  allow: PhraseIndex | null,
  text: string,
): NormalizedMatch[] {
  const hits = matchPhrases(index, text);
  if (hits.length === 0 || !allow) return hits;
  const allowed = matchPhrases(allow, text);
  if (allowed.length === 0) return hits;
  return hits.filter((h) => !allowed.some((a) => a.start < h.end && h.start < a.end));
}

/**
 * Several named pattern lists matched in ONE pass over the words of a text: each word costs one
 * map lookup, and only the lists that can start with that word run their sticky alternation.
 * Per list, the result is what `matchPhrases` gives for that list alone.
 */
export interface PhraseSet {
  readonly names: readonly string[];
  /** word → [list number, sticky alternation of that list's patterns starting with the word] */
  readonly byWord: ReadonlyMap<string, readonly (readonly [number, RegExp])[]>;
  /** Lists whose patterns cannot all be indexed by first word: matched the slower way. */
  readonly rest: readonly (readonly [number, PhraseIndex])[];
}

export function compilePhraseSet(lists: Readonly<Record<string, readonly string[]>>): PhraseSet {
  const names = Object.keys(lists);
  const words = new Map<string, Map<number, string[]>>();
  const rest: [number, PhraseIndex][] = [];
  names.forEach((name, n) => {
    const leftovers: string[] = [];
    for (const source of lists[name] ?? []) {
      const listed = firstWords(source);
      if (!listed) {
        leftovers.push(source);
        continue;
      }
      for (const w of listed) {
        const perList = words.get(w) ?? new Map<number, string[]>();
        const list = perList.get(n) ?? [];
        list.push(source);
        perList.set(n, list);
        words.set(w, perList);
      }
    }
    if (leftovers.length > 0) rest.push([n, compilePhraseIndex(leftovers)]);
  });
  const byWord = new Map<string, (readonly [number, RegExp])[]>();
  for (const [w, perList] of words) {
    byWord.set(
      w,
      [...perList].map(([n, list]) => [n, new RegExp(`(?:${alternation(list)})${AFTER}`, 'uy')] as const),
    );
  }
  return { names, byWord, rest };
}

/** Reused buffers (one text at a time; the engine is single-threaded). */
let scratchStarts = new Uint32Array(512);
let scratchEnds = new Uint32Array(512);

/** Word starts of a text: a–z not preceded by a letter or digit, with the a–z run after it. */
function wordStarts(text: string): { starts: Uint32Array; ends: Uint32Array; count: number } {
  const len = text.length;
  const need = Math.ceil(len / 2) + 1;
  if (scratchStarts.length < need) {
    scratchStarts = new Uint32Array(Math.max(need, scratchStarts.length * 2));
    scratchEnds = new Uint32Array(scratchStarts.length);
  }
  const starts = scratchStarts;
  const ends = scratchEnds;
  let count = 0;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c < 97 || c > 122 || (i > 0 && isWordChar(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < len) {
      const d = text.charCodeAt(j);
      if (d < 97 || d > 122) break;
      j++;
    }
    starts[count] = i;
    ends[count] = j;
    count++;
    i = j;
  }
  return { starts, ends, count };
}

/** Matches of every list of the set in `text`, by list name. */
export function matchPhraseSet(set: PhraseSet, text: string): Map<string, NormalizedMatch[]> {
  const results = set.names.map(() => [] as NormalizedMatch[]);
  const cursor = new Uint32Array(set.names.length); // per list: no match may start before this
  const { starts, ends, count } = wordStarts(text);
  for (let k = 0; k < count; k++) {
    const i = starts[k] as number;
    const entries = set.byWord.get(text.slice(i, ends[k] as number));
    if (!entries) continue;
    for (const [n, re] of entries) {
      if (i < (cursor[n] as number)) continue;
      re.lastIndex = i;
      const m = re.exec(text);
      if (m && m[0].length > 0) {
        (results[n] as NormalizedMatch[]).push({ start: i, end: i + m[0].length, text: m[0] });
        cursor[n] = i + m[0].length;
      }
    }
  }
  for (const [n, index] of set.rest) {
    // merge the slower list's matches with the indexed ones, leftmost first, no overlap
    const extra = matchPhrases(index, text);
    if (extra.length === 0) continue;
    const all = [...(results[n] as NormalizedMatch[]), ...extra].sort(
      (a, b) => a.start - b.start || b.end - a.end,
    );
    const merged: NormalizedMatch[] = [];
    for (const m of all) {
      const last = merged[merged.length - 1];
      if (last && m.start < last.end) continue;
      merged.push(m);
    }
    results[n] = merged;
  }
  const out = new Map<string, NormalizedMatch[]>();
  for (let n = 0; n < set.names.length; n++) out.set(set.names[n] as string, results[n] as NormalizedMatch[]);
  return out;
}

/**
 * Normalisation with an offset map: the text the rules match against, and the way back to the
 * user's own characters.
 *
 * Every matcher works on `NormalizedText.text` — lower case, accents dropped, confusable letters
 * folded to Latin, zero-width characters removed, leetspeak inside words undone, spaced or dotted
 * letters joined, long letter runs shortened — and maps its spans back with `toOriginalSpan`.
 * Each step takes one code point and emits at most two code units (ligatures), never an unbounded
 * expansion, so the output is at most twice the input (see obscenity issue #73 for why it matters).
 *
 * Speed matters (it runs on every message): the work is done on typed arrays of char codes, ASCII
 * goes through a table, and the fold of every other code point is computed once and cached.
 */

export interface NormalizedText {
  readonly original: string;
  /** The normalised working string. */
  readonly text: string;
  /** starts[i]: index in `original` of the character that produced text[i]. */
  readonly starts: Uint32Array;
  /** ends[i]: end (exclusive) in `original` of that character. */
  readonly ends: Uint32Array;
}

/** Cyrillic and Greek letters that look like Latin ones, and a few symbols used as letters. */
const CONFUSABLES: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  ɑ: 'a',
  ı: 'i',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  μ: 'u',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
};

const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss', ﬀ: 'ff', ﬁ: 'fi', ﬂ: 'fl' };

const PUNCTUATION: Readonly<Record<string, string>> = {
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '\u00b4': "'",
  '`': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u2007': ' ',
  '\u3000': ' ',
  '\t': ' ',
  '\u2026': '.',
};

/** Leetspeak digits and symbols, undone only between letters (so « 12,90 € » stays a price). */
const LEET_SOURCE: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '€': 'e',
};

const INVISIBLE = /\p{Cf}|\p{Mn}|\p{Me}/u; // variation selectors (FE00–FE0F) are Mn
const MARKS = /\p{M}/gu;
const LETTER = /\p{L}/u;

/** Folds one code point; returns '' to drop it. At most two code units out. */
export function foldCodePoint(ch: string): string {
  if (INVISIBLE.test(ch)) return '';
  const punct = PUNCTUATION[ch];
  if (punct !== undefined) return punct;
  let lower = ch.toLowerCase();
  if (lower.length > 2) lower = ch;
  const confusable = CONFUSABLES[lower];
  if (confusable !== undefined) return confusable;
  const ligature = LIGATURES[lower];
  if (ligature !== undefined) return ligature;
  if (lower.charCodeAt(0) < 0x80 && lower.length === 1) return lower;
  const stripped = lower.normalize('NFKD').replace(MARKS, '').toLowerCase();
  if (stripped.length === 0) return '';
  if (stripped.length > 2) return lower.length <= 2 ? lower : '';
  const again = CONFUSABLES[stripped];
  return again ?? stripped;
}

// ---- tables -------------------------------------------------------------------------------

/** ASCII fold: lower case, tab → space, backtick → apostrophe. */
const ASCII_FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const f = foldCodePoint(String.fromCharCode(c));
  ASCII_FOLD[c] = f.length === 1 ? f.charCodeAt(0) : c;
}

/** Folds of non-ASCII code points, computed once: a string of 0–2 code units. */
const FOLD_CACHE = new Map<number, string>();
function foldOf(cp: number): string {
  let f = FOLD_CACHE.get(cp);
  if (f === undefined) {
    f = foldCodePoint(String.fromCodePoint(cp));
    if (FOLD_CACHE.size < 65_536) FOLD_CACHE.set(cp, f);
  }
  return f;
}

/** BMP folds: 0 = not computed yet, DROPPED, TWO_UNITS (see FOLD_CACHE), else 0x10000 | unit. */
const BMP_FOLD = new Uint32Array(65_536);
const DROPPED = 0x20000;
const TWO_UNITS = 0x30000;
function packBmp(c: number): number {
  const f = c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : foldOf(c);
  const packed = f.length === 0 ? DROPPED : f.length === 1 ? 0x10000 | f.charCodeAt(0) : TWO_UNITS;
  BMP_FOLD[c] = packed;
  return packed;
}

/** 0 = unknown, 1 = letter, 2 = not a letter; for output code units (after folding). */
const LETTER_CACHE = new Uint8Array(65_536);
for (let c = 0; c < 128; c++) LETTER_CACHE[c] = c >= 97 && c <= 122 ? 1 : 2;
function isLetter(c: number): boolean {
  let k = LETTER_CACHE[c] as number;
  if (k === 0) {
    // a lone surrogate half counts as a letter-ish part of a word when it is one of a pair
    k = c >= 0xd800 && c <= 0xdfff ? 2 : LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    LETTER_CACHE[c] = k;
  }
  return k === 1;
}

const LEET = new Uint16Array(0x2100);
for (const [k, v] of Object.entries(LEET_SOURCE)) LEET[k.charCodeAt(0)] = v.charCodeAt(0);
function leetOf(c: number): number {
  return c < 0x2100 ? (LEET[c] as number) : 0;
}

const AT = 64;
const DOLLAR = 36;
const SPACE = 32;
/** Separators of letters spelled one by one (« c.o.n », « c o n », « p-u-t-e »); not `*`. */
const SEPARATOR = new Uint8Array(128);
for (const ch of ['.', ' ', '-', '_', '/', '\\', '+', '~']) SEPARATOR[ch.charCodeAt(0)] = 1;
const A = 97;
const Y = 121;

// ---- the passes -----------------------------------------------------------------------------

/** Working buffers: code units and their original spans. Passes compact them in place. */
interface Buf {
  codes: Uint16Array;
  starts: Uint32Array;
  ends: Uint32Array;
  length: number;
  /** Still true when the output is exactly `original.toLowerCase()` with the same offsets. */
  simple: boolean;
  /** A lone surrogate half was kept (TextDecoder would replace it: see `decode`). */
  loneSurrogate: boolean;
}

/** Scratch buffers reused across calls (the engine is single-threaded); grown on demand. */
let scratch: Buf = {
  codes: new Uint16Array(1024),
  starts: new Uint32Array(1024),
  ends: new Uint32Array(1024),
  length: 0,
  simple: true,
  loneSurrogate: false,
};
let leetScratch = new Uint16Array(1024);

function fold(original: string): Buf {
  const n = original.length;
  const cap = n * 2;
  if (scratch.codes.length < cap) {
    const size = Math.max(cap, scratch.codes.length * 2);
    scratch = {
      codes: new Uint16Array(size),
      starts: new Uint32Array(size),
      ends: new Uint32Array(size),
      length: 0,
      simple: true,
      loneSurrogate: false,
    };
  }
  const { codes, starts, ends } = scratch;
  let simple = true;
  let loneSurrogate = false;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    if (c < 128) {
      const f = ASCII_FOLD[c] as number;
      if (f !== c && (c < 65 || c > 90)) simple = false;
      codes[o] = f;
      starts[o] = i;
      ends[o] = i + 1;
      o++;
      continue;
    }
    simple = false;
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = original.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    if (width === 1) {
      if (c >= 0xd800 && c <= 0xdfff) loneSurrogate = true;
      // BMP fast path: one table read for code points that fold to at most one code unit
      let packed = BMP_FOLD[c] as number;
      if (packed === 0) packed = packBmp(c);
      if (packed !== TWO_UNITS) {
        if (packed !== DROPPED) {
          codes[o] = packed & 0xffff;
          starts[o] = i;
          ends[o] = i + 1;
          o++;
        }
        continue;
      }
    }
    let f: string;
    if (cp >= 0xd800 && cp <= 0xdfff)
      f = String.fromCharCode(cp); // lone surrogate: kept
    else f = foldOf(cp);
    for (let k = 0; k < f.length; k++) {
      codes[o] = f.charCodeAt(k);
      starts[o] = i;
      ends[o] = i + width;
      o++;
    }
    i += width - 1;
  }
  scratch.length = o;
  scratch.simple = simple;
  scratch.loneSurrogate = loneSurrogate;
  return scratch;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Letters right before `i` (a word of that many letters ends there); stops at 3. */
function lettersBefore(codes: Uint16Array, i: number): number {
  let n = 0;
  for (let k = i - 1; k >= 0 && n < 3 && isLetter(codes[k] as number); k--) n++;
  // a word glued to digits before it (« 4x4b1 ») is a code, not a word
  const k = i - 1 - n;
  if (n === 3 && k >= 0 && isDigit(codes[k] as number)) return 0;
  return n;
}

/**
 * Undoes leetspeak (« c0nnard », « m3rde », « s@lope ») where a substitute sits between two
 * letters (or two substitutes do: « c00nard »), or a symbol starts a word (« $alope »). Pure
 * numbers and units are untouched. Decisions read the input, never the rewritten codes.
 */
function undoLeet(b: Buf): void {
  const { codes, length } = b;
  // every substitution below touches a letter on one side or the other: a text whose substitutes
  // all stand apart from letters (« #104573 », « 14 h ») is left as it is, and nothing before the
  // first substitute next to a letter changes
  let first = -1;
  for (let i = 0; i < length; i++) {
    if (
      leetOf(codes[i] as number) !== 0 &&
      ((i > 0 && isLetter(codes[i - 1] as number)) || (i + 1 < length && isLetter(codes[i + 1] as number)))
    ) {
      first = i;
      break;
    }
  }
  if (first < 0) return;
  if (leetScratch.length < length) leetScratch = new Uint16Array(Math.max(length, leetScratch.length * 2));
  const src = leetScratch;
  src.set(codes.subarray(0, length));
  for (let i = first; i < length; i++) {
    const ch = src[i] as number;
    const sub = leetOf(ch);
    if (sub === 0) continue;
    const prevLetter = i > 0 && isLetter(src[i - 1] as number);
    const nextLetter = i + 1 < length && isLetter(src[i + 1] as number);
    const nextSubThenLetter =
      i + 2 < length && leetOf(src[i + 1] as number) !== 0 && isLetter(src[i + 2] as number);
    const wordStart = i === 0 || !isLetter(src[i - 1] as number);
    const symbolAtWordStart = (ch === AT || ch === DOLLAR) && wordStart && nextLetter;
    const secondOfTwo =
      i > 1 && isLetter(src[i - 2] as number) && leetOf(src[i - 1] as number) !== 0 && nextLetter;
    // a digit ending a word of three letters or more (« abrut1 », « connar1 »), not « mp3 » or « 4x4 »
    const wordFinalDigit =
      ch >= 48 &&
      ch <= 57 &&
      !nextLetter &&
      !(i + 1 < length && isDigit(src[i + 1] as number)) &&
      lettersBefore(src, i) >= 3;
    if (
      (prevLetter && (nextLetter || nextSubThenLetter)) ||
      symbolAtWordStart ||
      secondOfTwo ||
      wordFinalDigit
    ) {
      codes[i] = sub;
      b.simple = false;
    }
  }
}

/**
 * Joins letters spelled one by one (« c o n n a r d », « c.o.n », « p-u-t-e »): a run of at least
 * three single letters separated by the same separator becomes one word. With spaces, a run of
 * three holding « a » or « y » is left alone (« il y a à peine »).
 */
function joinSpelledLetters(b: Buf): void {
  const { codes, starts, ends, length } = b;
  // most texts spell nothing out: compaction starts at the first run that is joined (before it,
  // every code would be copied onto itself)
  let i = firstSpelledRun(codes, length);
  if (i < 0) return;
  let w = i;
  while (i < length) {
    const run = spelledRunAt(codes, length, i);
    if (run < 0) {
      codes[w] = codes[i] as number;
      starts[w] = starts[i] as number;
      ends[w] = ends[i] as number;
      w++;
      i++;
      continue;
    }
    // keep the letters, drop the separators between them
    for (let k = i; k <= run; k += 2) {
      codes[w] = codes[k] as number;
      starts[w] = starts[k] as number;
      ends[w] = ends[k] as number;
      w++;
    }
    i = run + 1;
  }
  b.length = w;
  b.simple = false;
}

/** The first index where a spelled-out run that gets joined starts, or −1. */
function firstSpelledRun(codes: Uint16Array, length: number): number {
  for (let i = 0; i + 4 < length; i++) {
    // a joined run needs a single letter, a separator, another single letter and the same separator
    if (codes[i + 3] !== codes[i + 1]) continue;
    const sep = codes[i + 1] as number;
    if (sep >= 128 || SEPARATOR[sep] !== 1) continue;
    if (spelledRunAt(codes, length, i) >= 0) return i;
  }
  return -1;
}

/**
 * When a run of letters spelled one by one and joined starts at `i` (a letter starting a word,
 * then separator + single letter at least twice), the index of its last letter; else −1. A run
 * of three with spaces holding « a » or « y » is not joined (« il y a à peine »).
 */
function spelledRunAt(codes: Uint16Array, length: number, i: number): number {
  const c = codes[i] as number;
  if (!isLetter(c) || (i > 0 && isLetter(codes[i - 1] as number))) return -1;
  const sep = i + 1 < length ? (codes[i + 1] as number) : 0;
  if (sep >= 128 || SEPARATOR[sep] !== 1) return -1;
  let j = i;
  let letters = 1;
  let vowelWord = c === A || c === Y;
  while (
    j + 2 < length &&
    codes[j + 1] === sep &&
    isLetter(codes[j + 2] as number) &&
    !(j + 3 < length && isLetter(codes[j + 3] as number))
  ) {
    j += 2;
    letters++;
    const l = codes[j] as number;
    if (l === A || l === Y) vowelWord = true;
  }
  const join = letters >= 4 || (letters === 3 && !(sep === SPACE && vowelWord));
  return join ? j : -1;
}

/** Shortens any run of three or more identical letters to two (« connnnard » → « connard »). */
function shortenRuns(b: Buf): void {
  const { codes, starts, ends, length } = b;
  // compaction starts at the third letter of the first long run (before it, nothing moves)
  let first = -1;
  for (let i = 2; i < length; i++) {
    const c = codes[i] as number;
    if (c === codes[i - 1] && c === codes[i - 2] && isLetter(c)) {
      first = i;
      break;
    }
  }
  if (first < 0) return;
  let w = first;
  let run = 2;
  let prev = codes[first - 1] as number;
  for (let i = first; i < length; i++) {
    const c = codes[i] as number;
    run = c === prev ? run + 1 : 1;
    prev = c;
    if (run > 2 && isLetter(c)) {
      // the kept letter of the run now stands for the whole run (« merdeeee » maps back whole)
      if (w > 0) ends[w - 1] = ends[i] as number;
      b.simple = false;
      continue;
    }
    codes[w] = c;
    starts[w] = starts[i] as number;
    ends[w] = ends[i] as number;
    w++;
  }
  b.length = w;
}

/**
 * TextDecoder turns code units into a string faster than `String.fromCharCode.apply` (normalize
 * 5.65 → 5.34 µs per bench message, measured), but replaces a lone surrogate with U+FFFD: texts
 * that keep one go the old way. `ignoreBOM`: a U+FEFF is text, not a byte-order mark.
 */
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
const CHUNK = 8192;
function decode(b: Buf): string {
  const { codes, length } = b;
  if (!b.loneSurrogate) return UTF16.decode(codes.subarray(0, length));
  let out = '';
  for (let i = 0; i < length; i += CHUNK) {
    out += String.fromCharCode.apply(
      null,
      codes.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[],
    );
  }
  return out;
}

/**
 * Offsets are copied into views of a shared slab: allocating two small typed arrays per message
 * costs more than the whole normalisation. A slab is never written again once carved.
 */
const SLAB_SIZE = 1 << 16;
let slab = new Uint32Array(SLAB_SIZE);
let slabUsed = 0;
function carve(length: number): Uint32Array {
  if (length > SLAB_SIZE / 4) return new Uint32Array(length);
  if (slabUsed + length > slab.length) {
    slab = new Uint32Array(SLAB_SIZE);
    slabUsed = 0;
  }
  const view = slab.subarray(slabUsed, slabUsed + length);
  slabUsed += length;
  return view;
}

/** Normalises `original` for matching, keeping the map back to its UTF-16 offsets. */
export function normalize(original: string): NormalizedText {
  const b = fold(original);
  undoLeet(b);
  joinSpelledLetters(b);
  shortenRuns(b);
  const starts = carve(b.length);
  starts.set(b.starts.subarray(0, b.length));
  const ends = carve(b.length);
  ends.set(b.ends.subarray(0, b.length));
  return { original, text: b.simple ? original.toLowerCase() : decode(b), starts, ends };
}

/**
 * `foldCodePoint` applied to each code point of `word`, concatenated, through the same tables and
 * cache as `normalize` (a word is folded without a regex or a `toLowerCase` per character).
 */
export function foldWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 128) {
      out += String.fromCharCode(ASCII_FOLD[c] as number);
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < word.length) {
      const d = word.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    out += foldOf(cp);
  }
  return out;
}

/** True when the code unit is a letter once folded (a–z, or a letter of another script). */
export function isLetterCode(c: number): boolean {
  return isLetter(c);
}

/**
 * Maps a half-open span of the normalised text back to a half-open span of the original text.
 * An empty span maps to an empty span at the corresponding position.
 */
export function toOriginalSpan(
  n: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const len = n.text.length;
  const s = Math.max(0, Math.min(start, len));
  const e = Math.max(s, Math.min(end, len));
  if (len === 0) return { start: 0, end: 0 };
  if (s === e) {
    const at = s < len ? (n.starts[s] as number) : n.original.length;
    return { start: at, end: at };
  }
  return { start: n.starts[s] as number, end: n.ends[e - 1] as number };
}

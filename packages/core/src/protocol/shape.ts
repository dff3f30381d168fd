/**
 * Counting the shape of a turn (words, sentences, digit groups, ellipses, stutters, shouted
 * words) with small loops over its code points instead of Unicode regular expressions: it runs on
 * every turn the protocol follows, and the regex version cost half of detectCues (building arrays
 * of matches only to take their length). Each function is defined as the number of matches of
 * the regular expression in its comment; shape.test.ts keeps those expressions as the reference
 * and checks, on arbitrary text (surrogate pairs, marks, scripts without case), that both agree.
 */

/** Bits of a code point's class: \p{L}, \p{Lu}, \p{N}; KNOWN marks a computed BMP entry. */
const L = 1;
const LU = 2;
const N = 4;
const KNOWN = 8;
const IS_L = /\p{L}/u;
const IS_LU = /\p{Lu}/u;
const IS_N = /\p{N}/u;

/** Classes of the Basic Multilingual Plane, computed once per code point met (ASCII up front). */
const BMP = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) {
  const upper = c >= 65 && c <= 90;
  const lower = c >= 97 && c <= 122;
  const digit = c >= 48 && c <= 57;
  BMP[c] = KNOWN | (upper || lower ? L : 0) | (upper ? LU : 0) | (digit ? N : 0);
}

function computeClass(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return KNOWN | (IS_L.test(ch) ? L : 0) | (IS_LU.test(ch) ? LU : 0) | (IS_N.test(ch) ? N : 0);
}

function classOfCodePoint(cp: number): number {
  if (cp >= 0x10000) return computeClass(cp);
  const known = BMP[cp] as number;
  if (known !== 0) return known;
  const computed = computeClass(cp);
  BMP[cp] = computed;
  return computed;
}

/** Class of the code point at `i` (0 past the end); a lone surrogate is a code point of its own. */
function classAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return classOfCodePoint(c);
  return classOfCodePoint(text.codePointAt(i) as number);
}

/** Code units of the code point at `i`: 2 for a surrogate pair, else 1. */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** Class of the code point that ends just before `i` (what a `u` lookbehind reads). */
function classBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return classOfCodePoint(text.codePointAt(i - 2) as number);
  }
  return classOfCodePoint(c);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** What one pass over a turn's text counts (each as the matches of the regex beside it). */
export interface ShapeCounts {
  /** /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*\/gu */
  readonly words: number;
  /** /[^.!?\n]+[.!?\n]*\/g, those holding a letter (\p{L}) */
  readonly sentences: number;
  /** /\?/g */
  readonly questions: number;
  /** /\d+(?:[ ,.]\d+)*\/g */
  readonly digits: number;
  /** /…|\.\.\./g */
  readonly ellipses: number;
  /** /(?<![\p{L}])\p{Lu}{3,}(?![\p{L}])/gu: whole runs of letters, all upper case, 3 or more */
  readonly capsWords: number;
  /**
   * Whether some sentence has the cuts an enumeration needs (countListItems): « , » « ; » or a
   * whole word « et » / « and » — two after its first colon, else three. Without one, there is
   * no list to look for.
   */
  readonly mayHoldList: boolean;
}

/** Whether the `length` code units at `i` stand as a whole word: no letter (\p{L}) on either side. */
function isWordEdge(text: string, i: number, length: number): boolean {
  return (classBefore(text, i) & L) === 0 && (classAt(text, i + length) & L) === 0;
}

/** Counts the shape of `text` in one pass over its code points. */
export function countShape(text: string): ShapeCounts {
  let words = 0;
  let sentences = 0;
  let questions = 0;
  let digits = 0;
  let ellipses = 0;
  let capsWords = 0;
  let mayHoldList = false;
  let inWord = false;
  let inDigits = false;
  let inSentence = false;
  let sentenceHasLetter = false;
  let cuts = 0; // in the sentence, or after its first colon once there is one
  let colon = false;
  let run = 0; // letters in the current run
  let runUpper = true;
  let dotsInEllipsis = 0; // dots still to pass of an ellipsis already counted
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    const width = c >= 0xd800 && c <= 0xdbff ? widthAt(text, i) : 1;
    const cls =
      c < 128 ? (BMP[c] as number) : classOfCodePoint(width === 2 ? (text.codePointAt(i) as number) : c);
    // sentences: runs of anything but . ! ? and new lines, with their terminators
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a) {
      if (inSentence) {
        if (sentenceHasLetter) sentences++;
        if (cuts >= (colon ? 2 : 3)) mayHoldList = true;
        inSentence = false;
      }
      if (c === 0x3f) questions++;
    } else {
      if (!inSentence) {
        inSentence = true;
        sentenceHasLetter = false;
        cuts = 0;
        colon = false;
      }
      if ((cls & L) !== 0) sentenceHasLetter = true;
      if (c === 0x3a && !colon) {
        colon = true;
        cuts = 0;
      } else if (c === 0x2c || c === 0x3b) cuts++;
      else if (c === 0x65 && text.charCodeAt(i + 1) === 0x74 && isWordEdge(text, i, 2)) cuts++;
      else if (
        c === 0x61 &&
        text.charCodeAt(i + 1) === 0x6e &&
        text.charCodeAt(i + 2) === 0x64 &&
        isWordEdge(text, i, 3)
      )
        cuts++;
    }
    // ellipses, leftmost first: « … », or three dots (the next two then start none)
    if (c === 0x2026) ellipses++;
    else if (c === 0x2e) {
      if (dotsInEllipsis > 0) dotsInEllipsis--;
      else if (text.charCodeAt(i + 1) === 0x2e && text.charCodeAt(i + 2) === 0x2e) {
        ellipses++;
        dotsInEllipsis = 2;
      }
    }
    // runs of letters, for shouted words
    if ((cls & L) !== 0) {
      run++;
      if ((cls & LU) === 0) runUpper = false;
    } else {
      if (run >= 3 && runUpper) capsWords++;
      run = 0;
      runUpper = true;
    }
    // words: letters and numbers, joined by ' ’ - when a letter or number follows
    if ((cls & (L | N)) !== 0) {
      if (!inWord) words++;
      inWord = true;
    } else if (
      inWord &&
      (c === 0x27 || c === 0x2019 || c === 0x2d) &&
      (classAt(text, i + 1) & (L | N)) !== 0
    ) {
      // the joiner belongs to the word
    } else inWord = false;
    // digit groups: ASCII digits, joined by one of « ,. » when a digit follows
    if (isDigit(c)) {
      if (!inDigits) digits++;
      inDigits = true;
    } else if (inDigits && (c === 0x20 || c === 0x2c || c === 0x2e) && isDigit(text.charCodeAt(i + 1))) {
      // the separator belongs to the group
    } else inDigits = false;
    i += width;
  }
  if (inSentence) {
    if (sentenceHasLetter) sentences++;
    if (cuts >= (colon ? 2 : 3)) mayHoldList = true;
  }
  if (run >= 3 && runUpper) capsWords++;
  return { words, sentences, questions, digits, ellipses, capsWords, mayHoldList };
}

/**
 * Stutters: matches of /(?<![\p{L}])(\p{L}{1,6})\.+ \1(?![\p{L}])/gu (« je. je », « euh... euh »).
 * Every match has its group right before the dots of a « . »: each such place is tried, left to
 * right, the group being the whole run of letters before the dots (at most six).
 */
export function countStutters(text: string): number {
  let n = 0;
  let lastEnd = 0;
  for (let p = text.indexOf('. '); p !== -1; p = text.indexOf('. ', p + 1)) {
    let dots = p;
    while (dots > 0 && text.charCodeAt(dots - 1) === 0x2e) dots--;
    // the run of letters before the dots, at most 7 code points back (6 is the most a group holds)
    let start = dots;
    let letters = 0;
    while (letters <= 6 && (classBefore(text, start) & L) !== 0) {
      const low = text.charCodeAt(start - 1);
      start -= low >= 0xdc00 && low <= 0xdfff && start >= 2 && widthAt(text, start - 2) === 2 ? 2 : 1;
      letters++;
    }
    if (letters === 0 || letters > 6 || start < lastEnd) continue;
    const word = text.slice(start, dots);
    const end = p + 2 + word.length;
    if (text.startsWith(word, p + 2) && (classAt(text, end) & L) === 0) {
      n++;
      lastEnd = end;
    }
  }
  return n;
}

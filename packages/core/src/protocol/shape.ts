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

/** Matches of /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*\/gu. */
export function countWords(text: string): number {
  let n = 0;
  let i = 0;
  const len = text.length;
  while (i < len) {
    if ((classAt(text, i) & (L | N)) === 0) {
      i += widthAt(text, i);
      continue;
    }
    n++;
    while (true) {
      while ((classAt(text, i) & (L | N)) !== 0) i += widthAt(text, i);
      const c = text.charCodeAt(i);
      if ((c === 0x27 || c === 0x2019 || c === 0x2d) && (classAt(text, i + 1) & (L | N)) !== 0) i++;
      else break;
    }
  }
  return n;
}

/** Matches of /[^.!?\n]+[.!?\n]*\/g that hold a letter (\p{L}). */
export function countSentences(text: string): number {
  let n = 0;
  let inside = false;
  let hasLetter = false;
  let i = 0;
  const len = text.length;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a) {
      if (inside && hasLetter) n++;
      inside = false;
      i++;
      continue;
    }
    if (!inside) {
      inside = true;
      hasLetter = false;
    }
    if (!hasLetter && (classAt(text, i) & L) !== 0) hasLetter = true;
    i += widthAt(text, i);
  }
  if (inside && hasLetter) n++;
  return n;
}

/** Matches of /\d+(?:[ ,.]\d+)*\/g. */
export function countDigitGroups(text: string): number {
  let n = 0;
  let i = 0;
  const len = text.length;
  while (i < len) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    n++;
    while (true) {
      while (i < len && isDigit(text.charCodeAt(i))) i++;
      const sep = text.charCodeAt(i);
      if ((sep === 0x20 || sep === 0x2c || sep === 0x2e) && isDigit(text.charCodeAt(i + 1))) i++;
      else break;
    }
  }
  return n;
}

/** Matches of /…|\.\.\./g. */
export function countEllipses(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2026) n++;
    else if (c === 0x2e && text.charCodeAt(i + 1) === 0x2e && text.charCodeAt(i + 2) === 0x2e) {
      n++;
      i += 2;
    }
  }
  return n;
}

/** Matches of /\?/g. */
export function countQuestions(text: string): number {
  let n = 0;
  for (let i = text.indexOf('?'); i !== -1; i = text.indexOf('?', i + 1)) n++;
  return n;
}

/**
 * Matches of /(?<![\p{L}])\p{Lu}{3,}(?![\p{L}])/gu: whole runs of letters that are all upper
 * case and at least three long (a run with one lower-case letter in it is no shouted word).
 */
export function countCapsWords(text: string): number {
  let n = 0;
  let run = 0;
  let allUpper = true;
  let i = 0;
  const len = text.length;
  while (i < len) {
    const cls = classAt(text, i);
    if ((cls & L) !== 0) {
      run++;
      if ((cls & LU) === 0) allUpper = false;
    } else {
      if (run >= 3 && allUpper) n++;
      run = 0;
      allUpper = true;
    }
    i += widthAt(text, i);
  }
  if (run >= 3 && allUpper) n++;
  return n;
}

/**
 * Stutters: matches of /(?<![\p{L}])(\p{L}{1,6})\.+ \1(?![\p{L}])/gu (« je. je », « euh... euh »).
 * The group can only be a whole run of letters that ends on the dots, so runs are tried one by one.
 */
export function countStutters(text: string): number {
  let n = 0;
  let i = 0;
  const len = text.length;
  while (i < len) {
    if ((classAt(text, i) & L) === 0 || (classBefore(text, i) & L) !== 0) {
      i += widthAt(text, i);
      continue;
    }
    let j = i;
    let letters = 0;
    while ((classAt(text, j) & L) !== 0) {
      j += widthAt(text, j);
      letters++;
    }
    if (letters <= 6 && text.charCodeAt(j) === 0x2e) {
      let k = j;
      while (text.charCodeAt(k) === 0x2e) k++;
      const word = text.slice(i, j);
      const end = k + 1 + word.length;
      if (text.charCodeAt(k) === 0x20 && text.startsWith(word, k + 1) && (classAt(text, end) & L) === 0) {
        n++;
        i = end;
        continue;
      }
    }
    i = j;
  }
  return n;
}

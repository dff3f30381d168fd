/**
 * Normalisation with an offset map: the text the rules match against, and the way back to the
 * user's own characters.
 *
 * Every matcher works on `NormalizedText.text` — lower case, accents dropped, confusable letters
 * folded to Latin, zero-width characters removed, leetspeak inside words undone, spaced or dotted
 * letters joined, long letter runs shortened — and maps its spans back with `toOriginalSpan`.
 * Each step takes one code point and emits at most two code units (ligatures), never an unbounded
 * expansion, so the output is at most twice the input (see obscenity issue #73 for why it matters).
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
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y',
  х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ɑ: 'a', ı: 'i',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  ω: 'w', μ: 'u', ł: 'l', ø: 'o', đ: 'd', ħ: 'h',
};

const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss', ﬀ: 'ff', ﬁ: 'fi', ﬂ: 'fl' };

const PUNCTUATION: Readonly<Record<string, string>> = {
  '\u2019': "'", '\u2018': "'", '\u02bc': "'", '\u00b4': "'", '`': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u2033': '"',
  '\u2013': '-', '\u2014': '-', '\u2010': '-', '\u2011': '-', '\u2212': '-',
  '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\u2007': ' ', '\u3000': ' ', '\t': ' ',
  '\u2026': '.',
};

/** Leetspeak digits and symbols, undone only between letters (so « 12,90 € » stays a price). */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e',
};

const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}\uFE00-\uFE0F]/u;
const MARKS = /\p{M}/gu;
const LETTER = /\p{L}/u;

class Builder {
  text = '';
  starts: number[] = [];
  ends: number[] = [];
  push(out: string, start: number, end: number): void {
    for (let k = 0; k < out.length; k++) {
      this.starts.push(start);
      this.ends.push(end);
    }
    this.text += out;
  }
}

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

function isLetterCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 97 && c <= 122) return true;
  if (c < 0x80) return false;
  return LETTER.test(text[i] ?? '');
}

/**
 * Undoes leetspeak (« c0nnard », « m3rde », « s@lope ») where a substitute sits between two
 * letters, or starts a word glued to letters (« $alope »). Pure numbers and units are untouched.
 */
function undoLeet(b: Builder): Builder {
  const t = b.text;
  const out = new Builder();
  for (let i = 0; i < t.length; i++) {
    const ch = t[i] as string;
    const sub = LEET[ch];
    if (sub !== undefined) {
      const prevLetter = i > 0 && isLetterCode(t, i - 1);
      const nextLetter = i + 1 < t.length && isLetterCode(t, i + 1);
      // look past a second substitute: « c00nard », « m3rd3 » stays partly, acceptable
      const nextSubThenLetter = i + 2 < t.length && LEET[t[i + 1] as string] !== undefined && isLetterCode(t, i + 2);
      const wordStart = i === 0 || !isLetterCode(t, i - 1);
      const symbolAtWordStart = (ch === '@' || ch === '$') && wordStart && nextLetter;
      if ((prevLetter && (nextLetter || nextSubThenLetter)) || symbolAtWordStart) {
        out.starts.push(b.starts[i] as number);
        out.ends.push(b.ends[i] as number);
        out.text += sub;
        continue;
      }
      // second of two substitutes between letters: « c00nard »
      if (i > 1 && isLetterCode(t, i - 2) && LEET[t[i - 1] as string] !== undefined && nextLetter) {
        out.starts.push(b.starts[i] as number);
        out.ends.push(b.ends[i] as number);
        out.text += sub;
        continue;
      }
    }
    out.starts.push(b.starts[i] as number);
    out.ends.push(b.ends[i] as number);
    out.text += ch;
  }
  return out;
}

const SEPARATORS = new Set(['.', ' ', '-', '_', '*', '/', '\\', '+', '~']);

/**
 * Joins letters spelled one by one (« c o n n a r d », « c.o.n », « p-u-t-e »): a run of at
 * least three single letters separated by the same separator becomes one word.
 */
function joinSpelledLetters(b: Builder): Builder {
  const t = b.text;
  const keep = new Uint8Array(t.length).fill(1);
  let i = 0;
  while (i < t.length) {
    // a candidate starts at a letter that is not preceded by a letter
    if (!isLetterCode(t, i) || (i > 0 && isLetterCode(t, i - 1))) {
      i++;
      continue;
    }
    const sep = t[i + 1];
    if (sep === undefined || !SEPARATORS.has(sep) || sep === '*') {
      i++;
      continue;
    }
    let j = i;
    let letters = 1;
    while (
      j + 2 < t.length &&
      t[j + 1] === sep &&
      isLetterCode(t, j + 2) &&
      !(j + 3 < t.length && isLetterCode(t, j + 3))
    ) {
      j += 2;
      letters++;
    }
    if (letters >= 3) {
      for (let k = i + 1; k < j; k += 2) keep[k] = 0;
    }
    i = j + 1;
  }
  const out = new Builder();
  for (let k = 0; k < t.length; k++) {
    if (!keep[k]) continue;
    out.starts.push(b.starts[k] as number);
    out.ends.push(b.ends[k] as number);
    out.text += t[k] as string;
  }
  return out;
}

/** Shortens any run of three or more identical letters to two (« connnnard » → « connard »). */
function shortenRuns(b: Builder): Builder {
  const t = b.text;
  const out = new Builder();
  let run = 0;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i] as string;
    run = i > 0 && t[i - 1] === ch ? run + 1 : 1;
    if (run > 2 && isLetterCode(t, i)) continue;
    out.starts.push(b.starts[i] as number);
    out.ends.push(b.ends[i] as number);
    out.text += ch;
  }
  return out;
}

/** Normalises `original` for matching, keeping the map back to its UTF-16 offsets. */
export function normalize(original: string): NormalizedText {
  const folded = new Builder();
  let index = 0;
  for (const ch of original) {
    const end = index + ch.length;
    folded.push(foldCodePoint(ch), index, end);
    index = end;
  }
  const done = shortenRuns(joinSpelledLetters(undoLeet(folded)));
  return {
    original,
    text: done.text,
    starts: Uint32Array.from(done.starts),
    ends: Uint32Array.from(done.ends),
  };
}

/**
 * Maps a half-open span of the normalised text back to a half-open span of the original text.
 * An empty span maps to an empty span at the corresponding position.
 */
export function toOriginalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
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

/**
 * Token lexicons: words and short multi-word forms looked up token by token on the normalised
 * text, robust to what normalisation cannot undo on its own:
 *   - repeated letters beyond the two that normalisation keeps (« merdeee » → merde), by a
 *     second lookup with doubled letters squeezed, tried only on tokens that hold a double;
 *   - masks (« enc***é », « ab*utis », « f***ing »): a token holding `*` or `#` matches a form
 *     with the same visible letters in place, each run of k masks standing for k−1 to k+1
 *     letters. Forms are bucketed by first letter and a mask needs a visible first letter, so a
 *     masked token costs one small scan, never an explosion.
 * A form spec `base/a/b` expands to base, base+a, base+b (« abruti/e/s/es »).
 */
import { isLetterCode, type NormalizedText } from '../text/normalize.ts';
import { WordTable } from '../text/word-table.ts';
import { LastMemo } from './last-memo.ts';

const MASKED = 1;
const DOUBLED = 2;

/**
 * The words of a normalised text, packed three numbers per word (start, end, flags) in one typed
 * array: a message has some fifty words, and an object per word was a fifth of the engine's
 * allocations. Spans are half-open, in the normalised text.
 */
export class Tokens {
  constructor(private readonly data: Int32Array) {}

  get length(): number {
    return this.data.length / 3;
  }

  start(k: number): number {
    return this.data[3 * k] as number;
  }

  end(k: number): number {
    return this.data[3 * k + 1] as number;
  }

  /** Holds `*` or `#` masks. */
  masked(k: number): boolean {
    return ((this.data[3 * k + 2] as number) & MASKED) !== 0;
  }

  /** Holds the same letter twice in a row (a stretched word may hide behind it). */
  doubled(k: number): boolean {
    return ((this.data[3 * k + 2] as number) & DOUBLED) !== 0;
  }
}

const STAR = 42;
const HASH = 35;
/** Longest token the mask matcher looks at; longer masked runs are noise. */
const MAX_MASKED_LENGTH = 24;
/** Masked tokens tried per text at most (hostile input full of stars stays cheap). */
const MAX_MASKED_PER_TEXT = 32;

const tokenCache = new LastMemo<NormalizedText, Tokens>();
/** Scratch for tokenize, grown as needed; each result is an exact copy of its part. */
let scratch = new Int32Array(3 * 256);
const SCRATCH_KEPT = 3 * 4096;

/** Words of the normalised text: letters, with masks allowed after a first letter (spans only: no string per word). */
export function tokenize(n: NormalizedText): Tokens {
  const cached = tokenCache.get(n);
  if (cached) return cached;
  const t = n.text;
  let count = 0;
  let i = 0;
  const len = t.length;
  while (i < len) {
    const c = t.charCodeAt(i);
    if (!isLetterCode(c)) {
      i++;
      continue;
    }
    const start = i;
    let flags = 0;
    let prev = c;
    i++;
    while (i < len) {
      const d = t.charCodeAt(i);
      if (isLetterCode(d)) {
        if (d === prev) flags |= DOUBLED;
        prev = d;
        i++;
      } else if (d === STAR || d === HASH) {
        flags |= MASKED;
        prev = d;
        i++;
      } else break;
    }
    if (3 * count + 3 > scratch.length) {
      const grown = new Int32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[3 * count] = start;
    scratch[3 * count + 1] = i;
    scratch[3 * count + 2] = flags;
    count++;
  }
  const tokens = new Tokens(scratch.slice(0, 3 * count));
  // a huge message does not keep its scratch alive after it
  if (scratch.length > SCRATCH_KEPT) scratch = new Int32Array(3 * 256);
  tokenCache.set(n, tokens);
  return tokens;
}

/** `abruti/e/s/es` → abruti, abrutie, abrutis, abruties (trimmed, normalised spacing). */
export function expandForms(spec: string): string[] {
  const parts = spec.split('/');
  const base = (parts[0] ?? '').trim();
  if (base.length === 0) return [];
  const forms = [base];
  for (const suffix of parts.slice(1)) if (suffix.trim().length > 0) forms.push(base + suffix.trim());
  return forms;
}

function splitWords(form: string): string[] {
  return form.split(/[\s\-']+/u).filter((w) => w.length > 0);
}

/** « connnard » → « conard »: every run of one letter squeezed to one. */
export function squeeze(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) if (i === 0 || word[i] !== word[i - 1]) out += word[i];
  return out;
}

/**
 * Undoes the stretching normalisation leaves (a run is kept at two letters): a doubled last letter
 * (« merdee », « putainn ») and doubled a/i/u/y (« putaiin ») are collapsed. Ordinary doubles
 * (« baisse », « belle », « appelle ») are not touched, so « baisse » never becomes « baise ».
 */
export function unstretch(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] as string;
    if (i > 0 && ch === word[i - 1] && (i === word.length - 1 || 'aiuy'.includes(ch))) continue;
    out += ch;
  }
  return out;
}

/** Would `unstretch` change the word text[start, end)? Asked before slicing it (most doubles are « belle », « commande »). */
function isStretched(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== text.charCodeAt(i - 1)) continue;
    // a, i, u, y
    if (i === end - 1 || c === 97 || c === 105 || c === 117 || c === 121) return true;
  }
  return false;
}

/** Is the span text[start, end) exactly `word`? */
function spanIs(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  return text.startsWith(word, start);
}

export interface LexiconMatch<T> {
  readonly value: T;
  /** Tokens consumed (1 for a single word). */
  readonly length: number;
  /** The lexicon form that matched. */
  readonly form: string;
  /** Code units before the first token that belong to the match (a leading leet digit: « 1diot »). */
  readonly lead?: number;
}

/** Digits that stand for a letter at the start of a word (« 1diot », « 3nfoiré », « 0bsédé »). */
const LEADING_LEET: Readonly<Record<number, string>> = {
  48: 'o',
  49: 'i',
  51: 'e',
  52: 'a',
  53: 's',
  55: 't',
};
/** Shortest word a leading digit may start: « 1er », « 2nd », « 4x4 » stay numbers. */
const MIN_LEET_WORD = 5;

const isAsciiAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

interface MultiForm<T> {
  readonly words: readonly string[];
  readonly form: string;
  readonly value: T;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a masked token matches: a whole-word pattern, and the lengths of the words it can match. */
interface MaskPattern {
  readonly re: RegExp;
  readonly minLength: number;
  readonly maxLength: number;
}

/**
 * A pattern for a masked token: visible letters literal, a run of k masks = k−1..k+1 letters.
 * The length bounds let a word that cannot match be skipped before the regex runs (a bucket holds
 * hundreds of forms).
 */
function maskPattern(token: string): MaskPattern | null {
  let src = '^';
  let visible = 0;
  let minLength = 0;
  let maxLength = 0;
  let i = 0;
  while (i < token.length) {
    const c = token.charCodeAt(i);
    if (c === STAR || c === HASH) {
      let k = 0;
      while (i < token.length && (token.charCodeAt(i) === STAR || token.charCodeAt(i) === HASH)) {
        k++;
        i++;
      }
      src += `[a-z]{${Math.max(1, k - 1)},${k + 1}}`;
      minLength += Math.max(1, k - 1);
      maxLength += k + 1;
    } else {
      src += escapeRegex(token[i] as string);
      visible++;
      minLength++;
      maxLength++;
      i++;
    }
  }
  if (visible < 1) return null;
  return { re: new RegExp(`${src}$`), minLength, maxLength };
}

function mayMatch(mask: MaskPattern, word: string): boolean {
  return word.length >= mask.minLength && word.length <= mask.maxLength && mask.re.test(word);
}

/** A lexicon of forms → values; the first value added for a form wins. */
export class TokenLexicon<T> {
  /** First word → the form that is exactly that word, and the forms of several words it starts. */
  private readonly byWord = new WordTable<{ single?: LexiconMatch<T>; multi?: MultiForm<T>[] }>();
  private readonly squeezed = new Map<string, LexiconMatch<T>>();
  private readonly byInitial = new Map<string, LexiconMatch<T>[]>();
  /** Everyday words a mask could just as well hide (« c*n't », « w*re »): such masks match nothing. */
  private readonly common = new Map<string, string[]>();

  /** Declares everyday words: a masked token that could stand for one of them is left alone. */
  addCommon(words: Iterable<string>): void {
    for (const w of words) {
      const word = w.trim();
      if (word.length === 0) continue;
      const bucket = this.common.get(word[0] as string) ?? [];
      bucket.push(word);
      this.common.set(word[0] as string, bucket);
    }
  }

  /** Adds every form of a spec (`base/a/b`); forms of several words go to the phrase index. */
  add(spec: string, value: T): void {
    for (const form of expandForms(spec)) {
      const words = splitWords(form);
      if (words.length === 0) continue;
      if (words.length === 1) {
        const word = words[0] as string;
        const entry = this.entry(word);
        if (entry.single) continue;
        const match: LexiconMatch<T> = { value, length: 1, form: word };
        entry.single = match;
        const sq = squeeze(word);
        if (!this.squeezed.has(sq)) this.squeezed.set(sq, match);
        const initial = word[0] as string;
        const bucket = this.byInitial.get(initial) ?? [];
        bucket.push(match);
        this.byInitial.set(initial, bucket);
      } else {
        const entry = this.entry(words[0] as string);
        const list = entry.multi ?? [];
        if (list.some((m) => m.form === words.join(' '))) continue;
        list.push({ words, form: words.join(' '), value });
        list.sort((a, b) => b.words.length - a.words.length);
        entry.multi = list;
      }
    }
  }

  private entry(word: string): { single?: LexiconMatch<T>; multi?: MultiForm<T>[] } {
    let entry = this.byWord.get(word, 0, word.length);
    if (!entry) {
      entry = {};
      this.byWord.set(word, entry);
    }
    return entry;
  }

  /** True when some form (single or phrase) is exactly this word sequence. */
  has(form: string): boolean {
    const words = splitWords(form);
    const head = words[0] as string;
    const entry = this.byWord.get(head, 0, head.length);
    if (words.length === 1) return entry?.single !== undefined;
    return (entry?.multi ?? []).some((m) => m.form === words.join(' '));
  }

  /**
   * The longest form starting at token `i` of `text` (the normalised text the tokens come from),
   * or undefined. `budget` counts masked lookups.
   */
  matchAt(
    text: string,
    tokens: Tokens,
    i: number,
    budget: { masked: number } = { masked: MAX_MASKED_PER_TEXT },
  ): LexiconMatch<T> | undefined {
    if (i < 0 || i >= tokens.length) return undefined;
    const start = tokens.start(i);
    const end = tokens.end(i);
    const entry = this.byWord.get(text, start, end);
    const phrases = entry?.multi;
    if (phrases) {
      for (const p of phrases) {
        let ok = p.words.length <= tokens.length - i;
        for (let k = 1; ok && k < p.words.length; k++) {
          // the words of a phrase are adjacent: only spaces, hyphens or apostrophes between them
          ok =
            spanIs(text, tokens.start(i + k), tokens.end(i + k), p.words[k] as string) &&
            tokens.start(i + k) - tokens.end(i + k - 1) <= 3;
        }
        if (ok) return { value: p.value, length: p.words.length, form: p.form };
      }
    }
    if (entry?.single) return entry.single;
    if (tokens.masked(i)) return this.matchMasked(text.slice(start, end), budget);
    const leet = this.matchLeadingLeet(text, start, end);
    if (leet) return leet;
    if (tokens.doubled(i) && isStretched(text, start, end)) {
      const stretched = unstretch(text.slice(start, end));
      return this.byWord.get(stretched, 0, stretched.length)?.single ?? this.squeezed.get(squeeze(stretched));
    }
    return undefined;
  }

  /**
   * A word whose first letter is written as a digit: normalisation undoes leetspeak only between
   * letters, so « 1diot » reaches here as the token « diot » after a « 1 » that starts the word.
   * Only a lexicon form answers, so numbers and codes are never read as words.
   */
  private matchLeadingLeet(text: string, start: number, end: number): LexiconMatch<T> | undefined {
    const at = start - 1;
    if (at < 0 || end - at < MIN_LEET_WORD) return undefined;
    const lead = text.charCodeAt(at);
    // most words follow a space: a range test, not a lookup that misses (a tenth of matchAt's time)
    if (lead < 48 || lead > 57) return undefined;
    const letter = LEADING_LEET[lead];
    // a digit glued before or after makes it a code (« 21diot », « 1diot2 »), not a word
    if (letter === undefined || (at > 0 && isAsciiAlnum(text.charCodeAt(at - 1)))) return undefined;
    if (isAsciiAlnum(text.charCodeAt(end))) return undefined;
    const word = letter + text.slice(start, end);
    const single = this.byWord.get(word, 0, word.length)?.single;
    return single ? { ...single, lead: 1 } : undefined;
  }

  private matchMasked(text: string, budget: { masked: number }): LexiconMatch<T> | undefined {
    if (text.length > MAX_MASKED_LENGTH || budget.masked <= 0) return undefined;
    budget.masked--;
    // trailing masks alone (« tres* ») are emphasis, not a hidden word, unless letters are few
    const bare = text.replace(/[*#]+$/u, '');
    if (bare.length === text.length || bare.length <= 2) {
      const mask = maskPattern(text);
      if (!mask) return undefined;
      const visible = text.replace(/[*#]/gu, '').length;
      if ((this.common.get(text[0] as string) ?? []).some((w) => mayMatch(mask, w))) return undefined;
      const bucket = this.byInitial.get(text[0] as string) ?? [];
      for (const m of bucket) {
        if (visible < 2 && m.form.length !== text.length) continue;
        if (mayMatch(mask, m.form)) return m;
      }
    }
    return undefined;
  }
}

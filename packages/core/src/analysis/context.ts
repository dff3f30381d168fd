/**
 * Context helpers shared by the rules: is a span inside quotes or reported speech, is it under a
 * negation, which sentence holds it. All offsets are in the NORMALISED text (`ctx.normalized.text`:
 * lower case, no accents, straight apostrophes and double quotes; « » kept as they are).
 *
 * Words a client quotes or reports (« un client m'a traité de… », « someone called me… ») are
 * not words the client uses; « je ne dis pas que vous êtes… » or « not angry » are not claims.
 * Every helper is cheap: it only looks at the sentence around the span, and sentence bounds are
 * computed once per normalised text.
 */
import type { NormalizedText } from '../text/normalize.ts';

/** The part of a rule context these helpers need (a RuleContext fits). */
export interface TextContext {
  readonly normalized: NormalizedText;
}

export interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * The sentence starts of the last text asked about. The rules of one message ask one after the
 * other; one slot is cheaper than a WeakMap, whose first use of each message's key object gives it
 * an identity hash and an ephemeron for the collector (sentenceOf was 1.7 % of the engine).
 */
let sentencesOf: NormalizedText | null = null;
let sentencesLast = new Uint32Array(1);

function isTerminator(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  if (c === 10 || c === 13) return true; // newline
  if (c !== 46 && c !== 33 && c !== 63 && c !== 59) return false; // . ! ? ;
  // « 12.5 », « www.site.fr »: a dot glued to a following letter or digit is not an end
  const next = t.charCodeAt(i + 1);
  return !(c === 46 && ((next >= 48 && next <= 57) || (next >= 97 && next <= 122)));
}

/** Sorted sentence start offsets of the normalised text (always begins with 0). */
function sentenceStarts(n: NormalizedText): Uint32Array {
  if (sentencesOf === n) return sentencesLast;
  const t = n.text;
  const starts: number[] = [0];
  for (let i = 0; i < t.length; i++) {
    if (!isTerminator(t, i)) continue;
    let j = i + 1;
    while (j < t.length && isTerminator(t, j)) j++;
    while (j < t.length && t.charCodeAt(j) === 32) j++;
    if (j < t.length) starts.push(j);
    i = j - 1;
  }
  const out = Uint32Array.from(starts);
  sentencesOf = n;
  sentencesLast = out;
  return out;
}

/** The sentence (half-open, normalised offsets, terminator included) holding `normIndex`. */
export function sentenceOf(ctx: TextContext, normIndex: number): Range {
  const starts = sentenceStarts(ctx.normalized);
  const len = ctx.normalized.text.length;
  const at = Math.max(0, Math.min(normIndex, len));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  const start = starts[lo] as number;
  const end = lo + 1 < starts.length ? (starts[lo + 1] as number) : len;
  return { start, end };
}

/**
 * Reporting frames that, before a span in the same sentence, make it someone else's words:
 * « m'a traité de », « m'a dit que », « il a dit », « someone called me », « he told me ».
 * Matched on the normalised text, anchored at its end (the prefix of the sentence up to the span).
 */
const REPORTED_FR =
  /(?:\b(?:m|t|l|nous|vous|les|me|te|se|s)'?\s*(?:a|ont|avait|avaient|avez|as|aurait|est fait|suis fait|etes fait)\s+(?:\S+\s+){0,2}?(?:traitee?s?|appelee?s?|qualifiee?s?|insultee?s?)\s+(?:de|d'|comme)|\btrait(?:e|es|ee|ees|ez|er|ant|ait|aient|ent|erait)?\s+(?:\S+\s+){0,2}?(?:de|d')|\binsult(?:e|es|ee|ees|ez|er|ant|ait|aient|ent)\s+(?:\S+\s+){0,2}?(?:de|d'|en|comme)|\b(?:entendre|entendu|entend|entends)\s+(?:\S+\s+){0,3}?(?:dire|crier|hurler|lancer|traiter|insulter|qualifier)\b|\b(?:traitee?s?|qualifiee?s?)\s+(?:de|d')|\b(?:m|t|lui|nous|vous|leur)'?\s*(?:a|ont|avait|avez|as)\s+(?:\S+\s+){0,2}?(?:dit|ecrit|lance|repondu|crie|hurle|explique)|\b(?:il|elle|on|ils|elles|qui|quelqu'un|client|cliente|collegue|technicien|vendeur|voisin|chef)\s+(?:m'|t'|lui |nous |vous |leur )?(?:a|ont|avait|avaient)\s+(?:\S+\s+){0,2}?(?:dit|ecrit|lance|repondu|crie|hurle|traite)|\b(?:selon|d'apres)\s+(?:lui|elle|eux|elles|lui-meme|le client|la cliente)|\ble mot\b|\bdes mots comme|\bdes propos comme|\bdes termes comme)(?:(?!\b(?:mais|et|puis|alors|donc|sauf)\b)[^,])*$/uy;

const REPORTED_EN =
  /(?:\b(?:called|calls|call|calling|named)\s+(?:me|him|her|us|them|you|my \S+|our \S+|your \S+)\b|\b(?:was|were|been|being|got|get)\s+called\b|\b(?:said|says|told|tells|wrote|writes|shouted|yelled|screamed|replied|answered|texted|emailed)\b|\bthe word\b|\bwords like\b|\baccording to\b)(?:(?!\b(?:but|and then|so)\b)[^,])*$/uy;

function isWordCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)))
  );
}

/**
 * Does a frame end exactly at the end of `prefix`? `sticky` is an alternation with the `y` flag
 * ending in `$`; it is tried only where a word starts (not after a letter or digit), which is
 * far cheaper than letting the engine try every position behind a lookbehind.
 */
export function endsWithFrame(prefix: string, sticky: RegExp): boolean {
  let afterWordCode = false;
  for (let i = 0; i < prefix.length; i++) {
    const isWord = isWordCode(prefix.charCodeAt(i));
    const startsWord = isWord && !afterWordCode;
    afterWordCode = isWord;
    if (!startsWord) continue;
    sticky.lastIndex = i;
    if (sticky.test(prefix)) return true;
  }
  return false;
}

/** Longest prefix of a sentence that the reported-speech frames look at. */
const REPORT_WINDOW = 160;

/** Is the span inside quotes (« », "…", “…” once normalised) in its sentence or paragraph? */
function insideQuotes(t: string, start: number, end: number): boolean {
  // most texts hold no « and no " before the span: lastIndexOf (native, fast) says so, and the
  // scans below, one to three passes over the text before the span, are skipped
  if (t.lastIndexOf('\u00ab', start - 1) >= 0 && insideGuillemets(t, start, end)) return true;
  return t.lastIndexOf('"', start - 1) >= 0 && insideDoubleQuotes(t, start, end);
}

/** An unclosed « before the span (same paragraph, 400 code units at most), and a » after it. */
function insideGuillemets(t: string, start: number, end: number): boolean {
  let open = -1;
  for (let i = start - 1; i >= 0 && i >= start - 400; i--) {
    const c = t.charCodeAt(i);
    if (c === 0xbb) break; // »: a closed quote before us
    if (c === 0xab) {
      open = i;
      break;
    }
    if (c === 10) break;
  }
  if (open >= 0) {
    for (let i = end; i < t.length && i < end + 400; i++) {
      const c = t.charCodeAt(i);
      if (c === 0xbb) return true;
      if (c === 0xab || c === 10) break;
    }
  }
  return false;
}

/** Straight double quotes: an odd number before the span on its line, and one after it. */
function insideDoubleQuotes(t: string, start: number, end: number): boolean {
  let count = 0;
  let lineStart = start;
  while (lineStart > 0 && t.charCodeAt(lineStart - 1) !== 10 && start - lineStart < 400) lineStart--;
  for (let i = lineStart; i < start; i++) if (t.charCodeAt(i) === 34) count++;
  if (count % 2 === 1) {
    for (let i = end; i < t.length && i < end + 400; i++) {
      const c = t.charCodeAt(i);
      if (c === 34) return true;
      if (c === 10) break;
    }
  }
  return false;
}

/**
 * True when the normalised span [normStart, normEnd) is quoted (« … », "…") or reported speech
 * (« un client m'a traité de … », « il m'a dit que … », « someone called me … »).
 */
export function isQuotedOrReported(ctx: TextContext, normStart: number, normEnd: number): boolean {
  const t = ctx.normalized.text;
  if (insideQuotes(t, normStart, normEnd)) return true;
  const sentence = sentenceOf(ctx, normStart);
  const from = Math.max(sentence.start, normStart - REPORT_WINDOW);
  const prefix = t.slice(from, normStart);
  if (prefix.length < 3) return false;
  return endsWithFrame(prefix, REPORTED_FR) || endsWithFrame(prefix, REPORTED_EN);
}

/** Clause breaks: a negation does not reach across them. */
const CLAUSE_BREAK =
  /[,:;()\u00ab\u00bb"]|\b(?:mais|sinon|pourtant|cependant|et|donc|alors|but|and|so|yet|however|though)\b/gu;

/** Words that negate what follows in the same clause. */
const NEGATION =
  /(?:\b(?:ne|n'|pas|jamais|aucun|aucune|nullement|guere|sans|ni|not|never|no|nor|without|hardly|barely|nobody|nothing|neither)\b|\b\w+n't\b|\bn')/gu;

/** Most words between the negation and the span. */
const NEGATION_REACH = 6;

/** JavaScript's `\s`, by code unit. */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && /\s/u.test(String.fromCharCode(c)));
}

/** Where the last `count` words of text[from, end of text) start (words: runs of non-spaces). */
function lastWordsStart(text: string, from: number, count: number): number {
  let i = text.length;
  let start = text.length;
  for (let seen = 0; seen < count; seen++) {
    while (i > from && isSpaceCode(text.charCodeAt(i - 1))) i--;
    if (i === from) break;
    while (i > from && !isSpaceCode(text.charCodeAt(i - 1))) i--;
    start = i;
  }
  return start;
}

/**
 * True when the word at `normStart` sits under a negation in its clause: « je ne dis pas que
 * vous êtes … », « pas du tout déçu », « not angry », « I never said you were … ». « Vous n'êtes
 * qu'un … » (restriction) is not a negation.
 */
export function isNegated(ctx: TextContext, normStart: number): boolean {
  const t = ctx.normalized.text;
  const sentence = sentenceOf(ctx, normStart);
  const from = Math.max(sentence.start, normStart - 120);
  const window = t.slice(from, normStart);
  // cut at the last clause break (exec loops: matchAll would clone the regex on every call)
  let cut = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(window); m !== null; m = CLAUSE_BREAK.exec(window)) {
    cut = m.index + m[0].length;
  }
  // keep the last NEGATION_REACH words of the clause (and the word before them, for « ne … pas »)
  const tail = window.slice(lastWordsStart(window, cut, NEGATION_REACH + 1));
  // the last negation, and whether any is more than « ne » alone
  let lastEnd = -1;
  NEGATION.lastIndex = 0;
  for (let m = NEGATION.exec(tail); m !== null; m = NEGATION.exec(tail)) {
    if (m[0] !== 'ne' && m[0] !== "n'") return true;
    lastEnd = m.index + m[0].length;
  }
  if (lastEnd < 0) return false;
  // « ne » alone (« vous n'êtes qu'un … »): a restriction when a « que » follows it
  const after = tail.slice(lastEnd);
  if (/\bqu(?:e\b|')/u.test(after)) return false;
  return true;
}

/**
 * Rule for `tone.shouting`: written shouting, read on the ORIGINAL text (case is what matters):
 * a fully capitalised word of 3+ letters that is not an acronym (EDF, TVA, SMS, RIB…), or a run
 * of two or more « ! » / « ? ». Short capitalised words (3–4 letters) count when they are common
 * words (« NON », « MOIS ») or sit in a run of capitals (« JE VEUX PARLER »), since a lone
 * 3–4-letter capital word is far more often an acronym or a code than a raised voice.
 */
import enTone from '../../../data/en/tone.json' with { type: 'json' };
import frTone from '../../../data/fr/tone.json' with { type: 'json' };
import { foldWord } from '../../text/normalize.ts';
import type { Hit, Rule, RuleContext } from '../rule.ts';

/** Acronyms are the same in both languages: one set. */
const ACRONYMS: ReadonlySet<string> = new Set([...frTone.acronymWords, ...enTone.acronymWords]);
const SHORT_WORDS: Readonly<Record<'fr' | 'en', ReadonlySet<string>>> = {
  fr: new Set(frTone.shoutedShortWords),
  en: new Set(enTone.shoutedShortWords),
};
const ROMAN = /^[ivxlcdm]+$/;

const HAS_LOWER = /\p{Ll}/u;
const PUNCT_RUN = /[!?！？](?:\s?[!?！？])+/gu;
/**
 * What may separate two capital words of one shouted run (spaces, punctuation, digits, €): sticky,
 * read in place from the end of one word (the gap is one when it reaches the next word).
 */
const RUN_GAP = /[\s,.;:!?'’"«»()\-–—0-9€%]*/uy;

function isRunGap(text: string, start: number, end: number): boolean {
  RUN_GAP.lastIndex = start;
  RUN_GAP.test(text);
  return RUN_GAP.lastIndex >= end;
}

interface CapsWord {
  readonly start: number;
  readonly end: number;
  readonly folded: string;
  readonly letters: number;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The word (letters with inner apostrophes/hyphens) that starts exactly at lastIndex. */
const WORD_AT = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/uy;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  return c >= 0xc0 && LETTER_OR_MARK.test(text[i] as string);
}

/** Is `i` inside a word that starts before it (after a letter, or after « ' » / « - » that follows one)? */
function insideWord(text: string, i: number): boolean {
  if (i === 0) return false;
  if (isLetterAt(text, i - 1)) return true;
  const c = text.charCodeAt(i - 1);
  return (c === 39 || c === 0x2019 || c === 45) && i >= 2 && isLetterAt(text, i - 2);
}

/**
 * Fully capitalised words of the text (any length), skipping codes glued to digits (« V2 »,
 * « 6A12 »). Only words that start with a capital are read at all.
 */
function capsWords(text: string): CapsWord[] {
  const out: CapsWord[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isUpperCode(text, i) || insideWord(text, i)) continue;
    WORD_AT.lastIndex = i;
    const m = WORD_AT.exec(text);
    if (!m) continue;
    const w = m[0];
    const start = i;
    const end = start + w.length;
    i = end - 1;
    if (HAS_LOWER.test(w)) continue;
    if (w.toLowerCase() === w) continue; // no case at all (CJK…) or symbols
    if ((start > 0 && isDigit(text.charCodeAt(start - 1))) || isDigit(text.charCodeAt(end))) continue;
    if (w.length === 1 && text.charCodeAt(end) === 46) continue; // an initial: « M. », « C. »
    const folded = foldWord(w);
    out.push({ start, end, folded, letters: folded.replace(/['-]/g, '').length });
  }
  return out;
}

function isAcronym(w: CapsWord): boolean {
  return ACRONYMS.has(w.folded) || (w.letters <= 4 && ROMAN.test(w.folded));
}

/** Title or capitalised given name just before, or just after: « M. DUPONT », « Jean MARTIN », « DURAND Anne ». */
const NAME_BEFORE =
  /(?:\b(?:M|Mme|Mlle|Mr|Mrs|Ms|Dr|Me|Pr)\.?|\b\p{Lu}\.|\b\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?) $/u;
const NAME_AFTER = /^ (?!(?:Monsieur|Madame|Mademoiselle|Messieurs|Sir|Madam)\b)\p{Lu}\p{Ll}+/u;

function looksLikeName(text: string, w: CapsWord): boolean {
  return (
    NAME_BEFORE.test(text.slice(Math.max(0, w.start - 24), w.start)) ||
    NAME_AFTER.test(text.slice(w.end, w.end + 24))
  );
}

/** Per code unit from U+00C0 on: 0 = not known yet, 1 = has a lower case (a capital), 2 = has none. */
const UPPER_CACHE = new Uint8Array(65_536);

/** Upper-case letter: A–Z, or a code unit from U+00C0 on that lower-casing changes (cached). */
function isUpperCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  let k = UPPER_CACHE[c] as number;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = ch !== ch.toLowerCase() ? 1 : 2;
    UPPER_CACHE[c] = k;
  }
  return k === 1;
}

function isMark(c: number): boolean {
  return c === 33 || c === 63 || c === 0xff01 || c === 0xff1f;
}

/**
 * Where `mayShout` can answer true: two marks (with at most a space between) or two code units that
 * could be capitals. The regex engine rules most messages out about twice as fast as the exact loop
 * (0.8 vs 1.9 µs per bench message, measured); the loop then decides on the few left.
 */
const MAY_SHOUT_CANDIDATE = /[!?\uff01\uff1f] ?[!?\uff01\uff1f]|[A-Z\u00c0-\uffff][A-Z\u00c0-\uffff]/;

/** Most messages have no two capitals in a row and no « !! »: one pass over the text says so. */
function mayShout(text: string): boolean {
  if (!MAY_SHOUT_CANDIDATE.test(text)) return false;
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isMark(c)) {
      const d = text.charCodeAt(i + 1);
      if (isMark(d) || (d === 32 && isMark(text.charCodeAt(i + 2)))) return true;
    } else if (c >= 65 && isUpperCode(text, i) && isUpperCode(text, i + 1)) return true;
  }
  return false;
}

/** The last text's answer: the anger rule and the shouting rule both ask, one after the other. */
let lastText: string | null = null;
let lastLang: RuleContext['lang'] | null = null;
let lastHits: readonly Hit[] = [];

/** Shouted spans of the text (original offsets), memoised for the last text asked about. */
export function findShouting(ctx: Pick<RuleContext, 'text' | 'lang'>): readonly Hit[] {
  if (ctx.text !== lastText || ctx.lang !== lastLang) {
    lastHits = shoutedSpans(ctx.text, ctx.lang);
    lastText = ctx.text;
    lastLang = ctx.lang;
  }
  return lastHits;
}

/** Shouted spans (original offsets): capital runs and « !! » / « ?? » runs. */
function shoutedSpans(text: string, lang: RuleContext['lang']): readonly Hit[] {
  if (!mayShout(text)) return [];
  const hits: Hit[] = [];
  const words = capsWords(text);
  const shortWords = SHORT_WORDS[lang];
  let i = 0;
  while (i < words.length) {
    // group consecutive capital words separated only by spaces/punctuation
    let j = i;
    while (j + 1 < words.length) {
      if (!isRunGap(text, (words[j] as CapsWord).end, (words[j + 1] as CapsWord).start)) break;
      j++;
    }
    // words[i..j]: the run; its words that are not acronyms, and whether one of 3 letters or more
    // is loud enough (5 letters, a short word people shout, or one of several words)
    let wordsInRun = 0;
    let first: CapsWord | undefined;
    let last: CapsWord | undefined;
    for (let k = i; k <= j; k++) {
      const w = words[k] as CapsWord;
      if (isAcronym(w)) continue;
      first ??= w;
      last = w;
      if (w.letters >= 1) wordsInRun++;
    }
    let loud = false;
    for (let k = i; k <= j && !loud; k++) {
      const w = words[k] as CapsWord;
      loud =
        w.letters >= 3 && !isAcronym(w) && (w.letters >= 5 || shortWords.has(w.folded) || wordsInRun >= 2);
    }
    const shouted = loud && !(i === j && looksLikeName(text, words[i] as CapsWord));
    if (shouted && first && last) hits.push({ start: first.start, end: last.end });
    i = j + 1;
  }
  // an exec loop: matchAll would clone the regex for every message
  PUNCT_RUN.lastIndex = 0;
  for (let m = PUNCT_RUN.exec(text); m !== null; m = PUNCT_RUN.exec(text)) {
    hits.push({ start: m.index, end: m.index + m[0].length });
  }
  return hits;
}

export const toneRules: readonly Rule[] = [
  {
    meta: {
      id: 'tone.shouting',
      role: 'client',
      severity: 1,
      message: {
        fr: 'Le message crie (majuscules, points d’exclamation ou d’interrogation répétés).',
        en: 'The message is shouting (capitals, repeated exclamation or question marks).',
      },
      note: {
        fr: "Ne haussez pas le ton en retour : laissez le client aller au bout, répondez calmement et sans majuscules, puis ramenez l'échange sur les faits.",
        en: 'Do not raise your voice in return: let the client finish, answer calmly and without capitals, then bring the exchange back to the facts.',
      },
    },
    detect: findShouting,
  },
];

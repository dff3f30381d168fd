/**
 * Structural cues of one turn: the moves of the exchange that the method's steps hinge on but
 * that are not spec signals (the client accepts, thanks, has finished; the agent is overwhelmed,
 * has set a limit, has put an offer on the table…), plus a few shape measures (sentences, list
 * items, questions). Phrase data lives in data/cues-{fr,en}.ts; matching reuses the engine's
 * normaliser and a pattern bank of their own (analysis/pattern-bank.ts: one literal pass wakes
 * the few patterns a turn can match), so « ÇA ME VA » and « ca me va » read the same. A turn the
 * engine has analysed hands over its normalised text, which is then not made twice.
 */
import { PatternBank, type PatternSet } from '../analysis/pattern-bank.ts';
import type { NormalizedMatch } from '../analysis/patterns.ts';
import { sortInPlace } from '../analysis/small-sort.ts';
import { type NormalizedText, normalize } from '../text/normalize.ts';
import type { Lang } from '../types.ts';
import { CUE_KINDS, type CueKind, type CueTable } from './cue-types.ts';
import { CUES_EN } from './data/cues-en.ts';
import { CUES_FR } from './data/cues-fr.ts';
import { countShape, countStutters } from './shape.ts';

export interface CueHit {
  readonly kind: CueKind;
  /** Half-open UTF-16 span in the turn's original text. */
  readonly start: number;
  readonly end: number;
  readonly evidence: string;
}

export interface TurnShape {
  readonly words: number;
  readonly sentences: number;
  readonly questions: number;
  /** Items of the longest enumeration (« : a, b et c », or a sentence of short comma-separated parts). */
  readonly listItems: number;
  readonly digits: number;
  /** Hesitations: « je… je », « euh », trailing ellipses. */
  readonly hesitations: number;
  /** Fully capitalised words of 3+ letters (written shouting when several). */
  readonly capsWords: number;
}

export interface TurnCues {
  readonly hits: readonly CueHit[];
  readonly shape: TurnShape;
  has(kind: CueKind): boolean;
}

/** One bank per language (apart from the analysis banks, whose automata stay as they are); a set per kind. */
function compileTable(table: CueTable): readonly PatternSet[] {
  const bank = new PatternBank();
  return CUE_KINDS.map((kind) => bank.add(table[kind]));
}

const COMPILED: Readonly<Record<Lang, readonly PatternSet[]>> = {
  fr: compileTable(CUES_FR),
  en: compileTable(CUES_EN),
};

const SENTENCE = /[^.!?\n]+[.!?\n]*/g;
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const SHORT_PART_WORDS = 8;
const NOUN_PHRASE =
  /^(?:l['’]|(?:le|la|les|un|une|des|du|mon|ma|mes|son|sa|ses|notre|nos|votre|vos|the|a|an|my|our|your|his|her|their)(?![\p{L}]))/iu;

/**
 * Whether a sentence has at least two places where countListItems could cut it (a comma, a
 * semicolon, « et », « and »): with fewer it has at most two parts, and neither kind of
 * enumeration counts (three parts after a colon, four without). Saves the split on most turns.
 */
function mayHoldList(sentence: string): boolean {
  let cuts = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence.charCodeAt(i);
    const next = sentence.charCodeAt(i + 1);
    const isEt = c === 0x65 && next === 0x74;
    const isAnd = c === 0x61 && next === 0x6e && sentence.charCodeAt(i + 2) === 0x64;
    if (c === 0x2c || c === 0x3b || isEt || isAnd) cuts++;
    if (cuts >= 2) return true;
  }
  return false;
}

/** Counts the parts of an enumeration: after a colon, or a run of short comma-separated parts. */
export function countListItems(text: string): number {
  let best = 0;
  for (const sentence of text.match(SENTENCE) ?? []) {
    if (!mayHoldList(sentence)) continue;
    const colon = sentence.indexOf(':');
    const body = colon >= 0 ? sentence.slice(colon + 1) : sentence;
    const parts = body
      .split(/\s*(?:[,;]|(?<![\p{L}])(?:et|and)(?![\p{L}]))\s*/u)
      .map((p) => p.trim())
      .filter((p) => (p.match(WORD) ?? []).length >= 1);
    if (colon >= 0) {
      if (parts.filter((p) => (p.match(WORD) ?? []).length >= 2).length >= 3)
        best = Math.max(best, parts.length);
      continue;
    }
    // without a colon, only a run of short noun phrases counts (« la facture, l'échéancier, le compteur… »)
    const nounPhrases = parts.filter(
      (p) => NOUN_PHRASE.test(p) && (p.match(WORD) ?? []).length <= SHORT_PART_WORDS,
    );
    if (parts.length >= 4 && nounPhrases.length >= Math.ceil(parts.length * 0.75))
      best = Math.max(best, parts.length);
  }
  return best;
}

/** The shape of a turn: `text` as written, `normalized` its normalised form (for stutters). */
export function measureShape(text: string, normalized: string): TurnShape {
  const counts = countShape(text);
  return {
    words: counts.words,
    sentences: counts.sentences,
    questions: counts.questions,
    // no sentence with the cuts an enumeration needs: no list to look for
    listItems: counts.mayHoldList ? countListItems(text) : 0,
    digits: counts.digits,
    hesitations: countStutters(normalized) + (counts.ellipses >= 2 ? 1 : 0),
    capsWords: counts.capsWords,
  };
}

/** A turn's cues; which kinds it holds is a bit per kind (no set per turn). */
class CuesOfTurn implements TurnCues {
  readonly #kinds: number;

  constructor(
    readonly hits: readonly CueHit[],
    readonly shape: TurnShape,
    kinds: number,
  ) {
    this.#kinds = kinds;
  }

  has(kind: CueKind): boolean {
    return (this.#kinds & (1 << CUE_KINDS.indexOf(kind))) !== 0;
  }
}

/**
 * Finds every cue of `lang` in `text`. `normalized`, when given, is `normalize(text)` made
 * earlier (by the analysis of the same turn); another text's is ignored. Pure and deterministic;
 * never throws on user text.
 */
export function detectCues(text: string, lang: Lang, normalized?: NormalizedText): TurnCues {
  const n = normalized?.original === text ? normalized : normalize(text);
  const hits: CueHit[] = [];
  const sets = COMPILED[lang];
  let kinds = 0;
  for (let k = 0; k < CUE_KINDS.length; k++) {
    const set = sets[k] as PatternSet;
    const found = set.bank.match(set, n);
    if (found.length === 0) continue;
    const kind = CUE_KINDS[k] as CueKind;
    kinds |= 1 << k;
    for (let i = 0; i < found.length; i++) {
      const m = found[i] as NormalizedMatch;
      // a match is never empty: the bank drops empty ones
      const start = n.starts[m.start] as number;
      const end = n.ends[m.end - 1] as number;
      hits.push({ kind, start, end, evidence: text.slice(start, end) });
    }
  }
  if (hits.length > 1) sortInPlace(hits, byPlace);
  return new CuesOfTurn(hits, measureShape(text, n.text), kinds);
}

const byPlace = (a: CueHit, b: CueHit): number =>
  a.start - b.start || a.end - b.end || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);

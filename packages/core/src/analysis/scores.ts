/**
 * Emotion intensities and escalation risk, in [0, 1], graded by the strength of the evidence in
 * one message: the findings themselves, then intensifiers (« vraiment », « so »), written
 * shouting (share of capitals, exclamation marks), repetition (a word said twice, « nooon »,
 * several cues) and abuse. Every piece of evidence is combined as a noisy-or — 1 − Π(1 − wᵢ) —
 * so that adding evidence never lowers a score and no score leaves [0, 1].
 *
 * The weights are judgement, not fitted: they rank a furious shouted insult above a mild « un peu
 * agacé », and a legal threat with insults above a polite request for a manager.
 */
import type { Finding, Scores } from '../types.ts';
import type { RuleContext } from './rule.ts';

const INTENSIFIERS =
  /(?<![a-z])(?:vraiment|tellement|completement|totalement|extremement|absolument|franchement|profondement|terriblement|vachement|grave|trop|tres|super|hyper|si|really|so|absolutely|extremely|completely|totally|utterly|incredibly|seriously|bloody|fucking|very)(?![a-z])/g;
const URGENCY =
  /(?<![a-z])(?:urgent|urgence|immediatement|tout de suite|maintenant|aujourd'hui|ce soir|ce matin|demain|asap|now|today|tonight|tomorrow|immediately|right away)(?![a-z])/g;
/** Downtoners soften the base of an emotion (« un peu agacé », « a bit worried »). */
const DOWNTONERS =
  /(?<![a-z])(?:un peu|legerement|un brin|quelque peu|plutot|a bit|a little|slightly|somewhat|kind of|a tad)(?![a-z])/g;
const LETTER_RUN = /(\p{L})\1{2,}/gu;
const EXCLAMATION = /[!！]/g;

/**
 * Where a LETTER_RUN can be: three equal code units in a row, or a surrogate (an astral letter's
 * run is a repeated pair). This test costs half of LETTER_RUN itself, whose `\p{L}` is tried at
 * every position (1.1 vs 2.3 µs per bench message, measured; a charCodeAt loop was no faster).
 */
const MAY_HOLD_LETTER_RUN = /([\s\S])\1\1|[\ud800-\udfff]/;

/** Runs of one letter three times or more (LETTER_RUN), at most `cap`. */
function countLetterRuns(text: string, cap: number): number {
  return MAY_HOLD_LETTER_RUN.test(text) ? count(LETTER_RUN, text, cap) : 0;
}

/** How many findings have each id, and how many are of each family (« tactic. »: the id up to its dot). */
class Tally {
  private readonly counts = new Map<string, number>();

  constructor(findings: readonly Finding[]) {
    for (const f of findings) {
      this.add(f.id);
      this.add(f.id.slice(0, f.id.indexOf('.') + 1));
    }
  }

  private add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  of(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

function count(re: RegExp, text: string, cap: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < cap && re.exec(text) !== null) n++;
  return n;
}

/** 1 − Π(1 − w): the noisy-or of independent pieces of evidence. */
function noisyOr(weights: readonly number[]): number {
  let keep = 1;
  for (const w of weights) keep *= 1 - Math.max(0, Math.min(1, w));
  return 1 - keep;
}

/** Share of letters written in capitals, counted only when there are enough letters to judge. */
function capitalShare(text: string): number {
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      upper++;
      letters++;
    } else if (c >= 97 && c <= 122) letters++;
    else if (c >= 0xc0 && c <= 0x17f) {
      letters++;
      if (text[i] !== text[i]?.toLowerCase()) upper++;
    }
  }
  return letters >= 8 ? upper / letters : 0;
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 39; // [a-z']
}

/**
 * A content word said twice in the message, beyond function words: a run of [a-z'] of five or
 * more (the maximal runs a /[a-z']+/ regex would match, read by hand: only the long ones become
 * strings, no match object per word).
 */
function hasRepeatedWord(normalized: string): boolean {
  const seen = new Set<string>();
  const len = normalized.length;
  let i = 0;
  while (i < len) {
    if (!isWordCode(normalized.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < len && isWordCode(normalized.charCodeAt(i))) i++;
    if (i - start < 5) continue;
    const w = normalized.slice(start, i);
    if (seen.has(w)) return true;
    seen.add(w);
  }
  return false;
}

const NONE: Scores = Object.freeze({ anger: 0, anxiety: 0, disappointment: 0, escalationRisk: 0 });

export function computeScores(findings: readonly Finding[], ctx: RuleContext): Scores {
  // a message with no finding has nothing to grade: skip the text scans (most messages)
  if (findings.length === 0) return { ...NONE };
  // one pass over the findings, not a filter per id (nor closures per message)
  const tally = new Tally(findings);
  const norm = ctx.normalized.text;
  const text = ctx.text;

  const angerCues = tally.of('emotion.anger');
  const anxietyCues = tally.of('emotion.anxiety');
  const sadCues = tally.of('emotion.disappointment');
  const shouting = tally.of('tone.shouting');
  const insults = tally.of('abuse.insult') + tally.of('abuse.identity') + tally.of('abuse.profanity');
  const threats = tally.of('abuse.threat');
  // the text scans below grade an emotion that is there: each runs only when it is needed
  const emotional = angerCues + anxietyCues + sadCues > 0;
  const intensifiers = emotional ? count(INTENSIFIERS, norm, 3) : 0;
  const base = emotional && intensifiers === 0 && count(DOWNTONERS, norm, 1) > 0 ? 0.3 : 0.5;

  const anger =
    angerCues + shouting + insults + threats === 0
      ? 0
      : noisyOr([
          angerCues > 0 ? base : 0,
          0.1 * Math.max(0, angerCues - 1),
          angerCues > 0 ? 0.07 * intensifiers : 0,
          shouting > 0 ? 0.2 + 0.4 * capitalShare(text) : 0,
          0.04 * Math.max(0, count(EXCLAMATION, text, 6) - 1),
          0.05 * countLetterRuns(text, 2),
          angerCues + shouting > 0 && hasRepeatedWord(norm) ? 0.05 : 0,
          0.2 * Math.min(2, insults),
          0.3 * Math.min(2, threats),
        ]);

  const anxiety =
    anxietyCues === 0
      ? 0
      : noisyOr([
          base,
          0.12 * (anxietyCues - 1),
          0.07 * intensifiers,
          0.06 * count(URGENCY, norm, 3),
          0.03 * count(EXCLAMATION, text, 6),
        ]);

  const disappointment = sadCues === 0 ? 0 : noisyOr([base, 0.12 * (sadCues - 1), 0.08 * intensifiers]);

  const escalationRisk = noisyOr([
    0.6 * Math.min(1, threats),
    0.3 * Math.min(2, tally.of('abuse.insult') + tally.of('abuse.identity') + tally.of('abuse.sexual')),
    0.1 * tally.of('abuse.profanity'),
    0.35 * Math.min(1, tally.of('pressure.legal')),
    0.3 * Math.min(1, tally.of('pressure.reputation')),
    0.25 * Math.min(1, tally.of('pressure.power')),
    0.12 * Math.min(3, tally.of('tactic.')),
    0.12 * Math.min(1, tally.of('request.manager')),
    0.12 * Math.min(1, tally.of('request.cancel')),
    0.08 * Math.min(1, tally.of('claim.generalization')),
    0.5 * anger,
    0.15 * anxiety,
    0.1 * disappointment,
  ]);
  return { anger, anxiety, disappointment, escalationRisk };
}

/**
 * Rules for the `emotion.*` signals: anger/exasperation, anxiety (worry, fear, urgency) and
 * disappointment (sadness, loss of trust). Emotion words are dropped when negated (« je ne suis
 * pas en colère », « not disappointed at all ») or quoted/reported; fixed phrases (« j'en ai
 * marre », « I've lost faith ») are taken as they are.
 *
 * Anger is also conveyed without an emotion word (corpus convention): insults or violent threats
 * hurled in a complaint, a coarse interjection over something that does not work, or a shouted
 * complaint. Those cues are read here from this family's own light lexicon and from the shouting
 * detector of tone.ts — never from another family's findings (rules stay independent). A shouted
 * message reads as anger unless it is anxious (« URGENT !!! ») or happy (« MERCI !!! »).
 */
import en from '../../../data/en/emotion.json' with { type: 'json' };
import fr from '../../../data/fr/emotion.json' with { type: 'json' };
import { isNegated, isQuotedOrReported } from '../context.ts';
import type { NormalizedMatch, PatternFile } from '../patterns.ts';
import type { Hit, Rule, RuleContext } from '../rule.ts';
import { byLang, matchesAny, matchesOf, type SetByLang, toHits } from './phrase-rule.ts';
import { findShouting } from './tone.ts';

const FILES: Readonly<Record<'fr' | 'en', PatternFile>> = { fr, en };
const P = (key: string): SetByLang => byLang(key, FILES);

const ANGER_WORDS = P('angerWords');
const ANGER_PHRASES = P('angerPhrases');
const ANGER_HURLED = P('angerHurled');
const ANGER_PROFANITY = P('angerProfanity');
const COMPLAINT = P('complaintCues');
const POSITIVE = P('positiveCues');
/** « j'ai encore oublié mon code, désolé »: a coarse word over one's own slip is not anger at anyone. */
const SELF_DIRECTED = P('selfDirected');
/** What makes a run of « ?? » an angry question rather than an insistent one (« c'est quoi ce… ?? »). */
const QUESTION_ANGER = P('questionAnger');
const ANXIETY_WORDS = P('anxietyWords');
const ANXIETY_PHRASES = P('anxietyPhrases');
const SAD_WORDS = P('disappointmentWords');
const SAD_PHRASES = P('disappointmentPhrases');

/** Appends to `out` the matches of `set` that are not quoted or reported speech. */
function pushOwn(ctx: RuleContext, set: SetByLang, out: NormalizedMatch[]): NormalizedMatch[] {
  for (const m of matchesOf(ctx, set)) if (!isQuotedOrReported(ctx, m.start, m.end)) out.push(m);
  return out;
}
/**
 * « je ne vous cache pas que je suis inquiète », « I'm not saying that I'm not… »: a negation of
 * the main clause does not reach past a « que / that » opening a subordinate clause.
 */
const SUBORDINATE_AFTER_NEGATION =
  /(?:^|[^a-z])(?:que|qu'|that)(?![a-z])(?![\s\S]*(?:^|[^a-z])(?:ne|n'|pas|not|never|no|jamais)(?![a-z]))[\s\S]*$/;

function negated(ctx: RuleContext, m: NormalizedMatch): boolean {
  if (!isNegated(ctx, m.start)) return false;
  const before = ctx.normalized.text.slice(Math.max(0, m.start - 60), m.start);
  return !SUBORDINATE_AFTER_NEGATION.test(before);
}

/**
 * Emotion words that are asserted (neither negated nor quoted), then fixed phrases that are not
 * quoted. Loops that push into one array: no closure, filtered copy or spread per message.
 */
function words(ctx: RuleContext, w: SetByLang, p: SetByLang): NormalizedMatch[] {
  const out: NormalizedMatch[] = [];
  for (const m of matchesOf(ctx, w)) {
    if (!negated(ctx, m) && !isQuotedOrReported(ctx, m.start, m.end)) out.push(m);
  }
  return pushOwn(ctx, p, out);
}

/** The last message's anxiety matches: the anger rule's veto and the anxiety rule share them. */
let anxietyOf: RuleContext['normalized'] | null = null;
let anxietyLast: NormalizedMatch[] = [];

/** Anxiety matches (normalised offsets), computed once per message. */
export function anxietyMatches(ctx: RuleContext): NormalizedMatch[] {
  if (anxietyOf !== ctx.normalized) {
    anxietyLast = words(ctx, ANXIETY_WORDS, ANXIETY_PHRASES);
    anxietyOf = ctx.normalized;
  }
  return anxietyLast;
}

const has = matchesAny;

/** First normalised index whose character comes from original offset `orig` or later. */
function normalizedIndex(ctx: RuleContext, orig: number): number {
  const starts = ctx.normalized.starts;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) < orig) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Anger hits: explicit words and phrases, hurled abuse, a coarse outburst over a fault, a shouted complaint. */
export function angerHits(ctx: RuleContext): readonly Hit[] {
  const found = pushOwn(ctx, ANGER_HURLED, words(ctx, ANGER_WORDS, ANGER_PHRASES));
  if (found.length === 0) {
    const positive = has(ctx, POSITIVE);
    if (!positive) {
      const outburst = pushOwn(ctx, ANGER_PROFANITY, []);
      if (outburst.length > 0 && has(ctx, COMPLAINT) && !has(ctx, SELF_DIRECTED)) found.push(...outburst);
    }
    if (found.length === 0 && !positive && anxietyMatches(ctx).length === 0) {
      const shouted = firstShoutedComplaint(ctx);
      if (shouted) return [shouted];
    }
  }
  return toHits(ctx, found);
}

/** The first shouted span that reads as anger: not someone else's words in quotes, not a lone « ?? ». */
function firstShoutedComplaint(ctx: RuleContext): Hit | undefined {
  for (const h of findShouting(ctx)) {
    // a lone run of « ?? » is an insistent question, not anger, unless a demand or an indignant phrase goes with it
    if (/^[?？\s]+$/u.test(ctx.text.slice(h.start, h.end)) && !has(ctx, QUESTION_ANGER)) continue;
    const start = normalizedIndex(ctx, h.start);
    if (!isQuotedOrReported(ctx, start, Math.max(start + 1, normalizedIndex(ctx, h.end)))) return h;
  }
  return undefined;
}

export const emotionRules: readonly Rule[] = [
  {
    meta: {
      id: 'emotion.anger',
      role: 'client',
      severity: 2,
      message: {
        fr: 'Le client exprime de la colère ou de l’exaspération.',
        en: 'The client expresses anger or exasperation.',
      },
      note: {
        fr: "Laissez le client vider son sac sans l'interrompre ni vous défendre, puis reconnaissez son émotion et remerciez-le de vous en parler avant de revenir aux faits.",
        en: 'Let the client get it off their chest without interrupting or defending yourself, then acknowledge the emotion and thank them for telling you before going back to the facts.',
      },
    },
    detect: angerHits,
  },
  {
    meta: {
      id: 'emotion.anxiety',
      role: 'client',
      severity: 1,
      message: {
        fr: 'Le client est inquiet, stressé ou pressé par l’urgence.',
        en: 'The client is worried, stressed or pressed by urgency.',
      },
      note: {
        fr: 'Rassurez d’abord : dites ce que vous allez faire et quand, passez au « nous » (« voyons ensemble ce que nous pouvons faire ») et ne promettez que ce que vous pouvez tenir.',
        en: 'Reassure first: say what you will do and when, move to « we » (« let’s see together what we can do ») and promise only what you can keep.',
      },
    },
    detect: (ctx) => toHits(ctx, anxietyMatches(ctx)),
  },
  {
    meta: {
      id: 'emotion.disappointment',
      role: 'client',
      severity: 1,
      message: {
        fr: 'Le client exprime de la déception, de la tristesse ou une perte de confiance.',
        en: 'The client expresses disappointment, sadness or lost trust.',
      },
      note: {
        fr: 'Reconnaissez la déception sans la minimiser, remerciez le client de sa franchise, expliquez honnêtement ce qui s’est passé et proposez un geste concret pour regagner sa confiance.',
        en: 'Acknowledge the disappointment without playing it down, thank the client for being frank, explain honestly what happened and offer something concrete to win back their trust.',
      },
    },
    detect: (ctx) => toHits(ctx, words(ctx, SAD_WORDS, SAD_PHRASES)),
  },
];

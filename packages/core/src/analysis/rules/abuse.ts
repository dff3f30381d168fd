/**
 * Rules for the `abuse.*` signals (issue #2): insult, profanity, identity, threat, sexual.
 *
 * Words come from the token lexicons (data/{fr,en}/abuse-lexicon.json), phrases from the pattern
 * files (data/{fr,en}/abuse.json); both are matched on the normalised text, so accents, case,
 * leetspeak, masks, spaced letters, look-alike letters and zero-width characters are already
 * undone. What a word means depends on whom it is aimed at:
 *   - a strong insult (« connard ») is an insult wherever it stands;
 *   - a weak one (« incapable », « nul », « idiot ») only after a frame that aims it at someone
 *     (« vous êtes », « espèce de », « bande de », « you are », « you … »), or as a vocative;
 *   - a coarse word not aimed at anyone is profanity (« à la con », « putain »), and a coarse
 *     word inside an aimed insult is the insult only (« connard de merde »);
 *   - name-calling on identity (« grosse vache », slurs) is insult + identity.
 * Quoted or reported words (« un client m'a traité de… ») and negated frames (« je ne dis pas
 * que vous êtes… ») are not the writer's own abuse. All five rules share one pass per message.
 */

import enPatternData from '../../../data/en/abuse.json' with { type: 'json' };
import enLexiconData from '../../../data/en/abuse-lexicon.json' with { type: 'json' };
import frPatternData from '../../../data/fr/abuse.json' with { type: 'json' };
import frLexiconData from '../../../data/fr/abuse-lexicon.json' with { type: 'json' };
import type { NormalizedText } from '../../text/normalize.ts';
import type { Lang, Localized, Severity, SignalId } from '../../types.ts';
import { endsWithFrame, isNegated, isQuotedOrReported, sentenceOf } from '../context.ts';
import { LastMemo } from '../last-memo.ts';
import { TokenLexicon, type Tokens, tokenize } from '../lexicon.ts';
import { BANKS, type PatternBank, type PatternSet } from '../pattern-bank.ts';
import type { PatternEntry } from '../patterns.ts';
import type { Hit, Rule, RuleContext } from '../rule.ts';

// ---- data ---------------------------------------------------------------------------------

type Kind =
  | 'slur'
  | 'strong'
  | 'coarse'
  | 'softSlur'
  | 'weakNoun'
  | 'weakAdjective'
  | 'identity'
  | 'profanity';

interface LexiconFile {
  readonly strongWords: readonly string[];
  readonly weakNounWords: readonly string[];
  readonly weakAdjectiveWords: readonly string[];
  readonly coarseWords: readonly string[];
  readonly slurWords: readonly string[];
  readonly softSlurWords: readonly string[];
  readonly identityWords: readonly string[];
  readonly profanityWords: readonly string[];
  readonly mildProfanityWords: readonly string[];
  readonly personAimPatterns: readonly string[];
  readonly exclamationAimPatterns: readonly string[];
  readonly nounAimPatterns: readonly string[];
  readonly determinerAimPatterns: readonly string[];
  readonly vocativeAfterPatterns: readonly string[];
  readonly notAimedAfterPatterns: readonly string[];
  readonly allowPatterns: readonly string[];
  readonly sexualCuePatterns?: readonly string[];
  readonly commonWords?: readonly string[];
}

type PatternFile = Readonly<Record<string, PatternEntry>>;

interface Entry {
  readonly kind: Kind;
  readonly mild: boolean;
}

interface Compiled {
  readonly lexicon: TokenLexicon<Entry>;
  /** Frames matched at the very end of the text before a word. */
  readonly person: RegExp;
  readonly exclamation: RegExp;
  readonly noun: RegExp;
  readonly determiner: RegExp;
  /** Matched at the very start of the text after a word. */
  readonly vocativeAfter: RegExp;
  readonly notAimedAfter: RegExp | null;
  /** The language's pattern bank, and in it: */
  readonly bank: PatternBank;
  /** the phrase patterns of each abuse id (with their allow-lists), */
  readonly phraseSets: ReadonlyMap<SignalId, PatternSet>;
  /** harmless phrases that cancel a lexicon word they overlap (« tuer le temps »), */
  readonly allow: PatternSet | null;
  /** words that, two together or with a flirting emoji, make a remark sexual. */
  readonly cues: PatternSet | null;
}

/** A frame must end right before the word (only spaces or an apostrophe between). */
function endAnchored(sources: readonly string[]): RegExp {
  if (sources.length === 0) return /(?!)/u;
  return new RegExp(`(?:${sources.map((s) => `(?:${s})`).join('|')})\\s*$`, 'uy');
}

function startAnchored(sources: readonly string[]): RegExp {
  if (sources.length === 0) return /(?!)/u;
  return new RegExp(`^(?:${sources.map((s) => `(?:${s})`).join('|')})`, 'u');
}

function compileLang(lex: LexiconFile, patterns: PatternFile, bank: PatternBank): Compiled {
  const lexicon = new TokenLexicon<Entry>();
  const mild = new TokenLexicon<true>();
  for (const spec of lex.mildProfanityWords) mild.add(spec, true);
  const add = (specs: readonly string[], kind: Kind): void => {
    for (const spec of specs)
      lexicon.add(spec, {
        kind,
        mild: kind === 'profanity' || kind === 'coarse' ? isMild(mild, spec) : false,
      });
  };
  lexicon.addCommon(lex.commonWords ?? []);
  add(lex.slurWords, 'slur');
  add(lex.strongWords, 'strong');
  add(lex.coarseWords, 'coarse');
  add(lex.softSlurWords, 'softSlur');
  add(lex.identityWords, 'identity');
  add(lex.weakNounWords, 'weakNoun');
  add(lex.weakAdjectiveWords, 'weakAdjective');
  add(lex.profanityWords, 'profanity');
  const phraseSets = new Map<SignalId, PatternSet>();
  for (const [id, entry] of Object.entries(patterns)) {
    if (id.startsWith('abuse.') && entry.patterns.length > 0) phraseSets.set(id as SignalId, bank.add(entry));
  }
  const listOrNull = (list: readonly string[] | undefined) =>
    list && list.length > 0 ? bank.add({ patterns: list }) : null;
  return {
    lexicon,
    person: endAnchored(lex.personAimPatterns),
    exclamation: endAnchored(lex.exclamationAimPatterns),
    noun: endAnchored(lex.nounAimPatterns),
    determiner: endAnchored(lex.determinerAimPatterns),
    vocativeAfter: startAnchored(lex.vocativeAfterPatterns),
    notAimedAfter: lex.notAimedAfterPatterns.length > 0 ? startAnchored(lex.notAimedAfterPatterns) : null,
    bank,
    phraseSets,
    allow: listOrNull(lex.allowPatterns),
    cues: listOrNull(lex.sexualCuePatterns),
  };
}

function isMild(mild: TokenLexicon<true>, spec: string): boolean {
  const base = spec.split('/')[0] ?? spec;
  return mild.has(base);
}

const COMPILED: Readonly<Record<Lang, Compiled>> = {
  fr: compileLang(frLexiconData as LexiconFile, frPatternData as unknown as PatternFile, BANKS.fr),
  en: compileLang(enLexiconData as LexiconFile, enPatternData as unknown as PatternFile, BANKS.en),
};

// ---- detection ----------------------------------------------------------------------------

interface AbuseHit {
  readonly id: SignalId;
  /** Normalised offsets. */
  readonly start: number;
  readonly end: number;
  readonly severity: Severity;
}

/** How far back a frame may start before the word it aims. */
const FRAME_WINDOW = 90;
/**
 * Lexicon hits examined per message at most: past that the message is abusive beyond doubt, and
 * a hostile 100,000-character wall of insults must not cost a second.
 */
const MAX_LEXICON_HITS = 200;
/** Emoji that, with one other cue, make a remark a come-on. */
const FLIRT_EMOJI =
  /[\u{1F60F}\u{1F618}\u{1F609}\u{1F60D}\u{1F975}\u{1F61C}\u{1F48B}\u{1F445}\u{1F351}\u{1F346}]|(?:^|\s)(?:;-?\)|:-?\*|<3)/u;
/** Before a word, what makes a negation bear on the frame (« je ne dis pas que vous êtes… »). */
const NEGATABLE_FRAME =
  /\b(?:etes|es|est|sont|suis|serait|seriez|are|is|am|were|was|'re|dis|dit|dirais|pense|trouve|traite|say|saying|said|think|call|calling|called)\b/u;

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function overlapsAny(
  spans: readonly { start: number; end: number }[],
  b: { start: number; end: number },
): boolean {
  for (const a of spans) if (overlaps(a, b)) return true;
  return false;
}

/** The first token of the sentence holding `token`, skipping a leading interjection. */
function isSentenceStart(ctx: RuleContext, tokens: Tokens, index: number): boolean {
  const start = tokens.start(index);
  const sentence = sentenceOf(ctx, start);
  const before = ctx.normalized.text.slice(sentence.start, start);
  return /^[\s"«»'(\-—*]*(?:(?:oh|eh|he|hey|ah|bah|ben|bon|non|alors|allo|putain|bordel|merde|oi|well|so|hello|bonjour)\s*[,!]?\s*)?$/u.test(
    before,
  );
}

function frameBefore(text: string, start: number, re: RegExp): boolean {
  return endsWithFrame(text.slice(Math.max(0, start - FRAME_WINDOW), start), re);
}

/**
 * Whether a lexicon word at `span` (its first token `first`) is aimed at someone: said of a
 * person, exclaimed, used as a noun or a vocative, per its kind. Each test runs only if needed.
 */
function isAimed(
  ctx: RuleContext,
  c: Compiled,
  tokens: Tokens,
  first: number,
  kind: Kind,
  span: { readonly start: number; readonly end: number },
): boolean {
  if (kind === 'slur' || kind === 'strong') return true;
  const text = ctx.normalized.text;
  const at = span.start;
  const person = frameBefore(text, at, c.person);
  if (kind === 'weakAdjective') return person || isVocative(ctx, c, tokens, first, span.end);
  const framed = person || frameBefore(text, at, c.exclamation) || frameBefore(text, at, c.noun);
  // no vocative for a coarse word: one opening a sentence is an interjection (« Shit, I forgot… »)
  const aimed =
    kind === 'coarse'
      ? framed || frameBefore(text, at, c.determiner)
      : framed || isVocative(ctx, c, tokens, first, span.end);
  return aimed && !(c.notAimedAfter?.test(text.slice(span.end, span.end + 40)) ?? false);
}

/** A word opening its sentence and followed by what a vocative is followed by (or the end). */
function isVocative(ctx: RuleContext, c: Compiled, tokens: Tokens, first: number, end: number): boolean {
  const text = ctx.normalized.text;
  return (
    isSentenceStart(ctx, tokens, first) &&
    (end >= text.length || c.vocativeAfter.test(text.slice(end, end + 40)))
  );
}

function analyseLexicon(ctx: RuleContext, c: Compiled, out: AbuseHit[]): void {
  const text = ctx.normalized.text;
  const tokens = tokenize(ctx.normalized);
  const budget = { masked: 32 };
  const allowed = c.allow ? c.bank.match(c.allow, ctx.normalized) : [];
  let examined = 0;
  for (let i = 0; i < tokens.length && examined < MAX_LEXICON_HITS; i++) {
    const m = c.lexicon.matchAt(text, tokens, i, budget);
    if (!m) continue;
    const span = { start: tokens.start(i) - (m.lead ?? 0), end: tokens.end(i + m.length - 1) };
    i += m.length - 1;
    examined++;
    if (overlapsAny(allowed, span)) continue;
    if (isQuotedOrReported(ctx, span.start, span.end)) continue;
    const { kind } = m.value;
    if (kind === 'profanity') {
      out.push({ id: 'abuse.profanity', ...span, severity: m.value.mild ? 1 : 2 });
      continue;
    }
    const aimed = isAimed(ctx, c, tokens, i - m.length + 1, kind, span);
    if (kind === 'coarse' && !aimed) {
      out.push({ id: 'abuse.profanity', ...span, severity: m.value.mild ? 1 : 2 });
      continue;
    }
    if (!aimed) continue;
    if (isNegated(ctx, span.start)) {
      const prefix = text.slice(Math.max(sentenceOf(ctx, span.start).start, span.start - 60), span.start);
      if (NEGATABLE_FRAME.test(prefix)) continue;
    }
    if (kind === 'identity') {
      out.push({ id: 'abuse.identity', ...span, severity: 3 });
      continue;
    }
    out.push({ id: 'abuse.insult', ...span, severity: 3 });
    if (kind === 'slur' || kind === 'softSlur') out.push({ id: 'abuse.identity', ...span, severity: 3 });
  }
}

function analysePhrases(ctx: RuleContext, c: Compiled, out: AbuseHit[]): void {
  for (const [id, set] of c.phraseSets) {
    for (const m of c.bank.match(set, ctx.normalized)) {
      if (isQuotedOrReported(ctx, m.start, m.end)) continue;
      out.push({ id, start: m.start, end: m.end, severity: id === 'abuse.profanity' ? 2 : 3 });
    }
  }
  const cueMatches = c.cues ? c.bank.match(c.cues, ctx.normalized) : [];
  if (cueMatches.length > 0 && !out.some(isSexual)) {
    const cues = cueMatches.filter((m) => !isQuotedOrReported(ctx, m.start, m.end));
    const distinct = new Set<string>();
    for (const m of cues) distinct.add(m.text);
    const emoji = FLIRT_EMOJI.test(ctx.normalized.text);
    const first = cues[0];
    if (first && (distinct.size >= 2 || (distinct.size === 1 && emoji))) {
      out.push({ id: 'abuse.sexual', start: first.start, end: first.end, severity: 3 });
    }
  }
}

/**
 * Drops profanity that is part of an aimed insult (« connard de merde », « fucking idiot ») or
 * inside a sexual or identity remark (« un beau cul »): the coarse word is not a second signal.
 */
const isSexual = (h: AbuseHit) => h.id === 'abuse.sexual';
const isInsult = (h: AbuseHit) => h.id === 'abuse.insult';
const isRemark = (h: AbuseHit) => h.id === 'abuse.sexual' || h.id === 'abuse.identity';
/** What may stand between an insult and a coarse word that goes with it (« connard de merde »). */
const GLUE = /^[\s,]*(?:(?:de|d'|du|of|a|an)\s*)?$/u;

function absorbProfanity(text: string, hits: AbuseHit[]): AbuseHit[] {
  // hits.some before the filters: most abusive messages hold no profanity to absorb
  if (!hits.some(isProfanity)) return hits;
  const insults = hits.filter(isInsult);
  const remarks = hits.filter(isRemark);
  if (insults.length === 0 && remarks.length === 0) return hits;
  const glue = GLUE;
  return hits.filter((h) => {
    if (h.id !== 'abuse.profanity') return true;
    if (remarks.some((r) => overlaps(r, h))) return false;
    return !insults.some((ins) => {
      if (overlaps(ins, h)) return true;
      if (h.start >= ins.end) return h.start - ins.end <= 8 && glue.test(text.slice(ins.end, h.start));
      return ins.start - h.end <= 8 && glue.test(text.slice(h.end, ins.start));
    });
  });
}

/** Keeps one hit per id and span; drops a hit inside a longer one of the same id. */
function dedupe(hits: AbuseHit[]): AbuseHit[] {
  const sorted = [...hits].sort(byStartThenLongest);
  const out: AbuseHit[] = [];
  for (const h of sorted) if (!holdsSameOrLonger(out, h)) out.push(h);
  return out;
}

const isProfanity = (h: AbuseHit) => h.id === 'abuse.profanity';
const byStartThenLongest = (a: AbuseHit, b: AbuseHit) => a.start - b.start || b.end - a.end;

function holdsSameOrLonger(hits: readonly AbuseHit[], h: AbuseHit): boolean {
  for (const o of hits) if (o.id === h.id && o.start <= h.start && h.end <= o.end) return true;
  return false;
}

const cache = new LastMemo<NormalizedText, readonly AbuseHit[]>();

/** Every abuse hit of the message, in normalised offsets (computed once per message). */
export function abuseHits(ctx: RuleContext): readonly AbuseHit[] {
  const cached = cache.get(ctx.normalized);
  if (cached) return cached;
  const c = COMPILED[ctx.lang];
  const out: AbuseHit[] = [];
  analyseLexicon(ctx, c, out);
  analysePhrases(ctx, c, out);
  const hits = dedupe(absorbProfanity(ctx.normalized.text, out));
  cache.set(ctx.normalized, hits);
  return hits;
}

// ---- rules --------------------------------------------------------------------------------

const BOUNDARY_NOTE: Localized = {
  fr: "Les propos injurieux franchissent la ligne : dites calmement que vous voulez aider mais pas sur ce ton ; si cela continue, mettez fin à l'échange, passez le relais à votre responsable et consignez l'incident.",
  en: 'Abusive language crosses the line: say calmly that you want to help, but not in this tone; if it goes on, end the exchange, hand over to your supervisor and log the incident.',
};

function rule(id: SignalId, severity: Severity, message: Localized, note: Localized): Rule {
  return {
    meta: { id, role: 'client', severity, message, note },
    detect(ctx: RuleContext): readonly Hit[] {
      const hits: Hit[] = [];
      for (const h of abuseHits(ctx)) {
        if (h.id !== id) continue;
        const span = ctx.span(h.start, h.end);
        hits.push(h.severity === severity ? span : { ...span, severity: h.severity });
      }
      return hits;
    },
  };
}

export const abuseRules: readonly Rule[] = [
  rule(
    'abuse.insult',
    3,
    { fr: 'Insulte adressée à une personne.', en: 'An insult aimed at a person.' },
    BOUNDARY_NOTE,
  ),
  rule(
    'abuse.profanity',
    2,
    { fr: 'Langage grossier, sans viser personne.', en: 'Coarse language, not aimed at anyone.' },
    {
      fr: "Un gros mot qui ne vise personne dit surtout l'exaspération : laissez le client vider son sac, montrez que vous avez compris, puis revenez aux faits. Ce n'est pas encore une raison de poser une limite.",
      en: 'A swear word aimed at no one mostly says exasperation: let the client vent, show you have understood, then bring the talk back to facts. It is not yet a reason to set a limit.',
    },
  ),
  rule(
    'abuse.identity',
    3,
    {
      fr: "Remarque dénigrante sur l'identité, le corps ou le statut de la personne.",
      en: "A demeaning remark about the person's identity, body or status.",
    },
    {
      fr: "Une remarque sur l'origine, la religion, le genre, l'âge, le corps, un handicap, l'accent ou le poste franchit la ligne : posez une limite calme et nette, prévenez votre responsable et consignez les mots exacts.",
      en: 'A remark about origin, religion, gender, age, body, disability, accent or job crosses the line: set a calm, clear limit, tell your supervisor and log the exact words.',
    },
  ),
  rule(
    'abuse.threat',
    3,
    { fr: 'Menace de violence physique.', en: 'A threat of physical violence.' },
    {
      fr: "Une menace de violence met fin à l'échange : restez calme, ne discutez pas la menace, terminez poliment, passez le relais à votre responsable tout de suite et consignez l'incident.",
      en: 'A threat of violence ends the exchange: stay calm, do not argue with the threat, close politely, hand over to your supervisor at once and log the incident.',
    },
  ),
  rule(
    'abuse.sexual',
    3,
    { fr: 'Remarque à caractère sexuel.', en: 'A sexual remark.' },
    {
      fr: 'Une remarque sexuelle est du harcèlement, quel que soit le ton : ne riez pas pour détendre, posez une limite nette, et signalez-la à votre responsable qui doit vous soutenir.',
      en: 'A sexual remark is harassment, whatever the tone: do not laugh it off, set a clear limit, and report it to your supervisor, who must back you.',
    },
  ),
];

/**
 * Rules for the `reply.*` signals of an agent's reply (issue #2): the qualities the method asks
 * for — thanks, empathy, a sincere apology, reformulation, clarifying questions, shared framing of
 * the fix, an honest explanation, a concrete remedy, agreed next steps, a calm boundary.
 *
 * Phrases live in data/{fr,en}/reply.json; the few judgements that are not phrases are here:
 *   - an apology in the same sentence as a defensive phrase (« désolé, mais c'est la procédure »)
 *     is not an apology;
 *   - a causal account in a sentence that defends or blames is not an explanation;
 *   - a remedy under a negation (« je ne peux pas vous rembourser ») is not a solution;
 *   - next steps need either a question asking for agreement, or a date/deadline in a sentence
 *     that commits to something (not in a restatement of the past, not inside a guarantee).
 */
import enReply from '../../../data/en/reply.json' with { type: 'json' };
import frReply from '../../../data/fr/reply.json' with { type: 'json' };
import type { AgentQualityId, Lang, Localized } from '../../types.ts';
import { isNegated, type Range, sentenceOf } from '../context.ts';
import { BANKS, type PatternBank, type PatternSet } from '../pattern-bank.ts';
import type { NormalizedMatch, PatternEntry } from '../patterns.ts';
import type { Hit, Rule, RuleContext, RuleMeta } from '../rule.ts';
import { keepMatches, toHits } from './phrase-rule.ts';
import { isReported, riskMatches, shoutingIn, textState } from './risk.ts';

interface ReplyFileData {
  readonly [id: string]: PatternEntry | undefined;
}

interface CueFileData {
  readonly cues?: { readonly date?: PatternEntry; readonly commitment?: PatternEntry };
}

interface CompiledReply {
  readonly bank: PatternBank;
  readonly byId: ReadonlyMap<AgentQualityId, PatternSet>;
  readonly date: PatternSet | null;
  readonly commitment: PatternSet | null;
}

const QUALITY_IDS: readonly AgentQualityId[] = [
  'reply.thanks',
  'reply.empathy',
  'reply.apology',
  'reply.reformulation',
  'reply.clarifying_question',
  'reply.we_language',
  'reply.explanation',
  'reply.solution',
  'reply.next_steps',
  'reply.boundary',
];

function compileReplyFile(file: ReplyFileData & CueFileData, bank: PatternBank): CompiledReply {
  const byId = new Map<AgentQualityId, PatternSet>();
  for (const id of QUALITY_IDS) {
    const entry = file[id] as PatternEntry | undefined;
    if (entry && entry.patterns.length > 0) byId.set(id, bank.add(entry));
  }
  const date = file.cues?.date;
  const commitment = file.cues?.commitment;
  return {
    bank,
    byId,
    date: date ? bank.add(date) : null,
    commitment: commitment ? bank.add(commitment) : null,
  };
}

const COMPILED: Readonly<Record<Lang, CompiledReply>> = {
  fr: compileReplyFile(frReply as unknown as ReplyFileData & CueFileData, BANKS.fr),
  en: compileReplyFile(enReply as unknown as ReplyFileData & CueFileData, BANKS.en),
};

/** Memo slots in the per-text state: one per quality, then the two cues. */
const SLOT_DATE = QUALITY_IDS.length;
const SLOT_COMMITMENT = QUALITY_IDS.length + 1;
/** Then one slot per quality for its judged matches (qualityMatches). */
const SLOT_FINAL = QUALITY_IDS.length + 2;
const SLOT_OF = new Map<AgentQualityId, number>(QUALITY_IDS.map((id, k) => [id, k]));
const NONE: readonly NormalizedMatch[] = [];

/** Raw phrase matches of a quality, quoted or reported words left out. Memoised per text. */
function phraseMatches(ctx: RuleContext, id: AgentQualityId): readonly NormalizedMatch[] {
  const slots = textState(ctx).replies;
  const slot = SLOT_OF.get(id) as number;
  const known = slots[slot];
  if (known) return known;
  const { bank, byId } = COMPILED[ctx.lang];
  const set = byId.get(id);
  let found = NONE;
  if (set) {
    const raw = bank.match(set, ctx.normalized);
    found = raw.length === 0 ? NONE : keepMatches(ctx, raw, isSaidByTheAgent);
  }
  slots[slot] = found;
  return found;
}

function cueMatches(ctx: RuleContext, cue: 'date' | 'commitment'): readonly NormalizedMatch[] {
  const slots = textState(ctx).replies;
  const slot = cue === 'date' ? SLOT_DATE : SLOT_COMMITMENT;
  const known = slots[slot];
  if (known) return known;
  const compiled = COMPILED[ctx.lang];
  const set = compiled[cue];
  const found = set ? compiled.bank.match(set, ctx.normalized) : NONE;
  slots[slot] = found;
  return found;
}

/** Not quoted or reported: the agent's own words. */
const isSaidByTheAgent = (ctx: RuleContext, m: NormalizedMatch) => !isReported(ctx, m.start, m.end);

const within = (r: Range, m: NormalizedMatch) => m.start >= r.start && m.start < r.end;

function sentenceHas(sentence: Range, matches: readonly NormalizedMatch[]): boolean {
  for (let i = 0; i < matches.length; i++) if (within(sentence, matches[i] as NormalizedMatch)) return true;
  return false;
}

/** Is a risk that denies or blames in the sentence of `m`? */
function inDefensiveSentence(ctx: RuleContext, m: NormalizedMatch): boolean {
  const s = sentenceOf(ctx, m.start);
  return sentenceHas(s, riskMatches(ctx, 'risk.defensive')) || sentenceHas(s, riskMatches(ctx, 'risk.blame'));
}

/** A statement shouted at the client (« NON, la garantie ne couvre pas… !! ») is not an honest explanation. */
function inShoutedSentence(ctx: RuleContext, m: NormalizedMatch): boolean {
  const s = sentenceOf(ctx, m.start);
  const { start, end } = ctx.span(s.start, s.end);
  for (const x of shoutingIn(ctx)) if (x.start < end && start < x.end) return true;
  return false;
}

const NEGATION_INSIDE =
  /(?:^|[^\p{L}])(?:ne|n'|pas|plus|rien|jamais|aucune?|not|never|cannot|can't|won't|don't|unable)(?![\p{L}])/u;

/** A remedy under a negation, before it or inside the matched phrase (« je ne peux pas vous … »). */
function isNegatedRemedy(ctx: RuleContext, m: NormalizedMatch): boolean {
  return isNegated(ctx, m.start) || NEGATION_INSIDE.test(m.text);
}

const PAST_BEFORE_DATE = /(?:depuis|since|last|dernier|derniere|hier|yesterday|ago)\s*$/u;
const PAST_AFTER_DATE = /^\s*(?:dernier|derniere|passee?|last|ago)/u;

function isPastDate(ctx: RuleContext, m: NormalizedMatch): boolean {
  const t = ctx.normalized.text;
  return (
    PAST_BEFORE_DATE.test(t.slice(Math.max(0, m.start - 12), m.start)) ||
    PAST_AFTER_DATE.test(t.slice(m.end, m.end + 12))
  );
}

/** Next steps: an agreement question anywhere, or a date in a sentence that commits to something. */
function nextStepMatches(ctx: RuleContext): readonly NormalizedMatch[] {
  const phrases = phraseMatches(ctx, 'reply.next_steps');
  const dates = cueMatches(ctx, 'date');
  if (dates.length === 0) return phrases;
  // a remedy offered in the sentence commits as much as a future tense (« je vous remets le
  // document d'ici ce soir »)
  const commitments = [...cueMatches(ctx, 'commitment'), ...qualityMatches(ctx, 'reply.solution')];
  if (commitments.length === 0) return phrases;
  const out: NormalizedMatch[] = [...phrases];
  const reformulations = phraseMatches(ctx, 'reply.reformulation');
  const promises = riskMatches(ctx, 'risk.overpromise');
  const seen = new Set<number>();
  for (const date of dates) {
    const s = sentenceOf(ctx, date.start);
    if (seen.has(s.start)) continue;
    if (isPastDate(ctx, date) || isNegated(ctx, date.start)) continue;
    if (!sentenceHas(s, commitments)) continue;
    if (sentenceHas(s, reformulations) || sentenceHas(s, promises)) continue;
    if (sentenceHas(s, out)) continue;
    seen.add(s.start);
    out.push(date);
  }
  return out.sort(byStart);
}

const byStart = (a: NormalizedMatch, b: NormalizedMatch) => a.start - b.start;

/** Matches that make a quality, after the judgements of this module (memoised per text). */
export function qualityMatches(ctx: RuleContext, id: AgentQualityId): readonly NormalizedMatch[] {
  const slots = textState(ctx).replies;
  const slot = SLOT_FINAL + (SLOT_OF.get(id) as number);
  const known = slots[slot];
  if (known) return known;
  const found = judgedMatches(ctx, id);
  slots[slot] = found;
  return found;
}

function judgedMatches(ctx: RuleContext, id: AgentQualityId): readonly NormalizedMatch[] {
  // a phrase that is not there needs no judging (and no filtered copy of nothing)
  if (id !== 'reply.next_steps' && phraseMatches(ctx, id).length === 0) return NONE;
  switch (id) {
    case 'reply.apology':
      return keepMatches(ctx, phraseMatches(ctx, id), isSincereApology);
    case 'reply.explanation':
      return keepMatches(ctx, phraseMatches(ctx, id), isHonestExplanation);
    case 'reply.solution':
      return keepMatches(ctx, phraseMatches(ctx, id), isConcreteRemedy);
    case 'reply.next_steps':
      return nextStepMatches(ctx);
    case 'reply.clarifying_question':
      return keepMatches(ctx, phraseMatches(ctx, id), asksForNewFacts);
    default:
      return phraseMatches(ctx, id);
  }
}

/** An apology with no defensive phrase in its sentence. */
function isSincereApology(ctx: RuleContext, m: NormalizedMatch): boolean {
  return !sentenceHas(sentenceOf(ctx, m.start), riskMatches(ctx, 'risk.defensive'));
}

function isHonestExplanation(ctx: RuleContext, m: NormalizedMatch): boolean {
  return !inDefensiveSentence(ctx, m) && !inShoutedSentence(ctx, m);
}

/**
 * A remedy not negated, not inside a restatement, and not after a promise in its sentence (« I
 * promise it will be fixed today » is the overpromise, not a concrete solution).
 */
function isConcreteRemedy(ctx: RuleContext, m: NormalizedMatch): boolean {
  if (isNegatedRemedy(ctx, m)) return false;
  const sentence = sentenceOf(ctx, m.start);
  if (sentenceHas(sentence, phraseMatches(ctx, 'reply.reformulation'))) return false;
  for (const p of riskMatches(ctx, 'risk.overpromise'))
    if (p.start <= m.start && within(sentence, p)) return false;
  return true;
}

/**
 * A question outside any restatement: one asked as a question (« si je comprends bien, … ? ») is
 * a reformulation, not a request for new facts (the dev corpus labels it so), and so are the other
 * questions of that sentence.
 */
function asksForNewFacts(ctx: RuleContext, m: NormalizedMatch): boolean {
  return !sentenceHas(sentenceOf(ctx, m.start), phraseMatches(ctx, 'reply.reformulation'));
}

const L = (fr: string, en: string): Localized => ({ fr, en });

const TEXT: Readonly<Record<AgentQualityId, { message: Localized; note: Localized }>> = {
  'reply.thanks': {
    message: L('Vous remerciez le client pour son retour.', 'You thank the client for the feedback.'),
    note: L(
      'Remercier montre que la réclamation est une information utile et non une attaque : le client se sent entendu.',
      'Thanking shows that the complaint is useful information, not an attack: the client feels heard.',
    ),
  },
  'reply.empathy': {
    message: L(
      'Vous reconnaissez ce que ressent ou vit le client.',
      "You acknowledge the client's feelings or situation.",
    ),
    note: L(
      "Reconnaître l'émotion ne veut pas dire donner raison : c'est ce qui permet ensuite de revenir aux faits.",
      'Acknowledging the emotion does not mean agreeing: it is what lets you move back to the facts.',
    ),
  },
  'reply.apology': {
    message: L(
      "Vous présentez des excuses pour ce qui n'a pas marché.",
      'You apologise for what went wrong.',
    ),
    note: L(
      "Une excuse sincère, sans « mais » qui la reprend, désamorce souvent la colère ; elle n'engage pas à tout accepter.",
      'A sincere apology, without a « but » that takes it back, often defuses anger; it does not commit you to accept everything.',
    ),
  },
  'reply.reformulation': {
    message: L(
      'Vous reformulez le problème pour vérifier votre compréhension.',
      'You restate the problem to check your understanding.',
    ),
    note: L(
      "Reformuler prouve que vous avez écouté jusqu'au bout et évite de résoudre le mauvais problème.",
      'Restating proves you listened to the end and avoids solving the wrong problem.',
    ),
  },
  'reply.clarifying_question': {
    message: L('Vous demandez des faits ou des précisions.', 'You ask for facts or details.'),
    note: L(
      "Les questions ramènent l'échange sur des faits concrets, là où une solution devient possible.",
      'Questions bring the exchange back to concrete facts, where a solution becomes possible.',
    ),
  },
  'reply.we_language': {
    message: L('Vous présentez la résolution comme un travail commun.', 'You frame the fix as shared work.'),
    note: L(
      'Passer au « nous », « ensemble », met le client et vous du même côté du problème, ce qui rassure un client inquiet.',
      'Moving to « we » and « together » puts you and the client on the same side of the problem, which reassures an anxious client.',
    ),
  },
  'reply.explanation': {
    message: L("Vous expliquez honnêtement comment c'est arrivé.", 'You explain honestly how it happened.'),
    note: L(
      "Une explication factuelle, sans se défausser, rend la suite crédible : l'honnêteté fait partie de la méthode.",
      'A factual explanation that does not pass the buck makes what follows credible: honesty is part of the method.',
    ),
  },
  'reply.solution': {
    message: L('Vous proposez un remède concret.', 'You offer a concrete remedy.'),
    note: L(
      'Une fois le problème compris, proposer des options concrètes fait passer de la plainte à la résolution.',
      'Once the problem is understood, concrete options move the exchange from complaint to resolution.',
    ),
  },
  'reply.next_steps': {
    message: L(
      "Vous fixez la suite : une date, ou une question pour obtenir l'accord du client.",
      "You set the next steps: a date, or a question asking for the client's agreement.",
    ),
    note: L(
      'Une étape datée et acceptée par le client transforme une promesse vague en engagement vérifiable.',
      'A dated step the client has agreed to turns a vague promise into a commitment that can be checked.',
    ),
  },
  'reply.boundary': {
    message: L(
      'Vous posez calmement une limite face aux propos abusifs.',
      'You calmly state that abusive language is not acceptable.',
    ),
    note: L(
      "Une limite calme et claire protège l'employé ; si les propos continuent, la méthode prévoit de mettre fin à l'échange et de passer la main au responsable.",
      'A calm, clear limit protects the employee; if the abuse continues, the method is to end the exchange and hand over to a supervisor.',
    ),
  },
};

function qualityRule(id: AgentQualityId): Rule {
  const meta: RuleMeta = { id, role: 'agent', severity: 1, ...TEXT[id] };
  return {
    meta,
    detect: (ctx: RuleContext): readonly Hit[] => toHits(ctx, qualityMatches(ctx, id)),
  };
}

export const replyRules: readonly Rule[] = QUALITY_IDS.map(qualityRule);

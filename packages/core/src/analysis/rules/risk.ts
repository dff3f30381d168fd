/**
 * Rules for the `risk.*` signals of an agent's reply (issue #2): what the method warns against —
 * defending oneself, blaming the client, promising what cannot be kept, minimising, contempt,
 * shouting. Every finding carries a concrete rewrite in `suggestions`, because a draft checker
 * that only says « risky » does not help the employee write a better reply.
 *
 * Phrase patterns live in data/{fr,en}/risk.json as groups (`kind` + patterns); the kind picks the
 * rewrite. Shouting is code: a fully capitalised word of 3+ letters that is not an acronym, or a
 * run of two or more ! or ? (corpus convention, same as the client's tone.shouting).
 */
import enRisk from '../../../data/en/risk.json' with { type: 'json' };
import frRisk from '../../../data/fr/risk.json' with { type: 'json' };
import type { AgentRiskId, Lang, Localized, Severity } from '../../types.ts';
import { isQuotedOrReported } from '../context.ts';
import { LastMemo } from '../last-memo.ts';
import { BANKS, type PatternBank, type PatternSet } from '../pattern-bank.ts';
import type { NormalizedMatch } from '../patterns.ts';
import type { Hit, Rule, RuleContext, RuleMeta } from '../rule.ts';
import { sortInPlace } from '../small-sort.ts';

interface RiskGroupData {
  readonly kind: string;
  readonly severity?: number;
  readonly patterns: readonly string[];
  readonly allow?: readonly string[];
}

interface RiskEntryData {
  readonly groups?: readonly RiskGroupData[];
  readonly acronymWords?: readonly string[];
  /** Short words (3-4 letters) that are shouted, not acronyms, when written in capitals alone. */
  readonly shoutWords?: readonly string[];
}

type RiskFileData = Readonly<Record<string, RiskEntryData>>;

interface CompiledGroup {
  readonly kind: string;
  readonly severity: Severity | undefined;
  readonly set: PatternSet;
}

/** A phrase risk found in the normalised text, with the group that found it. */
export interface RiskMatch extends NormalizedMatch {
  readonly kind: string;
  readonly severity: Severity | undefined;
}

type PhraseRiskId = Exclude<AgentRiskId, 'risk.shouting'>;
const PHRASE_RISKS: readonly PhraseRiskId[] = [
  'risk.defensive',
  'risk.blame',
  'risk.overpromise',
  'risk.dismissive',
  'risk.aggression',
];

function toSeverity(n: number | undefined): Severity | undefined {
  return n === 1 || n === 2 || n === 3 ? n : undefined;
}

interface CompiledRisks {
  readonly bank: PatternBank;
  readonly byId: ReadonlyMap<PhraseRiskId, readonly CompiledGroup[]>;
}

function compileRiskFile(file: RiskFileData, bank: PatternBank): CompiledRisks {
  const out = new Map<PhraseRiskId, CompiledGroup[]>();
  for (const id of PHRASE_RISKS) {
    const groups = file[id]?.groups ?? [];
    out.set(
      id,
      groups.map((g) => ({
        kind: g.kind,
        severity: toSeverity(g.severity),
        set: bank.add({ patterns: g.patterns, ...(g.allow ? { allow: g.allow } : {}) }),
      })),
    );
  }
  return { bank, byId: out };
}

const COMPILED: Readonly<Record<Lang, CompiledRisks>> = {
  fr: compileRiskFile(frRisk as RiskFileData, BANKS.fr),
  en: compileRiskFile(enRisk as RiskFileData, BANKS.en),
};

const SHOUT_WORDS: ReadonlySet<string> = new Set([
  ...((frRisk as RiskFileData)['risk.shouting']?.shoutWords ?? []),
  ...((enRisk as RiskFileData)['risk.shouting']?.shoutWords ?? []),
]);

const ACRONYMS: ReadonlySet<string> = new Set([
  ...((frRisk as RiskFileData)['risk.shouting']?.acronymWords ?? []),
  ...((enRisk as RiskFileData)['risk.shouting']?.acronymWords ?? []),
]);

/** What the agent rules compute once per analysed text. */
interface TextState {
  readonly risks: Map<PhraseRiskId, readonly RiskMatch[]>;
  /** False when the text holds no quote mark and no reporting word: nothing can be reported. */
  readonly mayReport: boolean;
  shouting: readonly { start: number; end: number }[] | undefined;
  /** Memo slots of reply.ts (phrase matches per quality and cue). */
  readonly replies: (readonly NormalizedMatch[] | undefined)[];
}

/**
 * Quote marks and the words the reported-speech frames of context.ts are built on. Without any
 * of them `isQuotedOrReported` is false everywhere, so the (costly) check is skipped.
 */
const REPORT_HINT =
  /(?<![a-z])(?:dit|dis|dire|ecrit|traite|appele|qualifie|insulte|lance|repondu|crie|hurle|explique|selon|d'apres|mot|mots|propos|termes|called|calls|call|calling|named|said|says|told|tells|wrote|writes|shouted|yelled|screamed|replied|answered|texted|emailed|word|words|according)/u;

/** Quote marks are checked with `includes` (native, fast); the words with one expression. */
function mayHoldReport(text: string): boolean {
  return text.includes('"') || text.includes('\u00ab') || text.includes('\u00bb') || REPORT_HINT.test(text);
}

const states = new LastMemo<object, TextState>();

/** The per-text state of the agent rules (memoised on the normalised text). */
export function textState(ctx: RuleContext): TextState {
  let state = states.get(ctx.normalized);
  if (!state) {
    state = {
      risks: new Map(),
      mayReport: mayHoldReport(ctx.normalized.text),
      shouting: undefined,
      replies: [],
    };
    states.set(ctx.normalized, state);
  }
  return state;
}

/** `isQuotedOrReported`, skipped when the text cannot hold reported speech. */
export function isReported(ctx: RuleContext, start: number, end: number): boolean {
  return textState(ctx).mayReport && isQuotedOrReported(ctx, start, end);
}

/**
 * The phrase risks of one kind in the text, in normalised offsets, quoted or reported words left
 * out. Memoised per analysed text: the reply rules ask for them too (an « excuse » followed by
 * « mais c'est la procédure » is defensive, not an apology).
 */
export function riskMatches(ctx: RuleContext, id: PhraseRiskId): readonly RiskMatch[] {
  const byId = textState(ctx).risks;
  const known = byId.get(id);
  if (known) return known;
  let found: RiskMatch[] | undefined;
  const { bank, byId: groups } = COMPILED[ctx.lang];
  for (const group of groups.get(id) ?? NO_GROUPS) {
    const matches = bank.match(group.set, ctx.normalized);
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i] as NormalizedMatch;
      if (isReported(ctx, m.start, m.end)) continue;
      if (found !== undefined && overlapsAny(found, m)) continue;
      found ??= [];
      found.push({ start: m.start, end: m.end, text: m.text, kind: group.kind, severity: group.severity });
    }
  }
  const sorted = found ? sortInPlace(found, byStart) : NO_RISKS;
  byId.set(id, sorted);
  return sorted;
}

function overlapsAny(found: readonly RiskMatch[], m: NormalizedMatch): boolean {
  for (let i = 0; i < found.length; i++) {
    const f = found[i] as RiskMatch;
    if (f.start < m.end && m.start < f.end) return true;
  }
  return false;
}

const NO_RISKS: readonly RiskMatch[] = Object.freeze([]);
const NO_GROUPS: readonly CompiledGroup[] = Object.freeze([]);
const byStart = (a: RiskMatch, b: RiskMatch): number => a.start - b.start;

const L = (fr: string, en: string): Localized => ({ fr, en });

/** Rewrites, by risk and by the kind of pattern that fired; `default` when a kind has none. */
const SUGGESTIONS: Readonly<Record<AgentRiskId, Readonly<Record<string, Localized>>>> = {
  'risk.defensive': {
    not_our_fault: L(
      "Remplacez « ce n'est pas de notre faute » par une explication honnête de ce qui s'est passé, suivie de ce que vous allez faire : « Voici ce qui s'est produit : … Je m'en occupe et je reviens vers vous d'ici [date]. »",
      "Replace « it's not our fault » with an honest account of what happened, followed by what you will do: « Here is what happened: … I'm handling it and will get back to you by [date]. »",
    ),
    policy: L(
      "Au lieu d'invoquer la procédure, expliquez la raison de la règle en une phrase et proposez ce qui reste possible : « Cette règle existe parce que … ; ce que je peux faire, c'est … »",
      'Instead of hiding behind the policy, give the reason for the rule in one sentence and offer what is still possible: « This rule exists because …; what I can do is … »',
    ),
    helpless: L(
      "Dites ce que vous pouvez faire plutôt que ce que vous ne pouvez pas : « Je ne peux pas … , en revanche je peux … d'ici [date]. Cela vous conviendrait-il ? »",
      "Say what you can do rather than what you cannot: « I can't …, but I can … by [date]. Would that work for you? »",
    ),
    everyone: L(
      'Ne ramenez pas le problème à « tout le monde » : reconnaissez la situation du client et dites ce que vous faites pour lui : « Je comprends que ce retard vous pénalise ; voici ce que je vous propose : … »',
      "Don't fold the problem into « everyone »: acknowledge this client's situation and say what you are doing for them: « I understand this delay is a problem for you; here is what I suggest: … »",
    ),
    default: L(
      'Reconnaissez le problème, expliquez honnêtement et dites ce que vous allez faire, avec une date.',
      'Acknowledge the problem, explain honestly and say what you will do, with a date.',
    ),
  },
  'risk.blame': {
    should_have: L(
      'Transformez « vous auriez dû » en un constat neutre des faits et une suite : « Les conditions prévoient … ; voici comment nous pouvons avancer : … »',
      'Turn « you should have » into a neutral statement of the facts and a way forward: « The terms provide that …; here is how we can move on: … »',
    ),
    your_fault: L(
      "Décrivez les faits sans désigner de coupable (« l'adresse enregistrée sur la commande est … ») et proposez la suite : « Je peux corriger l'adresse et relancer l'envoi aujourd'hui. »",
      'Describe the facts without pointing at anyone (« the address on the order is … ») and offer the next step: « I can correct the address and resend it today. »',
    ),
    default: L(
      'Remplacez le reproche par un constat neutre des faits, puis proposez une solution.',
      'Replace the reproach with a neutral statement of the facts, then offer a solution.',
    ),
  },
  'risk.overpromise': {
    guarantee: L(
      "Retirez la garantie et dites ce qui est réellement prévu, avec une date : « J'ai demandé … ; vous aurez un retour d'ici [date], et je vous tiens informé. »",
      "Remove the guarantee and state what is actually planned, with a date: « I have asked for …; you will hear back by [date], and I'll keep you posted. »",
    ),
    never_again: L(
      "Plutôt que « ça n'arrivera plus jamais », dites ce qui a été changé pour éviter que cela se reproduise : « Nous avons ajouté une vérification avant chaque envoi. »",
      'Rather than « this will never happen again », say what has been changed to prevent it: « We have added a check before every dispatch. »',
    ),
    default: L(
      "Ne promettez que ce que vous maîtrisez : décrivez l'étape prévue et sa date.",
      'Promise only what you control: describe the planned step and its date.',
    ),
  },
  'risk.dismissive': {
    calm_down: L(
      "Remplacez « calmez-vous » par une reconnaissance de l'émotion : « Je comprends que vous soyez en colère, et je suis là pour régler ce problème avec vous. »",
      "Replace « calm down » with an acknowledgement of the emotion: « I understand you're angry, and I'm here to sort this out with you. »",
    ),
    minimise: L(
      'Ne minimisez pas : reconnaissez ce que vit le client puis passez aux faits : « Je comprends que ce retard vous gêne ; voyons ensemble ce que je peux faire. »',
      "Don't play it down: acknowledge what the client is going through, then move to the facts: « I understand this delay is a problem for you; let's see together what I can do. »",
    ),
    default: L(
      "Reconnaissez l'émotion du client au lieu de la minimiser.",
      "Acknowledge the client's emotion instead of playing it down.",
    ),
  },
  'risk.aggression': {
    contempt: L(
      'Supprimez la remarque sur la personne et revenez aux faits : « Reprenons la facture ligne par ligne, je vous explique chaque montant. »',
      "Remove the remark about the person and go back to the facts: « Let's go through the invoice line by line; I'll explain each amount. »",
    ),
    go_away: L(
      "Au lieu d'inviter le client à partir, proposez une issue : « Je comprends votre insatisfaction ; voici ce que je peux vous proposer : … »",
      "Instead of inviting the client to leave, offer a way forward: « I understand you're not satisfied; here is what I can offer: … »",
    ),
    sarcasm: L(
      "Retirez l'ironie, qui humilie : reformulez sincèrement ce que dit le client et répondez sur le fond.",
      'Drop the sarcasm, which humiliates: restate sincerely what the client says and answer the substance.',
    ),
    threat: L(
      "Pas de menace : si le ton devient insultant, posez calmement une limite (« je ne peux pas accepter ces propos ; si cela continue, je mettrai fin à l'appel »).",
      "No threats: if the tone becomes abusive, set a calm limit (« I can't accept this language; if it continues, I will end the call »).",
    ),
    default: L(
      'Retirez la remarque blessante et répondez sur les faits.',
      'Remove the hurtful remark and answer on the facts.',
    ),
  },
  'risk.shouting': {
    default: L(
      "Réécrivez en minuscules, avec une ponctuation simple : « Je vous ai déjà répondu !!! » devient « Je reprends ma réponse pour qu'elle soit plus claire : … »",
      "Rewrite in lower case with plain punctuation: « I'VE ALREADY ANSWERED!!! » becomes « Let me go over my answer again so it's clearer: … »",
    ),
  },
};

function suggestionFor(id: AgentRiskId, kind: string): Localized {
  const byKind = SUGGESTIONS[id];
  return (byKind[kind] ?? byKind.default) as Localized;
}

const META: Readonly<Record<AgentRiskId, RuleMeta>> = {
  'risk.defensive': {
    id: 'risk.defensive',
    role: 'agent',
    severity: 2,
    message: L(
      'Réponse défensive : elle se justifie ou rejette toute responsabilité.',
      'Defensive reply: it justifies itself or denies any responsibility.',
    ),
    note: L(
      "La méthode demande d'écouter puis d'expliquer honnêtement : se défendre avant d'avoir reconnu le problème relance la colère du client.",
      'The method asks you to listen, then explain honestly: defending yourself before acknowledging the problem rekindles the client’s anger.',
    ),
  },
  'risk.blame': {
    id: 'risk.blame',
    role: 'agent',
    severity: 2,
    message: L('La réponse rejette la faute sur le client.', 'The reply blames the client.'),
    note: L(
      'Ne jamais accuser le client : il perd la face et se braque. Revenez aux faits de façon neutre et proposez une suite.',
      'Never blame the client: they lose face and dig in. State the facts neutrally and offer a next step.',
    ),
  },
  'risk.overpromise': {
    id: 'risk.overpromise',
    role: 'agent',
    severity: 2,
    message: L('Promesse ou garantie difficile à tenir.', 'A promise or guarantee that may not be kept.'),
    note: L(
      "Ne promettez rien que vous ne puissiez tenir : une promesse non tenue coûte plus cher que l'incident lui-même. Dites ce qui est prévu et quand.",
      'Promise nothing you cannot keep: a broken promise costs more than the incident itself. Say what is planned and when.',
    ),
  },
  'risk.dismissive': {
    id: 'risk.dismissive',
    role: 'agent',
    severity: 2,
    message: L(
      'La réponse minimise le problème ou ordonne au client de se calmer.',
      'The reply plays the problem down or tells the client to calm down.',
    ),
    note: L(
      "Laissez le client finir et reconnaissez son émotion : lui dire de se calmer ou que « ce n'est pas grave » nie ce qu'il vit et fait monter la tension.",
      'Let the client finish and acknowledge the emotion: telling them to calm down or that « it’s no big deal » denies what they feel and raises the tension.',
    ),
  },
  'risk.aggression': {
    id: 'risk.aggression',
    role: 'agent',
    severity: 2,
    message: L(
      'Ironie, mépris, insulte ou menace envers le client.',
      'Sarcasm, contempt, insult or threat towards the client.',
    ),
    note: L(
      "Garder son sang-froid, c'est ne jamais rendre coup pour coup : restez courtois et factuel ; si le client devient insultant, posez une limite calme au lieu de riposter.",
      'Keeping your composure means never hitting back: stay courteous and factual; if the client becomes abusive, set a calm limit instead of retaliating.',
    ),
  },
  'risk.shouting': {
    id: 'risk.shouting',
    role: 'agent',
    severity: 2,
    message: L(
      'Majuscules ou ponctuation répétée : la réponse se lit comme un cri.',
      'Capitals or repeated punctuation: the reply reads as shouting.',
    ),
    note: L(
      "À l'écrit, les majuscules et « !!! » sont perçus comme des cris : un ton posé aide le client à redescendre.",
      'In writing, capitals and « !!! » read as shouting: a calm tone helps the client come down.',
    ),
  },
};

function phraseRule(id: PhraseRiskId): Rule {
  const meta = META[id];
  return {
    meta,
    detect(ctx: RuleContext): Hit[] {
      const matches = riskMatches(ctx, id);
      const hits: Hit[] = [];
      for (const m of matches) {
        const { start, end } = ctx.span(m.start, m.end);
        hits.push({
          start,
          end,
          ...(m.severity !== undefined ? { severity: m.severity } : {}),
          suggestions: [suggestionFor(id, m.kind)],
        });
      }
      return hits;
    },
  };
}

/** Titles before a name written in capitals (« Madame DURAND »): the name is not shouting. */
const NAME_TITLE = /(?:^|[^\p{L}])(?:monsieur|madame|mademoiselle|m\.|mme|mlle|mr|mrs|ms|miss|dr|me)\s+$/iu;
/** A capitalised first name just before (« Julie MARTIN », « Jean-Pierre DURAND »)… */
const FIRST_NAME_BEFORE = /(?:^|[^\p{L}])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+$/u;
/** …and the name ends its line or is followed by a comma. */
const NAME_END_AFTER = /^(?:[ \t]*(?:\r?\n|$)|,)/;
const CAPS_WORD = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu;
const PUNCT_RUN = /[!?]{2,}/g;
const LOWER = /\p{Ll}/u;
const MARKS = /\p{M}/gu;

/** Two capitals in a row, or « !! », « ?? », « ?! »: the cheap test before the real one. */
function mayShout(text: string): boolean {
  let prevUpper = false;
  let prevMark = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    const mark = c === 33 || c === 63;
    if (mark && prevMark) return true;
    const upper =
      (c >= 65 && c <= 90) ||
      (c >= 0xc0 && c !== 0xd7 && c <= 0xde) ||
      (c > 0xff && text[k] !== text[k]?.toLowerCase());
    if (upper && prevUpper) return true;
    prevUpper = upper;
    prevMark = mark;
  }
  return false;
}

/** Spans of written shouting in the original text, memoised per analysed text. */
export function shoutingIn(ctx: RuleContext): readonly { start: number; end: number }[] {
  const state = textState(ctx);
  state.shouting ??= shoutingSpans(ctx.text);
  return state.shouting;
}

/** Spans of written shouting in the original text. */
export function shoutingSpans(text: string): { start: number; end: number }[] {
  if (!mayShout(text)) return [];
  const out: { start: number; end: number }[] = [];
  let group: { start: number; end: number; loud: boolean; words: number } | null = null;
  const flush = () => {
    if (group?.loud) out.push({ start: group.start, end: group.end });
    group = null;
  };
  for (const m of text.matchAll(CAPS_WORD)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    const before = text.slice(Math.max(0, start - 24), start);
    const isName =
      NAME_TITLE.test(before) ||
      (FIRST_NAME_BEFORE.test(before) && NAME_END_AFTER.test(text.slice(end, end + 4)));
    const plain = word.normalize('NFD').replace(MARKS, '');
    const isAcronym = ACRONYMS.has(plain) || isName;
    // a 3-4 letter word in capitals alone is read as an acronym (« VBA », « CRM ») unless it is a
    // word people shout (« NON », « STOP »); longer ones (« PROCÉDURE ») are shouting
    const loud = !isAcronym && word.length >= 3 && (word.length >= 5 || SHOUT_WORDS.has(plain));
    const counted = isAcronym ? 0 : 1;
    const current = group as { start: number; end: number; loud: boolean; words: number } | null;
    if (current && !LOWER.test(text.slice(current.end, start))) {
      current.end = end;
      current.words += counted;
      current.loud = current.loud || loud || current.words >= 3;
    } else {
      flush();
      group = { start, end, loud, words: counted };
    }
  }
  flush();
  for (const m of text.matchAll(PUNCT_RUN)) out.push({ start: m.index, end: m.index + m[0].length });
  return out.sort(spanByStart);
}

const spanByStart = (a: { start: number }, b: { start: number }): number => a.start - b.start;

const shoutingRule: Rule = {
  meta: META['risk.shouting'],
  detect(ctx: RuleContext): Hit[] {
    const spans = shoutingIn(ctx);
    if (spans.length === 0) return [];
    const suggestion = suggestionFor('risk.shouting', 'default');
    const hits: Hit[] = [];
    for (const s of spans) hits.push({ start: s.start, end: s.end, suggestions: [suggestion] });
    return hits;
  },
};

export const riskRules: readonly Rule[] = [...PHRASE_RISKS.map(phraseRule), shoutingRule];

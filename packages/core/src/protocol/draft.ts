/**
 * `draftReply(conversation, options)`: a reply in the client's language that follows the method
 * for the recommended action — thanks, empathy naming the client's situation, a reformulation
 * built from the client's own points, « nous », concrete options (only those the agent said they
 * can offer), next steps with a question asking for agreement, a calm limit, a professional
 * hand-over, a call-back proposal. Phrasings vary with a seed (deterministic, no Math.random),
 * and every draft is run through the real draft checker: a phrasing that the checker flags is
 * replaced by another, or dropped, so a draft never carries a risk.* finding.
 */
import { analyze as defaultAnalyze } from '../analysis/analyze.ts';
import type { ActionId, Channel, Conversation, Lang } from '../types.ts';
import type { MoveKey } from './draft-types.ts';
import { clientPoints } from './facts.ts';
import { type Formality, hashString, phrasesOf, renderPhrase, type Slots } from './phrases.ts';
import { type Recommendation, recommendFromState } from './recommend.ts';
import { type Analyzer, buildState, hasSignal, type ProtocolState } from './state.ts';

export type DraftChannel = 'email' | 'chat' | 'phone';

export interface DraftOptions {
  /** email (greeting and sign-off), chat (short), phone (a script with stage directions). */
  readonly channel?: DraftChannel;
  /** « vous » or « tu » in French; formal or informal register in English. */
  readonly formality?: Formality;
  readonly agentName?: string;
  readonly clientName?: string;
  /** Who takes over when escalating (« mon responsable » when absent). */
  readonly supervisorName?: string;
  /** What the agent can actually offer; the draft offers nothing else. */
  readonly offers?: readonly string[];
  /** Forces the action instead of the recommended one. */
  readonly action?: ActionId;
  /** Varies the phrasings; defaults to a hash of the conversation. */
  readonly seed?: string | number;
  readonly analyzer?: Analyzer;
}

export interface DraftMove {
  readonly move: MoveKey;
  readonly text: string;
  /** Stage direction for a phone script (not to be read out). */
  readonly isDirection?: boolean;
}

export interface Draft {
  readonly text: string;
  readonly action: ActionId;
  readonly lang: Lang;
  readonly channel: DraftChannel;
  readonly formality: Formality;
  readonly moves: readonly DraftMove[];
  readonly recommendation: Recommendation;
  /** Notes for the agent about what the draft could not do (no offers given, a move dropped…). */
  readonly notes: readonly string[];
}

const REQUEST_WORDS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  fr: {
    'request.refund': 'un remboursement',
    'request.discount': 'un geste commercial',
    'request.redo': 'que le travail soit repris',
    'request.cancel': 'mettre fin au contrat',
    'request.manager': 'parler à un responsable',
  },
  en: {
    'request.refund': 'a refund',
    'request.discount': 'a goodwill gesture',
    'request.redo': 'the work to be put right',
    'request.cancel': 'to end the contract',
    'request.manager': 'to speak to a manager',
  },
};

const FEELING_WORDS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  fr: { anger: 'agacement', disappointment: 'déception', anxiety: 'inquiétude', none: 'mécontentement' },
  en: { anger: 'frustration', disappointment: 'disappointment', anxiety: 'worry', none: 'frustration' },
};

function channelOf(state: ProtocolState, options: DraftOptions): DraftChannel {
  if (options.channel) return options.channel;
  const given: Channel | undefined = state.channel ?? state.lastClient?.channel;
  if (given === 'email') return 'email';
  if (given === 'phone' || given === 'in_person') return 'phone';
  return 'chat';
}

function joinList(items: readonly string[], lang: Lang, separator: string): string {
  const and = lang === 'fr' ? 'et' : 'and';
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]}${separator} ${and} ${items[1]}`;
  return `${items.slice(0, -1).join(`${separator} `)}${separator} ${and} ${items.at(-1)}`;
}

function orList(items: readonly string[], lang: Lang): string {
  const or = lang === 'fr' ? 'ou' : 'or';
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${or} ${items.at(-1)}`;
}

function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 5),
  );
}

/**
 * What the agent offered, when they offered one thing only (« je peux vous proposer un étalement
 * sur six mois » → « un étalement sur six mois »); nothing when there was a choice or no clear object.
 */
function singleOfferOf(state: ProtocolState): { text: string; isVerb: boolean } | undefined {
  const offer = [...state.agentTurnsBeforeLastClient]
    .reverse()
    .find((t) => state.concessions.some((c) => c.turn === t.index));
  if (!offer) return undefined;
  const m = offer.text.match(
    /(?:(?:proposer|propose|offrir|offre|accorder|accorde|offer you|offer|give you)\s+(de\s+|d['’]|to\s+)?|(happy to\s+))([^.!?;]{5,90})/iu,
  );
  // « je vous propose de corriger… » names an action, « je vous propose un étalement » a thing
  const isVerb = m?.[1] !== undefined || m?.[2] !== undefined;
  const object = m?.[3]?.trim();
  if (!object) return undefined;
  const addressed = /(?<![\p{L}])(?:vous|votre|vos|tu|te|ton|ta|tes|you|your)(?![\p{L}])/iu;
  if (/(?<![\p{L}])(?:soit|ou|either|or)(?![\p{L}])/iu.test(object)) {
    // several options: the one the client picked up in their answer (« la visio demain, ça me va »)
    const said = contentWords(state.lastClient?.text ?? '');
    const options = object
      .split(/,?\s*(?<![\p{L}])(?:soit|ou|either|or)(?![\p{L}])\s*/iu)
      .map((o) => o.trim().replace(/[,\s]+$/u, ''))
      .filter((o) => o.length >= 4);
    const picked = options.filter((o) => [...contentWords(o)].some((w) => said.has(w)));
    const only = picked.length === 1 ? picked[0] : undefined;
    return only && !addressed.test(only) ? { text: only, isVerb } : undefined;
  }
  if (addressed.test(object)) return undefined;
  return { text: object.replace(/[,\s]+$/u, ''), isVerb };
}

/**
 * The terms already on the table, in the agent's own words: the clause of the agent's offer,
 * preferring one with a figure (« une remise de 20 % »), the earliest otherwise (the original terms).
 */
function concessionClause(state: ProtocolState): string | undefined {
  const clauses: string[] = [];
  for (const c of state.concessions) {
    const turn = state.turns[c.turn];
    if (!turn) continue;
    const cue = turn.cues.hits.find((h) => h.kind === 'offer');
    const solution = turn.analysis.findings.find((f) => f.id === 'reply.solution');
    const at = Math.min(cue?.start ?? Number.POSITIVE_INFINITY, solution?.start ?? Number.POSITIVE_INFINITY);
    if (!Number.isFinite(at)) continue;
    const rest = turn.text.slice(at);
    const stop = rest.search(/[.!?\n;]/);
    const clause = (stop < 0 ? rest : rest.slice(0, stop)).trim();
    if (clause.split(/\s+/).length >= 4 && clause.length <= 160) clauses.push(clause);
  }
  const chosen = clauses.find((c) => /\d/.test(c)) ?? clauses[0];
  if (!chosen) return undefined;
  const lowered = /^(?:I|I'm|I've|I'll|I'd)(?![\p{L}])/u.test(chosen)
    ? chosen
    : chosen.charAt(0).toLowerCase() + chosen.slice(1);
  return `${lowered.replace(/[\s,;:]+$/u, '')}.`;
}

function slotsFor(state: ProtocolState, options: DraftOptions, formality: Formality): Slots {
  const lang = state.lang;
  const { points, requests, situation } = clientPoints(state, 3, formality);
  const offers = (options.offers ?? []).map((o) => o.trim()).filter(Boolean);
  const last = state.lastClient;
  const feeling = hasSignal(last, 'emotion.anxiety')
    ? 'anxiety'
    : hasSignal(last, 'emotion.disappointment')
      ? 'disappointment'
      : hasSignal(last, 'emotion.anger')
        ? 'anger'
        : 'none';
  let choice: string | undefined;
  if (last && offers.length > 0) {
    const said = contentWords(last.text);
    choice = offers.find((o) => [...contentWords(o)].some((w) => said.has(w)));
    if (!choice && offers.length === 1) choice = offers[0];
  }
  const single = choice ? undefined : singleOfferOf(state);
  if (single && !single.isVerb) choice = single.text;
  const choiceVerb = single?.isVerb ? single.text : undefined;
  // the agent's own words are quoted only if they speak to the client in the draft's register
  const quoted = concessionClause(state);
  const otherRegister =
    lang === 'fr' && formality === 'tu'
      ? /(?<![\p{L}])(?:vous|votre|vos)(?![\p{L}])/iu
      : lang === 'fr'
        ? /(?<![\p{L}])(?:tu|te|t['’]|ton|ta|tes|toi)(?![\p{L}])/iu
        : null;
  const concession = quoted && !(otherRegister?.test(quoted) ?? false) ? quoted : undefined;
  const request = requests.map((id) => REQUEST_WORDS[lang][id]).find((w) => w !== undefined);
  const slots: Record<string, string> = {
    feeling: FEELING_WORDS[lang][feeling] as string,
    points: joinList(points, lang, ' ;'.trim() === ';' && lang === 'fr' ? ' ;' : ';'),
  };
  if (situation) slots.situation = situation;
  if (request) slots.request = request;
  if (offers[0]) slots.offer1 = offers[0];
  if (offers[1]) slots.offer2 = offers[1];
  if (offers.length > 0) slots.offers = orList(offers, lang);
  if (choice) slots.choice = choice;
  if (choiceVerb) slots.choiceVerb = choiceVerb;
  if (concession) slots.concession = concession;
  if (options.clientName) slots.client = options.clientName;
  if (options.agentName) slots.agent = options.agentName;
  if (options.supervisorName) slots.supervisor = options.supervisorName;
  if (points.length === 0) delete slots.points;
  return slots;
}

/** The moves of the reply for an action, in order (alternatives: the first that renders wins). */
function planFor(action: ActionId, state: ProtocolState, channel: DraftChannel, slots: Slots): MoveKey[][] {
  const last = state.lastClient;
  const angry =
    hasSignal(last, 'emotion.anger') ||
    hasSignal(last, 'tone.shouting') ||
    hasSignal(last, 'emotion.disappointment');
  const offers = [slots.offer1, slots.offer2].filter(Boolean).length;
  const manyOffers = slots.offers !== undefined && slots.offers.split(',').length >= 2;
  const optionMove: MoveKey = manyOffers
    ? 'optionsMany'
    : offers >= 2
      ? 'optionsTwo'
      : offers === 1
        ? 'optionsOne'
        : 'optionsNone';
  const lostComposure =
    hasSignal(state.lastAgent, 'risk.shouting') ||
    hasSignal(state.lastAgent, 'risk.aggression') ||
    (state.lastAgent?.cues.shape.capsWords ?? 0) >= 3;
  const complex =
    (state.lastClient?.cues.has('counted') ?? false) || (slots.points?.split(';').length ?? 0) >= 2;
  switch (action) {
    case 'listen':
      if (channel === 'email') return [['listenEmail']];
      if (channel === 'phone') return [['phoneOpen'], ['listen'], ['listenPhoneNote']];
      return [['listen']];
    case 'acknowledge':
      return [['thanks'], ['empathySituation', 'empathy'], ['validate'], ['weNext']];
    case 'reformulate':
      return [
        ['thanks'],
        ['reformulate', 'reformulateNoPoints'],
        ...(slots.request ? [['requestRestated'] as MoveKey[]] : []),
        ...(slots.points ? [['checkUnderstanding'] as MoveKey[]] : []),
        ...(complex && slots.points ? [['whereToStart'] as MoveKey[]] : []),
      ];
    case 'clarify': {
      const deflection = hasSignal(last, 'tactic.question_deflection');
      const vague = last?.cues.has('vague') ?? false;
      return [
        ['empathyShort'],
        ...(deflection ? [['clarifyDeflection'] as MoveKey[]] : []),
        [vague ? 'clarifyVague' : 'clarifyGeneral'],
      ];
    }
    case 'reassure':
      return [
        ['reassureWorry'],
        ['reassureWe'],
        [slots.offers ? 'reassureOffer' : 'reassureNoOffer'],
        ['urgentQuestion'],
      ];
    case 'propose_solution':
      return [
        ['confirmUnderstood'],
        ...(angry ? [['apology'] as MoveKey[]] : []),
        optionMove === 'optionsNone' ? ['optionsNoneRequest', 'optionsNone'] : [optionMove, 'optionsNone'],
        ...(optionMove === 'optionsNone' ? [] : [['agreementQuestion'] as MoveKey[]]),
      ];
    case 'agree_next_steps':
      return [['agreed', 'agreedVerb', 'agreedGeneric'], ['steps'], ['dateQuestion']];
    case 'close_and_thank':
      return [
        ...(last?.cues.has('resolved') ? [['closeGlad'] as MoveKey[]] : []),
        ['closeThanks'],
        ['closeDoor'],
      ];
    case 'set_boundary':
      return [...(angry ? [['empathyShort'] as MoveKey[]] : []), ['boundary'], ['boundaryContinue']];
    case 'end_and_escalate':
      return [
        [
          hasSignal(last, 'abuse.threat')
            ? 'endThreat'
            : state.boundary.isSet
              ? 'endAfterLimit'
              : 'endGeneric',
          'endGeneric',
        ],
        ['handover', 'handoverGeneric'],
        ['goodbye'],
      ];
    case 'escalate_legal':
      return [['legalNoted'], ['legalHandover', 'legalHandoverGeneric'], ['legalDocuments']];
    case 'hold_concessions':
      return [['empathyShort'], ['holdTerms', 'holdTermsGeneric'], ['holdNoMore'], ['holdQuestion']];
    case 'pause_and_call_back':
      return [
        ...(lostComposure ? [['ownSlip'] as MoveKey[]] : []),
        ['pause'],
        [channel === 'phone' ? 'callBackPhone' : 'callBackWritten'],
      ];
  }
}

interface Slot {
  readonly alternatives: readonly MoveKey[];
  /** Candidate renderings in preference order: [move, text]. */
  readonly candidates: readonly (readonly [MoveKey, string])[];
  cursor: number;
}

function candidatesFor(
  alternatives: readonly MoveKey[],
  lang: Lang,
  formality: Formality,
  slots: Slots,
  seed: string,
): [MoveKey, string][] {
  const out: [MoveKey, string][] = [];
  for (const move of alternatives) {
    const variants = phrasesOf(lang, move);
    const start = variants.length > 0 ? hashString(`${seed}:${move}`) % variants.length : 0;
    for (let k = 0; k < variants.length; k++) {
      const text = renderPhrase(variants[(start + k) % variants.length] as string, formality, slots);
      if (text !== null) out.push([move, text]);
    }
  }
  return out;
}

const DIRECTIONS = new Set<MoveKey>(['phoneOpen', 'listenPhoneNote']);

function assemble(
  moves: readonly DraftMove[],
  channel: DraftChannel,
  greeting: string | null,
  signoff: string | null,
): { text: string; spans: { index: number; start: number; end: number }[] } {
  const spans: { index: number; start: number; end: number }[] = [];
  let text = '';
  const add = (s: string, index: number) => {
    spans.push({ index, start: text.length, end: text.length + s.length });
    text += s;
  };
  if (channel === 'phone') {
    moves.forEach((m, i) => {
      if (text) text += '\n';
      if (!m.isDirection) text += '— ';
      add(m.text, i);
    });
    return { text, spans };
  }
  if (greeting) text += `${greeting}\n\n`;
  moves.forEach((m, i) => {
    if (i > 0) text += ' ';
    add(m.text, i);
  });
  if (signoff) text += `\n\n${signoff}`;
  return { text, spans };
}

/** Writes the reply for the recommended action (or `options.action`). Deterministic for a seed. */
export function draftReply(conversation: Conversation, options: DraftOptions = {}): Draft {
  const analyzer = options.analyzer ?? defaultAnalyze;
  const state = buildState(conversation, { analyzer });
  const recommendation = recommendFromState(state);
  const action = options.action ?? recommendation.action;
  const lang = state.lang;
  const channel = channelOf(state, options);
  const seed = String(
    options.seed ?? hashString(conversation.turns.map((t) => `${t.role}:${t.text}`).join('\n')),
  );
  const formality: Formality = options.formality ?? 'vous';
  const slots = slotsFor(state, options, formality);
  const notes: string[] = [];

  const plan: Slot[] = planFor(action, state, channel, slots).map((alternatives) => ({
    alternatives,
    candidates: candidatesFor(alternatives, lang, formality, slots, seed),
    cursor: 0,
  }));
  const pickOne = (move: MoveKey): string | null =>
    candidatesFor([move], lang, formality, slots, seed)[0]?.[1] ?? null;
  // a greeting uses the client's name whenever it is known
  const greet = (move: MoveKey): string | null => {
    const all = candidatesFor([move], lang, formality, slots, seed).map(([, t]) => t);
    const named = options.clientName ? all.find((t) => t.includes(options.clientName as string)) : undefined;
    return named ?? all.find((t) => !options.clientName || !t.includes(options.clientName)) ?? null;
  };
  const greeting =
    channel === 'email'
      ? greet('greetingEmail')
      : channel === 'chat' && state.turns.every((t) => t.role === 'client')
        ? greet('greetingChat')
        : null;
  const signoff = channel === 'email' ? (pickOne('signoffEmail') ?? pickOne('signoffEmailNoName')) : null;

  // the safety loop: any phrasing the checker flags is replaced by the next one, or dropped
  let draft = { text: '', moves: [] as DraftMove[] };
  const budget = plan.reduce((n, s) => n + s.candidates.length, 0) + 1;
  for (let round = 0; round <= budget; round++) {
    const moves: DraftMove[] = [];
    const owners: number[] = [];
    plan.forEach((slot, i) => {
      const chosen = slot.candidates[slot.cursor];
      if (!chosen) return;
      moves.push({
        move: chosen[0],
        text: chosen[1],
        ...(DIRECTIONS.has(chosen[0]) ? { isDirection: true } : {}),
      });
      owners.push(i);
    });
    const { text, spans } = assemble(moves, channel, greeting, signoff);
    draft = { text, moves };
    const risks = analyzer(text, { role: 'agent', lang }).findings.filter((f) => f.id.startsWith('risk.'));
    if (risks.length === 0) break;
    let moved = false;
    for (const risk of risks) {
      const span = spans.find((s) => s.start < Math.max(risk.end, risk.start + 1) && risk.start < s.end);
      const owner = span ? owners[span.index] : undefined;
      const slot = owner !== undefined ? plan[owner] : undefined;
      if (slot && slot.cursor < slot.candidates.length) {
        slot.cursor++;
        moved = true;
        if (slot.cursor >= slot.candidates.length)
          notes.push(
            lang === 'fr'
              ? `Passage retiré : ${slot.alternatives[0]}`
              : `Move dropped: ${slot.alternatives[0]}`,
          );
      }
    }
    if (!moved) {
      // a risk outside any move (greeting or sign-off): send the body alone
      draft = { text: assemble(moves, channel, null, null).text, moves };
      break;
    }
  }
  if (!slots.offers && (action === 'propose_solution' || action === 'reassure')) {
    notes.push(
      lang === 'fr'
        ? 'Aucune offre indiquée : le brouillon ne promet rien et demande ce qui serait juste. Ajoutez ce que vous pouvez réellement proposer (--offer).'
        : 'No offer given: the draft promises nothing and asks what would be fair. Add what you can actually offer (--offer).',
    );
  }
  return { text: draft.text, action, lang, channel, formality, moves: draft.moves, recommendation, notes };
}

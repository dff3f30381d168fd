/**
 * The method's decision rules, as data: each rule names the action it recommends, cites the step
 * of the method it implements, and says when it applies (returning the evidence it relied on).
 * `recommend` takes the first rule that applies, in this order — the order of the method itself:
 * safety first (violence, abuse, a limit already set), then pressure (legal, leverage), then the
 * agent's own state, then the client's anxiety, and only then the listening path from venting to
 * closing (dev corpus README, « Conversation actions, first rule that applies »).
 */
import { sliceCodeUnits } from '../text/truncate.ts';
import type { ActionId, Analysis, Finding, Lang, Localized, SignalId } from '../types.ts';
import {
  type Evidence,
  hasPrefix,
  hasSignal,
  makesOffer,
  type ProtocolState,
  setsLimit,
  type TurnView,
  usesLeverage,
} from './state.ts';

export interface ProtocolRule {
  readonly id: string;
  readonly action: ActionId;
  /** The step of the method this rule implements. */
  readonly method: Localized;
  /** The evidence the rule relies on when it applies, or null. */
  applies(state: ProtocolState): readonly Evidence[] | null;
}

const EMOTION_IDS: readonly SignalId[] = ['emotion.anger', 'emotion.disappointment', 'tone.shouting'];

/** The shared answer when a turn holds none of the signals asked for (most rules, most turns). */
const NO_EVIDENCE: readonly Evidence[] = Object.freeze([]);

/*
 * The rules run before every reply of every conversation, so their predicates are functions of
 * this module rather than arrows written in place: an arrow is a new function at each call,
 * whose compiled code the engine drops at its next collection and compiles again (measured on
 * the import: 734 recompilations of this module's arrows in a million messages).
 */

/** The first finding of each signal of `t` that `predicate` accepts, in the turn's order. */
function signalEvidence(t: TurnView, predicate: (id: string) => boolean): readonly Evidence[] {
  let out: Evidence[] | undefined;
  const findings = t.analysis.findings;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    if (!predicate(f.id) || (out !== undefined && holdsId(out, f.id))) continue;
    out ??= [];
    out.push({ turn: t.index, id: f.id, evidence: f.evidence });
  }
  return out ?? NO_EVIDENCE;
}

function holdsId(evidence: readonly Evidence[], id: string): boolean {
  for (let i = 0; i < evidence.length; i++) if ((evidence[i] as Evidence).id === id) return true;
  return false;
}

const isThreat = (id: string) => id === 'abuse.threat';
const isAbuse = (id: string) => id.startsWith('abuse.');
const isBoundary = (id: string) => id === 'reply.boundary';
const isLegal = (id: string) => id === 'pressure.legal';
const isAnxiety = (id: string) => id === 'emotion.anxiety';
const isEmotion = (id: string) => (EMOTION_IDS as readonly string[]).includes(id);
const isFeeling = (id: string) => id.startsWith('emotion.') || id === 'tone.shouting';
const isRemedyRequest = (id: string) => id.startsWith('request.') && id !== 'request.manager';
const isAggression = (id: string) => id === 'risk.aggression';
const isAggressionOrShouting = (id: string) => id === 'risk.aggression' || id === 'risk.shouting';
const isLeverage = (id: string) =>
  id.startsWith('pressure.') || id.startsWith('tactic.') || (CALM_LEVERAGE as readonly string[]).includes(id);
const isVague = (id: string) =>
  id === 'claim.generalization' ||
  id.startsWith('tactic.') ||
  id === 'pressure.power' ||
  id === 'pressure.reputation';

function cueEvidence(t: TurnView, kind: string): Evidence[] {
  const hits = t.cues.hits;
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i] as (typeof hits)[number];
    if (hit.kind === kind) return [{ turn: t.index, id: `cue.${kind}`, evidence: hit.evidence }];
  }
  return [];
}

const nonEmpty = (list: readonly Evidence[]): readonly Evidence[] | null => (list.length > 0 ? list : null);

function isEmotional(t: TurnView): boolean {
  for (let i = 0; i < EMOTION_IDS.length; i++) if (hasSignal(t, EMOTION_IDS[i] as SignalId)) return true;
  return t.analysis.scores.anger >= 0.5;
}

/** The agent turns before `t` were only greetings or invitations to go on (nothing substantive yet). */
function onlyListenedSoFar(state: ProtocolState, t: TurnView): boolean {
  let firstClient: TurnView | undefined;
  for (const x of state.turns) {
    if (x.index >= t.index || x.role !== 'client') continue;
    firstClient ??= x;
    if (!isEmotional(x)) return false;
  }
  if (firstClient === undefined) return true;
  for (const a of state.turns) {
    if (a.index >= t.index || a.role !== 'agent') continue;
    const onlyListening = a.cues.has('listening') && a.cues.shape.questions === 0 && !makesOffer(a);
    if (!onlyListening && a.index > firstClient.index) return false;
  }
  return true;
}

/** A client account with several points to untangle. */
const PROBLEM_CLAUSE: Readonly<Record<Lang, RegExp>> = {
  fr: /(?<![\p{L}])(?:ne|n['’]|plus|aucun|aucune|toujours pas|sans|manqu\p{L}*|fuit|fuite|cass\p{L}*|bloqu\p{L}*|ab[iî]m\p{L}*|endommag\p{L}*|ray[ée]\p{L}*|retard|panne|erreur|double)(?![\p{L}])/iu,
  en: /\b(?:not|no longer|never|still|without|broken|damaged|faulty|late|leak\w*|stuck|error|wrong|missing|twice|failed|fails)\b|n't\b/iu,
};

/**
 * A followed conversation asks about the same client turn before each reply: its complaint count
 * is kept, by the turn's analysis (a turn keeps it when a sliding window renumbers the turn).
 */
const PROBLEM_CLAUSES = new WeakMap<Analysis, number>();

/** Distinct complaints in one turn (« le chauffage ne marche plus, la fenêtre ferme mal et il y a une fuite »). */
function countProblemClauses(t: TurnView): number {
  let n = PROBLEM_CLAUSES.get(t.analysis);
  if (n === undefined) {
    n = countProblemClausesOf(t);
    PROBLEM_CLAUSES.set(t.analysis, n);
  }
  return n;
}

/** Where a turn's text is cut into clauses. */
const CLAUSE_CUT = /[,;:.!?\n]+|\s+(?:et|mais|and|but)\s+/gu;
const TACTIC_LIKE = /^(?:claim|tactic|abuse|pressure)\./;

/** Words of text[start, end): runs of non-spaces, counted without splitting. */
function wordsIn(text: string, start: number, end: number): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && /\s/u.test(text[i] as string));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

function countProblemClausesOf(t: TurnView): number {
  return problemClauses(t.text, t.analysis.lang, t.analysis.findings);
}

/**
 * Clauses of `text` (cut at punctuation and at « et », « mais », "and", "but") of four words or
 * more that state a problem, none overlapping a claim, tactic, abuse or pressure finding.
 */
export function problemClauses(text: string, lang: Lang, findings: readonly Finding[]): number {
  const problem = PROBLEM_CLAUSE[lang];
  let n = 0;
  let start = 0;
  CLAUSE_CUT.lastIndex = 0;
  for (;;) {
    const cut = CLAUSE_CUT.exec(text);
    const end = cut ? cut.index : text.length;
    if (wordsIn(text, start, end) >= 4 && problem.test(text.slice(start, end))) {
      if (!overlapsTactic(findings, start, end)) n++;
    }
    if (!cut) return n;
    start = cut.index + cut[0].length;
  }
}

/** A claim, tactic, abuse or pressure finding overlaps [start, end). */
function overlapsTactic(findings: readonly Finding[], start: number, end: number): boolean {
  for (const f of findings) if (TACTIC_LIKE.test(f.id) && f.start < end && start < f.end) return true;
  return false;
}

function isComplex(t: TurnView): boolean {
  const s = t.cues.shape;
  let confusion = 0;
  for (const h of t.cues.hits) if (h.kind === 'confusion') confusion++;
  return (
    t.cues.has('counted') ||
    s.listItems >= 3 ||
    (confusion >= 1 && s.sentences >= 3) ||
    (confusion >= 2 && s.words >= 25) ||
    countProblemClauses(t) >= 3
  );
}

/** The agent's last turn before the client's answer asked something (a question or a restatement). */
function agentAsked(state: ProtocolState): TurnView | null {
  const agents = state.agentTurnsBeforeLastClient;
  for (let i = agents.length - 1; i >= 0; i--) {
    const a = agents[i] as TurnView;
    if (
      a.cues.shape.questions > 0 ||
      hasSignal(a, 'reply.clarifying_question') ||
      hasSignal(a, 'reply.reformulation')
    )
      return a;
  }
  return null;
}

const STOP_WORDS = new Set(
  'alors avec aussi avoir cette celle celui dans elle etre faire leur mais meme nous notre plus pour quand sans tout tres vous votre vraiment about after also been from have just like more only really some that them then there this very what when will with would your yours'.split(
    ' ',
  ),
);

function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  const all = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u);
  for (const w of all) if ((w.length >= 4 || /^\d+$/.test(w)) && !STOP_WORDS.has(w)) words.add(w);
  return words;
}

/** A short, non-negative reply that picks up words of the agent's offer is a choice (« le 26 alors »). */
function choiceOf(client: TurnView, offer: TurnView): string | null {
  if (client.cues.shape.words > 15 || isEmotional(client) || hasPrefix(client, 'abuse.')) return null;
  const refusal =
    /(?<![\p{L}])(?:non|pas|jamais|impossible|refuse|inacceptable|blague|seulement|s[ée]rieusement|no|not|never|cannot|unacceptable|joke|only|seriously)(?![\p{L}])|n['’]t(?![\p{L}])/iu;
  if (refusal.test(client.text)) return null;
  if (client.cues.shape.questions > 0 && !client.cues.has('logistics')) return null;
  const offered = contentWords(offer.text);
  const shared: string[] = [];
  for (const w of contentWords(client.text)) if (offered.has(w)) shared.push(w);
  return shared.length > 0 ? shared.join(' ') : null;
}

function offerOnTable(state: ProtocolState): TurnView | null {
  const agents = state.agentTurnsBeforeLastClient;
  for (let i = agents.length - 1; i >= 0; i--)
    if (makesOffer(agents[i] as TurnView)) return agents[i] as TurnView;
  return null;
}

/** The first agent turn before `last` that set a limit on language. */
function firstLimitBefore(s: ProtocolState, last: TurnView): TurnView | undefined {
  for (const t of s.turns) if (t.index < last.index && setsLimit(t)) return t;
  return undefined;
}

function hasAnySignal(t: TurnView, ids: readonly SignalId[]): boolean {
  for (let i = 0; i < ids.length; i++) if (hasSignal(t, ids[i] as SignalId)) return true;
  return false;
}

/** A threat to leave used as leverage: « sinon je résilie », "or I'm cancelling". */
const CALM_LEVERAGE: readonly SignalId[] = ['request.cancel'];
const CONDITIONAL = /(?<![\p{L}])(?:sinon|si|faute de|à moins|otherwise|or else|unless|if|or)(?![\p{L}])/iu;

export const PROTOCOL_RULES: readonly ProtocolRule[] = [
  {
    id: 'threat-of-violence',
    action: 'end_and_escalate',
    method: {
      fr: 'Ne tolérez aucune violence : mettez fin à l’échange de façon professionnelle et passez la main au responsable.',
      en: 'Tolerate no violence: end the exchange professionally and hand over to a supervisor.',
    },
    applies: (s) => (s.lastClient ? nonEmpty(signalEvidence(s.lastClient, isThreat)) : null),
  },
  {
    id: 'abuse-after-limit',
    action: 'end_and_escalate',
    method: {
      fr: 'Si le client persiste après une limite posée calmement, cessez de le servir et avisez votre supérieur.',
      en: 'If the client keeps on after a calm limit, stop serving them and bring in your supervisor.',
    },
    applies: (s) => {
      const last = s.lastClient;
      if (!last || !hasPrefix(last, 'abuse.')) return null;
      const limit = firstLimitBefore(s, last);
      if (!limit) return null;
      return [
        ...signalEvidence(last, isAbuse),
        ...cueEvidence(limit, 'boundary'),
        ...signalEvidence(limit, isBoundary),
      ];
    },
  },
  {
    id: 'first-abuse',
    action: 'set_boundary',
    method: {
      fr: 'Ne laissez pas passer un propos blessant : dites calmement que ce langage n’est pas acceptable, et restez disponible pour aider.',
      en: 'Never let abuse pass: say calmly that this language is not acceptable, and stay available to help.',
    },
    applies: (s) => (s.lastClient ? nonEmpty(signalEvidence(s.lastClient, isAbuse)) : null),
  },
  {
    id: 'legal-pressure',
    action: 'escalate_legal',
    method: {
      fr: 'Face à une menace juridique, restez factuel, ne promettez rien et impliquez le responsable ou le service juridique.',
      en: 'Under legal pressure, stay factual, promise nothing and involve the manager or the legal function.',
    },
    applies: (s) => (s.lastClient ? nonEmpty(signalEvidence(s.lastClient, isLegal)) : null),
  },
  {
    id: 'leverage-after-concession',
    action: 'hold_concessions',
    method: {
      fr: 'Face à un client qui abuse de son poids ou de la mauvaise foi : plus aucune concession, cartes sur table, retour aux termes de départ.',
      en: 'When a client leans on their weight or bad faith: no further concessions, cards on the table, back to the original terms.',
    },
    applies: (s) => {
      const last = s.lastClient;
      if (!last) return null;
      let conceded = false;
      let deflections = 0;
      let repeated = false; // an earlier client turn leaned on the same weight
      for (const t of s.turns) {
        const deflects = t.role === 'client' && hasSignal(t, 'tactic.question_deflection');
        if (deflects) deflections++;
        if (t.index >= last.index) continue;
        if (makesOffer(t)) conceded = true;
        if (t.role === 'client' && (deflects || usesLeverage(t))) repeated = true;
      }
      const leverageNow =
        usesLeverage(last) ||
        (deflections >= 2 && hasSignal(last, 'tactic.question_deflection')) ||
        (conceded && hasAnySignal(last, CALM_LEVERAGE) && CONDITIONAL.test(last.text));
      if (!leverageNow) return null;
      if (!conceded && !repeated) return null;
      return signalEvidence(last, isLeverage);
    },
  },
  {
    id: 'agent-overwhelmed',
    action: 'pause_and_call_back',
    method: {
      fr: 'Si vous vous sentez débordé, dites-le et proposez de rappeler : reprendre son souffle vaut mieux qu’une réponse précipitée.',
      en: 'If you feel overwhelmed, say so and offer to call back: catching your breath beats a rushed answer.',
    },
    applies: (s) => {
      const agent = s.lastAgent;
      if (!agent) return null;
      // one capitalised word may be an acronym (« VBA »): shouting counts when it is sustained
      const sustained = agent.cues.shape.capsWords >= 2 || /[!?]{2,}/.test(agent.text);
      const lostComposure = signalEvidence(agent, sustained ? isAggressionOrShouting : isAggression);
      if (lostComposure.length > 0) return lostComposure;
      if (agent.cues.shape.capsWords >= 3)
        return [{ turn: agent.index, id: 'cue.shouting', evidence: agent.text }];
      const overwhelmed = cueEvidence(agent, 'overwhelmed');
      if (overwhelmed.length > 0) return overwhelmed;
      return null;
    },
  },
  {
    id: 'anxious-client',
    action: 'reassure',
    method: {
      fr: 'Un client angoissé a d’abord besoin d’être rassuré : montrez que vous prenez la situation en main et passez au « nous ».',
      en: 'An anxious client first needs reassurance: show you are taking it in hand, and move to “we”.',
    },
    applies: (s) => {
      const last = s.lastClient;
      if (!last) return null;
      const found = signalEvidence(last, isAnxiety);
      if (found.length > 0) return found;
      return last.analysis.scores.anxiety >= 0.5
        ? [{ turn: last.index, id: 'score.anxiety', evidence: '' }]
        : null;
    },
  },
  {
    id: 'still-venting',
    action: 'listen',
    method: {
      fr: 'Écoutez jusqu’au bout, laissez le client vider son sac : inutile de se défendre à ce stade.',
      en: 'Listen to the end and let the client get it all out: no point defending yourself at this stage.',
    },
    applies: (s) => {
      const last = s.lastClient;
      if (!last || last.cues.has('finished') || !isEmotional(last) || !onlyListenedSoFar(s, last))
        return null;
      // disappointment with no anger is a client who has said their piece, not one still venting
      const calmSadness =
        !hasSignal(last, 'emotion.anger') &&
        !hasSignal(last, 'tone.shouting') &&
        last.analysis.scores.anger < 0.5;
      if (calmSadness) return null;
      return signalEvidence(last, isEmotion);
    },
  },
  {
    id: 'feelings-once-finished',
    action: 'acknowledge',
    method: {
      fr: 'Quand le client a fini, remerciez-le et montrez de l’empathie : nommez ce qu’il vit avant toute explication.',
      en: 'Once the client has finished, thank them and show empathy: name what they are going through before any explanation.',
    },
    applies: (s) => {
      const last = s.lastClient;
      if (!last) return null;
      const finished = cueEvidence(last, 'finished');
      // the client was invited to go on and now says they are done: acknowledge, feelings named or not
      let listened = false;
      for (const a of s.agentTurnsBeforeLastClient) if (a.cues.has('listening')) listened = true;
      if (
        finished.length > 0 &&
        listened &&
        !hasPrefix(last, 'request.') &&
        last.cues.shape.questions === 0
      ) {
        return finished;
      }
      if (!isEmotional(last)) return null;
      const emotions = signalEvidence(last, isEmotion);
      if (finished.length > 0) return [...emotions, ...finished];
      if (onlyListenedSoFar(s, last)) return emotions; // the short, calm disappointment left by still-venting
      return null;
    },
  },
  {
    id: 'resolved-and-thanked',
    action: 'close_and_thank',
    method: {
      fr: 'Le problème est réglé : remerciez le client pour son retour et laissez la porte ouverte.',
      en: 'The problem is solved: thank the client for their feedback and leave the door open.',
    },
    applies: (s) => {
      const last = s.lastClient;
      if (!last) return null;
      const resolved = cueEvidence(last, 'resolved');
      const thanks = cueEvidence(last, 'thanks');
      const open = last.cues.shape.questions > 0 || hasPrefix(last, 'request.') || isEmotional(last);
      if (open) return null;
      if (resolved.length > 0 && (thanks.length > 0 || s.concessions.length > 0))
        return [...resolved, ...thanks];
      if (thanks.length > 0 && s.concessions.length > 0 && !last.cues.has('accept')) return thanks;
      return null;
    },
  },
  {
    id: 'remedy-accepted',
    action: 'agree_next_steps',
    method: {
      fr: 'Une solution est acceptée : mettez-vous d’accord sur les étapes suivantes et les dates, puis demandez l’accord du client.',
      en: 'A remedy is accepted: agree the next steps and dates, then ask for the client’s agreement.',
    },
    applies: (s) => {
      const last = s.lastClient;
      if (!last) return null;
      const offer = offerOnTable(s);
      if (!offer) return null;
      const accepted = cueEvidence(last, 'accept');
      if (accepted.length > 0)
        return [...accepted, { turn: offer.index, id: 'reply.solution', evidence: '' }];
      if (last.cues.has('confirm') && last.cues.has('logistics')) return cueEvidence(last, 'logistics');
      const chosen = choiceOf(last, offer);
      return chosen ? [{ turn: last.index, id: 'cue.choice', evidence: chosen }] : null;
    },
  },
  {
    id: 'complex-account',
    action: 'reformulate',
    method: {
      fr: 'Reformulez ce que vous avez compris, point par point, pour vérifier et montrer que vous voulez vraiment aider.',
      en: 'Restate what you understood, point by point, to check it and show that you genuinely want to help.',
    },
    applies: (s) => {
      const last = s.lastClient;
      if (!last || !isComplex(last)) return null;
      const found = [...cueEvidence(last, 'counted'), ...cueEvidence(last, 'confusion')];
      return found.length > 0 ? found : [{ turn: last.index, id: 'shape.list', evidence: '' }];
    },
  },
  {
    id: 'vague-or-deflecting',
    action: 'clarify',
    method: {
      fr: 'Ramenez l’échange sur des faits concrets : posez des questions de clarification, sans laisser le ton monter.',
      en: 'Bring the exchange back to concrete facts: ask clarifying questions without letting the tone rise.',
    },
    applies: (s) => {
      const last = s.lastClient;
      if (!last) return null;
      const found = signalEvidence(last, isVague);
      if (found.length > 0) return found;
      if (last.cues.shape.digits === 0 && last.cues.shape.words <= 25)
        return nonEmpty(cueEvidence(last, 'vague'));
      return null;
    },
  },
  {
    id: 'problem-confirmed',
    action: 'propose_solution',
    method: {
      fr: 'Le problème est compris : proposez des solutions concrètes et associez le client au choix.',
      en: 'The problem is understood: offer concrete options and involve the client in the choice.',
    },
    applies: (s) => {
      const last = s.lastClient;
      if (!last) return null;
      const requests = signalEvidence(last, isRemedyRequest);
      const asked = agentAsked(s);
      if (asked) {
        const answer = [...cueEvidence(last, 'confirm'), ...cueEvidence(last, 'asksRemedy'), ...requests];
        if (answer.length > 0) return answer;
        // an answer that is only a question back is not a confirmation (« Et vous, vous ne pouvez pas… ? »)
        const onlyQuestions = last.cues.shape.questions >= last.cues.shape.sentences;
        if (last.cues.shape.words >= 1 && !isEmotional(last) && !onlyQuestions) {
          return [{ turn: last.index, id: 'cue.answer', evidence: sliceCodeUnits(last.text, 60) }];
        }
      }
      if (requests.length > 0 && !isEmotional(last)) return requests;
      // a calm complaint that already says what would put it right
      if (!isEmotional(last) && last.cues.has('asksRemedy') && countProblemClauses(last) >= 1) {
        return cueEvidence(last, 'asksRemedy');
      }
      return null;
    },
  },
  {
    id: 'feelings-to-validate',
    action: 'acknowledge',
    method: {
      fr: 'Le client exprime ce qu’il ressent : validez l’émotion et remerciez-le avant d’aller plus loin.',
      en: 'The client is expressing feelings: validate the emotion and thank them before going further.',
    },
    applies: (s) =>
      s.lastClient && isEmotional(s.lastClient) ? signalEvidence(s.lastClient, isFeeling) : null,
  },
  {
    id: 'facts-first',
    action: 'clarify',
    method: {
      fr: 'Avant de proposer quoi que ce soit, enquêtez : demandez les faits qui manquent.',
      en: 'Before proposing anything, investigate: ask for the facts that are missing.',
    },
    applies: () => [],
  },
];

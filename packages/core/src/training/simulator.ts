/**
 * The training simulator: a small state machine over the client's mood and the method's steps.
 * Each trainee reply is read with analyze(reply, { role: 'agent' }) (reply.* qualities, risk.*
 * risks) plus three training cues; the reading moves the client's anger, anxiety and trust, the
 * flags of the method (heard, understood, boundary, held, solution) and picks the client's next
 * intent, which a ClientVoice turns into words. Pure and deterministic given the seed.
 *
 * The method, as the state machine applies it:
 * - empathy, thanks and reformulation lower anger; « nous » lowers anxiety;
 * - self-justification, blame, « calmez-vous » or contempt raise it (failure at 10);
 * - a calm limit stops some abusers (`boundary: 'stops'`); others persist, and then the right
 *   move is to end the exchange and hand over to a supervisor;
 * - a toxic, powerful or bad-faith client pushes until the concessions stop and the agreed terms
 *   are put back on the table (`holdsNeeded`);
 * - a promise one cannot keep pleases now and comes back two turns later;
 * - the client accepts next steps only once heard, understood, calm, and given a solution.
 */
import { analyze } from '../analysis/analyze.ts';
import { truncate } from '../text/truncate.ts';
import type { ActionId, Lang, Turn } from '../types.ts';
import { readCues } from './cues.ts';
import { personaProfile, personaText } from './personas/index.ts';
import { pick, seedState } from './prng.ts';
import type {
  ClientIntent,
  ClientMood,
  ClientVoice,
  ExpectedMove,
  Outcome,
  Overpromise,
  PersonaId,
  ReadReplyFn,
  ReplyFinding,
  ReplyReading,
  TraineeReply,
  TrainingMoment,
  TrainingState,
} from './types.ts';
import { scriptedVoice } from './voice.ts';

/** The client gives up after this many trainee replies without an outcome. */
export const MAX_TURNS = 12;
/** The client walks out when anger or anxiety reaches this level. */
export const BREAKING_POINT = 10;
/** The client accepts next steps only at or below this anger and anxiety. */
export const CALM_ENOUGH = 4;

export interface StartOptions {
  readonly persona: PersonaId;
  readonly lang: Lang;
  readonly seed: number | string;
  /** Forces a scenario (0-based); otherwise the seed picks one. */
  readonly scenario?: number;
  readonly voice?: ClientVoice;
}

export interface ReplyOptions {
  readonly readReply?: ReadReplyFn;
  readonly voice?: ClientVoice;
}

/** The default reader: the engine's agent-side findings. */
export const readWithAnalyze: ReadReplyFn = (text, lang) =>
  analyze(text, { role: 'agent', lang })
    .findings.filter((f) => f.id.startsWith('reply.') || f.id.startsWith('risk.'))
    .map((f) => ({ id: f.id, evidence: f.evidence, start: f.start, end: f.end }));

/** The sentence of `text` around a span: what the client will quote back. */
export function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start).search(/[^.!?…\n]*$/);
  const after = text.slice(end).search(/[.!?…\n]/);
  const sentence = text.slice(Math.max(0, before), after < 0 ? text.length : end + after).trim();
  return truncate(sentence, 160);
}

const clamp = (x: number) => Math.max(0, Math.min(BREAKING_POINT, x));

/** The reading of a reply turned into the flags the state machine uses. */
export interface ReplyFlags {
  readonly empathic: boolean;
  readonly thanks: boolean;
  readonly apology: boolean;
  readonly we: boolean;
  readonly reform: boolean;
  readonly question: boolean;
  readonly explains: boolean;
  readonly solution: boolean;
  readonly nextSteps: boolean;
  readonly boundary: boolean;
  readonly defensive: boolean;
  readonly blame: boolean;
  readonly dismissive: boolean;
  readonly aggression: boolean;
  readonly shouting: boolean;
  readonly overpromise: boolean;
  readonly concession: boolean;
  readonly terms: boolean;
  readonly escalation: boolean;
  readonly harsh: boolean;
  readonly anything: boolean;
}

export function flagsOf(reading: ReplyReading): ReplyFlags {
  const has = (id: string) => reading.findings.some((f) => f.id === id);
  const blame = has('risk.blame');
  const dismissive = has('risk.dismissive');
  const aggression = has('risk.aggression');
  return {
    empathic: has('reply.empathy') || has('reply.thanks') || has('reply.apology'),
    thanks: has('reply.thanks'),
    apology: has('reply.apology'),
    we: has('reply.we_language'),
    reform: has('reply.reformulation'),
    question: has('reply.clarifying_question'),
    explains: has('reply.explanation'),
    solution: has('reply.solution'),
    nextSteps: has('reply.next_steps'),
    boundary: has('reply.boundary'),
    defensive: has('risk.defensive'),
    blame,
    dismissive,
    aggression,
    shouting: has('risk.shouting'),
    overpromise: has('risk.overpromise'),
    concession: reading.concession,
    terms: reading.terms,
    escalation: reading.escalation,
    harsh: blame || dismissive || aggression,
    anything: reading.findings.length > 0 || reading.concession || reading.terms || reading.escalation,
  };
}

/** Whether a reply applied the move the moment called for. */
export function applies(move: ExpectedMove, f: ReplyFlags): boolean {
  const clean = !f.defensive && !f.harsh && !f.shouting;
  switch (move) {
    case 'listen':
      return clean && !f.overpromise && !f.solution && (f.empathic || f.question || f.reform);
    case 'acknowledge':
      return f.empathic && !f.harsh;
    case 'reassure':
      return (f.we || f.empathic) && !f.dismissive && !f.aggression;
    case 'reformulate':
      return f.reform;
    case 'clarify':
      return (f.question || f.reform || f.terms) && !f.blame && !f.aggression;
    case 'propose_solution':
      return f.solution;
    case 'agree_next_steps':
      return f.nextSteps;
    case 'close_and_thank':
      return f.thanks;
    case 'set_boundary':
      return f.boundary && !f.aggression;
    case 'end_and_escalate':
    case 'escalate_legal':
      return f.escalation;
    case 'hold_concessions':
      return !f.concession && (f.terms || f.explains || f.boundary) && !f.blame && !f.aggression;
    case 'pause_and_call_back':
      return f.nextSteps;
    case 'own_up':
      return (f.explains || f.apology || f.question || f.reform) && !f.overpromise && !f.defensive;
  }
}

/**
 * What the method calls for now. The simulator knows the hidden state (is the abuse still going,
 * was the pressure held), so this is the coach's view, used for scoring and the debrief.
 */
export function expectedMove(s: TrainingState): ExpectedMove {
  const profile = personaProfile(s.persona);
  if (s.abuseActive) return s.boundarySetAt === null ? 'set_boundary' : 'end_and_escalate';
  if (s.lastIntent === 'callback_overpromise') return 'own_up';
  if (s.pressureActive) {
    if (s.pressureCount >= 2 || s.concessions > 0) return 'hold_concessions';
    return profile.pressure === 'denial' ? 'clarify' : 'acknowledge';
  }
  if (s.moments.length === 0 && s.mood.anger >= 6) return 'listen';
  if (!s.heard) return 'acknowledge';
  if (s.mood.anxiety > CALM_ENOUGH) return 'reassure';
  if (s.mood.anger > CALM_ENOUGH) return 'acknowledge';
  if (!s.understood) return s.factsGiven === 0 ? 'clarify' : 'reformulate';
  if (s.solutionAt === null) {
    // Even when the client has told everything, check understanding before proposing.
    const reformulated = s.moments.some((m) => m.steps.includes('reformulate'));
    return reformulated ? 'propose_solution' : 'reformulate';
  }
  return 'agree_next_steps';
}

function isHold(f: ReplyFlags, pressure: 'none' | 'power' | 'concessions' | 'denial'): boolean {
  if (f.concession || f.blame || f.aggression) return false;
  return pressure === 'denial' ? f.terms : f.terms || f.explains || f.boundary;
}

function stepsOf(f: ReplyFlags, expected: ExpectedMove, applied: boolean, held: boolean): ActionId[] {
  const steps: ActionId[] = [];
  if (expected === 'listen' && applied) steps.push('listen');
  if (f.empathic) steps.push('acknowledge');
  if (f.reform) steps.push('reformulate');
  if (f.question) steps.push('clarify');
  if (f.we) steps.push('reassure');
  if (f.solution) steps.push('propose_solution');
  if (f.nextSteps) steps.push('agree_next_steps');
  if (f.boundary) steps.push('set_boundary');
  if (held) steps.push('hold_concessions');
  if (f.escalation) steps.push('end_and_escalate');
  return steps;
}

/** Starts a session: picks the scenario with the seed and has the client open. */
export function startTraining(options: StartOptions): TrainingState {
  const profile = personaProfile(options.persona);
  const text = personaText(options.persona, options.lang);
  const seed = seedState(options.seed);
  let rng = seed;
  let scenario = options.scenario;
  if (scenario === undefined) {
    const r = pick(
      rng,
      text.scenarios.map((_, i) => i),
    );
    rng = r.state;
    scenario = r.item;
  }
  if (!Number.isInteger(scenario) || scenario < 0 || scenario >= text.scenarios.length) {
    throw new RangeError(`startTraining: ${options.persona} has no scenario ${scenario}`);
  }
  const base: TrainingState = {
    persona: options.persona,
    lang: options.lang,
    scenario,
    seed,
    rng,
    mood: { anger: profile.anger, anxiety: profile.anxiety, trust: 2 },
    heard: false,
    understood: false,
    factsGiven: 0,
    truthAt: null,
    reassured: false,
    abuseActive: profile.abusive,
    abuseCount: profile.abusive ? 1 : 0,
    boundarySetAt: null,
    abuseAfterBoundary: 0,
    pressureActive: profile.pressure !== 'none',
    pressureCount: profile.pressure !== 'none' ? 1 : 0,
    holds: 0,
    concessions: 0,
    solutionAt: null,
    overpromises: [],
    lastIntent: 'opening',
    transcript: [],
    moments: [],
    usedLines: [],
    outcome: null,
  };
  return speak(base, 'opening', {}, options.voice ?? scriptedVoice);
}

function speak(
  s: TrainingState,
  intent: ClientIntent,
  slots: Readonly<Record<string, string>>,
  voice: ClientVoice,
): TrainingState {
  const said = voice.say({
    persona: s.persona,
    lang: s.lang,
    scenario: s.scenario,
    intent,
    mood: s.mood,
    transcript: s.transcript,
    slots,
    used: s.usedLines,
    rng: s.rng,
  });
  return withClientLine(s, intent, said.text, said.rng, said.key);
}

/** Appends the client's line (for asynchronous voices that produce it outside `replyTo`). */
export function withClientLine(
  s: TrainingState,
  intent: ClientIntent,
  text: string,
  rng: number = s.rng,
  key?: string,
): TrainingState {
  const turn: Turn = { role: 'client', text };
  return {
    ...s,
    rng,
    lastIntent: intent,
    transcript: [...s.transcript, turn],
    usedLines: key ? [...s.usedLines, key] : s.usedLines,
  };
}

export interface ReplyPlan {
  /** The state after the reply, without the client's answer yet. */
  readonly state: TrainingState;
  /** What the client says next (also when the session just ended). */
  readonly intent: ClientIntent;
  readonly slots: Readonly<Record<string, string>>;
}

/** Reads a trainee reply and decides the client's reaction (first half of `replyTo`). */
export function planReply(s: TrainingState, reply: TraineeReply, options: ReplyOptions = {}): ReplyPlan {
  if (s.outcome) throw new Error('planReply: the session is over');
  const profile = personaProfile(s.persona);
  const behaviour = profile.scenarios[s.scenario] ?? {};
  const facts = personaText(s.persona, s.lang).scenarios[s.scenario]?.facts ?? [];
  const text = typeof reply.text === 'string' ? reply.text : '';
  const findings: readonly ReplyFinding[] =
    text.trim() === '' ? [] : (options.readReply ?? readWithAnalyze)(text, s.lang);
  const cues = readCues(text, s.lang);
  const reading: ReplyReading = { findings, ...cues, escalation: cues.escalation || reply.escalate === true };
  const f = flagsOf(reading);
  const turn = s.moments.length + 1;
  const expected = expectedMove(s);
  const applied = applies(expected, f);

  let { anger, anxiety, trust } = s.mood;
  let {
    heard,
    understood,
    factsGiven,
    truthAt,
    reassured,
    abuseActive,
    abuseCount,
    boundarySetAt,
    abuseAfterBoundary,
  } = s;
  let { pressureActive, pressureCount, holds, concessions, solutionAt } = s;
  let overpromises: Overpromise[] = [...s.overpromises];
  let outcome: Outcome | null = null;

  // The client's mood follows the qualities and risks of the reply.
  if (f.empathic && !f.harsh) {
    anger -= s.heard ? 1 : 2;
    trust += 1;
    if (anxiety > CALM_ENOUGH) anxiety -= 1;
  }
  if (f.we && !f.harsh) {
    anxiety -= 2;
    trust += 1;
  }
  if (f.reform && !f.harsh) {
    anger -= 1;
    trust += 1;
  }
  if (f.question && !f.harsh && s.heard) anger -= 1;
  if (f.explains && !f.defensive) trust += 1;
  if (f.solution && anxiety > CALM_ENOUGH) anxiety -= 1;
  if (f.nextSteps && anxiety > CALM_ENOUGH) anxiety -= 1;
  if (f.defensive) {
    anger += 2;
    trust -= 1;
  }
  if (f.blame) {
    anger += 3;
    trust -= 2;
  }
  if (f.dismissive) {
    anger += 3;
    trust -= 1;
    if (anxiety > CALM_ENOUGH) anxiety += 2;
  }
  if (f.aggression) {
    anger += 4;
    trust -= 3;
  }
  if (f.shouting) anger += 2;
  if (f.overpromise) {
    // It pleases now; it is remembered (see the callback below).
    anger -= 1;
    anxiety -= 1;
    const found = findings.find((x) => x.id === 'risk.overpromise');
    const evidence =
      found?.start !== undefined && found.end !== undefined
        ? sentenceAround(text, found.start, found.end)
        : (found?.evidence ?? '');
    overpromises.push({ turn, evidence, calledBackAt: null, ownedUp: false });
  }

  // Owning up to a promise the client just recalled.
  if (s.lastIntent === 'callback_overpromise') {
    const ok = applies('own_up', f);
    overpromises = overpromises.map((o) =>
      o.calledBackAt !== null && !o.ownedUp && ok ? { ...o, ownedUp: true } : o,
    );
    if (ok) trust += 1;
    else {
      trust -= 2;
      anger += 2;
    }
  }

  if ((f.empathic || f.reform || f.we) && !f.harsh) heard = true;
  if ((f.we || (f.empathic && anxiety > 2)) && !f.dismissive) reassured = true;
  if (f.reform && !f.harsh) understood = true;

  // Abuse: a calm limit first; if it goes on, end and hand over.
  let boundaryWorked = false;
  let misplaced = false;
  if (s.abuseActive) {
    if (f.escalation) {
      outcome =
        boundarySetAt !== null
          ? { kind: 'escalated', reason: 'abuse_persisted' }
          : { kind: 'failed', reason: 'escalated_too_early' };
    } else if (f.boundary && !f.aggression && boundarySetAt === null) {
      boundarySetAt = turn;
      if (behaviour.boundary !== 'persists') {
        abuseActive = false;
        boundaryWorked = true;
        anger -= 1;
      }
    }
  } else if (f.boundary && s.abuseCount === 0) {
    misplaced = true;
    anger += 2;
    trust -= 1;
  }

  // Pressure: concessions feed it; the agreed terms, calmly restated, end it.
  let held = false;
  let conceded = false;
  let backedDown = false;
  if (s.pressureActive && !outcome) {
    if (f.escalation) {
      outcome =
        holds >= 2
          ? { kind: 'escalated', reason: 'pressure_persisted' }
          : { kind: 'failed', reason: 'escalated_too_early' };
    } else if (f.concession) {
      concessions += 1;
      conceded = true;
      if (concessions >= 3) outcome = { kind: 'failed', reason: 'conceded' };
    } else if (isHold(f, profile.pressure)) {
      holds += 1;
      held = true;
      if (holds >= (behaviour.holdsNeeded ?? 1)) {
        pressureActive = false;
        backedDown = true;
        anger -= 1;
        trust += 1;
      }
    }
  }
  if (f.escalation && !outcome && !s.abuseActive && !s.pressureActive) {
    outcome = { kind: 'failed', reason: 'escalated_too_early' };
  }

  // A solution before the problem is understood is not heard as one.
  let premature = false;
  if (f.solution && !outcome) {
    // A client who opens furious must vent first: no solution is heard on the very first reply.
    if (!understood || (turn === 1 && profile.anger >= 6)) {
      premature = true;
      anger += 1;
    } else if (!(s.pressureActive && f.concession)) solutionAt ??= turn;
  }

  anger = clamp(anger);
  anxiety = clamp(anxiety);
  trust = clamp(trust);

  const pendingOwnUp = overpromises.some((o) => o.calledBackAt !== null && !o.ownedUp);
  const ready =
    heard &&
    understood &&
    solutionAt !== null &&
    anger <= CALM_ENOUGH &&
    anxiety <= CALM_ENOUGH &&
    !abuseActive &&
    !pressureActive &&
    !pendingOwnUp;
  const uncalled = overpromises.findIndex((o) => o.calledBackAt === null);
  const callbackDue =
    uncalled >= 0 && (turn >= (overpromises[uncalled]?.turn ?? turn) + 2 || (ready && f.nextSteps));
  if (!outcome && ready && f.nextSteps && !callbackDue) outcome = { kind: 'resolved', reason: 'agreed' };
  if (!outcome && anger >= BREAKING_POINT) outcome = { kind: 'failed', reason: 'too_angry' };
  if (!outcome && anxiety >= BREAKING_POINT) outcome = { kind: 'failed', reason: 'panicked' };

  // The client's next intent.
  let intent: ClientIntent = 'idle';
  const slots: Record<string, string> = {};
  const giveFact = () => {
    if (factsGiven < facts.length) {
      slots.factIndex = String(factsGiven);
      factsGiven += 1;
      if (factsGiven >= facts.length) understood = true;
    }
  };
  if (!outcome) {
    if (f.aggression) intent = 'react_aggression';
    else if (f.blame) intent = 'react_blame';
    else if (f.dismissive) intent = 'react_dismissive';
    else if (f.defensive) intent = 'react_defensive';
    else if (f.shouting) intent = 'react_shouting';
    else if (misplaced) intent = 'misplaced_boundary';
    else if (abuseActive) {
      if (boundarySetAt !== null) {
        abuseAfterBoundary += 1;
        intent = 'abuse_after_boundary';
      } else {
        abuseCount += 1;
        intent = 'abuse';
      }
    } else if (boundaryWorked) {
      intent = 'calm_after_boundary';
      giveFact();
    } else if (callbackDue) {
      intent = 'callback_overpromise';
      const o = overpromises[uncalled];
      if (o) {
        overpromises[uncalled] = { ...o, calledBackAt: turn };
        slots.promise = o.evidence;
      }
    } else if (conceded) intent = 'pressure_after_concession';
    else if (backedDown) {
      intent = 'back_down';
      if (f.question) giveFact();
    } else if (pressureActive) {
      pressureCount += 1;
      intent = 'pressure';
    } else if (premature) intent = 'jumped_to_solution';
    else if (
      truthAt === null &&
      heard &&
      trust >= profile.truthAt &&
      !((f.question || f.reform) && factsGiven < facts.length)
    ) {
      // A question is answered first; what is really behind comes out once trust allows.
      intent = 'truth';
      truthAt = turn;
      anxiety = clamp(Math.max(anxiety, profile.truthAnxiety));
      reassured = false;
    } else if (solutionAt === turn && !f.nextSteps) intent = 'ask_next_steps';
    else if ((f.question || f.reform) && factsGiven < facts.length) {
      intent = f.reform ? 'confirm' : 'facts';
      giveFact();
      if (f.reform && truthAt === null && heard && trust >= profile.truthAt) {
        // Feeling understood, the client says what is really behind it after the fact.
        slots.withTruth = '1';
        truthAt = turn;
        anxiety = clamp(Math.max(anxiety, profile.truthAnxiety - 2));
      }
    } else if (f.reform) intent = 'confirm';
    else if (!f.anything) intent = 'idle';
    else if (!heard) intent = 'vent';
    else if (!understood) {
      intent = 'soften';
      giveFact();
    } else if (solutionAt === null) intent = 'ask_solution';
    else if (anxiety > CALM_ENOUGH) intent = 'worry';
    else if (anger > CALM_ENOUGH) intent = 'vent';
    else intent = 'ask_next_steps';
  }
  if (!outcome && abuseActive && boundarySetAt === null && abuseCount > 3)
    outcome = { kind: 'failed', reason: 'abuse_tolerated' };
  if (!outcome && abuseAfterBoundary >= 2) outcome = { kind: 'failed', reason: 'abuse_tolerated' };
  if (!outcome && turn >= MAX_TURNS) outcome = { kind: 'failed', reason: 'out_of_time' };
  if (outcome)
    intent = outcome.kind === 'resolved' ? 'resolved' : outcome.kind === 'escalated' ? 'escalated' : 'failed';

  const moodAfter: ClientMood = { anger, anxiety, trust };
  const moment: TrainingMoment = {
    turn,
    client: s.transcript.at(-1)?.text ?? '',
    clientIntent: s.lastIntent,
    expected,
    reply: text,
    reading,
    steps: stepsOf(f, expected, applied, held),
    risks: findings.filter((x) => x.id.startsWith('risk.')),
    applied,
    moodBefore: s.mood,
    moodAfter,
  };
  const state: TrainingState = {
    ...s,
    mood: moodAfter,
    heard,
    understood,
    factsGiven,
    truthAt,
    reassured,
    abuseActive,
    abuseCount,
    boundarySetAt,
    abuseAfterBoundary,
    pressureActive,
    pressureCount,
    holds,
    concessions,
    solutionAt,
    overpromises,
    transcript: [...s.transcript, { role: 'agent', text }],
    moments: [...s.moments, moment],
    outcome,
  };
  return { state, intent, slots };
}

/** One trainee reply in, the client's answer out: the whole step, with the default voice. */
export function replyTo(
  s: TrainingState,
  reply: TraineeReply | string,
  options: ReplyOptions = {},
): TrainingState {
  const plan = planReply(s, typeof reply === 'string' ? { text: reply } : reply, options);
  return speak(plan.state, plan.intent, plan.slots, options.voice ?? scriptedVoice);
}

/** Runs a whole scripted session (tests, `--replies`): stops at the outcome or the last reply. */
export function runScripted(
  start: StartOptions,
  replies: readonly (TraineeReply | string)[],
  options: ReplyOptions = {},
): TrainingState {
  let s = startTraining(start);
  for (const r of replies) {
    if (s.outcome) break;
    s = replyTo(s, r, options);
  }
  return s;
}

export function isOver(s: TrainingState): boolean {
  return s.outcome !== null;
}

/**
 * `recommend(conversation)`: the next action of the method, with its reasons (the rule that
 * applied, the step of the method it cites, the signals and cues it saw) and what to avoid right
 * now. Deterministic: the same conversation always gives the same answer.
 */

import { truncate } from '../text/truncate.ts';
import type { ActionId, Conversation, Lang } from '../types.ts';
import { AVOID, CONTEXT_AVOID } from './data/guidance.ts';
import { PROTOCOL_RULES, type ProtocolRule } from './rules.ts';
import { buildState, type Evidence, hasSignal, type ProtocolState, type StateOptions } from './state.ts';

export interface Reason {
  /** The id of the rule that applied (see rules.ts). */
  readonly rule: string;
  /** The step of the method it implements, in the conversation's language. */
  readonly method: string;
  /** The signals and cues it relied on. */
  readonly evidence: readonly Evidence[];
  /** One line for people: the rule, then what was seen. */
  readonly text: string;
}

export interface Recommendation {
  readonly action: ActionId;
  readonly lang: Lang;
  readonly reasons: readonly Reason[];
  /** What to avoid right now, in the conversation's language. */
  readonly avoid: readonly string[];
  readonly state: ProtocolState;
}

export type RecommendOptions = StateOptions;

function describe(evidence: readonly Evidence[], lang: Lang): string {
  const parts = evidence
    .filter((e) => e.id !== 'reply.solution' || e.evidence)
    .map((e) => {
      const turn = lang === 'fr' ? `tour ${e.turn + 1}` : `turn ${e.turn + 1}`;
      const words = e.evidence ? ` « ${truncate(e.evidence, 60)} »` : '';
      return `${e.id}${words} (${turn})`;
    });
  if (parts.length === 0) return '';
  return `${lang === 'fr' ? ' Vu : ' : ' Seen: '}${parts.join(', ')}.`;
}

function reasonOf(rule: ProtocolRule, evidence: readonly Evidence[], lang: Lang): Reason {
  const method = rule.method[lang];
  return { rule: rule.id, method, evidence, text: `${method}${describe(evidence, lang)}` };
}

/** The first rule of the method that applies to `state`, with the evidence it relied on. */
function firstRule(state: ProtocolState): { rule: ProtocolRule; evidence: readonly Evidence[] } | null {
  for (const rule of PROTOCOL_RULES) {
    const evidence = rule.applies(state);
    if (evidence !== null) return { rule, evidence };
  }
  return null;
}

/**
 * The action `recommendFromState` would give, without writing its reasons and what to avoid:
 * for callers that only count actions (an import, once per agent reply).
 */
export function nextAction(state: ProtocolState): ActionId {
  return firstRule(state)?.rule.action ?? 'clarify';
}

/** Applies the rules of the method to an already built state. */
export function recommendFromState(state: ProtocolState): Recommendation {
  const lang = state.lang;
  const reasons: Reason[] = [];
  let action: ActionId = 'clarify';
  const first = firstRule(state);
  if (first) {
    action = first.rule.action;
    reasons.push(reasonOf(first.rule, first.evidence, lang));
  }
  if (state.boundary.isSet && action !== 'end_and_escalate' && state.boundary.clientAnswer === 'complied') {
    reasons.push({
      rule: 'limit-respected',
      method:
        lang === 'fr'
          ? 'Une limite a déjà été posée et le client l’a respectée : gardez le même calme.'
          : 'A limit was already set and the client has respected it: keep the same calm.',
      evidence: [],
      text:
        lang === 'fr'
          ? 'Une limite a déjà été posée et le client l’a respectée : gardez le même calme.'
          : 'A limit was already set and the client has respected it: keep the same calm.',
    });
  }
  return {
    action,
    lang,
    reasons,
    avoid: [...AVOID[action].map((a) => a[lang]), ...contextualAvoid(state, action)],
    state,
  };
}

/** What to avoid because of what was just said (anger, « jamais », worry, a concession, the agent's own slip). */
function contextualAvoid(state: ProtocolState, action: ActionId): string[] {
  const lang = state.lang;
  const last = state.lastClient;
  const out: string[] = [];
  const crossing = action === 'set_boundary' || action === 'end_and_escalate';
  if (last && !crossing && (hasSignal(last, 'emotion.anger') || last.analysis.scores.anger >= 0.5))
    out.push(CONTEXT_AVOID.angry[lang]);
  if (last && hasSignal(last, 'claim.generalization') && action !== 'clarify')
    out.push(CONTEXT_AVOID.generalization[lang]);
  if (last && hasSignal(last, 'emotion.anxiety') && action !== 'reassure')
    out.push(CONTEXT_AVOID.anxious[lang]);
  if (
    state.concessions.length > 0 &&
    action !== 'hold_concessions' &&
    action !== 'agree_next_steps' &&
    action !== 'close_and_thank'
  ) {
    out.push(CONTEXT_AVOID.conceded[lang]);
  }
  const slip = state.lastAgent?.analysis.findings.find((f) => f.id.startsWith('risk.'));
  if (slip?.evidence) out.push(CONTEXT_AVOID.ownSlip[lang].replace('{evidence}', slip.evidence));
  return out;
}

/** What a recommendation holds that can be kept once the conversation's words are gone. */
export type RedactableRecommendation = Pick<Recommendation, 'lang' | 'reasons' | 'avoid'>;

/**
 * The recommendation without the conversation's words, for an erasure: each quote of evidence
 * becomes `placeholder`, the reasons' lines are written again from it, and the agent's own slip in
 * the avoid list loses its quote. The action, the rules, the turns and the advice stay.
 */
export function redactRecommendation<R extends RedactableRecommendation>(r: R, placeholder: string): R {
  const reasons = r.reasons.map((reason) => {
    const evidence = reason.evidence.map((e) => (e.evidence ? { ...e, evidence: placeholder } : e));
    return { ...reason, evidence, text: `${reason.method}${describe(evidence, r.lang)}` };
  });
  const slip = CONTEXT_AVOID.ownSlip[r.lang];
  const lead = slip.slice(0, slip.indexOf('{evidence}'));
  const avoid = r.avoid.map((a) => (a.startsWith(lead) ? slip.replace('{evidence}', placeholder) : a));
  return { ...r, reasons, avoid };
}

/** The next action for `conversation` (its last turn is normally the client's). */
export function recommend(conversation: Conversation, options: RecommendOptions = {}): Recommendation {
  return recommendFromState(buildState(conversation, options));
}

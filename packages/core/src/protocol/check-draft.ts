/**
 * `checkDraft(draft, conversation)`: reads an agent's draft against the moment of the
 * conversation. Which reply.* qualities the method asks for now are present or missing, which
 * are premature (a fix offered while the client is still venting), every risk.* finding with its
 * span and a concrete rewrite, and a score out of 100 with its breakdown:
 * qualities 50 (required moves count double), safety 40 (each risk costs by severity),
 * timing 10 (each premature move costs 5).
 */
import { analyze as defaultAnalyze } from '../analysis/analyze.ts';
import { normalize } from '../text/normalize.ts';
import type {
  ActionId,
  AgentQualityId,
  AgentRiskId,
  Analysis,
  Conversation,
  Finding,
  Lang,
} from '../types.ts';
import { type Recommendation, recommendFromState } from './recommend.ts';
import { type Analyzer, buildState, type ProtocolState } from './state.ts';

interface Expectation {
  readonly required: readonly AgentQualityId[];
  readonly helpful: readonly AgentQualityId[];
  readonly premature: readonly AgentQualityId[];
}

/** What the method asks of a reply at each moment (see the AVOID lists for the why). */
export const EXPECTED: Readonly<Record<ActionId, Expectation>> = {
  listen: {
    required: [],
    helpful: ['reply.empathy', 'reply.thanks'],
    premature: ['reply.solution', 'reply.explanation'],
  },
  acknowledge: {
    required: ['reply.thanks', 'reply.empathy'],
    helpful: ['reply.apology', 'reply.we_language'],
    premature: [],
  },
  reformulate: {
    required: ['reply.reformulation'],
    helpful: ['reply.thanks', 'reply.clarifying_question', 'reply.empathy'],
    premature: [],
  },
  clarify: {
    required: ['reply.clarifying_question'],
    helpful: ['reply.empathy', 'reply.we_language'],
    premature: [],
  },
  reassure: {
    required: ['reply.empathy', 'reply.we_language'],
    helpful: ['reply.next_steps', 'reply.solution'],
    premature: [],
  },
  propose_solution: {
    required: ['reply.solution'],
    helpful: ['reply.next_steps', 'reply.thanks', 'reply.apology', 'reply.we_language'],
    premature: [],
  },
  agree_next_steps: {
    required: ['reply.next_steps'],
    helpful: ['reply.thanks', 'reply.we_language'],
    premature: [],
  },
  close_and_thank: { required: ['reply.thanks'], helpful: [], premature: [] },
  set_boundary: { required: ['reply.boundary'], helpful: ['reply.empathy'], premature: [] },
  end_and_escalate: {
    required: ['reply.boundary'],
    helpful: ['reply.next_steps'],
    premature: ['reply.solution'],
  },
  escalate_legal: {
    required: ['reply.next_steps'],
    helpful: ['reply.empathy'],
    premature: ['reply.apology', 'reply.solution'],
  },
  hold_concessions: {
    required: ['reply.solution'],
    helpful: ['reply.empathy', 'reply.we_language', 'reply.next_steps'],
    premature: [],
  },
  pause_and_call_back: {
    required: ['reply.next_steps'],
    helpful: ['reply.apology', 'reply.empathy'],
    premature: ['reply.solution'],
  },
};

export interface RiskReport {
  readonly id: AgentRiskId;
  readonly severity: Finding['severity'];
  readonly start: number;
  readonly end: number;
  readonly evidence: string;
  readonly message: string;
  /** A concrete rewrite for this passage. */
  readonly suggestion: string;
}

export interface DraftCheck {
  readonly action: ActionId;
  readonly lang: Lang;
  readonly qualities: {
    readonly present: readonly AgentQualityId[];
    /** Asked for at this moment and absent (required first). */
    readonly missing: readonly AgentQualityId[];
    /** Present but too early for this moment. */
    readonly premature: readonly AgentQualityId[];
  };
  readonly risks: readonly RiskReport[];
  readonly score: number;
  readonly breakdown: {
    readonly qualities: { readonly score: number; readonly max: 50 };
    readonly safety: { readonly score: number; readonly max: 40 };
    readonly timing: { readonly score: number; readonly max: 10 };
  };
  readonly recommendation: Recommendation;
}

export interface CheckOptions {
  readonly analyzer?: Analyzer;
  /** Checks against this action instead of the recommended one. */
  readonly action?: ActionId;
}

export interface StateCheckOptions {
  /** Analyses the draft when `analysis` is not given (default: `analyze`). */
  readonly analyzer?: Analyzer;
  /** The draft's analysis, already made as an agent reply in the state's language. */
  readonly analysis?: Analysis;
  /** Checks against this action instead of the recommended one. */
  readonly action?: ActionId;
}

interface Rewrite {
  readonly id: AgentRiskId;
  /** Matched on the normalised evidence (lower case, no accents). */
  readonly when?: RegExp;
  readonly text: string;
}

const REWRITES: Readonly<Record<Lang, readonly Rewrite[]>> = {
  fr: [
    {
      id: 'risk.dismissive',
      when: /calme|du calme/,
      text: 'Remplacez « {evidence} » par une phrase qui nomme ce que vit le client : « Je comprends que la situation soit pénible. »',
    },
    {
      id: 'risk.dismissive',
      text: 'Ne minimisez pas : remplacez « {evidence} » par « Je comprends que cela vous pose problème. »',
    },
    {
      id: 'risk.overpromise',
      when: /garanti|promet|promis|jamais|100/,
      text: 'Retirez la garantie « {evidence} » ; dites ce que vous faites vraiment : « Je fais le nécessaire pour … et je vous tiens informé(e). »',
    },
    {
      id: 'risk.overpromise',
      text: 'Ne vous engagez que sur ce que vous maîtrisez : remplacez « {evidence} » par l’action concrète que vous lancez et sa date.',
    },
    {
      id: 'risk.blame',
      when: /auriez du|aviez|faute|pas lu|pas suivi/,
      text: 'Transformez « {evidence} » en un constat neutre : « Le contrat prévoit que … ; voyons ensemble comment avancer. »',
    },
    {
      id: 'risk.blame',
      text: 'N’accusez pas le client : remplacez « {evidence} » par les faits, sans faire du client le coupable.',
    },
    {
      id: 'risk.defensive',
      when: /procedure|regle/,
      text: 'Au lieu de « {evidence} », expliquez la règle et ce que vous pouvez faire : « La règle prévoit …, et voici ce que je peux vous proposer : … »',
    },
    {
      id: 'risk.defensive',
      text: 'Remplacez la justification « {evidence} » par une explication honnête : « Voici ce qui s’est passé : … »',
    },
    {
      id: 'risk.aggression',
      text: 'Supprimez « {evidence} » : une remarque blessante ou ironique relance le conflit. Revenez aux faits.',
    },
  ],
  en: [
    {
      id: 'risk.dismissive',
      when: /calm/,
      text: 'Replace “{evidence}” with a sentence naming what the client is going through: “I understand how frustrating this is.”',
    },
    {
      id: 'risk.dismissive',
      text: 'Don’t play it down: replace “{evidence}” with “I understand this is a real problem for you.”',
    },
    {
      id: 'risk.overpromise',
      when: /guarantee|promise|never|100/,
      text: 'Remove the guarantee “{evidence}”; say what you are actually doing: “I’m doing what’s needed to … and I’ll keep you posted.”',
    },
    {
      id: 'risk.overpromise',
      text: 'Only commit to what you control: replace “{evidence}” with the concrete action you are taking and when.',
    },
    {
      id: 'risk.blame',
      when: /should have|your fault|didn'?t read|if you had/,
      text: 'Turn “{evidence}” into a neutral statement of facts: “The contract says …; let’s see together how to move on.”',
    },
    {
      id: 'risk.blame',
      text: 'Don’t blame the client: replace “{evidence}” with the facts, without “you” as the culprit.',
    },
    {
      id: 'risk.defensive',
      when: /policy|procedure|rules/,
      text: 'Instead of “{evidence}”, explain the rule and what you can do: “The rule is …, and here is what I can offer: …”',
    },
    {
      id: 'risk.defensive',
      text: 'Replace the self-justification “{evidence}” with an honest account: “Here is what happened: …”',
    },
    {
      id: 'risk.aggression',
      text: 'Remove “{evidence}”: a hurtful or sarcastic remark restarts the conflict. Go back to the facts.',
    },
  ],
};

/** Sentence case for a shouted passage, runs of ! and ? reduced to one. */
export function unshout(text: string): string {
  const calmer = text.replace(/([!?])[!?]+/g, '$1').toLowerCase();
  return calmer.replace(
    /(^|[.!?]\s+)(\p{L})/gu,
    (_m, lead: string, letter: string) => lead + letter.toUpperCase(),
  );
}

/** The sentence of `text` around [start, end), with its final punctuation. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(
    before.lastIndexOf('. '),
    before.lastIndexOf('! '),
    before.lastIndexOf('? '),
    before.lastIndexOf('\n'),
  );
  const after = text.slice(end).search(/[.!?](?:\s|$)/);
  let to = after < 0 ? text.length : end + after + 1;
  while (to < text.length && /[!?]/.test(text.charAt(to))) to++;
  return text.slice(from < 0 ? 0 : from + 1, to).trim();
}

function suggestionFor(finding: Finding, lang: Lang, draft: string): string {
  if (finding.id === 'risk.shouting') {
    const calmer = unshout(sentenceAround(draft, finding.start, finding.end));
    return lang === 'fr'
      ? `Écrivez sans majuscules ni points d’exclamation en série : « ${calmer} »`
      : `Write it without capitals or runs of exclamation marks: “${calmer}”`;
  }
  const evidence = normalize(finding.evidence).text;
  // a rewrite aimed at these very words first, then the engine's own, then the generic one
  const specific = REWRITES[lang].find((r) => r.id === finding.id && r.when?.test(evidence));
  const generic = REWRITES[lang].find((r) => r.id === finding.id && !r.when);
  const chosen = specific?.text ?? finding.suggestions?.[0] ?? generic?.text ?? '';
  return chosen.replace('{evidence}', finding.evidence);
}

const SEVERITY_COST: Readonly<Record<number, number>> = { 1: 6, 2: 12, 3: 20 };

/** Checks `draft` (the agent's reply about to be sent) against the moment of `conversation`. */
export function checkDraft(
  draft: string,
  conversation: Conversation,
  options: CheckOptions = {},
): DraftCheck {
  const analyzer = options.analyzer ?? defaultAnalyze;
  return checkDraftFromState(draft, buildState(conversation, { analyzer }), { ...options, analyzer });
}

/**
 * Checks `draft` against a state already built (`buildState`, or `stateOfFold` while following a
 * conversation), reusing the draft's analysis when given: nothing of the conversation is read
 * again. Same result as `checkDraft` on the conversation of that state.
 */
export function checkDraftFromState(
  draft: string,
  state: ProtocolState,
  options: StateCheckOptions = {},
): DraftCheck {
  const text = typeof draft === 'string' ? draft : '';
  if (options.analysis && (options.analysis.role !== 'agent' || options.analysis.lang !== state.lang)) {
    throw new TypeError(
      `checkDraftFromState: an analysis made as ${options.analysis.role}/${options.analysis.lang} for an agent draft in ${state.lang}`,
    );
  }
  const recommendation = recommendFromState(state);
  const action = options.action ?? recommendation.action;
  const lang = state.lang;
  const analysis = options.analysis ?? (options.analyzer ?? defaultAnalyze)(text, { role: 'agent', lang });
  const judgement = judgeDraft(analysis, action);
  const risks: RiskReport[] = analysis.findings
    .filter((f) => f.id.startsWith('risk.'))
    .map((f) => ({
      id: f.id as AgentRiskId,
      severity: f.severity,
      start: f.start,
      end: f.end,
      evidence: f.evidence,
      message: f.message,
      suggestion: suggestionFor(f, lang, text),
    }));
  return {
    action,
    lang,
    qualities: judgement.qualities,
    risks,
    score: judgement.score,
    breakdown: judgement.breakdown,
    recommendation,
  };
}

/** The scoring part of a draft check: what the draft's moves are worth for one action. */
export interface DraftJudgement {
  readonly qualities: DraftCheck['qualities'];
  readonly score: number;
  readonly breakdown: DraftCheck['breakdown'];
  /** Whether a quality the action requires is missing. */
  readonly missesRequired: boolean;
}

/**
 * Scores a draft's analysis (an agent reply's) for `action`, as `checkDraft` does — without the
 * rewrites of its risks or the reasons of the recommendation, for callers that only keep the
 * score (an import checking a million replies).
 */
export function judgeDraft(analysis: Analysis, action: ActionId): DraftJudgement {
  const present: AgentQualityId[] = [];
  for (const f of analysis.findings) {
    if (f.id.startsWith('reply.') && !present.includes(f.id as AgentQualityId))
      present.push(f.id as AgentQualityId);
  }
  const expected = EXPECTED[action];
  // loops rather than filters with arrows: this runs for every reply of an import
  const missing: AgentQualityId[] = [];
  for (const id of expected.required) if (!present.includes(id)) missing.push(id);
  const missesRequired = missing.length > 0;
  for (const id of expected.helpful) if (!present.includes(id)) missing.push(id);
  const premature: AgentQualityId[] = [];
  for (const id of expected.premature) if (present.includes(id)) premature.push(id);
  // a required move weighs 2, a helpful one 1
  const total = 2 * expected.required.length + expected.helpful.length;
  let got = 0;
  for (const id of expected.required) if (present.includes(id)) got += 2;
  for (const id of expected.helpful) if (present.includes(id)) got += 1;
  // with nothing required (listening), the reply starts from 30 and earns the rest with helpful moves
  const qualities =
    total === 0
      ? 50
      : expected.required.length === 0
        ? Math.round(30 + (20 * got) / total)
        : Math.round((50 * got) / total);
  let riskCost = 0;
  for (const f of analysis.findings)
    if (f.id.startsWith('risk.')) riskCost += SEVERITY_COST[f.severity] ?? 12;
  const safety = Math.max(0, 40 - riskCost);
  const timing = Math.max(0, 10 - 5 * premature.length);
  return {
    qualities: { present, missing, premature },
    score: qualities + safety + timing,
    breakdown: {
      qualities: { score: qualities, max: 50 },
      safety: { score: safety, max: 40 },
      timing: { score: timing, max: 10 },
    },
    missesRequired,
  };
}

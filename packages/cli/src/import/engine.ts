/**
 * The engines an import runs, resolved once: `analyze` for every message, and the protocol
 * following each conversation turn by turn (core's fold): every turn folded once with the
 * analysis the import already made, every agent reply judged by the draft checker's scoring
 * (judgeDraft) against the moment it was written (the action for the state just before it), the
 * next action at the end. Nothing is
 * analysed twice; the protocol only analyses what no message analysis covers — a message whose
 * own language differs from its conversation's, and a trailing run of client bubbles read as one.
 *
 * The protocol is read from the core's exports, so that tests can hand in an engine without it.
 * A protocol that throws never stops an import: one that never worked is switched off (the
 * summary says so), one that did only leaves that conversation without an action.
 */

import type { ActionId, Analysis, Lang, Role, Turn } from '@sangfroid/core';
import * as core from '@sangfroid/core';

/** What the draft checker says of one agent reply, kept compact for the summary. */
export interface ReplyVerdict {
  /** The draft checker's score out of 100 for the moment (qualities, safety, timing). */
  readonly score: number;
  /** Whether a move the moment required is missing (required qualities absent). */
  readonly missedRequired: boolean;
}

/** One conversation followed by the protocol. */
export interface ProtocolFollower {
  /**
   * Adds one turn with the import's analysis of it. An agent reply is first checked against the
   * turns before it; its verdict is returned (undefined for a client turn, or without checker).
   */
  add(turn: Turn, analysis: Analysis): ReplyVerdict | undefined;
  /** The protocol's next action after the turns added so far. */
  action(): ActionId | undefined;
}

export interface Engine {
  readonly hasRecommend: boolean;
  readonly hasCheckDraft: boolean;
  analyze(text: string, role: Role, lang: Lang | undefined): Analysis;
  /**
   * The language the protocol reads these turns in (the client's, detected over all of them);
   * `analyses`, the turns' own in the same order, spare normalising their texts again.
   */
  languageOf(turns: readonly Turn[], analyses?: readonly Analysis[]): Lang;
  /** Starts following a conversation in `lang`; undefined without a protocol engine. */
  follow(lang: Lang): ProtocolFollower | undefined;
}

/** The core functions the protocol side needs (all of them, or it is absent). */
interface ProtocolExports {
  readonly startFold: typeof core.startFold;
  readonly foldTurn: typeof core.foldTurn;
  readonly stateOfFold: typeof core.stateOfFold;
  readonly nextAction: typeof core.nextAction;
  readonly judgeDraft: typeof core.judgeDraft;
  readonly languageOf: typeof core.languageOf;
}

const PROTOCOL_NAMES = [
  'startFold',
  'foldTurn',
  'stateOfFold',
  'nextAction',
  'judgeDraft',
  'languageOf',
] as const satisfies readonly (keyof ProtocolExports)[];

function protocolOf(exports: Record<string, unknown>): ProtocolExports | undefined {
  return PROTOCOL_NAMES.every((name) => typeof exports[name] === 'function')
    ? (exports as unknown as ProtocolExports)
    : undefined;
}

export function resolveEngine(
  exports: Record<string, unknown> = core as unknown as Record<string, unknown>,
): Engine {
  const analyze = exports.analyze as typeof core.analyze;
  const protocol = protocolOf(exports);
  let recommendWorks = protocol !== undefined;
  let checkDraftWorks = protocol !== undefined;
  // A function that has worked once keeps being used: one odd conversation must not switch it off.
  let recommendProven = false;
  let checkDraftProven = false;

  /** The analysis the protocol needs: the import's own when it was made in the conversation's language. */
  const inLang = (turn: Turn, analysis: Analysis, lang: Lang): Analysis =>
    analysis.lang === lang && analysis.role === turn.role
      ? analysis
      : analyze(turn.text, { role: turn.role, lang });
  const analyzer = analyze as core.Analyzer;

  return {
    get hasRecommend() {
      return recommendWorks;
    },
    get hasCheckDraft() {
      return checkDraftWorks;
    },
    analyze(text, role, lang) {
      return analyze(text, { role, ...(lang ? { lang } : {}) });
    },
    languageOf(turns, analyses) {
      if (!protocol) return 'fr';
      if (!analyses) return protocol.languageOf({ turns });
      // what the analyses read: each text's normalised form and its language evidence
      const read = new Map<string, { text: string; score: number | undefined }>();
      turns.forEach((turn, i) => {
        const analysis = analyses[i];
        const n = analysis && core.normalizedTextOf(analysis);
        if (analysis && n && n.original === turn.text)
          read.set(turn.text, { text: n.text, score: core.languageScoreOf(analysis) });
      });
      return protocol.languageOf(
        { turns },
        (text) => read.get(text)?.text ?? core.normalize(text).text,
        (text) => read.get(text)?.score,
      );
    },
    follow(lang) {
      if (!protocol || (!recommendWorks && !checkDraftWorks)) return undefined;
      let fold: core.ProtocolFold | undefined = protocol.startFold({ lang });
      const fail = (): undefined => {
        fold = undefined;
        if (!recommendProven) recommendWorks = false;
        if (!checkDraftProven) checkDraftWorks = false;
        return undefined;
      };
      return {
        add(turn, analysis) {
          if (!fold) return undefined;
          try {
            const own = inLang(turn, analysis, lang);
            let verdict: ReplyVerdict | undefined;
            if (turn.role === 'agent' && checkDraftWorks) {
              // the draft checker's verdict, without the rewrites and reasons nobody reads here
              const action = protocol.nextAction(protocol.stateOfFold(fold, { analyzer }));
              const judgement = protocol.judgeDraft(own, action);
              checkDraftProven = true;
              verdict = { score: judgement.score, missedRequired: judgement.missesRequired };
            }
            fold = protocol.foldTurn(fold, turn, own);
            return verdict;
          } catch {
            return fail();
          }
        },
        action() {
          if (!fold || !recommendWorks) return undefined;
          try {
            const action = protocol.nextAction(protocol.stateOfFold(fold, { analyzer }));
            recommendProven = true;
            return action;
          } catch {
            return fail();
          }
        },
      };
    },
  };
}

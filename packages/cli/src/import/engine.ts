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

/**
 * Which parts of the protocol an import still uses. A function that has worked once keeps being
 * used: one odd conversation must not switch it off.
 */
interface ProtocolHealth {
  recommendWorks: boolean;
  checkDraftWorks: boolean;
  recommendProven: boolean;
  checkDraftProven: boolean;
}

/**
 * One conversation followed by the protocol. A class rather than an object of arrows made per
 * conversation: the import follows a hundred thousand of them, and functions made per call are
 * compiled again after every collection (measured: hundreds of recompilations per million messages).
 */
class Follower implements ProtocolFollower {
  #fold: core.ProtocolFold | undefined;

  constructor(
    private readonly protocol: ProtocolExports,
    private readonly health: ProtocolHealth,
    private readonly analyze: typeof core.analyze,
    private readonly lang: Lang,
  ) {
    this.#fold = protocol.startFold({ lang });
  }

  add(turn: Turn, analysis: Analysis): ReplyVerdict | undefined {
    const fold = this.#fold;
    if (!fold) return undefined;
    try {
      const own = this.#inLang(turn, analysis);
      let verdict: ReplyVerdict | undefined;
      if (turn.role === 'agent' && this.health.checkDraftWorks) {
        // the draft checker's verdict, without the rewrites and reasons nobody reads here
        const action = this.protocol.nextAction(this.protocol.stateOfFold(fold, { analyzer: this.analyze }));
        const judgement = this.protocol.judgeDraft(own, action);
        this.health.checkDraftProven = true;
        verdict = { score: judgement.score, missedRequired: judgement.missesRequired };
      }
      this.#fold = this.protocol.foldTurn(fold, turn, own);
      return verdict;
    } catch {
      return this.#fail();
    }
  }

  action(): ActionId | undefined {
    const fold = this.#fold;
    if (!fold || !this.health.recommendWorks) return undefined;
    try {
      const action = this.protocol.nextAction(this.protocol.stateOfFold(fold, { analyzer: this.analyze }));
      this.health.recommendProven = true;
      return action;
    } catch {
      return this.#fail();
    }
  }

  /** The analysis the protocol needs: the import's own when it was made in the conversation's language. */
  #inLang(turn: Turn, analysis: Analysis): Analysis {
    return analysis.lang === this.lang && analysis.role === turn.role
      ? analysis
      : this.analyze(turn.text, { role: turn.role, lang: this.lang });
  }

  #fail(): undefined {
    this.#fold = undefined;
    const health = this.health;
    if (!health.recommendProven) health.recommendWorks = false;
    if (!health.checkDraftProven) health.checkDraftWorks = false;
    return undefined;
  }
}

export function resolveEngine(
  exports: Record<string, unknown> = core as unknown as Record<string, unknown>,
): Engine {
  const analyze = exports.analyze as typeof core.analyze;
  const protocol = protocolOf(exports);
  const health: ProtocolHealth = {
    recommendWorks: protocol !== undefined,
    checkDraftWorks: protocol !== undefined,
    recommendProven: false,
    checkDraftProven: false,
  };
  // What the analyses of the conversation being read (languageOf) read: each text's normalised
  // form and its language evidence. Filled and emptied by each call, so that the two readers
  // below are made once.
  const read = new Map<string, { text: string; score: number | undefined }>();
  const normalizedOf = (text: string) => read.get(text)?.text ?? core.normalize(text).text;
  const scoreOf = (text: string) => read.get(text)?.score;

  return {
    get hasRecommend() {
      return health.recommendWorks;
    },
    get hasCheckDraft() {
      return health.checkDraftWorks;
    },
    analyze(text, role, lang) {
      return analyze(text, { role, ...(lang ? { lang } : {}) });
    },
    languageOf(turns, analyses) {
      if (!protocol) return 'fr';
      if (!analyses) return protocol.languageOf({ turns });
      for (let i = 0; i < turns.length; i++) {
        const turn = turns[i] as Turn;
        const analysis = analyses[i];
        const n = analysis && core.normalizedTextOf(analysis);
        if (analysis && n && n.original === turn.text)
          read.set(turn.text, { text: n.text, score: core.languageScoreOf(analysis) });
      }
      try {
        return protocol.languageOf({ turns }, normalizedOf, scoreOf);
      } finally {
        read.clear();
      }
    },
    follow(lang) {
      if (!protocol || (!health.recommendWorks && !health.checkDraftWorks)) return undefined;
      return new Follower(protocol, health, analyze, lang);
    },
  };
}

/**
 * The engines an import runs, resolved once: `analyze` for every message; the protocol's draft
 * checker for agent replies (when @sangfroid/core exports `checkDraft`; the agent analysis
 * meanwhile) and its `recommend` for each conversation. `recommend` is handed the analyses
 * already computed (its `analyzer` option), so no message is analysed twice. Functions whose
 * exact shape may still change are read defensively: a result in an unexpected shape falls back
 * as if the function were absent, so an import never fails because an engine changed.
 */
import * as core from '@sangfroid/core';
import {
  ACTION_IDS,
  type ActionId,
  type Analysis,
  type AnalyzeOptions,
  type Finding,
  type Lang,
  type Role,
  type Turn,
} from '@sangfroid/core';

export interface Engine {
  readonly hasRecommend: boolean;
  readonly hasCheckDraft: boolean;
  analyze(text: string, role: Role, lang: Lang | undefined): Analysis;
  /** Findings of an agent reply given the turns before it. */
  checkReply(text: string, analysis: Analysis, before: readonly Turn[]): readonly Finding[];
  /** The protocol's next action for the conversation, reusing each turn's analysis. */
  recommend(turns: readonly Turn[], analyses: readonly Analysis[]): ActionId | undefined;
}

type AnyFn = (...args: unknown[]) => unknown;

function findingsOf(result: unknown): readonly Finding[] | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const r = result as Record<string, unknown>;
  if (Array.isArray(r.findings)) return r.findings as Finding[];
  const analysis = r.analysis as Record<string, unknown> | undefined;
  if (analysis && Array.isArray(analysis.findings)) return analysis.findings as Finding[];
  return undefined;
}

function actionOf(result: unknown): ActionId | undefined {
  const isAction = (v: unknown): v is ActionId =>
    typeof v === 'string' && (ACTION_IDS as readonly string[]).includes(v);
  if (isAction(result)) return result;
  if (typeof result !== 'object' || result === null) return undefined;
  const r = result as Record<string, unknown>;
  if (isAction(r.action)) return r.action;
  return undefined;
}

/** An analyzer that hands back the analyses already made, in turn order (re-analysing on a miss). */
function replay(analyses: readonly Analysis[], turns: readonly Turn[], analyze: typeof core.analyze) {
  let next = 0;
  return (text: string, options: AnalyzeOptions): Analysis => {
    const i = next++;
    const cached = analyses[i];
    if (cached && turns[i]?.text === text && cached.role === options.role) return cached;
    return analyze(text, options);
  };
}

export function resolveEngine(
  exports: Record<string, unknown> = core as unknown as Record<string, unknown>,
): Engine {
  const analyze = exports.analyze as typeof core.analyze;
  const recommendFn = typeof exports.recommend === 'function' ? (exports.recommend as AnyFn) : undefined;
  const checkDraftFn = typeof exports.checkDraft === 'function' ? (exports.checkDraft as AnyFn) : undefined;
  let checkDraftWorks = checkDraftFn !== undefined;
  let recommendWorks = recommendFn !== undefined;
  // A function that has worked once keeps being used: one odd conversation must not switch it off.
  let checkDraftProven = false;
  let recommendProven = false;
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
    checkReply(text, analysis, before) {
      if (checkDraftWorks && checkDraftFn) {
        try {
          const findings = findingsOf(
            checkDraftFn(text, { lang: analysis.lang, conversation: { turns: before }, analysis }),
          );
          if (findings) {
            checkDraftProven = true;
            return findings;
          }
        } catch {
          // fall back to the analysis: a checker that throws on real data must not stop an import
        }
        if (!checkDraftProven) checkDraftWorks = false;
      }
      return analysis.findings;
    },
    recommend(turns, analyses) {
      if (!recommendWorks || !recommendFn) return undefined;
      try {
        const action = actionOf(recommendFn({ turns }, { analyzer: replay(analyses, turns, analyze) }));
        if (action) {
          recommendProven = true;
          return action;
        }
      } catch {
        // below: a protocol that never worked is switched off; one that did skips this conversation
      }
      if (!recommendProven) recommendWorks = false;
      return undefined;
    },
  };
}

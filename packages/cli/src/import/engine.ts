/**
 * The engines an import runs, resolved once: `analyze` for client messages; the protocol's draft
 * checker for agent replies and its `recommend` for each conversation when @sangfroid/core
 * exports them (issue #3), with `analyze(role agent)` and no action meanwhile. The protocol's
 * exact signatures are read defensively: a result in an unexpected shape falls back as if the
 * function were absent, so that an import never fails because an engine changed.
 */
import * as core from '@sangfroid/core';
import { ACTION_IDS, type ActionId, type Finding, type Lang, type Turn } from '@sangfroid/core';

export interface Engine {
  readonly hasRecommend: boolean;
  readonly hasCheckDraft: boolean;
  analyzeClient(text: string, lang: Lang | undefined): { findings: readonly Finding[]; escalationRisk: number; lang: Lang };
  checkReply(text: string, lang: Lang | undefined, before: readonly Turn[]): { findings: readonly Finding[]; lang: Lang };
  recommend(turns: readonly Turn[], lang: Lang | undefined): ActionId | undefined;
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
  const isAction = (v: unknown): v is ActionId => typeof v === 'string' && (ACTION_IDS as readonly string[]).includes(v);
  if (isAction(result)) return result;
  if (typeof result !== 'object' || result === null) return undefined;
  const r = result as Record<string, unknown>;
  if (isAction(r.action)) return r.action;
  const nested = r.action as Record<string, unknown> | undefined;
  if (nested && isAction(nested.id)) return nested.id;
  if (isAction(r.id)) return r.id;
  return undefined;
}

export function resolveEngine(exports: Record<string, unknown> = core as unknown as Record<string, unknown>): Engine {
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
    analyzeClient(text, lang) {
      const a = analyze(text, { role: 'client', ...(lang ? { lang } : {}) });
      return { findings: a.findings, escalationRisk: a.scores.escalationRisk, lang: a.lang };
    },
    checkReply(text, lang, before) {
      if (checkDraftWorks && checkDraftFn) {
        try {
          const result = checkDraftFn(text, { ...(lang ? { lang } : {}), conversation: { turns: before } });
          const findings = findingsOf(result);
          if (findings) {
            checkDraftProven = true;
            const l = (result as { lang?: Lang }).lang ?? lang ?? core.detectLang(text.toLowerCase());
            return { findings, lang: l };
          }
        } catch {
          // fall through to analyze: a draft checker that throws on real data must not stop an import
        }
        if (!checkDraftProven) checkDraftWorks = false;
      }
      const a = analyze(text, { role: 'agent', ...(lang ? { lang } : {}) });
      return { findings: a.findings, lang: a.lang };
    },
    recommend(turns, lang) {
      if (!recommendWorks || !recommendFn) return undefined;
      try {
        const action = actionOf(recommendFn({ turns, ...(lang ? { lang } : {}) }));
        if (action) {
          recommendProven = true;
          return action;
        }
        const again = recommendProven ? undefined : actionOf(recommendFn(turns, lang));
        if (again) return again;
      } catch {
        // an unexpected signature: try the other one below, then give up on the protocol
        try {
          const again = actionOf(recommendFn(turns, lang));
          if (again) return again;
        } catch {}
      }
      if (!recommendProven) recommendWorks = false;
      return undefined;
    },
  };
}

/**
 * `analyze(text, { role, lang? })`: the engine's entry point. Normalises once, runs every rule of
 * the role, maps hits back to the user's characters and returns sorted, deterministic findings
 * with the emotion scores. Never throws because of what a user typed; throws a TypeError only for
 * a programmer's mistake (a role that does not exist).
 */
import { type NormalizedText, normalize, toOriginalSpan } from '../text/normalize.ts';
import {
  type Analysis,
  type AnalyzeOptions,
  type Finding,
  LANGS,
  type Lang,
  type Localized,
  ROLES,
  type Role,
  type SignalId,
} from '../types.ts';
import { languageScore } from './lang.ts';
import type { Hit, Rule, RuleContext } from './rule.ts';
import { RULES } from './rules/index.ts';
import { computeScores } from './scores.ts';
import { sortInPlace } from './small-sort.ts';

/** Longer inputs are analysed on their first MAX_ANALYZED_LENGTH code units (`truncated: true`). */
export const MAX_ANALYZED_LENGTH = 100_000;

function clip(text: string): string {
  if (text.length <= MAX_ANALYZED_LENGTH) return text;
  let end = MAX_ANALYZED_LENGTH;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never cut a surrogate pair in two
  return text.slice(0, end);
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The rules' view of one message (a class: no closure is made per message). */
class MessageContext implements RuleContext {
  constructor(
    readonly text: string,
    readonly normalized: NormalizedText,
    readonly lang: Lang,
    readonly role: Role,
  ) {}

  span(start: number, end: number): { start: number; end: number } {
    return toOriginalSpan(this.normalized, start, end);
  }
}

/**
 * What each analysis was read from — its normalised text, and the language evidence found there —
 * for the protocol's further reading of the same turn (its cues, the conversation's language),
 * which then does not redo it. Weak: it goes with its analysis.
 */
interface Reading {
  readonly normalized: NormalizedText;
  /** `languageScore` of the normalised text; NaN until asked for when the language was given. */
  languageScore: number;
}
const READINGS = new WeakMap<Analysis, Reading>();

/** The normalised text `analysis` was made from, when `analyze` made it (else undefined). */
export function normalizedTextOf(analysis: Analysis): NormalizedText | undefined {
  return READINGS.get(analysis)?.normalized;
}

/**
 * `languageScore` of the normalised text `analysis` was made from (reused when `analyze` detected
 * the language), when `analyze` made it (else undefined).
 */
export function languageScoreOf(analysis: Analysis): number | undefined {
  const reading = READINGS.get(analysis);
  if (!reading) return undefined;
  if (Number.isNaN(reading.languageScore)) reading.languageScore = languageScore(reading.normalized.text);
  return reading.languageScore;
}

export function analyze(input: string, options: AnalyzeOptions): Analysis {
  if (!ROLES.includes(options.role)) throw new TypeError(`analyze: unknown role ${String(options.role)}`);
  if (options.lang !== undefined && !LANGS.includes(options.lang)) {
    throw new TypeError(`analyze: unknown lang ${String(options.lang)}`);
  }
  const raw = typeof input === 'string' ? input : '';
  const text = clip(raw);
  const normalized = normalize(text);
  const score = options.lang ? Number.NaN : languageScore(normalized.text);
  const lang = options.lang ?? (score < 0 ? 'en' : 'fr');
  const ctx = new MessageContext(text, normalized, lang, options.role);
  const findings: Finding[] = [];
  const rules = RULES[options.role];
  // indexed loops: most rules answer a shared frozen empty array, which for…of would iterate
  // through an iterator object per rule
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r] as Rule;
    const hits = rule.detect(ctx);
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h] as Hit;
      const start = Math.max(0, Math.min(hit.start, text.length));
      const end = Math.max(start, Math.min(hit.end, text.length));
      const message = hit.message ?? rule.meta.message;
      const suggestions = hit.suggestions && localised(hit.suggestions, lang);
      const finding: Finding = {
        id: rule.meta.id,
        severity: hit.severity ?? rule.meta.severity,
        start,
        end,
        evidence: text.slice(start, end),
        message: message[lang],
        note: rule.meta.note[lang],
      };
      findings.push(suggestions && suggestions.length > 0 ? { ...finding, suggestions } : finding);
    }
  }
  sortInPlace(findings, compareFindings);
  const analysis: Analysis = {
    role: options.role,
    lang,
    findings,
    scores: computeScores(findings, ctx),
    truncated: text.length < raw.length,
  };
  READINGS.set(analysis, { normalized, languageScore: score });
  return analysis;
}

function localised(texts: readonly Localized[], lang: Lang): string[] {
  const out: string[] = new Array(texts.length);
  for (let i = 0; i < texts.length; i++) out[i] = (texts[i] as Localized)[lang];
  return out;
}

/** The distinct signal ids of an analysis, in spec order of first appearance. */
export function signalIds(analysis: Analysis): SignalId[] {
  const ids: SignalId[] = [];
  for (const f of analysis.findings) if (!ids.includes(f.id)) ids.push(f.id);
  return ids;
}

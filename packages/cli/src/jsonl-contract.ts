/**
 * The evaluation contract of ../shared/spec/signals.md: one JSON line in, one JSON line out, same
 * order and id; `{id, error}` for a line that cannot be used; never stops on a bad line.
 */
import { type Analysis, analyze, LANGS, type Lang, ROLES, type Role, type Turn } from '@sangfroid/core';

export interface ContractSignal {
  id: string;
  start: number;
  end: number;
  evidence: string;
  severity: number;
  message: string;
}

export type ContractOutput =
  | { id: unknown; signals: ContractSignal[]; lang: Lang; scores: Analysis['scores'] }
  | { id: unknown; action?: string; signals: ContractSignal[]; lang: Lang; reasons?: string[] }
  | { id: unknown; error: string };

/** Optional hook that adds the protocol's `action` for conversation lines. */
export type ActionFor = (
  turns: readonly Turn[],
  lang: Lang | undefined,
) => { action: string; reasons: string[] };

function toSignals(analysis: Analysis): ContractSignal[] {
  return analysis.findings.map((f) => ({
    id: f.id,
    start: f.start,
    end: f.end,
    evidence: f.evidence,
    severity: f.severity,
    message: f.message,
  }));
}

function parseLang(value: unknown): Lang | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && (LANGS as readonly string[]).includes(value)) return value as Lang;
  throw new Error(`"lang" must be one of ${LANGS.join(', ')}`);
}

function parseTurn(value: unknown, index: number): Turn {
  if (typeof value !== 'object' || value === null) throw new Error(`turn ${index} is not an object`);
  const t = value as Record<string, unknown>;
  if (typeof t.role !== 'string' || !(ROLES as readonly string[]).includes(t.role)) {
    throw new Error(`turn ${index}: "role" must be "client" or "agent"`);
  }
  if (typeof t.text !== 'string') throw new Error(`turn ${index}: "text" must be a string`);
  return { role: t.role as Role, text: t.text };
}

/** Processes one input line; never throws. */
export function processLine(line: string, actionFor?: ActionFor): ContractOutput {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (error) {
    return { id: null, error: `invalid JSON: ${(error as Error).message}` };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return { id: null, error: 'each line must be a JSON object' };
  }
  const o = obj as Record<string, unknown>;
  const id = o.id ?? null;
  try {
    const lang = parseLang(o.lang);
    if (Array.isArray(o.turns)) {
      const turns = o.turns.map(parseTurn);
      const last = turns.at(-1);
      if (!last) throw new Error('"turns" is empty');
      const analysis = analyze(last.text, { role: last.role, ...(lang ? { lang } : {}) });
      const out: ContractOutput = { id, signals: toSignals(analysis), lang: analysis.lang };
      if (actionFor) {
        const { action, reasons } = actionFor(turns, lang);
        return { id, action, signals: out.signals, lang: analysis.lang, reasons };
      }
      return out;
    }
    if (typeof o.text !== 'string')
      throw new Error('a line needs "text" (a message) or "turns" (a conversation)');
    const role = o.role ?? 'client';
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
      throw new Error('"role" must be "client" or "agent"');
    }
    const analysis = analyze(o.text, { role: role as Role, ...(lang ? { lang } : {}) });
    return { id, signals: toSignals(analysis), lang: analysis.lang, scores: analysis.scores };
  } catch (error) {
    return { id, error: (error as Error).message };
  }
}

/**
 * Splits a text and its findings into contiguous, non-overlapping segments so that the UI can
 * highlight overlapping findings without ever parsing the text as HTML: each segment is rendered
 * as a DOM text node, wrapped in a <mark> when findings cover it.
 */
import type { Finding } from '@sangfroid/core';

export interface Segment {
  /** Half-open UTF-16 span in the original text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Findings covering the whole segment, in the input order. Empty for plain text. */
  readonly findings: readonly Finding[];
}

/** Signal families, from the most to the least important to show when findings overlap. */
export const FAMILY_PRIORITY = [
  'abuse',
  'risk',
  'pressure',
  'tactic',
  'emotion',
  'tone',
  'claim',
  'request',
  'reply',
] as const;
export type Family = (typeof FAMILY_PRIORITY)[number];

/** The family of a signal id (`abuse.insult` → `abuse`); unknown prefixes fall back to `claim`. */
export function familyOf(id: string): Family {
  const prefix = id.slice(0, id.indexOf('.'));
  return (FAMILY_PRIORITY as readonly string[]).includes(prefix) ? (prefix as Family) : 'claim';
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Moves an offset off the middle of a surrogate pair, so that no segment holds half an emoji. */
function snap(text: string, offset: number): number {
  const o = Math.max(0, Math.min(offset, text.length));
  return o > 0 && o < text.length && isHighSurrogate(text.charCodeAt(o - 1)) ? o - 1 : o;
}

/**
 * Segments of `text`, in order, whose concatenation is `text`. Empty or out-of-range findings
 * are clamped or ignored: the view must never throw because of what a client typed.
 */
export function segmentText(text: string, findings: readonly Finding[]): Segment[] {
  const spans = findings
    .map((f) => ({ f, start: snap(text, f.start), end: snap(text, f.end) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    const covering = spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.f);
    const last = out[out.length - 1];
    // merge neighbours with the same covering set, to keep the DOM small
    if (last && sameFindings(last.findings, covering)) {
      out[out.length - 1] = { start: last.start, end, text: text.slice(last.start, end), findings: covering };
    } else {
      out.push({ start, end, text: text.slice(start, end), findings: covering });
    }
  }
  return out;
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}

/** The finding a highlighted segment is coloured by: highest severity, then family priority. */
export function dominantFinding(findings: readonly Finding[]): Finding | undefined {
  let best: Finding | undefined;
  for (const f of findings) {
    if (
      !best ||
      f.severity > best.severity ||
      (f.severity === best.severity &&
        FAMILY_PRIORITY.indexOf(familyOf(f.id)) < FAMILY_PRIORITY.indexOf(familyOf(best.id)))
    ) {
      best = f;
    }
  }
  return best;
}

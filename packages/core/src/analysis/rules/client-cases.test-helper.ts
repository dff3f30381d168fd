/**
 * Shared assertions for the table-driven tests of the client families (not a test file itself):
 * each case states the complete set of the family's ids expected on a message, and optionally a
 * piece of evidence each finding must cover, so a test fails if a rule breaks, drifts onto other
 * words, or fires on a hard negative.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../types.ts';
import { analyze } from '../analyze.ts';

export interface ClientCase {
  readonly lang: Lang;
  readonly text: string;
  /** Every id of the family expected on this message (empty: a hard negative). */
  readonly ids: readonly string[];
  /** id → a substring of the text that one of that id's findings must cover. */
  readonly evidence?: Readonly<Record<string, string>>;
}

export function checkFamily(prefix: string, c: ClientCase): void {
  const a = analyze(c.text, { role: 'client', lang: c.lang });
  const found = [...new Set(a.findings.filter((f) => f.id.startsWith(prefix)).map((f) => f.id))].sort();
  assert.deepEqual(
    found,
    [...c.ids].sort(),
    `${prefix}* on « ${c.text} »: ${JSON.stringify(a.findings.map((f) => [f.id, f.evidence]))}`,
  );
  for (const f of a.findings) assert.equal(f.evidence, c.text.slice(f.start, f.end));
  for (const [id, piece] of Object.entries(c.evidence ?? {})) {
    const at = c.text.indexOf(piece);
    assert.ok(at >= 0, `test bug: « ${piece} » is not in the text`);
    const covers = a.findings.some((f) => f.id === id && f.start <= at + piece.length && at < f.end);
    assert.ok(
      covers,
      `${id} should point at « ${piece} » in « ${c.text} »: ${JSON.stringify(a.findings.filter((f) => f.id === id).map((f) => f.evidence))}`,
    );
  }
}

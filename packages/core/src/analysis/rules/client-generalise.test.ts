/**
 * Generalisation cases of the non-abuse client families: fresh messages written for these tests
 * (sectors: bank, telecom, energy, hotel, restaurant, medical, e-commerce, agency, garage, real
 * estate, public services; formal, SMS, angry, sarcastic, polite), each listing every non-abuse
 * id expected, about a third of them clean hard negatives. Plus the hostile-input shape of anger.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalize, toOriginalSpan } from '../../text/normalize.ts';
import type { Lang } from '../../types.ts';
import { analyze } from '../analyze.ts';
import type { RuleContext } from '../rule.ts';
import cases from './client-generalise.cases.json' with { type: 'json' };
import { angerHits } from './emotion.ts';

const FAMILIES = /^(?:pressure|emotion|tone|claim|tactic|request)\./;

test('fresh client messages get exactly their non-abuse signals', () => {
  for (const c of cases as { lang: Lang; text: string; ids: string[] }[]) {
    const a = analyze(c.text, { role: 'client', lang: c.lang });
    const found = [...new Set(a.findings.map((f) => f.id).filter((id) => FAMILIES.test(id)))].sort();
    assert.deepEqual(found, [...c.ids].sort(), `« ${c.text} »`);
  }
});

function ctxOf(text: string): RuleContext {
  const normalized = normalize(text);
  return { text, normalized, lang: 'fr', role: 'client', span: (s, e) => toOriginalSpan(normalized, s, e) };
}

test('anger on hostile input: long runs of letters or marks give well-formed, bounded hits', () => {
  for (const text of [
    'a'.repeat(50_000),
    'A'.repeat(50_000),
    '!'.repeat(50_000),
    'Ça ne marche pas, je suis furieux ! '.repeat(30_000),
  ]) {
    const hits = angerHits(ctxOf(text));
    for (const h of hits) assert.ok(0 <= h.start && h.start < h.end && h.end <= text.length);
    if (text.startsWith('a')) assert.equal(hits.length, 0);
    if (text.startsWith('Ç')) assert.ok(hits.length >= 1 && hits.every((h) => h.end - h.start < 100));
  }
});

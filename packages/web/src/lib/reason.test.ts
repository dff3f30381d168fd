import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reasonKey, reasonText, summaryText } from './reason.ts';

test('server codes are translated, free text is kept as written', () => {
  const t = (key: string, o: { defaultValue: string }) =>
    key === 'escalation.reason.threat' ? 'Menace' : o.defaultValue;
  assert.equal(reasonText(t, 'threat'), 'Menace');
  assert.equal(reasonText(t, 'unknown_code'), 'unknown_code');
  assert.equal(reasonKey('Il insiste: voir nsp.x'), null);
  assert.equal(reasonText(t, 'Il insiste: voir nsp.x'), 'Il insiste: voir nsp.x');
});

test('an incident summary shows its leading signal id as a label', () => {
  const t = (key: string, o: { defaultValue: string }) =>
    key === 'signal.abuse.insult' ? 'Insulte' : o.defaultValue;
  assert.equal(summaryText(t, 'abuse.insult: « incapables »'), 'Insulte: « incapables »');
  assert.equal(summaryText(t, 'Le client a menacé de venir.'), 'Le client a menacé de venir.');
  assert.equal(summaryText(t, 'abuse.unknown: x'), 'abuse.unknown: x');
});

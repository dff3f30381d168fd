import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reasonKey, reasonText } from './reason.ts';

test('server codes are translated, free text is kept as written', () => {
  const t = (key: string, o: { defaultValue: string }) =>
    key === 'escalation.reason.threat' ? 'Menace' : o.defaultValue;
  assert.equal(reasonText(t, 'threat'), 'Menace');
  assert.equal(reasonText(t, 'unknown_code'), 'unknown_code');
  assert.equal(reasonKey('Il insiste: voir nsp.x'), null);
  assert.equal(reasonText(t, 'Il insiste: voir nsp.x'), 'Il insiste: voir nsp.x');
});

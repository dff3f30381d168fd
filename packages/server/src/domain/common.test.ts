import assert from 'node:assert/strict';
import { it } from 'node:test';
import { toJsonb } from './common.ts';

it('replaces lone surrogates (text cut inside an emoji) and keeps real pairs', () => {
  assert.equal(toJsonb({ e: 'ok \ud83d' }), '{"e":"ok \ufffd"}');
  assert.equal(toJsonb(['\ude00x']), '["\ufffdx"]');
  assert.equal(toJsonb('fine 😀'), '"fine 😀"');
});

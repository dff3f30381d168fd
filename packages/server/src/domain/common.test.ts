import assert from 'node:assert/strict';
import { it } from 'node:test';
import { toApi, toJsonb } from './common.ts';

it('replaces lone surrogates (text cut inside an emoji) and keeps real pairs', () => {
  assert.equal(toJsonb({ e: 'ok \ud83d' }), '{"e":"ok \ufffd"}');
  assert.equal(toJsonb(['\ude00x']), '["\ufffdx"]');
  assert.equal(toJsonb('fine 😀'), '"fine 😀"');
  // a backslash written before « ud83d » is text, not a surrogate: left as is
  assert.equal(toJsonb({ t: 'C:\\ud83d', n: 1 }), JSON.stringify({ t: 'C:\\ud83d', n: 1 }));
  assert.equal(toJsonb({ deep: [{ e: 'x\udc00' }] }), '{"deep":[{"e":"x\ufffd"}]}');
});

it('names API keys in camelCase and leaves internal columns out', () => {
  const row = {
    id: 'i',
    org_id: 'o',
    message_count: 2,
    history_version: 3,
    password_hash: 'h',
    created_at: 0,
  };
  assert.deepEqual(toApi(row), { id: 'i', messageCount: 2, createdAt: 0 });
  assert.deepEqual(toApi(row), { id: 'i', messageCount: 2, createdAt: 0 });
});

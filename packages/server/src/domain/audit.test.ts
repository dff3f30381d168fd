import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { canonicalJson, GENESIS_HASH, hashEntry } from './audit.ts';

it('serialises JSON canonically whatever the key order (jsonb reorders keys)', () => {
  fc.assert(
    fc.property(
      fc.dictionary(
        fc.string().filter((k) => k !== '__proto__'),
        fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null)),
      ),
      (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        assert.equal(canonicalJson(obj), canonicalJson(reversed));
        assert.deepEqual(JSON.parse(canonicalJson(obj)), { ...obj });
      },
    ),
  );
});

it('chains hashes: changing any field or the previous hash changes the hash', () => {
  const entry = {
    orgId: 'o',
    actorId: 'a',
    entityType: 'incident' as const,
    entityId: 'e',
    action: 'created',
    data: { severity: 3 },
    at: new Date(0),
  };
  const h = hashEntry(GENESIS_HASH, entry);
  assert.match(h, /^[0-9a-f]{64}$/);
  assert.notEqual(hashEntry('1'.repeat(64), entry), h);
  assert.notEqual(hashEntry(GENESIS_HASH, { ...entry, data: { severity: 2 } }), h);
  assert.notEqual(hashEntry(GENESIS_HASH, { ...entry, at: new Date(1) }), h);
  assert.equal(hashEntry(GENESIS_HASH, { ...entry, data: { severity: 3 } }), h);
});

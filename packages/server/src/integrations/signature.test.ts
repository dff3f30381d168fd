import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { signPayload, verifySignature } from './signature.ts';

const now = new Date('2026-12-01T12:00:00Z');
const ts = String(Math.floor(now.getTime() / 1000));
const body = '{"event":"message_created","id":1}';

describe('webhook signatures', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256, prefixed sha256=', () => {
    const expected = `sha256=${createHmac('sha256', 's3cret').update(`${ts}.${body}`).digest('hex')}`;
    assert.equal(signPayload('s3cret', ts, body), expected);
  });

  it('accepts a fresh, matching signature', () => {
    const signature = signPayload('s3cret', ts, body);
    assert.deepEqual(verifySignature({ secret: 's3cret', body, signature, timestamp: ts, now }), {
      ok: true,
    });
  });

  it('rejects a tampered body, a wrong secret, a missing header and a stale timestamp', () => {
    const signature = signPayload('s3cret', ts, body);
    const check = (o: Partial<Parameters<typeof verifySignature>[0]>) =>
      verifySignature({ secret: 's3cret', body, signature, timestamp: ts, now, ...o });
    assert.deepEqual(check({ body: body.replace('1', '2') }), { ok: false, reason: 'mismatch' });
    assert.deepEqual(check({ secret: 'other' }), { ok: false, reason: 'mismatch' });
    assert.deepEqual(check({ signature: undefined }), { ok: false, reason: 'missing' });
    const old = String(Number(ts) - 3600);
    assert.deepEqual(check({ timestamp: old, signature: signPayload('s3cret', old, body) }), {
      ok: false,
      reason: 'stale',
    });
    assert.deepEqual(check({ timestamp: 'yesterday' }), { ok: false, reason: 'stale' });
  });
});

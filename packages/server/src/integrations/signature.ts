/**
 * HMAC-SHA256 webhook signatures over `"<timestamp>.<raw body>"`, the scheme Chatwoot uses
 * (`X-Chatwoot-Signature: sha256=<hex>`, `X-Chatwoot-Timestamp: <unix seconds>`); sangfroid's own
 * generic endpoint and its outbound webhooks use the same scheme under `X-Sangfroid-*` headers.
 * Verification is constant-time and rejects stale timestamps (replays).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_PREFIX = 'sha256=';
/** How far a signed timestamp may be from now, in seconds. */
export const MAX_SKEW_SECONDS = 300;

export function signPayload(secret: string, timestamp: number | string, body: string): string {
  return SIGNATURE_PREFIX + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export type SignatureCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'missing' | 'stale' | 'mismatch' };

export function verifySignature(opts: {
  secret: string;
  body: string;
  signature: string | undefined;
  timestamp: string | undefined;
  now: Date;
}): SignatureCheck {
  const { signature, timestamp } = opts;
  if (!signature || !timestamp) return { ok: false, reason: 'missing' };
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds) || Math.abs(opts.now.getTime() / 1000 - seconds) > MAX_SKEW_SECONDS) {
    return { ok: false, reason: 'stale' };
  }
  const expected = Buffer.from(signPayload(opts.secret, timestamp, opts.body));
  const given = Buffer.from(signature.trim());
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'mismatch' };
  return { ok: true };
}

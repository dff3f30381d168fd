import assert from 'node:assert/strict';
import { it } from 'node:test';
import { RateLimiter } from './rate-limit.ts';

it('allows max failures per window, then asks to wait until the oldest one expires', () => {
  const rl = new RateLimiter(3, 60_000);
  for (let t = 0; t < 3; t++) {
    assert.equal(rl.retryAfter('k', t * 1000), 0);
    rl.record('k', t * 1000);
  }
  assert.equal(rl.retryAfter('k', 3000), 57);
  assert.equal(rl.retryAfter('other', 3000), 0);
  assert.equal(rl.retryAfter('k', 60_001), 0, 'the first failure left the window');
  rl.clear('k');
  assert.equal(rl.retryAfter('k', 3000), 0);
  assert.equal(rl.retryAfter('k', 3000, 10), 0);
});

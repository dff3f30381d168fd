/**
 * A small seeded pseudo-random generator (mulberry32) whose whole state is one 32-bit integer, so a
 * training session can be stored, replayed and resumed exactly. The core never calls Math.random:
 * the same seed gives the same client, the same lines and therefore the same scores.
 */

/** Turns any seed (number or text) into a 32-bit unsigned state, with FNV-1a for text. */
export function seedState(seed: number | string): number {
  if (typeof seed === 'number' && Number.isFinite(seed)) return Math.trunc(seed) >>> 0;
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One mulberry32 step: the next state and a float in [0, 1). */
export function nextRandom(state: number): { state: number; value: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { state: next, value: ((t ^ (t >>> 14)) >>> 0) / 4294967296 };
}

/** Picks one item of a non-empty list; returns the advanced state with it. */
export function pick<T>(state: number, items: readonly T[]): { state: number; item: T } {
  if (items.length === 0) throw new RangeError('pick: empty list');
  const r = nextRandom(state);
  const item = items[Math.floor(r.value * items.length)] as T;
  return { state: r.state, item };
}

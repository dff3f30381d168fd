/**
 * Sliding-window limiter for login attempts (in memory, per process): a key may fail `max` times
 * in `windowMs`; success clears the key. Keys are e-mail+IP and IP alone (with 5× the budget).
 */
export class RateLimiter {
  readonly #hits = new Map<string, number[]>();
  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Seconds to wait if the key is over budget, else 0. */
  retryAfter(key: string, nowMs: number, max = this.max): number {
    const hits = this.#recent(key, nowMs);
    if (hits.length < max) return 0;
    const first = hits[hits.length - max];
    return Math.max(1, Math.ceil(((first ?? nowMs) + this.windowMs - nowMs) / 1000));
  }
  record(key: string, nowMs: number): void {
    const hits = this.#recent(key, nowMs);
    hits.push(nowMs);
    this.#hits.set(key, hits);
    if (this.#hits.size > 50_000) this.#prune(nowMs);
  }
  clear(key: string): void {
    this.#hits.delete(key);
  }
  #recent(key: string, nowMs: number): number[] {
    return (this.#hits.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
  }
  #prune(nowMs: number): void {
    for (const [key, hits] of this.#hits)
      if (!hits.some((t) => t > nowMs - this.windowMs)) this.#hits.delete(key);
  }
}

/**
 * A short-lived cache of resolved callers (token or session hash → Actor), so a busy integration
 * does not pay a database round trip per request. Revocation, logout, deactivation and role
 * changes clear it at once in this process; other instances see them within TTL_MS.
 */
import type { Actor } from './actor.ts';

export const ACTOR_CACHE_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

export class ActorCache {
  readonly #entries = new Map<string, { actor: Actor; expiresAt: number }>();
  get(key: string, nowMs: number): Actor | undefined {
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt <= nowMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return hit.actor;
  }
  set(key: string, actor: Actor, nowMs: number, ttlMs = ACTOR_CACHE_TTL_MS): void {
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    this.#entries.set(key, { actor, expiresAt: nowMs + ttlMs });
  }
  clear(): void {
    this.#entries.clear();
  }
}

/**
 * Recent turns of busy conversations, kept in memory so that ingesting a message does not read
 * back (and re-parse) the analyses of the last 30 messages each time. An entry is only used when
 * its last sequence number is exactly the one before the message being added — any write made
 * elsewhere (another instance, an import) bumps the sequence and forces a reload, so the cache can
 * be stale only in time, never in content. Erasure clears it.
 */
import type { StoredTurn } from './protocol.ts';

export class HistoryCache {
  readonly #entries = new Map<string, { lastSeq: number; turns: readonly StoredTurn[] }>();
  constructor(readonly maxConversations = 1000) {}

  /** The cached turns if they end at `lastSeq`, else undefined. */
  get(conversationId: string, lastSeq: number): readonly StoredTurn[] | undefined {
    const hit = this.#entries.get(conversationId);
    if (!hit || hit.lastSeq !== lastSeq) return undefined;
    this.#entries.delete(conversationId); // refresh LRU position
    this.#entries.set(conversationId, hit);
    return hit.turns;
  }
  /** The cached entry whatever its sequence number (the writer checks it against the database). */
  peek(conversationId: string): { lastSeq: number; turns: readonly StoredTurn[] } | undefined {
    return this.#entries.get(conversationId);
  }
  set(conversationId: string, lastSeq: number, turns: readonly StoredTurn[]): void {
    this.#entries.delete(conversationId);
    if (this.#entries.size >= this.maxConversations) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(conversationId, { lastSeq, turns });
  }
  clear(): void {
    this.#entries.clear();
  }
}

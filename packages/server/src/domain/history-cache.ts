/**
 * Recent turns of busy conversations, kept in memory so that ingesting a message does not read
 * back (and re-parse) the analyses of the last 30 messages each time, nor re-read them through the
 * protocol (the memo: the protocol's fold of the turns, and the analyses it made in another
 * language than the turns' own; see protocol.ts). An entry is only trusted
 * by a write that the database applies at exactly the entry's message count and history version:
 * a message written elsewhere (another instance, an import) bumps the count, an erasure made
 * elsewhere bumps the version, and either makes the write miss and reload. So the cache can be
 * stale only in time, never in content. Erasure in this process also clears it.
 */
import type { ProtocolMemo, StoredTurn } from './protocol.ts';

/** What a conversation looked like after its last write seen here. */
export interface ConversationHead {
  readonly lastSeq: number;
  readonly historyVersion: number;
  readonly turns: readonly StoredTurn[];
  /** What the protocol's last reading of these turns leaves for the next (see protocol.ts). */
  readonly memo?: ProtocolMemo;
}

export class HistoryCache {
  readonly #entries = new Map<string, ConversationHead>();
  constructor(readonly maxConversations = 1000) {}

  /** The cached head whatever its age (the writer checks it against the database). */
  peek(conversationId: string): ConversationHead | undefined {
    const hit = this.#entries.get(conversationId);
    if (hit) {
      this.#entries.delete(conversationId); // refresh LRU position
      this.#entries.set(conversationId, hit);
    }
    return hit;
  }
  set(conversationId: string, head: ConversationHead): void {
    this.#entries.delete(conversationId);
    if (this.#entries.size >= this.maxConversations) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(conversationId, head);
  }
  clear(): void {
    this.#entries.clear();
  }
}

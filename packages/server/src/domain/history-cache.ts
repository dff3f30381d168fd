/**
 * Heads of busy conversations, kept in memory so that ingesting a message does not read back the
 * conversation first: its message count, history version and last message, which name the recent
 * turns the ingest engine keeps (ingest-engine.ts). A head is only trusted by a write that the
 * database applies at exactly the head's message count and history version: a message written
 * elsewhere (another instance, an import) bumps the count, an erasure bumps the version, and
 * either makes the write miss and reload. So the cache can be stale only in time, never in content.
 */

/** What a conversation looked like after its last write seen here. */
export interface ConversationHead {
  readonly lastSeq: number;
  readonly historyVersion: number;
  /** The id of its last message (null: none yet), which names the turns up to it. */
  readonly lastMessageId: string | null;
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

/**
 * The CPU work of ingesting a message: its analysis, and the protocol's recommendation for the
 * conversation's recent turns with it. An engine keeps, per busy conversation, the recent turns
 * and what the protocol's last reading of them leaves for the next (the memo, see protocol.ts), so
 * that a message costs one analysis and one extension of the fold, not a re-read of the window.
 *
 * Turns are known by the head they follow: the conversation's history version and the id of its
 * last message (`headKey`). The engine records the turns *after* each message it computed, under
 * the key that message's id makes — before knowing whether the write will apply: a write that
 * misses leaves an entry no head will ever name (message ids are unique), and an erasure bumps
 * the history version, so an entry is never found for turns other than its own. When the engine
 * lacks the turns of a head it says so (`missing`), and the caller sends them (read from the
 * database).
 *
 * Pure computation, no I/O, run before the write (and outside its transaction).
 */
import type { Analysis, AnalyzeOptions, Lang } from '@sangfroid/core';
import { PROTOCOL_WINDOW, type ProtocolMemo, recommendWithMemo, type StoredTurn } from './protocol.ts';

export interface ComputeRequest {
  readonly conversationId: string;
  /** The head the message follows: history version and last message (null: none yet). */
  readonly historyVersion: number;
  readonly lastMessageId: string | null;
  /** The head's recent turns, oldest first, when the engine said they were missing. */
  readonly turns?: readonly StoredTurn[];
  /** The new message: its id (names the head it makes), role, text and language if given. */
  readonly messageId: string;
  readonly role: 'client' | 'agent';
  readonly text: string;
  readonly lang?: Lang | undefined;
}

export type Recommendation = ReturnType<typeof recommendWithMemo>['recommendation'];

export type ComputeResult =
  | { readonly missing: false; readonly analysis: Analysis; readonly recommendation: Recommendation }
  | { readonly missing: true };

/** Names the turns that follow a head. */
export const headKey = (historyVersion: number, lastMessageId: string | null) =>
  `${historyVersion}\u0000${lastMessageId ?? ''}`;

/** Heads kept per conversation: the last few, as concurrent writes compute from the same one. */
const HEADS_PER_CONVERSATION = 4;

interface ConversationEntry {
  /** Recent turns by head key, oldest entry first. */
  readonly heads: Map<string, readonly StoredTurn[]>;
  /** The memo of the last computation (checked against the turns it is used with). */
  memo?: ProtocolMemo;
}

export class IngestEngine {
  readonly #conversations = new Map<string, ConversationEntry>();

  constructor(
    readonly analyzer: (text: string, options: AnalyzeOptions) => Analysis,
    readonly maxConversations = 1000,
  ) {}

  compute(request: ComputeRequest): ComputeResult {
    const entry = this.#entry(request.conversationId);
    const previous = request.turns ?? entry.heads.get(headKey(request.historyVersion, request.lastMessageId));
    if (!previous) return { missing: true };
    const { role, text, lang } = request;
    const analysis = this.analyzer(text, { role, ...(lang ? { lang } : {}) });
    const turns = [...previous, { role, text, analysis }].slice(-PROTOCOL_WINDOW);
    const { recommendation, memo } = recommendWithMemo(turns, lang, entry.memo);
    entry.memo = memo;
    entry.heads.set(headKey(request.historyVersion, request.messageId), turns);
    if (entry.heads.size > HEADS_PER_CONVERSATION) {
      const [oldest] = entry.heads.keys();
      if (oldest !== undefined) entry.heads.delete(oldest);
    }
    return { missing: false, analysis, recommendation };
  }

  /** Forgets every conversation's turns (an erasure: they may hold the erased texts). */
  clear(): void {
    this.#conversations.clear();
  }

  /** The conversation's entry, made the most recently used (least recent evicted). */
  #entry(conversationId: string): ConversationEntry {
    const hit = this.#conversations.get(conversationId);
    this.#conversations.delete(conversationId);
    const entry = hit ?? { heads: new Map() };
    this.#conversations.set(conversationId, entry);
    if (this.#conversations.size > this.maxConversations) {
      const [oldest] = this.#conversations.keys();
      if (oldest !== undefined) this.#conversations.delete(oldest);
    }
    return entry;
  }
}

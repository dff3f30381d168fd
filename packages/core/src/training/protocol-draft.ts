/**
 * The better reply of a missed moment, drafted by the protocol engine (issue #3) for the move the
 * moment called for, in a chat register. Owning up to a promise has no protocol action: the
 * model reply covers it, as it covers any draft the protocol cannot produce.
 */
import { draftReply } from '../protocol/draft.ts';
import { modelReply } from './model-replies.ts';
import type { DraftReplyFn } from './types.ts';

export const protocolDraft: DraftReplyFn = (input) => {
  if (input.action === 'own_up' || input.conversation.turns.length === 0) return modelReply(input);
  const text = draftReply(input.conversation, { action: input.action, channel: 'chat' }).text.trim();
  return text.length > 0 ? text : modelReply(input);
};

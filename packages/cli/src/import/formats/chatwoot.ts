/**
 * Chatwoot conversation messages, in the shape of its messages API
 * (`GET /api/v1/accounts/{account_id}/conversations/{conversation_id}/messages` →
 * `{"meta": {...}, "payload": [...]}`), each message `{id, content, conversation_id,
 * message_type, content_type, private, created_at (Unix seconds), sender: {id, name, type}}`.
 *
 * `message_type` is 0 incoming (the contact), 1 outgoing (an agent), 2 activity (status changes
 * written by Chatwoot itself) and 3 template (automated); webhooks spell them as words. Only
 * incoming and outgoing messages are people talking: activity and template messages, and private
 * notes, are skipped.
 */
import type { Role } from '@sangfroid/core';
import type { ImportMessage, ReadItem } from '../types.ts';
import { dateOf, idOf, isObject, type Json, textOf } from './fields.ts';

const TYPES: Record<string, Role | 'skip'> = {
  '0': 'client',
  incoming: 'client',
  '1': 'agent',
  outgoing: 'agent',
  '2': 'skip',
  activity: 'skip',
  '3': 'skip',
  template: 'skip',
};

export function isChatwootMessage(obj: Json): boolean {
  return 'message_type' in obj && ('content' in obj || 'conversation_id' in obj);
}

export function readChatwootMessage(obj: unknown, line: number, fallbackConversation: string): ReadItem {
  if (!isObject(obj)) {
    return {
      kind: 'issue',
      issue: { line, code: 'malformed_json', message: 'a message must be a JSON object' },
    };
  }
  const kind = TYPES[String(obj.message_type)];
  if (kind === undefined) {
    return {
      kind: 'issue',
      issue: {
        line,
        code: 'unknown_role',
        message: `unknown message_type ${JSON.stringify(obj.message_type)}`,
      },
    };
  }
  if (kind === 'skip') return { kind: 'skipped', line, reason: 'activity' };
  if (obj.private === true) return { kind: 'skipped', line, reason: 'private_note' };
  const text = textOf(obj.content);
  if (text === undefined || text.trim() === '') {
    const attachments = obj.attachments;
    if (Array.isArray(attachments) && attachments.length > 0)
      return { kind: 'skipped', line, reason: 'attachment_only' };
    return { kind: 'issue', issue: { line, code: 'empty_text', message: 'the message has no content' } };
  }
  const sender = isObject(obj.sender) ? obj.sender : undefined;
  const senderId = sender ? idOf(sender.id) : idOf(obj.sender_id);
  const author =
    kind === 'agent'
      ? ((sender ? (idOf(sender.name) ?? idOf(sender.email)) : undefined) ?? senderId)
      : senderId && `contact:${senderId}`;
  const at = dateOf(obj.created_at);
  const conversation = idOf(obj.conversation_id) ?? fallbackConversation;
  const message: ImportMessage = {
    conversation,
    role: kind,
    text,
    line,
    ...(author ? { author } : {}),
    ...(kind === 'client' && author ? { client: author } : {}),
    ...(at ? { at } : {}),
    ...(idOf(obj.id) ? { externalId: idOf(obj.id) as string } : {}),
  };
  return { kind: 'message', message };
}

/**
 * Zendesk ticket comments, in the shape of the Ticket Comments API
 * (`GET /api/v2/tickets/{ticket_id}/comments.json` → `{"comments": [...], "next_page", ...}`),
 * each comment `{id, type, author_id, body, plain_body, html_body, public, created_at, ...}`.
 *
 * Comments do not say who the client is: the ticket's `requester_id` does. We take it from a
 * `ticket` member of the same document or of the same JSONL line (`{"ticket": {...},
 * "comments": [...]}` or a ticket object with its `comments`); without one, the author of the
 * first public comment is taken as the requester, since Zendesk stores the ticket's description
 * as its first comment. Private comments (internal notes) were never seen by the client: they
 * are skipped, not analysed.
 */
import type { ImportMessage, ReadItem } from '../types.ts';
import { dateOf, idOf, isObject, type Json, textOf } from './fields.ts';

export interface ZendeskTicketState {
  ticket: string;
  requester?: string;
  /** Comment index within the ticket, for stable keys of comments without an id. */
  index: number;
}

export function isZendeskTicketLine(obj: Json): boolean {
  return Array.isArray(obj.comments);
}

export function isZendeskComment(obj: Json): boolean {
  return 'author_id' in obj && ('body' in obj || 'plain_body' in obj || 'html_body' in obj);
}

export function zendeskTicketState(ticket: Json | undefined, fallbackTicket: string): ZendeskTicketState {
  const requester = ticket ? idOf(ticket.requester_id) : undefined;
  return {
    ticket: (ticket ? idOf(ticket.id) : undefined) ?? fallbackTicket,
    ...(requester ? { requester } : {}),
    index: 0,
  };
}

/** One comment to a message (or a skip, or an issue); updates the state's requester if unknown. */
export function readZendeskComment(comment: unknown, state: ZendeskTicketState, line: number): ReadItem {
  state.index++;
  if (!isObject(comment)) {
    return {
      kind: 'issue',
      issue: { line, code: 'malformed_json', message: 'a comment must be a JSON object' },
    };
  }
  if (comment.public === false) return { kind: 'skipped', line, reason: 'private_note' };
  const author = idOf(comment.author_id);
  if (!author)
    return { kind: 'issue', issue: { line, code: 'missing_field', message: 'comment without "author_id"' } };
  if (state.requester === undefined) state.requester = author;
  const text = textOf(comment.plain_body) ?? textOf(comment.body);
  if (text === undefined) {
    return { kind: 'issue', issue: { line, code: 'missing_field', message: 'comment without "body"' } };
  }
  if (text.trim() === '') {
    const attachments = comment.attachments;
    if (Array.isArray(attachments) && attachments.length > 0)
      return { kind: 'skipped', line, reason: 'attachment_only' };
    return { kind: 'issue', issue: { line, code: 'empty_text', message: 'the comment body is empty' } };
  }
  const at = dateOf(comment.created_at);
  const message: ImportMessage = {
    conversation: state.ticket,
    role: author === state.requester ? 'client' : 'agent',
    text,
    line,
    author,
    client: state.requester,
    externalId: idOf(comment.id) ?? `${state.ticket}#${state.index}`,
    ...(at ? { at } : {}),
  };
  return { kind: 'message', message };
}

/** A JSONL line holding one ticket and its comments. */
export function readZendeskTicketLine(obj: Json, line: number): ReadItem[] {
  const ticket = isObject(obj.ticket) ? obj.ticket : obj;
  const state = zendeskTicketState(ticket, `line-${line}`);
  const items: ReadItem[] = [];
  const messages: ImportMessage[] = [];
  for (const comment of obj.comments as unknown[]) {
    const item = readZendeskComment(comment, state, line);
    if (item.kind === 'message') messages.push(item.message);
    else items.push(item);
  }
  if (messages.length > 0)
    items.push({ kind: 'conversation', conversation: { conversation: state.ticket, messages } });
  return items;
}

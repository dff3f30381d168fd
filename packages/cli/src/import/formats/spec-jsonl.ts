/**
 * The spec's JSON Lines (../shared/spec/signals.md): a line is one message
 * `{id, role, text, lang?}` (grouped by `conversation` / `conversation_id` when present) or a
 * whole conversation `{id, turns: [...]}`.
 */
import type { ImportMessage, ReadItem } from '../types.ts';
import { dateOf, idOf, isObject, type Json, langOf, roleOf, textOf } from './fields.ts';

export function isSpecLine(obj: Json): boolean {
  return Array.isArray(obj.turns) || typeof obj.text === 'string' || 'text' in obj;
}

function messageFrom(
  o: Json,
  conversation: string,
  line: number,
  fallbackLang: unknown,
  client: unknown,
): ReadItem {
  const role = o.role === undefined ? 'client' : roleOf(o.role);
  if (!role)
    return issue(line, 'unknown_role', `"role" must be "client" or "agent" (got ${JSON.stringify(o.role)})`);
  const text = textOf(o.text);
  if (text === undefined) return issue(line, 'missing_field', 'a message needs "text" (a string)');
  if (text.trim() === '') return issue(line, 'empty_text', 'the message text is empty');
  const lang = langOf(o.lang ?? fallbackLang);
  const at = dateOf(o.at ?? o.created_at);
  const author = idOf(o.author);
  const clientId = idOf(o.client ?? client);
  const externalId = idOf(o.id);
  const message: ImportMessage = {
    conversation,
    role,
    text,
    line,
    ...(at ? { at } : {}),
    ...(author ? { author } : {}),
    ...(clientId ? { client: clientId } : {}),
    ...(lang ? { lang } : {}),
    ...(externalId ? { externalId } : {}),
  };
  return { kind: 'message', message };
}

function issue(
  line: number,
  code: 'unknown_role' | 'missing_field' | 'empty_text',
  message: string,
): ReadItem {
  return { kind: 'issue', issue: { line, code, message } };
}

export function readSpecLine(obj: Json, line: number): ReadItem[] {
  if (Array.isArray(obj.turns)) {
    const conversation = idOf(obj.id) ?? `line-${line}`;
    if (obj.turns.length === 0) return [issue(line, 'empty_text', '"turns" is empty')];
    const messages: ImportMessage[] = [];
    for (const [index, turn] of obj.turns.entries()) {
      if (!isObject(turn)) return [issue(line, 'missing_field', `turn ${index} is not an object`)];
      const item = messageFrom(turn, conversation, line, obj.lang, obj.client);
      if (item.kind !== 'message') {
        if (item.kind === 'issue') {
          return [
            { kind: 'issue', issue: { ...item.issue, message: `turn ${index}: ${item.issue.message}` } },
          ];
        }
        return [item];
      }
      messages.push({
        ...item.message,
        ...(item.message.externalId ? {} : { externalId: `${conversation}#${index}` }),
      });
    }
    return [{ kind: 'conversation', conversation: { conversation, messages } }];
  }
  const conversation =
    idOf(obj.conversation ?? obj.conversation_id ?? obj.thread) ?? idOf(obj.id) ?? `line-${line}`;
  return [messageFrom(obj, conversation, line, undefined, undefined)];
}

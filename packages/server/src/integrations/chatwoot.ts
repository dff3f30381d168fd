/**
 * Chatwoot's `message_created` webhook (Settings → Integrations → Webhooks), signed with
 * `X-Chatwoot-Signature: sha256=HMAC(secret, "<X-Chatwoot-Timestamp>.<raw body>")`.
 * Incoming messages are the client's, outgoing ones the agent's; private notes, activity and
 * template messages, and other events are acknowledged and ignored.
 */
import type { Channel } from '@sangfroid/core';
import { z } from 'zod';
import { MAX_TEXT_LENGTH } from './limits.ts';
import type { Integration } from './types.ts';
import { mountSignedWebhook } from './webhook-route.ts';

const id = z.union([z.string().min(1).max(100), z.number().int()]).transform(String);

const MESSAGE_TYPES = { 0: 'incoming', 1: 'outgoing', 2: 'activity', 3: 'template' } as const;

export const chatwootPayload = z.object({
  event: z.string(),
  id: id.optional(),
  content: z.string().max(MAX_TEXT_LENGTH).nullish(),
  created_at: z.union([z.string(), z.number()]).nullish(),
  message_type: z
    .union([z.enum(['incoming', 'outgoing', 'activity', 'template']), z.literal([0, 1, 2, 3])])
    .transform((t) => (typeof t === 'number' ? MESSAGE_TYPES[t] : t))
    .optional(),
  private: z.boolean().nullish(),
  sender: z
    .object({
      id: id.nullish(),
      name: z.string().max(200).nullish(),
      email: z.string().max(320).nullish(),
      type: z.string().nullish(),
    })
    .nullish(),
  contact: z.object({ name: z.string().max(200).nullish(), email: z.string().max(320).nullish() }).nullish(),
  conversation: z
    .object({
      id: id.optional(),
      display_id: id.optional(),
      channel: z.string().nullish(),
      meta: z
        .object({ sender: z.object({ name: z.string().nullish(), email: z.string().nullish() }).nullish() })
        .nullish(),
    })
    .nullish(),
  account: z.object({ id }).nullish(),
  inbox: z.object({ id: id.nullish(), name: z.string().nullish() }).nullish(),
});
export type ChatwootPayload = z.infer<typeof chatwootPayload>;

/** Chatwoot's channel classes (`Channel::Email`, `Channel::WebWidget`, …) to sangfroid's channels. */
export function channelOf(chatwootChannel: string | null | undefined): Channel {
  const c = (chatwootChannel ?? '').toLowerCase();
  if (c.includes('email')) return 'email';
  if (c.includes('sms') || c.includes('whatsapp') || c.includes('twilio')) return 'sms';
  if (c.includes('facebook') || c.includes('twitter') || c.includes('instagram')) return 'social';
  if (c.includes('voice') || c.includes('phone')) return 'phone';
  return 'chat';
}

function toIso(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const date =
    typeof value === 'number'
      ? new Date(value * 1000)
      : new Date(value.replace(' UTC', 'Z').replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function chatwootToMessage(p: ChatwootPayload) {
  if (p.event !== 'message_created') return { ignored: `event ${p.event}` };
  if (p.private) return { ignored: 'private note' };
  if (p.message_type !== 'incoming' && p.message_type !== 'outgoing') {
    return { ignored: `message type ${p.message_type ?? 'missing'}` };
  }
  const text = p.content?.trim();
  if (!text) return { ignored: 'no text content' };
  const conversationId = p.conversation?.id ?? p.conversation?.display_id;
  if (!p.id || !conversationId) return { ignored: 'no message or conversation id' };
  const incoming = p.message_type === 'incoming';
  const contact = p.contact ?? p.conversation?.meta?.sender ?? (incoming ? p.sender : undefined);
  const account = p.account?.id ?? '0';
  return {
    externalId: `chatwoot:${account}:message:${p.id}`,
    conversationRef: `chatwoot:${account}:${conversationId}`,
    channel: channelOf(p.conversation?.channel),
    direction: incoming ? ('inbound' as const) : ('outbound' as const),
    text,
    authorName: p.sender?.name ?? undefined,
    sentAt: toIso(p.created_at),
    subject: p.inbox?.name ? `Chatwoot · ${p.inbox.name} #${conversationId}` : `Chatwoot #${conversationId}`,
    client: contact?.name ? { name: contact.name, email: contact.email ?? undefined } : undefined,
  };
}

export const chatwootIntegration: Integration = {
  name: 'chatwoot',
  routes(router, ctx) {
    mountSignedWebhook(router, ctx, {
      kind: 'chatwoot',
      signatureHeader: 'X-Chatwoot-Signature',
      timestampHeader: 'X-Chatwoot-Timestamp',
      schema: chatwootPayload,
      toMessage: chatwootToMessage,
    });
  },
};

/**
 * sangfroid's own inbound format, for any tool that can POST JSON: one message per request,
 * signed like Chatwoot's (`X-Sangfroid-Signature: sha256=HMAC(secret, "<X-Sangfroid-Timestamp>.<raw body>")`).
 *
 *   { "id": "msg-42", "conversation": { "ref": "ticket-7", "channel": "email", "subject": "…",
 *     "client": { "name": "…", "email": "…" } }, "direction": "inbound", "text": "…",
 *     "authorName": "…", "sentAt": "2026-12-01T10:00:00Z" }
 */
import { CHANNELS } from '@sangfroid/core';
import { z } from 'zod';
import { MAX_TEXT_LENGTH } from './limits.ts';
import type { Integration } from './types.ts';
import { mountSignedWebhook } from './webhook-route.ts';

export const genericPayload = z.object({
  id: z.string().min(1).max(200),
  conversation: z.object({
    ref: z.string().min(1).max(200),
    channel: z.enum(CHANNELS).default('chat'),
    subject: z.string().max(200).optional(),
    client: z.object({ name: z.string().min(1).max(200), email: z.string().max(320).optional() }).optional(),
  }),
  direction: z.enum(['inbound', 'outbound']),
  text: z.string().min(1).max(MAX_TEXT_LENGTH),
  authorName: z.string().max(200).optional(),
  sentAt: z.iso.datetime({ offset: true }).optional(),
});

export const genericWebhookIntegration: Integration = {
  name: 'webhook',
  routes(router, ctx) {
    mountSignedWebhook(router, ctx, {
      kind: 'generic',
      signatureHeader: 'X-Sangfroid-Signature',
      timestampHeader: 'X-Sangfroid-Timestamp',
      schema: genericPayload,
      toMessage: (p) => ({
        externalId: p.id,
        conversationRef: `webhook:${p.conversation.ref}`,
        channel: p.conversation.channel,
        direction: p.direction,
        text: p.text,
        subject: p.conversation.subject,
        authorName: p.authorName,
        sentAt: p.sentAt,
        client: p.conversation.client,
      }),
    });
  },
};

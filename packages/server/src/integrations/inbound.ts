/**
 * What every inbound integration does with one delivered message, whatever its wire format:
 * de-duplicate it by its external id, find or open the conversation (and the client) it belongs
 * to, then record it through the same `addMessage` as the API — so it is analysed, and an abusive
 * message opens its incident and alerts supervisors exactly as if an agent had logged it.
 */
import type { Channel } from '@sangfroid/core';
import type { Deps } from '../deps.ts';
import { createClient } from '../domain/clients.ts';
import type { DomainContext } from '../domain/context.ts';
import { addMessage, createConversation } from '../domain/conversations.ts';
import type { Endpoint } from './endpoints.ts';

export interface InboundMessage {
  /** Unique per endpoint; a second delivery with the same id is acknowledged and ignored. */
  readonly externalId: string;
  /** Identifies the conversation in the source system. */
  readonly conversationRef: string;
  readonly channel: Channel;
  readonly direction: 'inbound' | 'outbound';
  readonly text: string;
  readonly subject?: string | undefined;
  readonly authorName?: string | undefined;
  readonly sentAt?: string | undefined;
  readonly client?: { readonly name: string; readonly email?: string | undefined } | undefined;
}

export type InboundResult =
  | { readonly status: 'recorded'; readonly messageId: string; readonly incidentId: string | null }
  | { readonly status: 'duplicate' };

async function findOrCreateClient(ctx: DomainContext, client: NonNullable<InboundMessage['client']>) {
  if (client.email) {
    const found = await ctx.db
      .selectFrom('clients')
      .select('id')
      .where('org_id', '=', ctx.actor.orgId)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', (client.email as string).toLowerCase()))
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (found) return found.id;
  }
  const created = await createClient({ ...ctx, input: { name: client.name, email: client.email ?? null } });
  return created.id as string;
}

async function findOrCreateConversation(ctx: DomainContext, message: InboundMessage): Promise<string> {
  const found = await ctx.db
    .selectFrom('conversations')
    .select('id')
    .where('org_id', '=', ctx.actor.orgId)
    .where('external_ref', '=', message.conversationRef)
    .executeTakeFirst();
  if (found) return found.id;
  const clientId = message.client ? await findOrCreateClient(ctx, message.client) : undefined;
  const created = await createConversation({
    ...ctx,
    input: {
      channel: message.channel,
      clientId,
      subject: message.subject,
      externalRef: message.conversationRef,
    },
  });
  return created.id as string;
}

export async function ingestInbound(opts: {
  deps: Deps;
  endpoint: Endpoint;
  message: InboundMessage;
}): Promise<InboundResult> {
  const { deps, endpoint, message } = opts;
  const now = deps.clock.now();
  const claimed = await deps.db
    .insertInto('inbound_deliveries')
    .values({ endpoint_id: endpoint.id, external_id: message.externalId, message_id: null, received_at: now })
    .onConflict((oc) => oc.columns(['endpoint_id', 'external_id']).doNothing())
    .returning('external_id')
    .executeTakeFirst();
  if (!claimed) return { status: 'duplicate' };
  const ctx: DomainContext = {
    db: deps.db,
    actor: endpoint.actor,
    now,
    config: deps.config,
    events: deps.events,
    analyzer: deps.analyzer,
  };
  try {
    const conversationId = await findOrCreateConversation(ctx, message);
    const added = await addMessage({
      ...ctx,
      conversationId,
      input: {
        direction: message.direction,
        text: message.text,
        channel: message.channel,
        authorName: message.authorName,
        sentAt: message.sentAt,
      },
    });
    const messageId = added.message.id as string;
    await deps.db
      .updateTable('inbound_deliveries')
      .set({ message_id: messageId })
      .where('endpoint_id', '=', endpoint.id)
      .where('external_id', '=', message.externalId)
      .execute();
    return { status: 'recorded', messageId, incidentId: (added.incident?.id as string | undefined) ?? null };
  } catch (error) {
    // release the claim so that the sender's retry can record the message
    await deps.db
      .deleteFrom('inbound_deliveries')
      .where('endpoint_id', '=', endpoint.id)
      .where('external_id', '=', message.externalId)
      .execute();
    throw error;
  }
}

/**
 * Conversations and their messages. Each message is analysed on arrival (`analyze` from the core)
 * and stored with its findings; the protocol's recommendation for the conversation is refreshed.
 * An inbound message that carries abuse.* opens an incident with the spans as evidence; abuse that
 * continues after it, or a threat, raises an escalation to the supervisor (the method: set a calm
 * limit first, then end and hand over if it goes on).
 */
import type { Analysis, Channel, Finding, Lang } from '@sangfroid/core';
import { type Selectable, sql } from 'kysely';
import type { Executor, MessagesTable } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { findActiveRestrictions } from './clients.ts';
import { afterCursor, newId, type Page, requireInOrg, toApi, toPage } from './common.ts';
import type { DomainContext } from './context.ts';
import { escalationEvent, insertEscalation } from './escalations.ts';
import { countAbusiveMessages, incidentEvent, insertIncident } from './incidents.ts';
import { PROTOCOL_WINDOW, recommendFor, type StoredTurn } from './protocol.ts';

export interface NewConversation {
  readonly channel: Channel;
  readonly clientId?: string | undefined;
  readonly subject?: string | undefined;
  readonly externalRef?: string | undefined;
}

export async function createConversation(opts: DomainContext & { input: NewConversation }) {
  const { input, actor, now } = opts;
  if (input.clientId) await requireInOrg(opts.db, 'clients', input.clientId, actor.orgId, 'client');
  const row = await opts.db
    .insertInto('conversations')
    .values({
      id: newId(),
      org_id: actor.orgId,
      client_id: input.clientId ?? null,
      channel: input.channel,
      subject: input.subject ?? null,
      external_ref: input.externalRef ?? null,
      assigned_user_id: actor.userId,
      created_by: actor.userId,
      recommendation: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toApi(row);
}

export async function findConversations(
  opts: DomainContext & { page: Page; status?: 'open' | 'closed' | undefined; clientId?: string | undefined },
) {
  let q = opts.db
    .selectFrom('conversations')
    .selectAll()
    .where('org_id', '=', opts.actor.orgId)
    .where(afterCursor('conversations', opts.page.cursor));
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.clientId) q = q.where('client_id', '=', opts.clientId);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.page.limit + 1)
    .execute();
  return toPage(rows, opts.page.limit, toApi);
}

export async function findConversation(opts: DomainContext & { id: string }) {
  const row = await opts.db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', opts.id)
    .where('org_id', '=', opts.actor.orgId)
    .executeTakeFirst();
  if (!row) throw notFound('conversation');
  const messages = await opts.db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', opts.id)
    .where('org_id', '=', opts.actor.orgId)
    .orderBy('seq')
    .execute();
  const restrictions = row.client_id
    ? await findActiveRestrictions({
        db: opts.db,
        orgId: opts.actor.orgId,
        clientId: row.client_id,
        now: opts.now,
      })
    : [];
  return { ...toApi(row), restrictions, messages: messages.map(toApi) };
}

export interface ConversationPatch {
  readonly status?: 'open' | 'closed' | undefined;
  readonly subject?: string | undefined;
  readonly clientId?: string | null | undefined;
  readonly assignedUserId?: string | null | undefined;
}

export async function updateConversation(opts: DomainContext & { id: string; patch: ConversationPatch }) {
  const { patch, actor } = opts;
  if (patch.clientId) await requireInOrg(opts.db, 'clients', patch.clientId, actor.orgId, 'client');
  if (patch.assignedUserId) await requireInOrg(opts.db, 'users', patch.assignedUserId, actor.orgId, 'user');
  const set: Record<string, unknown> = { updated_at: opts.now };
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.subject !== undefined) set.subject = patch.subject;
  if (patch.clientId !== undefined) set.client_id = patch.clientId;
  if (patch.assignedUserId !== undefined) set.assigned_user_id = patch.assignedUserId;
  const row = await opts.db
    .updateTable('conversations')
    .set(set)
    .where('id', '=', opts.id)
    .where('org_id', '=', actor.orgId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('conversation');
  return toApi(row);
}

type MessageRow = Selectable<MessagesTable>;

export interface NewMessage {
  readonly direction: 'inbound' | 'outbound';
  readonly text: string;
  readonly channel?: Channel | undefined;
  readonly authorName?: string | undefined;
  readonly sentAt?: string | undefined;
  readonly lang?: Lang | undefined;
}

const abuseOf = (a: Analysis): Finding[] => a.findings.filter((f) => f.id.startsWith('abuse.'));

/** The most severe abuse finding names the incident (ties: the first in the text). */
export function incidentKindOf(abuse: readonly Finding[]): { kind: string; severity: number } {
  let best = abuse[0];
  for (const f of abuse) if (best && f.severity > best.severity) best = f;
  return { kind: best?.id ?? 'abuse', severity: Math.max(1, ...abuse.map((f) => f.severity)) };
}

export async function addMessage(opts: DomainContext & { conversationId: string; input: NewMessage }) {
  const { input, actor, now } = opts;
  const role = input.direction === 'inbound' ? 'client' : 'agent';
  // analysis runs outside the transaction: pure CPU, no reason to hold the database meanwhile
  const analysis = opts.analyzer(input.text, { role, ...(input.lang ? { lang: input.lang } : {}) });
  const abuse = role === 'client' ? abuseOf(analysis) : [];
  const maxSeverity = analysis.findings.reduce((m, f) => Math.max(m, f.severity), 0);

  const result = await opts.db.transaction().execute(async (trx) => {
    // the next sequence number, locking the conversation row until commit
    const conv = await trx
      .updateTable('conversations')
      .set({ message_count: sql`message_count + 1`, updated_at: now })
      .where('id', '=', opts.conversationId)
      .where('org_id', '=', actor.orgId)
      .returning(['message_count', 'channel', 'assigned_user_id'])
      .executeTakeFirst();
    if (!conv) throw notFound('conversation');
    const previous =
      opts.history?.get(opts.conversationId, conv.message_count - 1) ??
      (await loadTurns(trx, actor.orgId, opts.conversationId, PROTOCOL_WINDOW - 1));
    const turns: StoredTurn[] = [...previous, { role, text: input.text, analysis } as StoredTurn].slice(
      -PROTOCOL_WINDOW,
    );
    const recommendation = recommendFor(turns, input.lang);
    const message: MessageRow = {
      id: newId(),
      org_id: actor.orgId,
      conversation_id: opts.conversationId,
      seq: conv.message_count,
      direction: input.direction,
      channel: input.channel ?? conv.channel,
      author_name: input.authorName ?? (role === 'agent' ? actor.name : null),
      author_user_id: role === 'agent' ? actor.userId : null,
      text: input.text,
      lang: analysis.lang,
      analysis,
      max_severity: maxSeverity,
      has_abuse: abuse.length > 0,
      sent_at: input.sentAt ? new Date(input.sentAt) : null,
      created_at: now,
    };
    // one statement for the message and the conversation's new recommendation (PGlite pays per statement)
    await sql`with m as (
        insert into messages (id, org_id, conversation_id, seq, direction, channel, author_name, author_user_id, text, lang, analysis, max_severity, has_abuse, sent_at, created_at)
        values (${message.id}, ${message.org_id}, ${message.conversation_id}, ${message.seq}, ${message.direction}, ${message.channel},
                ${message.author_name}, ${message.author_user_id}, ${message.text}, ${message.lang},
                ${JSON.stringify(analysis)}, ${message.max_severity}, ${message.has_abuse}, ${message.sent_at}, ${now})
        returning id)
      update conversations set recommendation = ${JSON.stringify(recommendation)}
      where id = ${opts.conversationId} and org_id = ${actor.orgId} and exists (select 1 from m)`.execute(
      trx,
    );

    let incident = null;
    let escalation = null;
    if (abuse.length > 0) {
      const { kind, severity } = incidentKindOf(abuse);
      const exposed = conv.assigned_user_id ?? actor.userId;
      incident = await insertIncident(trx, {
        ...opts,
        source: 'auto',
        input: {
          kind,
          severity,
          summary: `${kind}: « ${abuse[0]?.evidence.slice(0, 120) ?? ''} »`,
          conversationId: opts.conversationId,
          messageId: message.id,
          exposedUserIds: [exposed],
          evidence: abuse.map((f) => ({ messageId: message.id, start: f.start, end: f.end, signalId: f.id })),
        },
      });
      const abusive = await countAbusiveMessages(trx, {
        orgId: actor.orgId,
        conversationId: opts.conversationId,
      });
      const threat = abuse.some((f) => f.id === 'abuse.threat');
      if (abusive >= 2 || threat) {
        escalation = await insertEscalation(trx, {
          ...opts,
          input: {
            reason: threat ? 'threat' : 'repeated_abuse',
            conversationId: opts.conversationId,
            incidentId: incident.id,
          },
        });
      }
    }

    return { message, incident, escalation, recommendation, turns };
  });
  opts.history?.set(opts.conversationId, result.message.seq, result.turns);

  if (result.incident)
    opts.events.publish({
      name: 'incident.created',
      orgId: actor.orgId,
      data: incidentEvent(result.incident),
    });
  if (result.escalation)
    opts.events.publish({
      name: 'escalation.created',
      orgId: actor.orgId,
      data: escalationEvent(result.escalation),
    });
  return {
    message: toApi(result.message),
    incident: result.incident ? toApi(result.incident) : null,
    escalation: result.escalation ? toApi(result.escalation) : null,
    recommendation: result.recommendation,
  };
}

async function loadTurns(
  db: Executor,
  orgId: string,
  conversationId: string,
  limit: number,
): Promise<StoredTurn[]> {
  const rows = await db
    .selectFrom('messages')
    .select(['direction', 'text', 'analysis'])
    .where('conversation_id', '=', conversationId)
    .where('org_id', '=', orgId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map((m) => ({
    role: m.direction === 'inbound' ? 'client' : 'agent',
    text: m.text,
    analysis: m.analysis as Analysis,
  }));
}

/** Stored turns of a conversation, oldest first (for /assist). */
export async function findTurns(opts: DomainContext & { conversationId: string }): Promise<StoredTurn[]> {
  await requireInOrg(opts.db, 'conversations', opts.conversationId, opts.actor.orgId, 'conversation');
  const rows = await opts.db
    .selectFrom('messages')
    .select(['direction', 'text', 'analysis'])
    .where('conversation_id', '=', opts.conversationId)
    .where('org_id', '=', opts.actor.orgId)
    .orderBy('seq', 'desc')
    .limit(PROTOCOL_WINDOW)
    .execute();
  return rows.reverse().map((m) => ({
    role: m.direction === 'inbound' ? 'client' : 'agent',
    text: m.text,
    analysis: m.analysis as Analysis,
  }));
}

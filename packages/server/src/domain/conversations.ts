/**
 * Conversations and their messages. Each message is analysed on arrival (`analyze` from the core)
 * and stored with its findings; the protocol's recommendation for the conversation is refreshed.
 * An inbound message that carries abuse.* opens an incident with the spans as evidence; abuse that
 * continues after it, or a threat, raises an escalation to the supervisor (the method: set a calm
 * limit first, then end and hand over if it goes on).
 */
import type { Analysis, Channel, Finding, Lang } from '@sangfroid/core';
import { type Selectable, sql } from 'kysely';
import { isSerialised } from '../db/pglite-dialect.ts';
import type { Executor, MessagesTable } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { writeAbusiveIngest } from './abusive-ingest.ts';
import { findActiveRestrictions } from './clients.ts';
import { afterCursor, newId, type Page, requireInOrg, toApi, toJsonb, toPage } from './common.ts';
import type { DomainContext } from './context.ts';
import { escalationEvent, insertEscalation } from './escalations.ts';
import type { ConversationHead } from './history-cache.ts';
import { incidentEvent, insertIncident } from './incidents.ts';
import { IngestEngine, type Recommendation } from './ingest-engine.ts';
import { type CalmMessageRow, writeCalmMessages } from './message-writes.ts';
import { PROTOCOL_WINDOW, type StoredTurn } from './protocol.ts';

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
  const { input, actor, conversationId } = opts;
  const role = input.direction === 'inbound' ? 'client' : 'agent';
  const engine = opts.engine ?? new IngestEngine(opts.analyzer);
  const messageId = newId();
  // the analysis and recommendation run before any transaction: pure CPU, no reason to hold the
  // database meanwhile
  const compute = async (ex: Executor, at: LoadedHead | ConversationHead) => {
    const ask = (h: LoadedHead | ConversationHead) =>
      engine.compute({
        conversationId,
        historyVersion: h.historyVersion,
        lastMessageId: h.lastMessageId,
        ...('turns' in h ? { turns: h.turns } : {}),
        messageId,
        role,
        text: input.text,
        lang: input.lang,
      });
    let head = at;
    let computed = ask(head);
    if (computed.missing) {
      head = await loadHead(ex, actor.orgId, conversationId);
      computed = ask(head);
    }
    if (computed.missing) throw new Error('the ingest engine did not take the turns it was given');
    const abuse = role === 'client' ? abuseOf(computed.analysis) : [];
    return { head, analysis: computed.analysis, recommendation: computed.recommendation, abuse };
  };
  const write = (ex: Executor, c: Awaited<ReturnType<typeof compute>>) =>
    writeMessage(ex, {
      ...opts,
      messageId,
      input,
      analysis: c.analysis,
      abuse: c.abuse,
      maxSeverity: c.analysis.findings.reduce((m, f) => Math.max(m, f.severity), 0),
      head: c.head,
      recommendation: c.recommendation,
    });

  let head: LoadedHead | ConversationHead =
    opts.history?.peek(conversationId) ?? (await loadHead(opts.db, actor.orgId, conversationId));
  let result: Awaited<ReturnType<typeof writeMessage>> | null = null;
  // Optimistic write: the message, the next sequence number and the new recommendation in ONE
  // statement, applied only if nobody wrote to the conversation since `head` (PGlite pays per
  // statement, and a lone statement is its own transaction). On a race, reload and retry.
  for (let i = 0; i < 2 && !result; i++) {
    const computed = await compute(opts.db, head);
    // an abusive message is a transaction of several statements, or one statement on PGlite
    result =
      computed.abuse.length === 0 || isSerialised(opts.db)
        ? await write(opts.db, computed)
        : await opts.db.transaction().execute((trx) => write(trx, computed));
    if (!result) head = await loadHead(opts.db, actor.orgId, conversationId);
  }
  // a busy conversation: lock it, read its head under the lock, then the write cannot miss
  result ??= await opts.db.transaction().execute(async (trx) => {
    await sql`select 1 from conversations where id = ${conversationId} and org_id = ${actor.orgId} for update`.execute(
      trx,
    );
    return write(trx, await compute(trx, await loadHead(trx, actor.orgId, conversationId)));
  });
  if (!result) throw new AppError('conflict', 'the conversation changed during the write; retry');
  opts.history?.set(conversationId, {
    lastSeq: result.message.seq,
    historyVersion: result.historyVersion,
    lastMessageId: messageId,
  });

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

/** A head read from the database, with the turns before the next message. */
interface LoadedHead extends ConversationHead {
  readonly turns: readonly StoredTurn[];
}

/** The conversation's current sequence number, history version and recent turns, in one statement. */
async function loadHead(db: Executor, orgId: string, conversationId: string): Promise<LoadedHead> {
  const r = await sql<{
    message_count: number;
    history_version: number;
    history: { id: string; direction: string; text: string; analysis: Analysis }[];
  }>`
    select c.message_count, c.history_version, coalesce((select jsonb_agg(jsonb_build_object('id', m.id, 'direction', m.direction, 'text', m.text, 'analysis', m.analysis) order by m.seq)
      from (select id, direction, text, analysis, seq from messages
            where conversation_id = c.id and org_id = c.org_id
            order by seq desc limit ${PROTOCOL_WINDOW - 1}) m), '[]'::jsonb) as history
    from conversations c where c.id = ${conversationId} and c.org_id = ${orgId}`.execute(db);
  const row = r.rows[0];
  if (!row) throw notFound('conversation');
  return {
    lastSeq: row.message_count,
    historyVersion: row.history_version,
    lastMessageId: row.history[row.history.length - 1]?.id ?? null,
    turns: row.history.map((m) => ({
      role: m.direction === 'inbound' ? 'client' : 'agent',
      text: m.text,
      analysis: m.analysis,
    })),
  };
}

interface WriteInput extends DomainContext {
  readonly conversationId: string;
  readonly messageId: string;
  readonly input: NewMessage;
  readonly analysis: Analysis;
  readonly abuse: readonly Finding[];
  readonly maxSeverity: number;
  /** The head the recommendation was computed from: the write applies only at it. */
  readonly head: ConversationHead;
  readonly recommendation: Recommendation;
}

/**
 * A calm message: with the others of this turn of the event loop (message-writes.ts) when written
 * outside a transaction, else alone in the caller's transaction.
 */
async function writeCalmMessage(ex: Executor, w: WriteInput, row: CalmMessageRow) {
  const written =
    ex === w.db && w.messageWrites
      ? await w.messageWrites.write(row)
      : (await writeCalmMessages(ex, [row]))[0];
  return written ?? null;
}

/**
 * An abusive message, in the caller's transaction: the same optimistic write, and the statement
 * also returns the conversation's client and its abusive messages before this one (the insert is
 * not visible to the count: one snapshot), which the incident and the repeat-abuse rule need.
 */
async function writeAbusiveMessage(
  ex: Executor,
  w: WriteInput,
  m: { id: string; authorName: string | null; authorUserId: string | null; sentAt: Date | null },
) {
  const { actor, now, input, analysis } = w;
  const written = await sql<{
    seq: number;
    channel: string;
    assigned_user_id: string | null;
    client_id: string | null;
    abusive_before: number;
  }>`
    with c as (
      update conversations
      set message_count = message_count + 1, updated_at = ${now}, recommendation = ${toJsonb(w.recommendation)}
      where id = ${w.conversationId} and org_id = ${actor.orgId}
        and message_count = ${w.head.lastSeq} and history_version = ${w.head.historyVersion}
      returning message_count, channel, assigned_user_id, client_id),
    m as (
      insert into messages (id, org_id, conversation_id, seq, direction, channel, author_name, author_user_id, text, lang, analysis, max_severity, has_abuse, sent_at, created_at)
      select ${m.id}, ${actor.orgId}, ${w.conversationId}, c.message_count, ${input.direction}, coalesce(${input.channel ?? null}::text, c.channel),
             ${m.authorName}, ${m.authorUserId}, ${input.text}, ${analysis.lang}, ${toJsonb(analysis)}::jsonb, ${w.maxSeverity}, true, ${m.sentAt}::timestamptz, ${now}::timestamptz
      from c
      returning seq, channel)
    select m.seq, m.channel, c.assigned_user_id, c.client_id,
      (select count(*)::int from messages
        where conversation_id = ${w.conversationId} and org_id = ${actor.orgId} and has_abuse) as abusive_before
    from m, c`.execute(ex);
  return written.rows[0] ?? null;
}

/**
 * Inserts the message as number lastSeq + 1 and stores the recommendation, if the conversation is
 * still at the head's lastSeq and history version; then, for abuse, the incident (and escalation)
 * in the same transaction.
 * Returns null when the conversation moved on (the caller reloads and retries).
 */
async function writeMessage(ex: Executor, w: WriteInput) {
  const { actor, now, input, analysis } = w;
  const role = input.direction === 'inbound' ? 'client' : 'agent';
  const id = w.messageId;
  const authorName = input.authorName ?? (role === 'agent' ? actor.name : null);
  const authorUserId = role === 'agent' ? actor.userId : null;
  const sentAt = input.sentAt ? new Date(input.sentAt) : null;
  const hasAbuse = w.abuse.length > 0;
  if (hasAbuse && isSerialised(ex))
    return writeAbusiveAtOnce(ex, w, { id, authorName, authorUserId, sentAt });
  const abusive = hasAbuse
    ? await writeAbusiveMessage(ex, w, { id, authorName, authorUserId, sentAt })
    : null;
  const row = hasAbuse
    ? abusive
    : await writeCalmMessage(ex, w, {
        id,
        orgId: actor.orgId,
        conversationId: w.conversationId,
        lastSeq: w.head.lastSeq,
        historyVersion: w.head.historyVersion,
        recommendation: toJsonb(w.recommendation),
        direction: input.direction,
        channel: input.channel ?? null,
        authorName,
        authorUserId,
        text: input.text,
        lang: analysis.lang,
        analysis: toJsonb(analysis),
        maxSeverity: w.maxSeverity,
        sentAt,
        now,
      });
  if (!row) return null;
  const message: MessageRow = {
    id,
    org_id: actor.orgId,
    conversation_id: w.conversationId,
    seq: row.seq,
    direction: input.direction,
    channel: row.channel,
    author_name: authorName,
    author_user_id: authorUserId,
    text: input.text,
    lang: analysis.lang,
    analysis,
    max_severity: w.maxSeverity,
    has_abuse: hasAbuse,
    sent_at: sentAt,
    created_at: now,
  };
  let incident = null;
  let escalation = null;
  if (abusive) {
    const { kind, severity } = incidentKindOf(w.abuse);
    incident = await insertIncident(ex, {
      ...w,
      source: 'auto',
      // this statement just updated the conversation in the actor's organisation and wrote the message
      known: { conversationClientId: abusive.client_id, messageTexts: new Map([[id, input.text]]) },
      input: {
        kind,
        severity,
        summary: incidentSummary(kind, w.abuse),
        conversationId: w.conversationId,
        messageId: id,
        exposedUserIds: [abusive.assigned_user_id ?? actor.userId],
        evidence: w.abuse.map((f) => ({ messageId: id, start: f.start, end: f.end, signalId: f.id })),
      },
    });
    const threat = w.abuse.some((f) => f.id === 'abuse.threat');
    if (abusive.abusive_before + 1 >= 2 || threat) {
      escalation = await insertEscalation(ex, {
        ...w,
        inOrg: new Set([w.conversationId, incident.id]),
        input: {
          reason: threat ? 'threat' : 'repeated_abuse',
          conversationId: w.conversationId,
          incidentId: incident.id,
        },
      });
    }
  }
  return {
    message,
    incident,
    escalation,
    recommendation: w.recommendation,
    historyVersion: w.head.historyVersion,
  };
}

/** An abusive message, its incident, escalation and audit entries in one statement (abusive-ingest.ts). */
async function writeAbusiveAtOnce(
  db: Executor,
  w: WriteInput,
  m: { id: string; authorName: string | null; authorUserId: string | null; sentAt: Date | null },
) {
  const { actor, now, input, analysis } = w;
  const { kind, severity } = incidentKindOf(w.abuse);
  const written = await writeAbusiveIngest(db, {
    orgId: actor.orgId,
    actorId: actor.userId,
    conversationId: w.conversationId,
    lastSeq: w.head.lastSeq,
    historyVersion: w.head.historyVersion,
    now,
    debriefDueHours: w.config.debriefDueHours,
    message: {
      id: m.id,
      direction: input.direction,
      channel: input.channel ?? null,
      authorName: m.authorName,
      authorUserId: m.authorUserId,
      text: input.text,
      lang: analysis.lang,
      analysis: toJsonb(analysis),
      recommendation: toJsonb(w.recommendation),
      maxSeverity: w.maxSeverity,
      sentAt: m.sentAt,
    },
    kind,
    severity,
    summary: incidentSummary(kind, w.abuse),
    abuse: w.abuse,
  });
  if (!written) return null;
  const message: MessageRow = {
    id: m.id,
    org_id: actor.orgId,
    conversation_id: w.conversationId,
    seq: written.seq,
    direction: input.direction,
    channel: written.channel,
    author_name: m.authorName,
    author_user_id: m.authorUserId,
    text: input.text,
    lang: analysis.lang,
    analysis,
    max_severity: w.maxSeverity,
    has_abuse: true,
    sent_at: m.sentAt,
    created_at: now,
  };
  return {
    message,
    incident: written.incident,
    escalation: written.escalation,
    recommendation: w.recommendation,
    historyVersion: w.head.historyVersion,
  };
}

const incidentSummary = (kind: string, abuse: readonly Finding[]) =>
  `${kind}: « ${abuse[0]?.evidence.slice(0, 120) ?? ''} »`;

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

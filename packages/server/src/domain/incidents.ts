/**
 * Incidents: created automatically when a client message crosses the line (abuse.*), or by hand.
 * Evidence is the quoted spans with their offsets, stored once and never edited (the database
 * refuses it). Each incident opens a debrief due DEBRIEF_DUE_HOURS later and alerts supervisors.
 */
import { type Selectable, sql } from 'kysely';
import type { Executor, IncidentsTable } from '../db/schema.ts';
import { invalid, notFound } from '../errors.ts';
import { visibleEscalation, visibleIncident } from '../http/access.ts';
import { appendAudit } from './audit.ts';
import { afterCursor, newId, type Page, requireInOrg, toApi, toJsonb, toPage } from './common.ts';
import type { DomainContext } from './context.ts';

export const INCIDENT_STATUSES = ['open', 'in_review', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export interface EvidenceSpan {
  readonly messageId: string;
  readonly start: number;
  readonly end: number;
  readonly signalId?: string | undefined;
}

export interface NewIncident {
  readonly kind: string;
  readonly severity: number;
  readonly summary: string;
  readonly conversationId?: string | undefined;
  readonly clientId?: string | undefined;
  readonly messageId?: string | undefined;
  readonly exposedUserIds?: readonly string[] | undefined;
  readonly evidence?: readonly EvidenceSpan[] | undefined;
}

/**
 * What the caller has already established in the same transaction, so that it is not read again:
 * the incident's conversation row in the caller's organisation (its client), and the texts of
 * messages the caller has just written (evidence spans are checked against them all the same).
 */
export interface KnownFacts {
  readonly conversationClientId?: string | null;
  readonly messageTexts?: ReadonlyMap<string, string>;
}

/** Inserts an incident, its evidence, exposure and debrief; call inside a transaction. */
export async function insertIncident(
  trx: Executor,
  opts: DomainContext & { input: NewIncident; source: 'auto' | 'manual'; known?: KnownFacts },
) {
  const { input, actor, now } = opts;
  const org = actor.orgId;
  const known = opts.known ?? {};
  let clientId = input.clientId ?? null;
  if (input.conversationId) {
    let conversationClientId = known.conversationClientId;
    if (conversationClientId === undefined) {
      const conv = await trx
        .selectFrom('conversations')
        .select(['client_id'])
        .where('id', '=', input.conversationId)
        .where('org_id', '=', org)
        .executeTakeFirst();
      if (!conv) throw notFound('conversation');
      conversationClientId = conv.client_id;
    }
    clientId ??= conversationClientId;
  }
  if (clientId) await requireInOrg(trx, 'clients', clientId, org, 'client');
  const id = newId();
  const spans = input.evidence ?? [];
  // the texts of every message the spans quote, in one read (those just written are known)
  const texts = new Map(known.messageTexts);
  const unread = [...new Set(spans.map((s) => s.messageId))].filter((m) => !texts.has(m));
  if (unread.length > 0) {
    const rows = await trx
      .selectFrom('messages')
      .select(['id', 'text'])
      .where('id', 'in', unread)
      .where('org_id', '=', org)
      .execute();
    for (const r of rows) texts.set(r.id, r.text);
  }
  const evidence = spans.map((span) => {
    const text = texts.get(span.messageId);
    if (text === undefined) throw notFound('evidence message');
    if (span.end > text.length || span.start >= span.end)
      throw invalid(
        `evidence: span [${span.start}, ${span.end}) is outside the message (${text.length} characters)`,
      );
    return {
      id: newId(),
      message_id: span.messageId,
      signal_id: span.signalId ?? null,
      start_offset: span.start,
      end_offset: span.end,
      quote: text.slice(span.start, span.end),
    };
  });
  const exposed = [...new Set(input.exposedUserIds ?? [actor.userId])];
  // One statement writes the incident, its evidence, the people exposed (only users of this
  // organisation among those named: any other is refused below) and its debrief. Every statement
  // of a transaction is a round trip during which the transaction holds its locks (on PGlite, the
  // whole database), so the fewer the better. Foreign keys are checked at the statement's end.
  const written = await sql<Selectable<IncidentsTable> & { exposed_count: number }>`
    with i as (
      insert into incidents (id, org_id, conversation_id, message_id, client_id, kind, severity, summary,
                             source, reported_by, created_at, updated_at, closed_at)
      values (${id}, ${org}, ${input.conversationId ?? null}, ${input.messageId ?? null}, ${clientId},
              ${input.kind}, ${input.severity}, ${input.summary}, ${opts.source}, ${actor.userId}, ${now}, ${now}, null)
      returning *),
    e as (
      insert into incident_evidence (id, org_id, incident_id, message_id, signal_id, start_offset, end_offset, quote, created_at)
      select v.id, ${org}::uuid, ${id}::uuid, v.message_id, v.signal_id, v.start_offset, v.end_offset, v.quote, ${now}::timestamptz
      from jsonb_to_recordset(${toJsonb(evidence)}::jsonb)
        as v(id uuid, message_id uuid, signal_id text, start_offset integer, end_offset integer, quote text)),
    x as (
      insert into incident_exposed (incident_id, user_id, org_id)
      select ${id}::uuid, u.id, u.org_id from users u
      where u.org_id = ${org}::uuid and ${exposed.length > 0 ? sql`u.id in (${sql.join(exposed)})` : sql`false`}
      returning user_id),
    d as (
      insert into debriefs (id, org_id, incident_id, due_at, created_at, updated_at)
      values (${newId()}, ${org}, ${id}, ${new Date(now.getTime() + opts.config.debriefDueHours * 3600_000)},
              ${now}, ${now}))
    select i.*, (select count(*)::int from x) as exposed_count from i`.execute(trx);
  const { exposed_count: exposedCount, ...row } = written.rows[0] as Selectable<IncidentsTable> & {
    exposed_count: number;
  };
  if (exposedCount !== exposed.length) throw notFound('exposed user'); // the caller's transaction rolls back
  await appendAudit(trx, {
    orgId: org,
    actorId: actor.userId,
    entityType: 'incident',
    entityId: id,
    action: 'created',
    data: incidentCreatedData({
      source: opts.source,
      kind: input.kind,
      severity: input.severity,
      summary: input.summary,
      conversationId: input.conversationId ?? null,
      clientId,
      exposedUserIds: exposed,
      evidence,
    }),
    at: now,
  });
  return row;
}

/** An evidence row as the incident statements write it. */
export interface EvidenceRow {
  readonly message_id: string;
  readonly signal_id: string | null;
  readonly start_offset: number;
  readonly end_offset: number;
  readonly quote: string;
}

/**
 * The audit data of an incident's creation — one shape for every path that creates one (by hand,
 * automatically, in the one-statement abusive ingest), so that their audit entries read alike.
 */
export function incidentCreatedData(fields: {
  readonly source: string;
  readonly kind: string;
  readonly severity: number;
  readonly summary: string;
  readonly conversationId: string | null;
  readonly clientId: string | null;
  readonly exposedUserIds: readonly string[];
  readonly evidence: readonly EvidenceRow[];
}): Record<string, unknown> {
  const { evidence, ...rest } = fields;
  return {
    ...rest,
    evidence: evidence.map((e) => ({
      messageId: e.message_id,
      start: e.start_offset,
      end: e.end_offset,
      quote: e.quote,
      signalId: e.signal_id,
    })),
  };
}

export function incidentEvent(row: {
  id: string;
  kind: string;
  severity: number;
  conversation_id: string | null;
  client_id: string | null;
  summary: string;
  created_at: Date;
  source: string;
}) {
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    conversationId: row.conversation_id,
    clientId: row.client_id,
    summary: row.summary,
    source: row.source,
    createdAt: row.created_at.toISOString(),
  };
}

export async function createIncident(opts: DomainContext & { input: NewIncident }) {
  const row = await opts.db
    .transaction()
    .execute((trx) => insertIncident(trx, { ...opts, source: 'manual' }));
  opts.events.publish({ name: 'incident.created', orgId: opts.actor.orgId, data: incidentEvent(row) });
  return toApi(row);
}

export async function findIncidents(
  opts: DomainContext & { page: Page; status?: IncidentStatus | undefined; clientId?: string | undefined },
) {
  let q = opts.db
    .selectFrom('incidents')
    .selectAll()
    .where('org_id', '=', opts.actor.orgId)
    .where(visibleIncident(opts.actor))
    .where(afterCursor('incidents', opts.page.cursor));
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.clientId) q = q.where('client_id', '=', opts.clientId);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.page.limit + 1)
    .execute();
  return toPage(rows, opts.page.limit, toApi);
}

export async function loadIncident(db: Executor, opts: DomainContext & { id: string }) {
  const row = await db
    .selectFrom('incidents')
    .selectAll()
    .where('id', '=', opts.id)
    .where('org_id', '=', opts.actor.orgId)
    .where(visibleIncident(opts.actor))
    .executeTakeFirst();
  if (!row) throw notFound('incident');
  return row;
}

export async function findIncident(opts: DomainContext & { id: string }) {
  const row = await loadIncident(opts.db, opts);
  const org = opts.actor.orgId;
  const evidence = await opts.db
    .selectFrom('incident_evidence')
    .select([
      'id',
      'message_id',
      'signal_id',
      'start_offset as start',
      'end_offset as end',
      'quote',
      'created_at',
    ])
    .where('incident_id', '=', opts.id)
    .where('org_id', '=', org)
    .orderBy('created_at')
    .orderBy('start_offset')
    .execute();
  const exposed = await opts.db
    .selectFrom('incident_exposed as x')
    .innerJoin('users as u', 'u.id', 'x.user_id')
    .select(['u.id', 'u.name', 'u.role'])
    .where('x.incident_id', '=', opts.id)
    .where('x.org_id', '=', org)
    .execute();
  const debrief = await opts.db
    .selectFrom('debriefs')
    .selectAll()
    .where('incident_id', '=', opts.id)
    .where('org_id', '=', org)
    .executeTakeFirst();
  const escalations = await opts.db
    .selectFrom('escalations')
    .selectAll()
    .where('incident_id', '=', opts.id)
    .where('org_id', '=', org)
    .where(visibleEscalation(opts.actor))
    .orderBy('created_at')
    .execute();
  return {
    ...toApi(row),
    evidence: evidence.map(toApi),
    exposed,
    debrief: debrief
      ? { ...toApi(debrief), isOverdue: !debrief.completed_at && debrief.due_at < opts.now }
      : null,
    escalations: escalations.map(toApi),
  };
}

export interface IncidentPatch {
  readonly status?: IncidentStatus | undefined;
  readonly severity?: number | undefined;
  readonly summary?: string | undefined;
}

export async function updateIncident(opts: DomainContext & { id: string; patch: IncidentPatch }) {
  const { patch } = opts;
  const row = await opts.db.transaction().execute(async (trx) => {
    const before = await loadIncident(trx, opts);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const set: Record<string, unknown> = { updated_at: opts.now };
    for (const key of ['status', 'severity', 'summary'] as const) {
      const value = patch[key];
      if (value !== undefined && value !== before[key]) {
        changes[key] = { from: before[key], to: value };
        set[key] = value;
      }
    }
    if (patch.status !== undefined && patch.status !== before.status)
      set.closed_at = patch.status === 'closed' ? opts.now : null;
    if (Object.keys(changes).length === 0) return before;
    const updated = await trx
      .updateTable('incidents')
      .set(set)
      .where('id', '=', opts.id)
      .where('org_id', '=', opts.actor.orgId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      orgId: opts.actor.orgId,
      actorId: opts.actor.userId,
      entityType: 'incident',
      entityId: opts.id,
      action: 'updated',
      data: { changes },
      at: opts.now,
    });
    return updated;
  });
  return toApi(row);
}

/**
 * An abusive message written in ONE statement, on a database that runs one statement at a time
 * (embedded PGlite, `isSerialised`): the optimistic message write of conversations.ts, the
 * incident with its evidence, the person exposed and its debrief (incidents.ts), the escalation
 * when the abuse repeats or threatens (escalations.ts), and their audit entries, hash-chained
 * (audit.ts). A lone statement is its own transaction: all of it is written, or nothing.
 *
 * Why: as a transaction this was eight statements (BEGIN, message, incident, chain lock, audit,
 * escalation, audit, COMMIT), each a round trip during which PGlite's one connection is held and
 * the other requests' statements wait; as one statement it joins the dialect's batch of the turn.
 *
 * Why only there: the audit entry reads the chain's last hash in the statement that appends to
 * it. On PostgreSQL two such statements could read the same last hash and fork the chain; there,
 * the transaction of conversations.ts takes the chain's lock first (audit.ts). On PGlite nothing
 * runs between the read and the append.
 *
 * The audit bodies are the canonical JSON of audit.ts, made here with a placeholder for each value
 * only the statement reads (the conversation's client, who is exposed, the actor's supervisor),
 * which it puts in before hashing: `hashEntry` over the stored row gives the same hash.
 *
 * The statement writes nothing, and returns no row, when the conversation is not at the expected
 * head — or when its client or assigned user is not one of the caller's organisation, which the
 * transaction's path (insertIncident) refuses with its own error: the caller then retries and, in
 * the end, takes that path.
 */
import type { Finding } from '@sangfroid/core';
import { type Selectable, sql } from 'kysely';
import type { Db, EscalationsTable, IncidentsTable } from '../db/schema.ts';
import { invalid } from '../errors.ts';
import { entryBody, GENESIS_HASH } from './audit.ts';
import { newId, toJsonb } from './common.ts';
import { NOT_YET_HANDLED } from './escalations.ts';
import { incidentCreatedData } from './incidents.ts';

export interface AbusiveIngest {
  readonly orgId: string;
  readonly actorId: string;
  readonly conversationId: string;
  /** The head the write expects. */
  readonly lastSeq: number;
  readonly historyVersion: number;
  readonly now: Date;
  readonly debriefDueHours: number;
  readonly message: {
    readonly id: string;
    readonly direction: 'inbound' | 'outbound';
    readonly channel: string | null;
    readonly authorName: string | null;
    readonly authorUserId: string | null;
    readonly text: string;
    readonly lang: string;
    /** JSON text (toJsonb) of the analysis and of the recommendation. */
    readonly analysis: string;
    readonly recommendation: string;
    readonly maxSeverity: number;
    readonly sentAt: Date | null;
  };
  /** The incident's kind, severity and summary (conversations.ts names them). */
  readonly kind: string;
  readonly severity: number;
  readonly summary: string;
  readonly abuse: readonly Finding[];
}

export interface AbusiveIngestResult {
  readonly seq: number;
  readonly channel: string;
  readonly incident: Selectable<IncidentsTable>;
  readonly escalation: Selectable<EscalationsTable> | null;
}

type Row = {
  seq: number;
  channel: string;
  client_id: string | null;
  exposed_id: string;
  supervisor_id: string | null;
  escalated: boolean;
};

/** Writes the abusive message and all that follows from it; null when nothing was written. */
export async function writeAbusiveIngest(db: Db, w: AbusiveIngest): Promise<AbusiveIngestResult | null> {
  const { orgId, actorId, conversationId, now, message: m } = w;
  const incidentId = newId();
  const escalationId = newId();
  const evidence = w.abuse.map((f) => {
    if (f.end > m.text.length || f.start >= f.end)
      throw invalid(
        `evidence: span [${f.start}, ${f.end}) is outside the message (${m.text.length} characters)`,
      );
    return {
      id: newId(),
      message_id: m.id,
      signal_id: f.id,
      start_offset: f.start,
      end_offset: f.end,
      quote: m.text.slice(f.start, f.end),
    };
  });
  const threat = w.abuse.some((f) => f.id === 'abuse.threat');
  // the values only the statement knows, as placeholders no text can contain (a fresh id each)
  const token = newId();
  const clientToken = `client:${token}`;
  const exposedToken = `exposed:${token}`;
  const supervisorToken = `supervisor:${token}`;
  const incidentData = JSON.parse(
    toJsonb(
      incidentCreatedData({
        source: 'auto',
        kind: w.kind,
        severity: w.severity,
        summary: w.summary,
        conversationId,
        clientId: clientToken,
        exposedUserIds: [exposedToken],
        evidence,
      }),
    ),
  ) as Record<string, unknown>;
  const reason = threat ? 'threat' : 'repeated_abuse';
  const escalationData = { reason, conversationId, incidentId, supervisorId: supervisorToken };
  const entry = { orgId, actorId, at: now } as const;
  const incidentBody = entryBody({
    ...entry,
    entityType: 'incident',
    entityId: incidentId,
    action: 'created',
    data: incidentData,
  });
  const escalationBody = entryBody({
    ...entry,
    entityType: 'escalation',
    entityId: escalationId,
    action: 'raised',
    data: escalationData,
  });
  const q = (t: string) => JSON.stringify(t);
  const dueAt = new Date(now.getTime() + w.debriefDueHours * 3600_000);
  const result = await sql<Row>`
    with c as (
      update conversations
      set message_count = message_count + 1, updated_at = ${now}::timestamptz, recommendation = ${m.recommendation}::jsonb
      where id = ${conversationId}::uuid and org_id = ${orgId}::uuid
        and message_count = ${w.lastSeq}::int and history_version = ${w.historyVersion}::int
        and (client_id is null or exists (select 1 from clients k where k.id = conversations.client_id and k.org_id = ${orgId}::uuid))
        and exists (select 1 from users u where u.id = coalesce(conversations.assigned_user_id, ${actorId}::uuid) and u.org_id = ${orgId}::uuid)
      returning message_count, channel, client_id, coalesce(assigned_user_id, ${actorId}::uuid) as exposed_id),
    m as (
      insert into messages (id, org_id, conversation_id, seq, direction, channel, author_name, author_user_id, text, lang, analysis, max_severity, has_abuse, sent_at, created_at)
      select ${m.id}::uuid, ${orgId}::uuid, ${conversationId}::uuid, c.message_count, ${m.direction}::text, coalesce(${m.channel}::text, c.channel),
             ${m.authorName}::text, ${m.authorUserId}::uuid, ${m.text}::text, ${m.lang}::text, ${m.analysis}::jsonb, ${m.maxSeverity}::int, true, ${m.sentAt}::timestamptz, ${now}::timestamptz
      from c
      returning seq, channel),
    b as (
      select count(*)::int as n from messages
      where conversation_id = ${conversationId}::uuid and org_id = ${orgId}::uuid and has_abuse),
    i as (
      insert into incidents (id, org_id, conversation_id, message_id, client_id, kind, severity, summary, source, reported_by, created_at, updated_at, closed_at)
      select ${incidentId}::uuid, ${orgId}::uuid, ${conversationId}::uuid, ${m.id}::uuid, c.client_id, ${w.kind}::text, ${w.severity}::int,
             ${w.summary}::text, 'auto', ${actorId}::uuid, ${now}::timestamptz, ${now}::timestamptz, null
      from c
      returning id),
    e as (
      insert into incident_evidence (id, org_id, incident_id, message_id, signal_id, start_offset, end_offset, quote, created_at)
      select v.id, ${orgId}::uuid, i.id, v.message_id, v.signal_id, v.start_offset, v.end_offset, v.quote, ${now}::timestamptz
      from i, jsonb_to_recordset(${toJsonb(evidence)}::jsonb)
        as v(id uuid, message_id uuid, signal_id text, start_offset integer, end_offset integer, quote text)),
    x as (
      insert into incident_exposed (incident_id, user_id, org_id)
      select i.id, c.exposed_id, ${orgId}::uuid from i, c),
    d as (
      insert into debriefs (id, org_id, incident_id, due_at, created_at, updated_at)
      select ${newId()}::uuid, ${orgId}::uuid, i.id, ${dueAt}::timestamptz, ${now}::timestamptz, ${now}::timestamptz from i),
    s as (
      insert into escalations (id, org_id, conversation_id, incident_id, raised_by, supervisor_id, reason, created_at, updated_at)
      select ${escalationId}::uuid, ${orgId}::uuid, ${conversationId}::uuid, i.id, ${actorId}::uuid,
             (select supervisor_id from users where id = ${actorId}::uuid), ${reason}::text, ${now}::timestamptz, ${now}::timestamptz
      from i, b where ${threat}::boolean or b.n >= 1
      returning supervisor_id),
    a1 as (
      select p.hash as prev_hash,
             replace(replace(${incidentBody}::text, ${q(clientToken)}::text, coalesce(to_json(c.client_id)::text, 'null')),
                     ${q(exposedToken)}::text, to_json(c.exposed_id)::text) as body,
             replace(replace(${toJsonb(incidentData)}::text, ${q(clientToken)}::text, coalesce(to_json(c.client_id)::text, 'null')),
                     ${q(exposedToken)}::text, to_json(c.exposed_id)::text) as data
      from c, (select coalesce((select hash from audit_log where org_id = ${orgId}::uuid order by seq desc limit 1),
                               ${GENESIS_HASH}::text) as hash) p),
    h1 as (
      select prev_hash, data, encode(sha256(convert_to(prev_hash || chr(10) || body, 'UTF8')), 'hex') as hash from a1),
    a2 as (
      select h1.hash as prev_hash,
             replace(${escalationBody}::text, ${q(supervisorToken)}::text, coalesce(to_json(s.supervisor_id)::text, 'null')) as body,
             replace(${toJsonb(escalationData)}::text, ${q(supervisorToken)}::text, coalesce(to_json(s.supervisor_id)::text, 'null')) as data
      from h1, s),
    h2 as (
      select prev_hash, data, encode(sha256(convert_to(prev_hash || chr(10) || body, 'UTF8')), 'hex') as hash from a2),
    a as (
      insert into audit_log (org_id, at, actor_id, entity_type, entity_id, action, data, prev_hash, hash)
      select ${orgId}::uuid, ${now}::timestamptz, ${actorId}::uuid, t.entity_type, t.entity_id, t.action, t.data::jsonb, t.prev_hash, t.hash
      from (select 1 as n, 'incident' as entity_type, ${incidentId}::uuid as entity_id, 'created' as action, data, prev_hash, hash from h1
            union all
            select 2, 'escalation', ${escalationId}::uuid, 'raised', data, prev_hash, hash from h2) t
      order by t.n)
    select m.seq, m.channel, c.client_id, c.exposed_id, (select supervisor_id from s) as supervisor_id,
           exists (select 1 from s) as escalated
    from m, c`.execute(db);
  const row = result.rows[0];
  if (!row) return null;
  const incident: Selectable<IncidentsTable> = {
    id: incidentId,
    org_id: orgId,
    conversation_id: conversationId,
    message_id: m.id,
    client_id: row.client_id,
    kind: w.kind,
    severity: w.severity,
    status: 'open',
    summary: w.summary,
    source: 'auto',
    reported_by: actorId,
    created_at: now,
    updated_at: now,
    closed_at: null,
  };
  const escalation: Selectable<EscalationsTable> | null = row.escalated
    ? {
        id: escalationId,
        org_id: orgId,
        conversation_id: conversationId,
        incident_id: incidentId,
        raised_by: actorId,
        supervisor_id: row.supervisor_id,
        reason,
        ...NOT_YET_HANDLED,
        created_at: now,
        updated_at: now,
      }
    : null;
  return { seq: row.seq, channel: row.channel, incident, escalation };
}

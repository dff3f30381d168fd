/** Clients, their restrictions, risk profile, personal-data export and erasure. */
import { type RedactableRecommendation, redactRecommendation } from '@sangfroid/core';
import { sql } from 'kysely';
import type { Executor } from '../db/schema.ts';
import { invalid, notFound } from '../errors.ts';
import { appendAudit } from './audit.ts';
import { afterCursor, newId, type Page, toApi, toJsonb, toPage } from './common.ts';
import type { DomainContext } from './context.ts';
import { computeRiskProfile } from './risk.ts';

export const RESTRICTION_KINDS = [
  'written_contact_only',
  'two_staff_present',
  'service_suspended',
  'other',
] as const;
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];

export interface ClientInput {
  readonly name?: string | undefined;
  readonly company?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly notes?: string | null | undefined;
}

export async function createClient(opts: DomainContext & { input: ClientInput & { name: string } }) {
  const { input } = opts;
  const row = await opts.db
    .insertInto('clients')
    .values({
      id: newId(),
      org_id: opts.actor.orgId,
      name: input.name,
      company: input.company ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      notes: input.notes ?? null,
      created_at: opts.now,
      updated_at: opts.now,
      erased_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toApi(row);
}

export async function findClients(opts: DomainContext & { page: Page; q?: string | undefined }) {
  let query = opts.db
    .selectFrom('clients as c')
    .selectAll('c')
    .where('c.org_id', '=', opts.actor.orgId)
    .where(afterCursor('c', opts.page.cursor));
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) => eb.or([eb('c.name', 'ilike', like), eb('c.company', 'ilike', like)]));
  }
  const rows = await query
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(opts.page.limit + 1)
    .execute();
  return toPage(rows, opts.page.limit, toApi);
}

async function loadClient(db: Executor, orgId: string, id: string) {
  const row = await db
    .selectFrom('clients')
    .selectAll()
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) throw notFound('client');
  return row;
}

export async function findRiskProfile(opts: { db: Executor; orgId: string; clientId: string; now: Date }) {
  const incidents = await opts.db
    .selectFrom('incidents')
    .select(['kind', 'severity', 'created_at'])
    .where('org_id', '=', opts.orgId)
    .where('client_id', '=', opts.clientId)
    .execute();
  return computeRiskProfile({
    incidents: incidents.map((i) => ({ kind: i.kind, severity: i.severity, createdAt: i.created_at })),
    now: opts.now,
  });
}

export async function findClient(opts: DomainContext & { id: string }) {
  const row = await loadClient(opts.db, opts.actor.orgId, opts.id);
  const restrictions = await findRestrictions({ ...opts, clientId: opts.id });
  const risk = await findRiskProfile({
    db: opts.db,
    orgId: opts.actor.orgId,
    clientId: opts.id,
    now: opts.now,
  });
  return {
    ...toApi(row),
    risk,
    restrictions: restrictions.items.filter((r) => (r as { liftedAt?: unknown }).liftedAt === null),
  };
}

export async function updateClient(opts: DomainContext & { id: string; input: ClientInput }) {
  const { input } = opts;
  const set: Record<string, unknown> = { updated_at: opts.now };
  for (const key of ['name', 'company', 'email', 'phone', 'notes'] as const)
    if (input[key] !== undefined) set[key] = input[key];
  const row = await opts.db
    .updateTable('clients')
    .set(set)
    .where('id', '=', opts.id)
    .where('org_id', '=', opts.actor.orgId)
    .where('erased_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('client');
  return toApi(row);
}

export async function findRestrictions(opts: DomainContext & { clientId: string }) {
  await loadClient(opts.db, opts.actor.orgId, opts.clientId);
  const rows = await opts.db
    .selectFrom('restrictions')
    .selectAll()
    .where('org_id', '=', opts.actor.orgId)
    .where('client_id', '=', opts.clientId)
    .orderBy('created_at', 'desc')
    .execute();
  const today = opts.now.toISOString().slice(0, 10);
  return { items: rows.map((r) => withReview(r, today)), nextCursor: null };
}

/** A restriction is reviewed on its date, not kept forever by default (the method: proportionate). */
export function withReview(
  row: { review_on: string; lifted_at: Date | null },
  today: string,
): Record<string, unknown> & { isReviewDue: boolean } {
  return { ...toApi(row), isReviewDue: row.lifted_at === null && row.review_on <= today };
}

/** The active restrictions of a client: shown wherever staff deal with them. */
export async function findActiveRestrictions(opts: {
  db: Executor;
  orgId: string;
  clientId: string;
  now: Date;
}) {
  const rows = await opts.db
    .selectFrom('restrictions')
    .selectAll()
    .where('org_id', '=', opts.orgId)
    .where('client_id', '=', opts.clientId)
    .where('lifted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  const today = opts.now.toISOString().slice(0, 10);
  return rows.map((r) => withReview(r, today));
}

export async function createRestriction(
  opts: DomainContext & {
    clientId: string;
    input: { kind: RestrictionKind; reason: string; reviewOn: string };
  },
) {
  const { input } = opts;
  const today = opts.now.toISOString().slice(0, 10);
  if (input.reviewOn < today) throw invalid('reviewOn: the review date cannot be in the past');
  const row = await opts.db.transaction().execute(async (trx) => {
    await loadClient(trx, opts.actor.orgId, opts.clientId);
    const inserted = await trx
      .insertInto('restrictions')
      .values({
        id: newId(),
        org_id: opts.actor.orgId,
        client_id: opts.clientId,
        kind: input.kind,
        reason: input.reason,
        author_id: opts.actor.userId,
        review_on: input.reviewOn,
        created_at: opts.now,
        lifted_at: null,
        lifted_by: null,
        lift_reason: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      orgId: opts.actor.orgId,
      actorId: opts.actor.userId,
      entityType: 'restriction',
      entityId: inserted.id,
      action: 'created',
      data: { clientId: opts.clientId, kind: input.kind, reason: input.reason, reviewOn: input.reviewOn },
      at: opts.now,
    });
    return inserted;
  });
  opts.events.publish({
    name: 'restriction.created',
    orgId: opts.actor.orgId,
    data: { id: row.id, clientId: row.client_id, kind: row.kind, reviewOn: row.review_on },
  });
  return toApi(row);
}

export async function liftRestriction(opts: DomainContext & { id: string; reason: string }) {
  const row = await opts.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('restrictions')
      .set({ lifted_at: opts.now, lifted_by: opts.actor.userId, lift_reason: opts.reason })
      .where('id', '=', opts.id)
      .where('org_id', '=', opts.actor.orgId)
      .where('lifted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!updated) {
      const exists = await trx
        .selectFrom('restrictions')
        .select('id')
        .where('id', '=', opts.id)
        .where('org_id', '=', opts.actor.orgId)
        .executeTakeFirst();
      if (!exists) throw notFound('restriction');
      throw invalid('this restriction was already lifted');
    }
    await appendAudit(trx, {
      orgId: opts.actor.orgId,
      actorId: opts.actor.userId,
      entityType: 'restriction',
      entityId: opts.id,
      action: 'lifted',
      data: { reason: opts.reason },
      at: opts.now,
    });
    return updated;
  });
  return toApi(row);
}

/** Everything held about a client, for a subject-access request (GDPR art. 15). */
export async function exportClientData(opts: DomainContext & { id: string }) {
  const client = await loadClient(opts.db, opts.actor.orgId, opts.id);
  const org = opts.actor.orgId;
  const conversations = await opts.db
    .selectFrom('conversations')
    .selectAll()
    .where('org_id', '=', org)
    .where('client_id', '=', opts.id)
    .execute();
  const ids = conversations.map((c) => c.id);
  const messages = ids.length
    ? await opts.db
        .selectFrom('messages')
        .select([
          'id',
          'conversation_id',
          'seq',
          'direction',
          'channel',
          'author_name',
          'text',
          'sent_at',
          'created_at',
        ])
        .where('org_id', '=', org)
        .where('conversation_id', 'in', ids)
        .orderBy('conversation_id')
        .orderBy('seq')
        .execute()
    : [];
  const restrictions = await opts.db
    .selectFrom('restrictions')
    .selectAll()
    .where('org_id', '=', org)
    .where('client_id', '=', opts.id)
    .execute();
  const incidents = await opts.db
    .selectFrom('incidents')
    .select(['id', 'kind', 'severity', 'status', 'summary', 'created_at'])
    .where('org_id', '=', org)
    .where('client_id', '=', opts.id)
    .execute();
  const commitments = await opts.db
    .selectFrom('commitments')
    .select(['id', 'what', 'to_whom', 'due_at', 'status', 'created_at'])
    .where('org_id', '=', org)
    .where('client_id', '=', opts.id)
    .execute();
  return {
    exportedAt: opts.now.toISOString(),
    client: toApi(client),
    conversations: conversations.map((c) =>
      toApi({ id: c.id, channel: c.channel, subject: c.subject, status: c.status, created_at: c.created_at }),
    ),
    messages: messages.map(toApi),
    restrictions: restrictions.map(toApi),
    incidents: incidents.map(toApi),
    commitments: commitments.map(toApi),
  };
}

export const ERASED = '[erased]';

/**
 * Erasure on request (GDPR art. 17): identity, contact and notes are removed and the texts of the
 * client's messages replaced. Incident evidence (quoted spans) is kept, attached to an anonymous
 * client, because art. 17(3)(e) exempts what is needed to defend legal claims — staff may need it.
 * The conversations' stored recommendations keep their advice but lose their quotes.
 */
export async function eraseClient(opts: DomainContext & { id: string; reason: string }) {
  await opts.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, opts.actor.orgId, opts.id);
    if (client.erased_at) throw invalid('this client was already erased');
    await trx
      .updateTable('clients')
      .set({
        name: ERASED,
        company: null,
        email: null,
        phone: null,
        notes: null,
        erased_at: opts.now,
        updated_at: opts.now,
      })
      .where('id', '=', opts.id)
      .execute();
    await trx
      .updateTable('messages')
      .set({
        text: ERASED,
        author_name: null,
        analysis: sql`jsonb_set(analysis, '{findings}', (select coalesce(jsonb_agg(f - 'evidence' - 'message' - 'note' - 'suggestions'), '[]'::jsonb) from jsonb_array_elements(analysis->'findings') f))`,
      })
      .where('org_id', '=', opts.actor.orgId)
      .where('conversation_id', 'in', (eb) =>
        eb
          .selectFrom('conversations')
          .select('id')
          .where('client_id', '=', opts.id)
          .where('org_id', '=', opts.actor.orgId),
      )
      .execute();
    await trx
      .updateTable('conversations')
      // the version tells every instance's history cache that these turns changed
      .set({ subject: null, external_ref: null, history_version: sql`history_version + 1` })
      .where('org_id', '=', opts.actor.orgId)
      .where('client_id', '=', opts.id)
      .execute();
    // the stored recommendations quote the turns (evidence, the agent's own slip): the advice stays
    const recommended = await trx
      .selectFrom('conversations')
      .select(['id', 'recommendation'])
      .where('org_id', '=', opts.actor.orgId)
      .where('client_id', '=', opts.id)
      .where('recommendation', 'is not', null)
      .execute();
    for (const c of recommended)
      await trx
        .updateTable('conversations')
        .set({
          recommendation: toJsonb(redactRecommendation(c.recommendation as RedactableRecommendation, ERASED)),
        })
        .where('id', '=', c.id)
        .execute();
    await trx
      .updateTable('commitments')
      .set({ to_whom: ERASED })
      .where('org_id', '=', opts.actor.orgId)
      .where('client_id', '=', opts.id)
      .execute();
    await appendAudit(trx, {
      orgId: opts.actor.orgId,
      actorId: opts.actor.userId,
      entityType: 'client',
      entityId: opts.id,
      action: 'erased',
      data: { reason: opts.reason },
      at: opts.now,
    });
  });
  // cached heads and turns hold the erased texts
  opts.history?.clear();
  opts.engine?.clear();
  return { erased: true };
}

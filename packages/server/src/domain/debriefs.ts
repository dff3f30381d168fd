/**
 * Debriefs: the supervisor and the employee go over an incident within hours or days (the method),
 * due DEBRIEF_DUE_HOURS after it; overdue ones are flagged so none is forgotten.
 */
import { sql } from 'kysely';
import type { DebriefsTable } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { visibleDebrief } from '../http/access.ts';
import { appendAudit } from './audit.ts';
import { toApi } from './common.ts';
import type { DomainContext } from './context.ts';

function withOverdue(row: DebriefsTable, now: Date) {
  return { ...toApi(row), isOverdue: row.completed_at === null && row.due_at < now };
}

export async function findDebriefs(
  opts: DomainContext & { limit: number; overdue?: boolean | undefined; status?: 'due' | 'done' | undefined },
) {
  let q = opts.db
    .selectFrom('debriefs')
    .selectAll()
    .where('org_id', '=', opts.actor.orgId)
    .where(visibleDebrief(opts.actor));
  if (opts.status === 'due' || opts.overdue) q = q.where('completed_at', 'is', null);
  if (opts.status === 'done') q = q.where('completed_at', 'is not', null);
  if (opts.overdue) q = q.where('due_at', '<', opts.now);
  const rows = await q.orderBy('due_at', 'asc').orderBy('id').limit(opts.limit).execute();
  return { items: rows.map((r) => withOverdue(r, opts.now)), nextCursor: null };
}

export async function findDebrief(opts: DomainContext & { id: string }) {
  const row = await opts.db
    .selectFrom('debriefs')
    .selectAll()
    .where('id', '=', opts.id)
    .where('org_id', '=', opts.actor.orgId)
    .where(visibleDebrief(opts.actor))
    .executeTakeFirst();
  if (!row) throw notFound('debrief');
  return withOverdue(row, opts.now);
}

export interface DebriefPatch {
  readonly whatHappened?: string | undefined;
  readonly wentWell?: string | undefined;
  readonly doDifferently?: string | undefined;
  readonly strategy?: string | undefined;
  /** When the debrief is planned (ISO-8601); null clears the plan. */
  readonly scheduledAt?: string | null | undefined;
  readonly complete?: boolean | undefined;
}

export async function updateDebrief(opts: DomainContext & { id: string; patch: DebriefPatch }) {
  const { patch, now, actor } = opts;
  const row = await opts.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('debriefs')
      .selectAll()
      .where('id', '=', opts.id)
      .where('org_id', '=', actor.orgId)
      .executeTakeFirst();
    if (!current) throw notFound('debrief');
    const set: Record<string, unknown> = {
      updated_at: now,
      facilitator_id: current.facilitator_id ?? actor.userId,
    };
    if (patch.whatHappened !== undefined) set.what_happened = patch.whatHappened;
    if (patch.wentWell !== undefined) set.went_well = patch.wentWell;
    if (patch.doDifferently !== undefined) set.do_differently = patch.doDifferently;
    if (patch.strategy !== undefined) set.strategy = patch.strategy;
    if (patch.scheduledAt !== undefined)
      set.scheduled_at = patch.scheduledAt ? new Date(patch.scheduledAt) : null;
    if (patch.complete && current.completed_at === null) set.completed_at = now;
    const updated = await trx
      .updateTable('debriefs')
      .set(set)
      .where('id', '=', opts.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      entityType: 'debrief',
      entityId: opts.id,
      action: set.completed_at ? 'completed' : 'updated',
      data: {
        incidentId: current.incident_id,
        ...patch,
        onTime: set.completed_at ? now <= current.due_at : undefined,
      },
      at: now,
    });
    return updated;
  });
  return withOverdue(row, now);
}

export const OVERDUE_DEBRIEFS_SQL = sql`completed_at is null and due_at < now()`;

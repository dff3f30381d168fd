/**
 * Escalations: the employee hands a conversation over to a supervisor (the method: end calmly,
 * hand over if abuse continues). raised → acknowledged → taken_over → resolved, each step audited
 * and pushed to supervisors in real time; the supervisor's support note goes back to the employee.
 */
import type { EscalationsTable, Executor } from '../db/schema.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { visibleEscalation } from '../http/access.ts';
import { appendAudit } from './audit.ts';
import { afterCursor, newId, type Page, requireInOrg, toApi, toPage } from './common.ts';
import type { DomainContext } from './context.ts';

/** A new escalation's columns that only its handling fills: raised, nobody has acted on it yet. */
export const NOT_YET_HANDLED = {
  status: 'raised',
  support_note: null,
  acknowledged_at: null,
  acknowledged_by: null,
  taken_over_at: null,
  taken_over_by: null,
  resolved_at: null,
  resolved_by: null,
} as const;

export const ESCALATION_STATUSES = ['raised', 'acknowledged', 'taken_over', 'resolved'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

type Row = Omit<EscalationsTable, 'status'> & { status: EscalationStatus };

export function escalationEvent(row: Row) {
  return {
    id: row.id,
    reason: row.reason,
    status: row.status,
    raisedBy: row.raised_by,
    supervisorId: row.supervisor_id,
    incidentId: row.incident_id,
    conversationId: row.conversation_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface NewEscalation {
  readonly reason: string;
  readonly conversationId?: string | undefined;
  readonly incidentId?: string | undefined;
  readonly supervisorId?: string | undefined;
}

/**
 * Inserts an escalation inside a transaction (also used when abuse repeats in a conversation).
 * `inOrg`: ids the caller has itself written in the caller's organisation within this transaction
 * (the conversation and incident of an automatic escalation), which need no second look.
 */
export async function insertEscalation(
  trx: Executor,
  opts: DomainContext & { input: NewEscalation; inOrg?: ReadonlySet<string> },
) {
  const { input, actor, now } = opts;
  const org = actor.orgId;
  const checked = opts.inOrg ?? new Set<string>();
  if (input.conversationId && !checked.has(input.conversationId))
    await requireInOrg(trx, 'conversations', input.conversationId, org, 'conversation');
  if (input.incidentId && !checked.has(input.incidentId))
    await requireInOrg(trx, 'incidents', input.incidentId, org, 'incident');
  const supervisorId = input.supervisorId ?? null;
  if (supervisorId) {
    const sup = await trx
      .selectFrom('users')
      .select('role')
      .where('id', '=', supervisorId)
      .where('org_id', '=', org)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!sup) throw notFound('supervisor');
    if (sup.role === 'agent') throw invalid('supervisorId: escalate to a supervisor or an admin');
  }
  const row = await trx
    .insertInto('escalations')
    .values({
      id: newId(),
      org_id: org,
      conversation_id: input.conversationId ?? null,
      incident_id: input.incidentId ?? null,
      raised_by: actor.userId,
      // by default the caller's own supervisor, read by the insert itself
      supervisor_id:
        supervisorId ??
        ((eb) => eb.selectFrom('users').select('supervisor_id').where('id', '=', actor.userId)),
      reason: input.reason,
      ...NOT_YET_HANDLED,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(trx, {
    orgId: org,
    actorId: actor.userId,
    entityType: 'escalation',
    entityId: row.id,
    action: 'raised',
    data: {
      reason: input.reason,
      conversationId: row.conversation_id,
      incidentId: row.incident_id,
      supervisorId: row.supervisor_id,
    },
    at: now,
  });
  return row as Row;
}

export async function createEscalation(opts: DomainContext & { input: NewEscalation }) {
  const row = await opts.db.transaction().execute((trx) => insertEscalation(trx, opts));
  opts.events.publish({ name: 'escalation.created', orgId: opts.actor.orgId, data: escalationEvent(row) });
  return toApi(row);
}

export async function findEscalations(
  opts: DomainContext & { page: Page; status?: EscalationStatus | undefined },
) {
  let q = opts.db
    .selectFrom('escalations')
    .selectAll()
    .where('org_id', '=', opts.actor.orgId)
    .where(visibleEscalation(opts.actor))
    .where(afterCursor('escalations', opts.page.cursor));
  if (opts.status) q = q.where('status', '=', opts.status);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.page.limit + 1)
    .execute();
  return toPage(rows, opts.page.limit, toApi);
}

export async function findEscalation(opts: DomainContext & { id: string }) {
  const row = await opts.db
    .selectFrom('escalations')
    .selectAll()
    .where('id', '=', opts.id)
    .where('org_id', '=', opts.actor.orgId)
    .where(visibleEscalation(opts.actor))
    .executeTakeFirst();
  if (!row) throw notFound('escalation');
  return toApi(row);
}

export type EscalationStep = 'acknowledge' | 'take_over' | 'resolve' | 'note';

const ALLOWED_FROM: Record<Exclude<EscalationStep, 'note'>, readonly EscalationStatus[]> = {
  acknowledge: ['raised'],
  take_over: ['raised', 'acknowledged'],
  resolve: ['raised', 'acknowledged', 'taken_over'],
};

/** Moves an escalation one step (supervisors and admins only, checked by the route's access). */
export async function advanceEscalation(
  opts: DomainContext & { id: string; step: EscalationStep; supportNote?: string | undefined },
) {
  const { actor, now, step } = opts;
  const row = await opts.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('escalations')
      .selectAll()
      .where('id', '=', opts.id)
      .where('org_id', '=', actor.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound('escalation');
    const set: Record<string, unknown> = { updated_at: now };
    if (step !== 'note') {
      if (!ALLOWED_FROM[step].includes(current.status))
        throw new AppError(
          'conflict',
          `cannot ${step.replace('_', ' ')} an escalation that is ${current.status.replace('_', ' ')}`,
        );
      if (step === 'acknowledge' || !current.acknowledged_at)
        Object.assign(set, { acknowledged_at: now, acknowledged_by: actor.userId });
      if (step === 'acknowledge') set.status = 'acknowledged';
      if (step === 'take_over')
        Object.assign(set, { status: 'taken_over', taken_over_at: now, taken_over_by: actor.userId });
      if (step === 'resolve')
        Object.assign(set, { status: 'resolved', resolved_at: now, resolved_by: actor.userId });
      if (current.supervisor_id === null) set.supervisor_id = actor.userId;
    }
    if (opts.supportNote !== undefined) set.support_note = opts.supportNote;
    const updated = await trx
      .updateTable('escalations')
      .set(set)
      .where('id', '=', opts.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      entityType: 'escalation',
      entityId: opts.id,
      action: step === 'note' ? 'support_note' : step,
      data: {
        from: current.status,
        to: updated.status,
        ...(opts.supportNote !== undefined ? { supportNote: opts.supportNote } : {}),
      },
      at: now,
    });
    return updated as Row;
  });
  opts.events.publish({ name: 'escalation.updated', orgId: actor.orgId, data: escalationEvent(row) });
  return toApi(row);
}

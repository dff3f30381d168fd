/** Commitments: what an agent promised, to whom, by when — overdue ones flagged, kept ones counted. */
import { notFound } from '../errors.ts';
import { editableCommitment } from '../http/access.ts';
import { afterCursor, newId, type Page, requireInOrg, toApi, toPage } from './common.ts';
import type { DomainContext } from './context.ts';

export const COMMITMENT_STATUSES = ['open', 'kept', 'broken', 'cancelled'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

function withOverdue(row: { status: string; due_at: Date }, now: Date) {
  return { ...toApi(row), isOverdue: row.status === 'open' && row.due_at < now };
}

export interface NewCommitment {
  readonly what: string;
  readonly toWhom: string;
  readonly dueAt: string;
  readonly clientId?: string | undefined;
  readonly conversationId?: string | undefined;
}

export async function createCommitment(opts: DomainContext & { input: NewCommitment }) {
  const { input, actor, now } = opts;
  if (input.clientId) await requireInOrg(opts.db, 'clients', input.clientId, actor.orgId, 'client');
  if (input.conversationId)
    await requireInOrg(opts.db, 'conversations', input.conversationId, actor.orgId, 'conversation');
  const row = await opts.db
    .insertInto('commitments')
    .values({
      id: newId(),
      org_id: actor.orgId,
      conversation_id: input.conversationId ?? null,
      client_id: input.clientId ?? null,
      made_by: actor.userId,
      what: input.what,
      to_whom: input.toWhom,
      due_at: new Date(input.dueAt),
      resolved_at: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return withOverdue(row, now);
}

export async function findCommitments(
  opts: DomainContext & {
    page: Page;
    status?: CommitmentStatus | undefined;
    overdue?: boolean | undefined;
    mine?: boolean | undefined;
  },
) {
  let q = opts.db
    .selectFrom('commitments')
    .selectAll()
    .where('org_id', '=', opts.actor.orgId)
    .where(afterCursor('commitments', opts.page.cursor));
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.overdue) q = q.where('status', '=', 'open').where('due_at', '<', opts.now);
  if (opts.mine) q = q.where('made_by', '=', opts.actor.userId);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.page.limit + 1)
    .execute();
  return toPage(rows, opts.page.limit, (r) => withOverdue(r, opts.now));
}

export async function updateCommitment(
  opts: DomainContext & {
    id: string;
    patch: { status?: CommitmentStatus | undefined; what?: string | undefined; dueAt?: string | undefined };
  },
) {
  const { patch, now } = opts;
  const set: Record<string, unknown> = { updated_at: now };
  if (patch.what !== undefined) set.what = patch.what;
  if (patch.dueAt !== undefined) set.due_at = new Date(patch.dueAt);
  if (patch.status !== undefined) {
    set.status = patch.status;
    set.resolved_at = patch.status === 'open' ? null : now;
  }
  const row = await opts.db
    .updateTable('commitments')
    .set(set)
    .where('id', '=', opts.id)
    .where('org_id', '=', opts.actor.orgId)
    .where(editableCommitment(opts.actor))
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('commitment');
  return withOverdue(row, now);
}

/** Commitments, well-being check-ins, dashboard, audit log, real-time events. */
import { z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { DomainEvent } from '../../alerts/event-bus.ts';
import { findAuditEntries, verifyAuditChain } from '../../domain/audit.ts';
import {
  COMMITMENT_STATUSES,
  createCommitment,
  findCommitments,
  updateCommitment,
} from '../../domain/commitments.ts';
import { toApi } from '../../domain/common.ts';
import { findDashboard, findTeam } from '../../domain/dashboard.ts';
import { createCheckIn, findCheckIns } from '../../domain/wellbeing.ts';
import { ADMINS, EVERYONE, MANAGERS } from '../access.ts';
import { defineRoute } from '../route.ts';
import { BoolQuery, Id, IdParam, IsoDateTime, note, PageQuery, shortText } from '../schemas.ts';
import { domain } from './context.ts';

/** Keep-alive comment interval: below the 30–60 s idle timeouts of common proxies. */
export const SSE_PING_MS = 25_000;

export const teamRoutes = [
  defineRoute({
    method: 'get',
    path: '/commitments',
    access: EVERYONE,
    tag: 'commitments',
    summary: 'Promises made to clients; `overdue=true` flags the late ones, `mine=true` yours',
    query: PageQuery.extend({
      status: z.enum(COMMITMENT_STATUSES).optional(),
      overdue: BoolQuery.optional(),
      mine: BoolQuery.optional(),
    }),
    handler: ({ deps, actor, query }) =>
      findCommitments({
        ...domain(deps, actor),
        page: query,
        status: query.status,
        overdue: query.overdue,
        mine: query.mine,
      }),
  }),
  defineRoute({
    method: 'post',
    path: '/commitments',
    access: EVERYONE,
    tag: 'commitments',
    summary: 'Record a promise: what, to whom, by when',
    status: 201,
    body: z.object({
      what: shortText(),
      toWhom: shortText(),
      dueAt: IsoDateTime,
      clientId: Id.optional(),
      conversationId: Id.optional(),
    }),
    handler: ({ deps, actor, body }) => createCommitment({ ...domain(deps, actor), input: body }),
  }),
  defineRoute({
    method: 'patch',
    path: '/commitments/{id}',
    access: EVERYONE,
    tag: 'commitments',
    summary: 'Mark a promise kept, broken or cancelled (agents: their own)',
    params: IdParam,
    body: z.object({
      status: z.enum(COMMITMENT_STATUSES).optional(),
      what: shortText().optional(),
      dueAt: IsoDateTime.optional(),
    }),
    handler: ({ deps, actor, params, body }) =>
      updateCommitment({ ...domain(deps, actor), id: params.id, patch: body }),
  }),
  defineRoute({
    method: 'get',
    path: '/wellbeing',
    access: EVERYONE,
    tag: 'wellbeing',
    summary: 'Check-ins visible to you: yours, and those of the people you supervise',
    query: z.object({ limit: PageQuery.shape.limit }),
    handler: ({ deps, actor, query }) => findCheckIns({ ...domain(deps, actor), limit: query.limit }),
  }),
  defineRoute({
    method: 'post',
    path: '/wellbeing',
    access: EVERYONE,
    tag: 'wellbeing',
    summary: 'How are you after this? (seen only by you and your supervisor)',
    status: 201,
    body: z.object({
      mood: z.number().int().min(1).max(5),
      note: note().optional(),
      wantsToTalk: z.boolean().optional(),
      incidentId: Id.optional(),
    }),
    handler: ({ deps, actor, body }) => createCheckIn({ ...domain(deps, actor), input: body }),
  }),
  defineRoute({
    method: 'get',
    path: '/dashboard',
    access: MANAGERS,
    tag: 'dashboard',
    summary: 'Counts and trends: incidents, time to acknowledge, debriefs on time, commitments kept',
    query: z.object({
      days: z.coerce.number().int().min(1).max(366).default(30),
      /** Narrow the figures to this supervisor's team (the supervisor and their reports). */
      supervisorId: Id.optional(),
    }),
    handler: async ({ deps, actor, query }) => {
      const ctx = domain(deps, actor);
      const team = query.supervisorId
        ? await findTeam({ ...ctx, supervisorId: query.supervisorId })
        : undefined;
      return findDashboard({ ...ctx, days: query.days, team });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/audit',
    access: ADMINS,
    tag: 'audit',
    summary: 'The audit log of your organisation, newest first',
    query: z.object({
      limit: PageQuery.shape.limit,
      beforeSeq: z.coerce.number().int().min(1).optional(),
      entityId: Id.optional(),
    }),
    async handler({ deps, actor, query }) {
      const rows = await findAuditEntries({
        db: deps.db,
        orgId: actor.orgId,
        limit: query.limit,
        ...(query.beforeSeq ? { beforeSeq: query.beforeSeq } : {}),
        ...(query.entityId ? { entityId: query.entityId } : {}),
      });
      return {
        items: rows.map(toApi),
        nextCursor: rows.length === query.limit ? String(rows.at(-1)?.seq) : null,
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/audit/verify',
    access: ADMINS,
    tag: 'audit',
    summary: "Recompute your organisation's hash chain",
    handler: ({ deps, actor }) => verifyAuditChain({ db: deps.db, orgId: actor.orgId }),
  }),
  defineRoute({
    method: 'get',
    path: '/events',
    access: MANAGERS,
    tag: 'events',
    summary:
      'Server-Sent Events: incident.created, escalation.created, escalation.updated, restriction.created, ping',
    contentType: 'text/event-stream',
    async handler({ c, deps, actor }) {
      return streamSSE(c, async (stream) => {
        const queue: DomainEvent[] = [];
        let wake: (() => void) | undefined;
        const unsubscribe = deps.events.subscribe((event) => {
          if (event.orgId !== actor.orgId) return;
          queue.push(event);
          wake?.();
        });
        const ping = setInterval(() => {
          queue.push({ name: 'ping' as DomainEvent['name'], orgId: actor.orgId, data: {} });
          wake?.();
        }, SSE_PING_MS);
        stream.onAbort(() => {
          clearInterval(ping);
          unsubscribe();
          wake?.();
        });
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ orgId: actor.orgId }) });
        while (!stream.aborted && !stream.closed) {
          const next = queue.shift();
          if (next) {
            await stream.writeSSE({ event: next.name, data: JSON.stringify(next.data) });
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
        }
        clearInterval(ping);
        unsubscribe();
      });
    },
  }),
];

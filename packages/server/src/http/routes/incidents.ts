/** Incidents, their exports, escalations, debriefs. */

import { randomBytes } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { CLIENT_SIGNAL_IDS } from '@sangfroid/core';
import { findDebrief, findDebriefs, updateDebrief } from '../../domain/debriefs.ts';
import {
  advanceEscalation,
  createEscalation,
  ESCALATION_STATUSES,
  type EscalationStep,
  findEscalation,
  findEscalations,
} from '../../domain/escalations.ts';
import { exportIncident, renderIncidentHtml } from '../../domain/exports.ts';
import {
  createIncident,
  findIncident,
  findIncidents,
  INCIDENT_STATUSES,
  updateIncident,
} from '../../domain/incidents.ts';
import { EVERYONE, MANAGERS } from '../access.ts';
import { defineRoute } from '../route.ts';
import { BoolQuery, Id, IdParam, Lang, LIMITS, note, PageQuery, shortText } from '../schemas.ts';
import { domain } from './context.ts';

const Severity = z.number().int().min(1).max(3);
const Kind = z.union([
  z.enum(CLIENT_SIGNAL_IDS),
  z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)?$/)
    .max(60),
]);
const Text = () => z.string().max(LIMITS.note);

/** One step of an escalation's life (acknowledge, take over, resolve), with an optional support note. */
function escalationStep(path: string, step: EscalationStep, summary: string) {
  return defineRoute({
    method: 'post',
    path: `/escalations/{id}/${path}`,
    access: MANAGERS,
    tag: 'escalations',
    summary,
    params: IdParam,
    body: z.object({ supportNote: note().optional() }),
    handler: ({ deps, actor, params, body }) =>
      advanceEscalation({ ...domain(deps, actor), id: params.id, step, supportNote: body.supportNote }),
  });
}

export const incidentRoutes = [
  defineRoute({
    method: 'get',
    path: '/incidents',
    access: EVERYONE,
    tag: 'incidents',
    summary: 'Incidents you may see (agents: those they reported or were exposed to), newest first',
    query: PageQuery.extend({ status: z.enum(INCIDENT_STATUSES).optional(), clientId: Id.optional() }),
    handler: ({ deps, actor, query }) =>
      findIncidents({ ...domain(deps, actor), page: query, status: query.status, clientId: query.clientId }),
  }),
  defineRoute({
    method: 'post',
    path: '/incidents',
    access: EVERYONE,
    tag: 'incidents',
    summary: 'Report an incident by hand (evidence = spans of stored messages, quoted exactly)',
    status: 201,
    body: z.object({
      kind: Kind,
      severity: Severity,
      summary: shortText(),
      conversationId: Id.optional(),
      clientId: Id.optional(),
      exposedUserIds: z.array(Id).max(20).optional(),
      evidence: z
        .array(z.object({ messageId: Id, start: z.number().int().min(0), end: z.number().int().min(1) }))
        .max(50)
        .optional(),
    }),
    handler: ({ deps, actor, body }) => createIncident({ ...domain(deps, actor), input: body }),
  }),
  defineRoute({
    method: 'get',
    path: '/incidents/{id}',
    access: EVERYONE,
    tag: 'incidents',
    summary: 'An incident with its evidence, people exposed, debrief and escalations',
    params: IdParam,
    handler: ({ deps, actor, params }) => findIncident({ ...domain(deps, actor), id: params.id }),
  }),
  defineRoute({
    method: 'patch',
    path: '/incidents/{id}',
    access: MANAGERS,
    tag: 'incidents',
    summary: 'Change status, severity or summary (evidence is never editable)',
    params: IdParam,
    body: z.object({
      status: z.enum(INCIDENT_STATUSES).optional(),
      severity: Severity.optional(),
      summary: shortText().optional(),
    }),
    handler: ({ deps, actor, params, body }) =>
      updateIncident({ ...domain(deps, actor), id: params.id, patch: body }),
  }),
  defineRoute({
    method: 'get',
    path: '/incidents/{id}/export.json',
    access: EVERYONE,
    tag: 'incidents',
    summary: 'The incident file as JSON (for management or HR)',
    params: IdParam,
    handler: ({ deps, actor, params }) => exportIncident({ ...domain(deps, actor), id: params.id }),
  }),
  defineRoute({
    method: 'get',
    path: '/incidents/{id}/export.html',
    access: EVERYONE,
    tag: 'incidents',
    summary: 'The incident file as a printable HTML page',
    params: IdParam,
    query: z.object({ lang: Lang.optional() }),
    contentType: 'text/html',
    async handler({ c, deps, actor, params, query }) {
      const file = await exportIncident({ ...domain(deps, actor), id: params.id });
      const nonce = randomBytes(16).toString('base64');
      c.header(
        'Content-Security-Policy',
        `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      );
      return c.html(renderIncidentHtml(file, nonce, query.lang ?? 'fr'));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/escalations',
    access: EVERYONE,
    tag: 'escalations',
    summary: 'Escalations (agents: the ones they raised)',
    query: PageQuery.extend({ status: z.enum(ESCALATION_STATUSES).optional() }),
    handler: ({ deps, actor, query }) =>
      findEscalations({ ...domain(deps, actor), page: query, status: query.status }),
  }),
  defineRoute({
    method: 'post',
    path: '/escalations',
    access: EVERYONE,
    tag: 'escalations',
    summary: 'Hand over to a supervisor (default: your own supervisor)',
    status: 201,
    body: z.object({
      reason: shortText(),
      conversationId: Id.optional(),
      incidentId: Id.optional(),
      supervisorId: Id.optional(),
    }),
    handler: ({ deps, actor, body }) => createEscalation({ ...domain(deps, actor), input: body }),
  }),
  defineRoute({
    method: 'get',
    path: '/escalations/{id}',
    access: EVERYONE,
    tag: 'escalations',
    summary: 'One escalation',
    params: IdParam,
    handler: ({ deps, actor, params }) => findEscalation({ ...domain(deps, actor), id: params.id }),
  }),
  escalationStep('acknowledge', 'acknowledge', 'Acknowledge: the employee knows a supervisor is on it'),
  escalationStep('take-over', 'take_over', 'Take the conversation over from the employee'),
  escalationStep('resolve', 'resolve', 'Resolve, with a support note to the employee'),
  defineRoute({
    method: 'patch',
    path: '/escalations/{id}',
    access: MANAGERS,
    tag: 'escalations',
    summary: "Write or change the supervisor's support note",
    params: IdParam,
    body: z.object({ supportNote: note() }),
    handler: ({ deps, actor, params, body }) =>
      advanceEscalation({
        ...domain(deps, actor),
        id: params.id,
        step: 'note',
        supportNote: body.supportNote,
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/debriefs',
    access: EVERYONE,
    tag: 'debriefs',
    summary: 'Debriefs, soonest due first; `overdue=true` lists the late ones',
    query: z.object({
      limit: PageQuery.shape.limit,
      overdue: BoolQuery.optional(),
      status: z.enum(['due', 'done']).optional(),
    }),
    handler: ({ deps, actor, query }) =>
      findDebriefs({
        ...domain(deps, actor),
        limit: query.limit,
        overdue: query.overdue,
        status: query.status,
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/debriefs/{id}',
    access: EVERYONE,
    tag: 'debriefs',
    summary: 'One debrief',
    params: IdParam,
    handler: ({ deps, actor, params }) => findDebrief({ ...domain(deps, actor), id: params.id }),
  }),
  defineRoute({
    method: 'patch',
    path: '/debriefs/{id}',
    access: MANAGERS,
    tag: 'debriefs',
    summary: 'Write the debrief; `complete: true` marks it held',
    params: IdParam,
    body: z.object({
      whatHappened: Text().optional(),
      wentWell: Text().optional(),
      doDifferently: Text().optional(),
      strategy: Text().optional(),
      scheduledAt: z.iso.datetime({ offset: true }).nullable().optional(),
      complete: z.boolean().optional(),
    }),
    handler: ({ deps, actor, params, body }) =>
      updateDebrief({ ...domain(deps, actor), id: params.id, patch: body }),
  }),
];

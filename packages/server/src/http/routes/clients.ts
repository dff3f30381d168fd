/** Clients, restrictions, personal-data export and erasure. */
import { z } from '@hono/zod-openapi';
import {
  createClient,
  createRestriction,
  eraseClient,
  exportClientData,
  findClient,
  findClients,
  findRestrictions,
  liftRestriction,
  RESTRICTION_KINDS,
  updateClient,
} from '../../domain/clients.ts';
import { ADMINS, EVERYONE, MANAGERS } from '../access.ts';
import { defineRoute } from '../route.ts';
import { Email, IdParam, IsoDate, LIMITS, name, note, PageQuery, shortText } from '../schemas.ts';
import { domain } from './context.ts';

const ClientBody = z.object({
  name: name(),
  company: z.string().max(LIMITS.name).nullable().optional(),
  email: Email.nullable().optional(),
  phone: z.string().max(50).nullable().optional(),
  notes: note().nullable().optional(),
});

export const clientRoutes = [
  defineRoute({
    method: 'get',
    path: '/clients',
    access: EVERYONE,
    tag: 'clients',
    summary: 'Clients, newest first; `q` searches name and company',
    query: PageQuery.extend({ q: z.string().max(LIMITS.name).optional() }),
    handler: ({ deps, actor, query }) => findClients({ ...domain(deps, actor), page: query, q: query.q }),
  }),
  defineRoute({
    method: 'post',
    path: '/clients',
    access: EVERYONE,
    tag: 'clients',
    summary: 'Add a client',
    status: 201,
    body: ClientBody,
    handler: ({ deps, actor, body }) => createClient({ ...domain(deps, actor), input: body }),
  }),
  defineRoute({
    method: 'get',
    path: '/clients/{id}',
    access: EVERYONE,
    tag: 'clients',
    summary: 'A client with their risk profile and active restrictions',
    params: IdParam,
    handler: ({ deps, actor, params }) => findClient({ ...domain(deps, actor), id: params.id }),
  }),
  defineRoute({
    method: 'patch',
    path: '/clients/{id}',
    access: EVERYONE,
    tag: 'clients',
    summary: 'Edit a client',
    params: IdParam,
    body: ClientBody.partial(),
    handler: ({ deps, actor, params, body }) =>
      updateClient({ ...domain(deps, actor), id: params.id, input: body }),
  }),
  defineRoute({
    method: 'get',
    path: '/clients/{id}/export',
    access: ADMINS,
    tag: 'clients',
    summary: 'Everything held about a client (subject-access request)',
    params: IdParam,
    handler: ({ deps, actor, params }) => exportClientData({ ...domain(deps, actor), id: params.id }),
  }),
  defineRoute({
    method: 'post',
    path: '/clients/{id}/erase',
    access: ADMINS,
    tag: 'clients',
    summary: "Erase a client's personal data (incident evidence is kept for legal claims)",
    params: IdParam,
    body: z.object({ reason: shortText() }),
    handler: ({ deps, actor, params, body }) =>
      eraseClient({ ...domain(deps, actor), id: params.id, reason: body.reason }),
  }),
  defineRoute({
    method: 'get',
    path: '/clients/{id}/restrictions',
    access: EVERYONE,
    tag: 'clients',
    summary: "A client's restrictions, active and lifted",
    params: IdParam,
    handler: ({ deps, actor, params }) => findRestrictions({ ...domain(deps, actor), clientId: params.id }),
  }),
  defineRoute({
    method: 'post',
    path: '/clients/{id}/restrictions',
    access: MANAGERS,
    tag: 'clients',
    summary: 'Restrict how the team deals with a client (reason and review date required)',
    status: 201,
    params: IdParam,
    body: z.object({ kind: z.enum(RESTRICTION_KINDS), reason: shortText(), reviewOn: IsoDate }),
    handler: ({ deps, actor, params, body }) =>
      createRestriction({ ...domain(deps, actor), clientId: params.id, input: body }),
  }),
  defineRoute({
    method: 'post',
    path: '/restrictions/{id}/lift',
    access: MANAGERS,
    tag: 'clients',
    summary: 'Lift a restriction',
    params: IdParam,
    body: z.object({ reason: shortText() }),
    handler: ({ deps, actor, params, body }) =>
      liftRestriction({ ...domain(deps, actor), id: params.id, reason: body.reason }),
  }),
];

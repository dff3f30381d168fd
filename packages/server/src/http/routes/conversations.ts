/** Conversations and messages (each message analysed on arrival). */
import { z } from '@hono/zod-openapi';
import {
  addMessage,
  createConversation,
  findConversation,
  findConversations,
  updateConversation,
} from '../../domain/conversations.ts';
import { EVERYONE } from '../access.ts';
import { defineRoute } from '../route.ts';
import { Channel, Id, IdParam, IsoDateTime, Lang, LIMITS, name, PageQuery, shortText } from '../schemas.ts';
import { domain } from './context.ts';

export const conversationRoutes = [
  defineRoute({
    method: 'get',
    path: '/conversations',
    access: EVERYONE,
    tag: 'conversations',
    summary: 'Conversations of your organisation, newest first',
    query: PageQuery.extend({ status: z.enum(['open', 'closed']).optional(), clientId: Id.optional() }),
    handler: ({ deps, actor, query }) =>
      findConversations({
        ...domain(deps, actor),
        page: query,
        status: query.status,
        clientId: query.clientId,
      }),
  }),
  defineRoute({
    method: 'post',
    path: '/conversations',
    access: EVERYONE,
    tag: 'conversations',
    summary: 'Open a conversation',
    status: 201,
    body: z.object({
      channel: Channel,
      clientId: Id.optional(),
      subject: shortText().optional(),
      externalRef: z.string().max(LIMITS.name).optional(),
    }),
    handler: ({ deps, actor, body }) => createConversation({ ...domain(deps, actor), input: body }),
  }),
  defineRoute({
    method: 'get',
    path: '/conversations/{id}',
    access: EVERYONE,
    tag: 'conversations',
    summary: 'A conversation with its messages, their analyses and the current recommendation',
    params: IdParam,
    handler: ({ deps, actor, params }) => findConversation({ ...domain(deps, actor), id: params.id }),
  }),
  defineRoute({
    method: 'patch',
    path: '/conversations/{id}',
    access: EVERYONE,
    tag: 'conversations',
    summary: 'Close, rename, link to a client or reassign a conversation',
    params: IdParam,
    body: z.object({
      status: z.enum(['open', 'closed']).optional(),
      subject: shortText().optional(),
      clientId: Id.nullable().optional(),
      assignedUserId: Id.nullable().optional(),
    }),
    handler: ({ deps, actor, params, body }) =>
      updateConversation({ ...domain(deps, actor), id: params.id, patch: body }),
  }),
  defineRoute({
    method: 'post',
    path: '/conversations/{id}/messages',
    access: EVERYONE,
    tag: 'conversations',
    summary: 'Add a message: analysed at once; abuse opens an incident and alerts supervisors',
    status: 201,
    params: IdParam,
    body: z.object({
      direction: z.enum(['inbound', 'outbound']),
      text: z.string().min(1).max(LIMITS.messageText),
      channel: Channel.optional(),
      authorName: name().optional(),
      sentAt: IsoDateTime.optional(),
      lang: Lang.optional(),
    }),
    handler: ({ deps, actor, params, body }) =>
      addMessage({ ...domain(deps, actor), conversationId: params.id, input: body }),
  }),
];

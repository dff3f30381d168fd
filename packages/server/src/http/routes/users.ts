/** Users of the organisation: everyone may list colleagues (pickers); admins manage accounts. */
import { z } from '@hono/zod-openapi';
import { createUser, findUsers, updateUser } from '../../domain/users.ts';
import { ADMINS, EVERYONE } from '../access.ts';
import { defineRoute } from '../route.ts';
import { Email, Id, IdParam, ListOf, name, Password, UserRole, UserSchema } from '../schemas.ts';
import { domain } from './context.ts';

export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/users',
    access: EVERYONE,
    tag: 'users',
    summary: 'Colleagues in your organisation',
    response: ListOf(UserSchema),
    handler: ({ deps, actor }) => findUsers(domain(deps, actor)),
  }),
  defineRoute({
    method: 'post',
    path: '/users',
    access: ADMINS,
    tag: 'users',
    summary: 'Create an account (admin)',
    status: 201,
    body: z.object({
      email: Email,
      name: name(),
      role: UserRole,
      password: Password,
      supervisorId: Id.nullable().optional(),
    }),
    response: UserSchema,
    handler: ({ deps, actor, body }) => createUser({ ...domain(deps, actor), input: body }),
  }),
  defineRoute({
    method: 'patch',
    path: '/users/{id}',
    access: ADMINS,
    tag: 'users',
    summary: 'Change a role, supervisor, password or deactivate an account (admin)',
    params: IdParam,
    body: z.object({
      name: name().optional(),
      role: UserRole.optional(),
      supervisorId: Id.nullable().optional(),
      active: z.boolean().optional(),
      password: Password.optional(),
    }),
    response: UserSchema,
    async handler({ deps, actor, params, body }) {
      const user = await updateUser({ ...domain(deps, actor), id: params.id, patch: body });
      deps.actorCache.clear(); // a role change or deactivation applies to the very next request
      return user;
    },
  }),
];

/** Sign-in, sign-out, who am I, first-start setup and API tokens. */

import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  CSRF_COOKIE,
  createApiToken,
  createSession,
  deleteSession,
  SESSION_COOKIE,
} from '../../auth/actor.ts';
import { safeEqual } from '../../auth/secrets.ts';
import type { Deps } from '../../deps.ts';
import { toApi } from '../../domain/common.ts';
import { countUsers, createOrganisationWithAdmin, findMe, signIn } from '../../domain/users.ts';
import { AppError, notFound } from '../../errors.ts';
import { EVERYONE } from '../access.ts';
import { defineRoute } from '../route.ts';
import { Email, IdParam, name, Password, UserSchema } from '../schemas.ts';

const MeSchema = z
  .object({
    user: UserSchema,
    organisation: z.object({ id: z.string(), name: z.string() }),
    csrfToken: z.string().nullable(),
  })
  .openapi('Me');

function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function isSecure(c: Context, deps: Deps): boolean {
  return (deps.config.publicOrigin ?? c.req.url).startsWith('https:');
}

async function startSession(c: Context, deps: Deps, userId: string, orgId: string) {
  const session = await createSession({
    db: deps.db,
    userId,
    orgId,
    now: deps.clock.now(),
    ttlHours: deps.config.sessionTtlHours,
  });
  const common = {
    path: '/',
    sameSite: 'Strict' as const,
    secure: isSecure(c, deps),
    maxAge: deps.config.sessionTtlHours * 3600,
  };
  setCookie(c, SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  setCookie(c, CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
  return session.csrfToken;
}

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/login',
    access: 'public',
    tag: 'auth',
    summary: 'Sign in with e-mail and password; sets the session cookie and returns the CSRF token',
    body: z.object({ email: Email, password: Password }),
    response: MeSchema,
    async handler({ c, deps, body }) {
      const nowMs = deps.clock.now().getTime();
      const ip = clientIp(c);
      const keys = [`login:${body.email.toLowerCase()}|${ip}`, `ip:${ip}`];
      // per e-mail+IP the configured budget; per IP alone five times that (shared offices, NAT)
      const wait = Math.max(
        deps.loginLimiter.retryAfter(keys[0] as string, nowMs),
        deps.loginLimiter.retryAfter(keys[1] as string, nowMs, deps.config.loginMaxAttempts * 5),
      );
      if (wait > 0)
        throw new AppError('rate_limited', `too many sign-in attempts; try again in ${wait} s`, wait);
      const user = await signIn({ db: deps.db, email: body.email, password: body.password });
      if (!user) {
        for (const k of keys) deps.loginLimiter.record(k, nowMs);
        throw new AppError('unauthenticated', 'wrong e-mail or password');
      }
      deps.loginLimiter.clear(keys[0] as string);
      const csrfToken = await startSession(c, deps, user.id, user.org_id);
      const me = await findMe({
        db: deps.db,
        actor: { userId: user.id, orgId: user.org_id, role: user.role, name: user.name, via: 'session' },
      });
      return { ...me, csrfToken };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/logout',
    access: EVERYONE,
    tag: 'auth',
    summary: 'End the current session',
    status: 204,
    async handler({ c, deps }) {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await deleteSession({ db: deps.db, token });
      deps.actorCache.clear();
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, CSRF_COOKIE, { path: '/' });
      return undefined;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/auth/me',
    access: EVERYONE,
    tag: 'auth',
    summary: 'The signed-in user, their organisation and the CSRF token to send on writes',
    response: MeSchema,
    async handler({ deps, actor }) {
      return { ...(await findMe({ db: deps.db, actor })), csrfToken: actor.csrfToken ?? null };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/setup',
    access: 'public',
    tag: 'auth',
    summary: 'Whether the one-time setup is still open (no user exists yet)',
    response: z.object({ needed: z.boolean() }),
    async handler({ deps }) {
      return { needed: deps.setupToken !== undefined && (await countUsers({ db: deps.db })) === 0 };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/setup',
    access: 'public',
    tag: 'auth',
    summary:
      'One-time setup: create the organisation and its first admin (needs the token printed by the server)',
    status: 201,
    body: z.object({
      token: z.string().min(1).max(200),
      organisation: name(),
      name: name(),
      email: Email,
      password: Password,
    }),
    response: MeSchema,
    async handler({ c, deps, body }) {
      if (deps.setupToken === undefined || (await countUsers({ db: deps.db })) > 0) throw notFound('setup');
      if (!safeEqual(body.token, deps.setupToken))
        throw new AppError('forbidden', 'wrong setup token (see the server output)');
      const { orgId, userId } = await createOrganisationWithAdmin({
        db: deps.db,
        now: deps.clock.now(),
        input: body,
      });
      const csrfToken = await startSession(c, deps, userId, orgId);
      const me = await findMe({
        db: deps.db,
        actor: { userId, orgId, role: 'admin', name: body.name, via: 'session' },
      });
      return { ...me, csrfToken };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/tokens',
    access: EVERYONE,
    tag: 'auth',
    summary: 'Your API tokens (never the secrets)',
    async handler({ deps, actor }) {
      const rows = await deps.db
        .selectFrom('api_tokens')
        .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
        .where('org_id', '=', actor.orgId)
        .where('user_id', '=', actor.userId)
        .orderBy('created_at', 'desc')
        .execute();
      return { items: rows.map(toApi), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tokens',
    access: EVERYONE,
    tag: 'auth',
    summary: 'Create an API token acting as you (shown once); send it as `Authorization: Bearer …`',
    status: 201,
    body: z.object({ name: name() }),
    response: z.object({ id: z.string(), name: z.string(), token: z.string(), createdAt: z.string() }),
    async handler({ deps, actor, body }) {
      return createApiToken({ db: deps.db, actor, name: body.name, now: deps.clock.now() });
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/tokens/{id}',
    access: EVERYONE,
    tag: 'auth',
    summary: 'Revoke one of your API tokens',
    status: 204,
    params: IdParam,
    async handler({ deps, actor, params }) {
      const r = await deps.db
        .updateTable('api_tokens')
        .set({ revoked_at: deps.clock.now() })
        .where('id', '=', params.id)
        .where('org_id', '=', actor.orgId)
        .where('user_id', '=', actor.userId)
        .executeTakeFirst();
      deps.actorCache.clear();
      if (Number(r.numUpdatedRows) === 0) throw notFound('token');
      return undefined;
    },
  }),
];

/**
 * Access control, in one place. Every route declares who may call it (`access`), and the single
 * `guard` below — mounted in front of every route by http/route.ts — authenticates the caller,
 * checks CSRF for cookie sessions and enforces the role. Record-level rules (which incidents an
 * agent sees, whose well-being check-ins a supervisor sees) are the `visible*` scopes below, which
 * every domain query of those tables applies; every query is also filtered by the caller's org.
 */

import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { type RawBuilder, sql } from 'kysely';
import {
  type Actor,
  findSessionActor,
  findTokenActor,
  SESSION_COOKIE,
  type UserRole,
} from '../auth/actor.ts';
import { safeEqual, sha256 } from '../auth/secrets.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';

export type Access = 'public' | readonly UserRole[];

export const EVERYONE: readonly UserRole[] = ['agent', 'supervisor', 'admin'];
export const MANAGERS: readonly UserRole[] = ['supervisor', 'admin'];
export const ADMINS: readonly UserRole[] = ['admin'];

export const CSRF_HEADER = 'x-csrf-token';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type Env = { Variables: { actor: Actor } };

export async function authenticate(c: Context, deps: Deps): Promise<Actor | undefined> {
  const header = c.req.header('authorization');
  const now = deps.clock.now();
  let key: string;
  let find: () => Promise<Actor | undefined>;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match?.[1];
    if (!token) return undefined;
    key = `t:${sha256(token)}`;
    find = () => findTokenActor({ db: deps.db, token });
  } else {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (!cookie) return undefined;
    key = `s:${sha256(cookie)}`;
    find = () => findSessionActor({ db: deps.db, token: cookie, now });
  }
  const cached = deps.actorCache.get(key, now.getTime());
  if (cached) return cached;
  const actor = await find();
  if (actor) deps.actorCache.set(key, actor, now.getTime());
  return actor;
}

/** Same-origin check (OWASP: verify the Origin header): absent Origin is allowed (non-browser). */
export function checkOrigin(c: Context, deps: Deps): void {
  const origin = c.req.header('origin');
  if (origin === undefined) return;
  const own = deps.config.publicOrigin ?? new URL(c.req.url).origin;
  const host = c.req.header('host');
  if (origin === own || (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)))
    return;
  throw new AppError('csrf_failed', `cross-origin request refused (Origin: ${origin})`);
}

export function guard(access: Access, deps: Deps): MiddlewareHandler<Env> {
  return async (c, next) => {
    const mutating = MUTATING.has(c.req.method);
    if (access === 'public') {
      if (mutating) checkOrigin(c, deps);
      return next();
    }
    const actor = await authenticate(c, deps);
    if (!actor) throw new AppError('unauthenticated', 'sign in first (session cookie or Bearer token)');
    if (actor.via === 'session' && mutating) {
      checkOrigin(c, deps);
      const sent = c.req.header(CSRF_HEADER);
      if (!sent || !actor.csrfToken || !safeEqual(sent, actor.csrfToken))
        throw new AppError('csrf_failed', 'missing or wrong X-CSRF-Token header');
    }
    if (!access.includes(actor.role))
      throw new AppError('forbidden', `this needs the role ${access.join(' or ')}`);
    c.set('actor', actor);
    return next();
  };
}

// ---- record-level scopes ----------------------------------------------------------------------

const TRUE = sql<boolean>`true`;

/** Incidents an agent sees: those they reported or were exposed to. Managers see the whole org. */
export function visibleIncident(actor: Actor, alias = 'incidents'): RawBuilder<boolean> {
  if (actor.role !== 'agent') return TRUE;
  return sql<boolean>`(${sql.ref(`${alias}.reported_by`)} = ${actor.userId} or exists (
    select 1 from incident_exposed x where x.incident_id = ${sql.ref(`${alias}.id`)} and x.user_id = ${actor.userId}))`;
}

/** Escalations an agent sees: the ones they raised. */
export function visibleEscalation(actor: Actor, alias = 'escalations'): RawBuilder<boolean> {
  if (actor.role !== 'agent') return TRUE;
  return sql<boolean>`${sql.ref(`${alias}.raised_by`)} = ${actor.userId}`;
}

/** Debriefs follow their incident. */
export function visibleDebrief(actor: Actor, alias = 'debriefs'): RawBuilder<boolean> {
  if (actor.role !== 'agent') return TRUE;
  return sql<boolean>`exists (select 1 from incidents i where i.id = ${sql.ref(`${alias}.incident_id`)} and ${visibleIncident(actor, 'i')})`;
}

/**
 * Well-being check-ins: only the employee and their supervisor — not admins, not other
 * supervisors (the method: the check-in is a private conversation, not a performance record).
 */
export function visibleWellbeing(actor: Actor, alias = 'wellbeing_checkins'): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(`${alias}.user_id`)} = ${actor.userId} or exists (
    select 1 from users w where w.id = ${sql.ref(`${alias}.user_id`)} and w.supervisor_id = ${actor.userId}))`;
}

/** Commitments: the whole team sees them (promises are team business); an agent edits only theirs. */
export function editableCommitment(actor: Actor, alias = 'commitments'): RawBuilder<boolean> {
  if (actor.role !== 'agent') return TRUE;
  return sql<boolean>`${sql.ref(`${alias}.made_by`)} = ${actor.userId}`;
}

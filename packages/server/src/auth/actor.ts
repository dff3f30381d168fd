/** Who is calling: resolved once per request from the session cookie or the bearer token. */
import type { Db } from '../db/schema.ts';
import { randomSecret, sha256 } from './secrets.ts';

export type UserRole = 'agent' | 'supervisor' | 'admin';
export const USER_ROLES: readonly UserRole[] = ['agent', 'supervisor', 'admin'];

export interface Actor {
  readonly userId: string;
  readonly orgId: string;
  readonly role: UserRole;
  readonly name: string;
  readonly via: 'session' | 'token';
  /** Session only: the token the X-CSRF-Token header must carry. */
  readonly csrfToken?: string;
}

export const SESSION_COOKIE = 'sf_session';
export const CSRF_COOKIE = 'sf_csrf';
export const TOKEN_PREFIX = 'sf_';

export async function createSession(opts: {
  db: Db;
  userId: string;
  orgId: string;
  now: Date;
  ttlHours: number;
}) {
  const token = randomSecret();
  const csrfToken = randomSecret(24);
  await opts.db
    .insertInto('sessions')
    .values({
      id_hash: sha256(token),
      user_id: opts.userId,
      org_id: opts.orgId,
      csrf_token: csrfToken,
      created_at: opts.now,
      expires_at: new Date(opts.now.getTime() + opts.ttlHours * 3600_000),
    })
    .execute();
  return { token, csrfToken };
}

export async function deleteSession(opts: { db: Db; token: string }): Promise<void> {
  await opts.db.deleteFrom('sessions').where('id_hash', '=', sha256(opts.token)).execute();
}

export async function findSessionActor(opts: {
  db: Db;
  token: string;
  now: Date;
}): Promise<Actor | undefined> {
  const row = await opts.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.org_id', 'u.role', 'u.name', 's.csrf_token'])
    .where('s.id_hash', '=', sha256(opts.token))
    .where('s.expires_at', '>', opts.now)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    userId: row.id,
    orgId: row.org_id,
    role: row.role,
    name: row.name,
    via: 'session',
    csrfToken: row.csrf_token,
  };
}

export async function createApiToken(opts: { db: Db; actor: Actor; name: string; now: Date }) {
  const token = `${TOKEN_PREFIX}${randomSecret()}`;
  const id = crypto.randomUUID();
  await opts.db
    .insertInto('api_tokens')
    .values({
      id,
      org_id: opts.actor.orgId,
      user_id: opts.actor.userId,
      name: opts.name,
      token_hash: sha256(token),
      created_at: opts.now,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, name: opts.name, token, createdAt: opts.now.toISOString() };
}

export async function findTokenActor(opts: { db: Db; token: string }): Promise<Actor | undefined> {
  if (!opts.token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = await opts.db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.org_id', 'u.role', 'u.name'])
    .where('t.token_hash', '=', sha256(opts.token))
    .where('t.revoked_at', 'is', null)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  return { userId: row.id, orgId: row.org_id, role: row.role, name: row.name, via: 'token' };
}

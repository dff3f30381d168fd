/** Organisations, users, first-start setup and sign-in. */
import type { Selectable } from 'kysely';
import type { Actor, UserRole } from '../auth/actor.ts';
import { checkPasswordPolicy, dummyHash, hashPassword, verifyPassword } from '../auth/passwords.ts';
import type { Db, UsersTable } from '../db/schema.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { newId, toApi } from './common.ts';
import type { DomainContext } from './context.ts';

const PUBLIC_USER_COLUMNS = ['id', 'email', 'name', 'role', 'supervisor_id', 'active', 'created_at'] as const;

export function toUser(row: Pick<Selectable<UsersTable>, (typeof PUBLIC_USER_COLUMNS)[number]>) {
  return toApi(row);
}

export async function countUsers(opts: { db: Db }): Promise<number> {
  const row = await opts.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface NewAdminInput {
  readonly organisation: string;
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

/** Creates an organisation and its first admin (setup page, `sangfroid admin create`). */
export async function createOrganisationWithAdmin(opts: { db: Db; now: Date; input: NewAdminInput }) {
  const { input, now } = opts;
  checkPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  return opts.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
      .executeTakeFirst();
    if (taken) throw new AppError('conflict', 'email: an account with this e-mail already exists');
    const orgId = newId();
    const userId = newId();
    await trx
      .insertInto('organisations')
      .values({ id: orgId, name: input.organisation, created_at: now })
      .execute();
    await trx
      .insertInto('users')
      .values({
        id: userId,
        org_id: orgId,
        email: input.email,
        name: input.name,
        role: 'admin',
        password_hash: passwordHash,
        supervisor_id: null,
        created_at: now,
      })
      .execute();
    return { orgId, userId };
  });
}

export async function signIn(opts: { db: Db; email: string; password: string }) {
  const row = await opts.db
    .selectFrom('users')
    .select([...PUBLIC_USER_COLUMNS, 'org_id', 'password_hash'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', opts.email.toLowerCase()))
    .executeTakeFirst();
  if (!row?.active) {
    await verifyPassword(await dummyHash(), opts.password);
    return undefined;
  }
  return (await verifyPassword(row.password_hash, opts.password)) ? row : undefined;
}

export async function findMe(opts: { db: Db; actor: Actor }) {
  const user = await opts.db
    .selectFrom('users')
    .select(PUBLIC_USER_COLUMNS)
    .where('id', '=', opts.actor.userId)
    .executeTakeFirstOrThrow();
  const organisation = await opts.db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', '=', opts.actor.orgId)
    .executeTakeFirstOrThrow();
  return { user: toUser(user), organisation };
}

export async function findUsers(opts: DomainContext) {
  const rows = await opts.db
    .selectFrom('users')
    .select(PUBLIC_USER_COLUMNS)
    .where('org_id', '=', opts.actor.orgId)
    .orderBy('name')
    .execute();
  return { items: rows.map(toUser), nextCursor: null };
}

async function checkSupervisor(opts: DomainContext, supervisorId: string | null | undefined): Promise<void> {
  if (!supervisorId) return;
  const sup = await opts.db
    .selectFrom('users')
    .select('role')
    .where('id', '=', supervisorId)
    .where('org_id', '=', opts.actor.orgId)
    .executeTakeFirst();
  if (!sup) throw notFound('supervisor');
  if (sup.role === 'agent') throw invalid('supervisorId: that user is an agent, not a supervisor');
}

export interface NewUserInput {
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly password: string;
  readonly supervisorId?: string | null | undefined;
}

export async function createUser(opts: DomainContext & { input: NewUserInput }) {
  const { input } = opts;
  checkPasswordPolicy(input.password);
  await checkSupervisor(opts, input.supervisorId);
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  const taken = await opts.db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
    .executeTakeFirst();
  if (taken) throw new AppError('conflict', 'email: an account with this e-mail already exists');
  const row = await opts.db
    .insertInto('users')
    .values({
      id,
      org_id: opts.actor.orgId,
      email: input.email,
      name: input.name,
      role: input.role,
      password_hash: passwordHash,
      supervisor_id: input.supervisorId ?? null,
      created_at: opts.now,
    })
    .returning(PUBLIC_USER_COLUMNS)
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export interface UserPatch {
  readonly name?: string | undefined;
  readonly role?: UserRole | undefined;
  readonly supervisorId?: string | null | undefined;
  readonly active?: boolean | undefined;
  readonly password?: string | undefined;
}

export async function updateUser(opts: DomainContext & { id: string; patch: UserPatch }) {
  const { patch } = opts;
  if (patch.supervisorId === opts.id) throw invalid('supervisorId: a user cannot supervise themselves');
  await checkSupervisor(opts, patch.supervisorId);
  if (opts.id === opts.actor.userId && (patch.active === false || (patch.role && patch.role !== 'admin')))
    throw invalid('you cannot deactivate or demote yourself; ask another admin');
  const set: Record<string, unknown> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.supervisorId !== undefined) set.supervisor_id = patch.supervisorId;
  if (patch.active !== undefined) set.active = patch.active;
  if (patch.password !== undefined) {
    checkPasswordPolicy(patch.password);
    set.password_hash = await hashPassword(patch.password);
  }
  const row = await opts.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set(Object.keys(set).length > 0 ? set : { name: (eb) => eb.ref('name') })
      .where('id', '=', opts.id)
      .where('org_id', '=', opts.actor.orgId)
      .returning(PUBLIC_USER_COLUMNS)
      .executeTakeFirst();
    if (!updated) throw notFound('user');
    if (patch.active === false || patch.password !== undefined)
      await trx.deleteFrom('sessions').where('user_id', '=', opts.id).execute();
    return updated;
  });
  return toUser(row);
}

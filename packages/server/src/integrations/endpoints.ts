/**
 * Inbound integration endpoints: each is a URL with its own shared secret, owned by one
 * organisation and acting as one of its users (the messages it brings are recorded as that
 * user's). The secret is shown once, at creation.
 */

import type { Actor } from '../auth/actor.ts';
import { randomSecret } from '../auth/secrets.ts';
import type { Db } from '../db/schema.ts';
import { newId } from '../domain/common.ts';
import { invalid } from '../errors.ts';

export const ENDPOINT_KINDS = ['chatwoot', 'generic'] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

export interface Endpoint {
  readonly id: string;
  readonly orgId: string;
  readonly kind: EndpointKind;
  readonly name: string;
  readonly secret: string;
  readonly actor: Actor;
}

/** URL path of an endpoint under the server's origin. */
export function endpointPath(kind: EndpointKind, id: string): string {
  return `/api/v1/integrations/${kind === 'generic' ? 'webhook' : kind}/${id}`;
}

export async function createEndpoint(opts: {
  db: Db;
  now: Date;
  kind: EndpointKind;
  name: string;
  /** The e-mail of the organisation's user the endpoint acts as. */
  actingUserEmail: string;
}) {
  const user = await opts.db
    .selectFrom('users')
    .select(['id', 'org_id', 'active'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', opts.actingUserEmail.toLowerCase()))
    .executeTakeFirst();
  if (!user?.active) throw invalid(`no active user with e-mail ${opts.actingUserEmail}`);
  const secret = randomSecret(32);
  const id = newId();
  await opts.db
    .insertInto('integration_endpoints')
    .values({
      id,
      org_id: user.org_id,
      kind: opts.kind,
      name: opts.name,
      secret,
      acting_user_id: user.id,
      created_at: opts.now,
    })
    .execute();
  return {
    id,
    orgId: user.org_id,
    kind: opts.kind,
    name: opts.name,
    secret,
    path: endpointPath(opts.kind, id),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The active endpoint of that kind and id, with the actor it speaks as; undefined otherwise. */
export async function findEndpoint(opts: {
  db: Db;
  kind: EndpointKind;
  id: string;
}): Promise<Endpoint | undefined> {
  if (!UUID.test(opts.id)) return undefined;
  const row = await opts.db
    .selectFrom('integration_endpoints as e')
    .innerJoin('users as u', 'u.id', 'e.acting_user_id')
    .select([
      'e.id',
      'e.org_id',
      'e.kind',
      'e.name',
      'e.secret',
      'u.id as user_id',
      'u.role',
      'u.name as user_name',
    ])
    .where('e.id', '=', opts.id)
    .where('e.kind', '=', opts.kind)
    .where('e.active', '=', true)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    orgId: row.org_id,
    kind: row.kind,
    name: row.name,
    secret: row.secret,
    actor: { userId: row.user_id, orgId: row.org_id, role: row.role, name: row.user_name, via: 'token' },
  };
}

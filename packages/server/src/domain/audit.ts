/**
 * The append-only, hash-chained audit log of every change to incidents, escalations and
 * restrictions. Each organisation has its own chain: hash = sha256(prevHash + "\n" + canonical
 * JSON of the entry). Entries are written in the transaction of the change they record, under an
 * advisory lock per organisation so concurrent writers cannot fork the chain. The database refuses
 * UPDATE and DELETE on the table (migration 1); the chain detects anything done around that.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Executor } from '../db/schema.ts';
import { toJsonb } from './common.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so jsonb's reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface AuditEntryInput {
  readonly orgId: string;
  readonly actorId: string | null;
  readonly entityType: 'incident' | 'escalation' | 'restriction' | 'debrief' | 'client';
  readonly entityId: string;
  readonly action: string;
  readonly data: Record<string, unknown>;
  readonly at: Date;
}

/** The text an entry's hash covers after the previous hash and a newline: its canonical JSON. */
export function entryBody(e: Omit<AuditEntryInput, 'at'> & { at: Date }): string {
  return canonicalJson({
    orgId: e.orgId,
    at: e.at.toISOString(),
    actorId: e.actorId,
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    data: e.data,
  });
}

export function hashEntry(prevHash: string, e: Omit<AuditEntryInput, 'at'> & { at: Date }): string {
  return createHash('sha256')
    .update(`${prevHash}\n${entryBody(e)}`)
    .digest('hex');
}

/** Organisations whose chain lock a transaction already holds (it lasts until its end). */
const heldLocks = new WeakMap<Executor, Set<string>>();

async function lockChain(trx: Executor, orgId: string): Promise<void> {
  const held = trx.isTransaction ? (heldLocks.get(trx) ?? new Set<string>()) : undefined;
  if (held?.has(orgId)) return; // a second entry in the same transaction (incident + escalation)
  await sql`select pg_advisory_xact_lock(hashtext(${`audit:${orgId}`}))`.execute(trx);
  if (held) heldLocks.set(trx, held.add(orgId));
}

/**
 * Appends one entry; call it inside the transaction of the change it records. Two statements: the
 * lock, then one INSERT that reads the previous hash and computes the new one in the database —
 * sha256(prev_hash || "\n" || body) over UTF-8, the very formula of `hashEntry`, which
 * `verifyAuditChain` recomputes. The read must come after the lock in its own statement: a
 * statement's snapshot is taken when it starts, so one that waited for the lock inside itself
 * could miss the entry committed by the writer it waited for, and fork the chain.
 */
export async function appendAudit(trx: Executor, entry: AuditEntryInput): Promise<void> {
  await lockChain(trx, entry.orgId);
  // jsonb normalises the stored data; hash the value as it will read back
  const data = JSON.parse(toJsonb(entry.data)) as Record<string, unknown>;
  await sql`
    insert into audit_log (org_id, at, actor_id, entity_type, entity_id, action, data, prev_hash, hash)
    select ${entry.orgId}::uuid, ${entry.at}::timestamptz, ${entry.actorId}::uuid, ${entry.entityType}::text,
           ${entry.entityId}::uuid, ${entry.action}::text, ${toJsonb(data)}::jsonb, prev.hash,
           encode(sha256(convert_to(prev.hash || chr(10) || ${entryBody({ ...entry, data })}::text, 'UTF8')), 'hex')
    from (select coalesce((select hash from audit_log where org_id = ${entry.orgId}::uuid order by seq desc limit 1),
                          ${GENESIS_HASH}::text) as hash) prev`.execute(trx);
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly organisations: number;
  /** First broken entry: its sequence number, organisation and why. */
  readonly brokenAt: { seq: number; orgId: string; reason: string } | null;
}

/** Recomputes every chain (or one organisation's); reports the first entry that does not match. */
export async function verifyAuditChain(opts: { db: Db; orgId?: string }): Promise<AuditVerification> {
  let query = opts.db.selectFrom('audit_log').selectAll().orderBy('org_id').orderBy('seq');
  if (opts.orgId) query = query.where('org_id', '=', opts.orgId);
  const rows = await query.execute();
  const lastHash = new Map<string, string>();
  for (const row of rows) {
    const expectedPrev = lastHash.get(row.org_id) ?? GENESIS_HASH;
    if (row.prev_hash !== expectedPrev)
      return {
        ok: false,
        entries: rows.length,
        organisations: lastHash.size,
        brokenAt: {
          seq: row.seq,
          orgId: row.org_id,
          reason: 'prev_hash does not match the previous entry (entry removed or inserted)',
        },
      };
    const recomputed = hashEntry(row.prev_hash, {
      orgId: row.org_id,
      actorId: row.actor_id,
      entityType: row.entity_type as AuditEntryInput['entityType'],
      entityId: row.entity_id,
      action: row.action,
      data: row.data as Record<string, unknown>,
      at: row.at,
    });
    if (recomputed !== row.hash)
      return {
        ok: false,
        entries: rows.length,
        organisations: lastHash.size,
        brokenAt: {
          seq: row.seq,
          orgId: row.org_id,
          reason: 'content does not match its hash (entry altered)',
        },
      };
    lastHash.set(row.org_id, row.hash);
  }
  return { ok: true, entries: rows.length, organisations: lastHash.size, brokenAt: null };
}

export async function findAuditEntries(opts: {
  db: Db;
  orgId: string;
  entityId?: string;
  limit: number;
  beforeSeq?: number;
}) {
  let q = opts.db.selectFrom('audit_log').selectAll().where('org_id', '=', opts.orgId);
  if (opts.entityId) q = q.where('entity_id', '=', opts.entityId);
  if (opts.beforeSeq !== undefined) q = q.where('seq', '<', opts.beforeSeq);
  return q.orderBy('seq', 'desc').limit(opts.limit).execute();
}

/** Helpers shared by the domain modules: ids, row → API shape, keyset pagination, org guards. */
import { sql } from 'kysely';
import type { DB, Executor } from '../db/schema.ts';
import { invalid, notFound } from '../errors.ts';

export const newId = (): string => crypto.randomUUID();

/** Columns that never leave the server. */
const INTERNAL_COLUMNS = new Set(['org_id', 'password_hash', 'history_version']);

/** Column name → API key, computed once per column (the set of columns is small and fixed). */
const API_KEYS = new Map<string, string>();
const apiKey = (column: string): string => {
  let key = API_KEYS.get(column);
  if (key === undefined) {
    key = column.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
    if (API_KEYS.size < 1000) API_KEYS.set(column, key);
  }
  return key;
};

/** snake_case row → camelCase API object; internal columns (`org_id`…) are dropped. */
export function toApi<T extends object>(row: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (INTERNAL_COLUMNS.has(key)) continue;
    out[apiKey(key)] = value;
  }
  return out;
}

export interface Page {
  readonly limit: number;
  readonly cursor?: string | undefined;
}
export interface PageResult<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

interface CursorKey {
  readonly t: string;
  readonly id: string;
}

export function decodeCursor(cursor: string | undefined): CursorKey | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorKey>;
    if (
      typeof parsed.t === 'string' &&
      typeof parsed.id === 'string' &&
      !Number.isNaN(Date.parse(parsed.t)) &&
      /^[0-9a-f-]{36}$/.test(parsed.id)
    )
      return { t: parsed.t, id: parsed.id };
  } catch {
    // fall through
  }
  throw invalid('cursor: not a cursor returned by this API');
}

/** `(alias.created_at, alias.id) < cursor`, newest first. */
export function afterCursor(alias: string, cursor: string | undefined) {
  const key = decodeCursor(cursor);
  if (!key) return sql<boolean>`true`;
  return sql<boolean>`(${sql.ref(`${alias}.created_at`)}, ${sql.ref(`${alias}.id`)}) < (${new Date(key.t)}, ${key.id})`;
}

/** Rows fetched with `limit + 1` → one page and the cursor of the next. */
export function toPage<R extends { created_at: Date; id: string }, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
): PageResult<T> {
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(map),
    nextCursor:
      more && last
        ? Buffer.from(JSON.stringify({ t: last.created_at.toISOString(), id: last.id })).toString('base64url')
        : null,
  };
}

type OrgTable = 'clients' | 'conversations' | 'incidents' | 'users' | 'messages' | 'escalations';

/** Throws not_found unless `id` is a row of `table` in the caller's organisation (no cross-tenant references). */
export async function requireInOrg(
  db: Executor,
  table: OrgTable,
  id: string,
  orgId: string,
  what: string,
): Promise<void> {
  const row = await db
    .selectFrom(table as keyof DB)
    .select(sql<number>`1`.as('one'))
    .where(sql.ref('id'), '=', id)
    .where(sql.ref('org_id'), '=', orgId)
    .executeTakeFirst();
  if (!row) throw notFound(what);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * JSON for a jsonb column. PostgreSQL refuses a lone UTF-16 surrogate (`\ud83d`), which appears
 * when some text was cut in the middle of an emoji; it becomes U+FFFD instead of failing the write.
 */
export function toJsonb(value: unknown): string {
  // JSON.stringify writes a lone surrogate as the escape \udXXX: without one in the output there
  // is nothing to replace, and the replacer (a call per value, a slow path) is not needed
  const plain = JSON.stringify(value);
  if (plain === undefined || !plain.includes('\\ud')) return plain;
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string' ? v.replace(LONE_SURROGATE, '\ufffd') : v,
  );
}

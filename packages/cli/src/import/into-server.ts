/**
 * `sangfroid import --into-server`: opens the team's database the way the server does (DATABASE_URL,
 * or the embedded database in DATA_DIR), finds the organisation, and returns the pipeline options
 * that store every conversation (embedded) or queue the batches for `sangfroid worker`
 * (PostgreSQL). See server-store.ts for the natural keys.
 */
import { type Database, type JobQueue, loadConfig, openDatabase, openJobQueue } from '@sangfroid/server';
import type { ImportOptions } from './run.ts';
import { enqueueBatch, type StoreTarget, storeResults, withoutStored } from './server-store.ts';
import { type ImportFormat, ImportInputError } from './types.ts';

export interface IntoServerOptions {
  /** Organisation id or exact name; may be left out when the database holds one organisation. */
  readonly org?: string;
  /** Natural-key namespace (default: the export's format, e.g. `zendesk`). */
  readonly source?: string;
  /** Store in this process even with PostgreSQL, instead of queueing jobs. */
  readonly noQueue?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** pg-boss schema (default `pgboss`). */
  readonly queueSchema?: string;
}

export interface IntoServer {
  readonly mode: 'store' | 'queue';
  readonly options: Pick<ImportOptions, 'onResults' | 'filterBatch' | 'dispatch' | 'onDetected'>;
  readonly stats: { stored: number; alreadyStored: number; incidents: number };
  readonly queue?: JobQueue;
  close(): Promise<void>;
}

export async function resolveOrg(database: Database, org: string | undefined): Promise<string> {
  const rows = await database.db.selectFrom('organisations').select(['id', 'name']).execute();
  if (org) {
    const found = rows.find((r) => r.id === org || r.name === org);
    if (!found) throw new ImportInputError(`--org: no organisation "${org}" in the database`);
    return found.id;
  }
  if (rows.length === 1 && rows[0]) return rows[0].id;
  throw new ImportInputError(
    rows.length === 0
      ? 'the database has no organisation yet: create one first (sangfroid admin create)'
      : `the database has ${rows.length} organisations: choose one with --org <id or name>`,
  );
}

export async function openIntoServer(options: IntoServerOptions): Promise<IntoServer> {
  const config = loadConfig(options.env ?? process.env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let queue: JobQueue | undefined;
  try {
    const orgId = await resolveOrg(database, options.org);
    let format: ImportFormat = 'jsonl';
    const target = (): StoreTarget => ({ database, orgId, source: options.source ?? format, format });
    const stats = { stored: 0, alreadyStored: 0, incidents: 0 };
    const onDetected = (f: ImportFormat) => {
      format = f;
    };
    if (config.databaseUrl && !options.noQueue) {
      const q = await openJobQueue({
        connectionString: config.databaseUrl,
        schema: options.queueSchema ?? 'pgboss',
      });
      queue = q;
      return {
        mode: 'queue',
        options: {
          onDetected,
          filterBatch: (batch) => withoutStored(target(), batch),
          dispatch: (batch) => {
            const t = target();
            return enqueueBatch(q, { orgId, source: t.source, format: t.format, conversations: batch });
          },
        },
        stats,
        queue: q,
        close: async () => {
          await q.stop();
          await database.close();
        },
      };
    }
    return {
      mode: 'store',
      options: {
        onDetected,
        filterBatch: (batch) => withoutStored(target(), batch),
        onResults: async (results) => {
          const r = await storeResults(target(), results);
          stats.stored += r.messagesStored;
          stats.alreadyStored += r.messagesAlreadyStored;
          stats.incidents += r.incidentsCreated;
        },
      },
      stats,
      close: () => database.close(),
    };
  } catch (error) {
    await queue?.stop();
    await database.close();
    throw error;
  }
}

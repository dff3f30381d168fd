/**
 * The import pipeline as a library, for the server's `POST /api/v1/imports`: an export given as
 * text is read, analysed in this thread and stored idempotently in the team's database.
 */
import { Readable, Writable } from 'node:stream';
import type { Database } from '@sangfroid/server';
import { runImport } from './run.ts';
import { storeResults, withoutStored } from './server-store.ts';
import type { ImportSummary } from './summary.ts';
import type { ImportFormat } from './types.ts';

export type { ImportSummary } from './summary.ts';
export { IMPORT_FORMATS, type ImportFormat, ImportInputError } from './types.ts';

export interface ImportTextResult {
  readonly summary: ImportSummary;
  readonly stored: { readonly messages: number; readonly alreadyStored: number; readonly incidents: number };
}

export async function importText(options: {
  readonly database: Pick<Database, 'db'>;
  readonly orgId: string;
  readonly content: string;
  readonly format?: ImportFormat;
  readonly source?: string;
  readonly columns?: string;
  readonly now?: () => Date;
}): Promise<ImportTextResult> {
  let format: ImportFormat = options.format ?? 'jsonl';
  const target = () => ({
    database: options.database as Database,
    orgId: options.orgId,
    source: options.source ?? format,
    format,
    ...(options.now ? { now: options.now } : {}),
  });
  const stored = { messages: 0, alreadyStored: 0, incidents: 0 };
  const outcome = await runImport({
    input: '-',
    stdin: Readable.from([Buffer.from(options.content)]),
    stderr: new Writable({ write: (_c, _e, done) => done() }),
    workers: 0,
    progress: false,
    ...(options.format ? { format: options.format } : {}),
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.now ? { now: options.now } : {}),
    onDetected: (f) => {
      format = f;
    },
    filterBatch: (batch) => withoutStored(target(), batch),
    onResults: async (results) => {
      const r = await storeResults(target(), results);
      stored.messages += r.messagesStored;
      stored.alreadyStored += r.messagesAlreadyStored;
      stored.incidents += r.incidentsCreated;
    },
  });
  return { summary: outcome.summary, stored };
}

/**
 * `sangfroid import <file|->`: analyses a team's exported conversations (spec JSONL, CSV,
 * Zendesk comments, Chatwoot messages) on every core, streaming, and writes a summary, a report
 * and the rejected records. Exit status: 0 everything imported, 1 some records rejected (or
 * stopped by --strict), 2 the input could not be imported at all.
 */

import { type Command, InvalidArgumentError, Option } from 'commander';
import { REPORT_LANGS, type ReportLang } from '../import/i18n.ts';
import type { IntoServer } from '../import/into-server.ts';
import { runImport } from '../import/run.ts';
import { IMPORT_FORMATS, type ImportFormat, ImportInputError } from '../import/types.ts';

interface ImportCliOptions {
  format?: ImportFormat;
  columns?: string;
  json?: string;
  report?: string;
  errors?: string;
  lang: ReportLang;
  strict?: boolean;
  workers?: number;
  maxRecordBytes?: number;
  progress?: boolean;
  intoServer?: boolean;
  org?: string;
  source?: string;
  queue?: boolean;
  wait?: boolean;
}

async function waitForQueue(into: IntoServer): Promise<void> {
  const queue = into.queue;
  if (!queue) return;
  while (true) {
    const { QUEUES } = await import('@sangfroid/server');
    const c = await queue.counts(QUEUES.importBatch);
    if (c.queued + c.active === 0) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Analyse exported conversations (JSONL, CSV, Zendesk, Chatwoot): summary, report, errors.')
    .argument('<file>', "the export, or '-' for standard input")
    .addOption(new Option('--format <format>', 'input format (detected when absent)').choices(IMPORT_FORMATS))
    .option(
      '--columns <mapping>',
      'CSV columns, e.g. conversation=ticket_id,role=author_type,text=body,at=created_at',
    )
    .option('--json <path>', 'write the summary as JSON')
    .option('--report <path>', 'write a self-contained HTML report')
    .option('--errors <path>', 'write each rejected record as a JSON line (line, code, message)')
    .addOption(new Option('--lang <lang>', 'language of the report').choices(REPORT_LANGS).default('fr'))
    .option('--strict', 'stop at the first rejected record (exit 1)')
    .option('--workers <n>', 'worker threads (default: one per core; 0: this thread)', positiveInt)
    .option('--max-record-bytes <n>', 'reject records longer than this (default 4 MiB)', positiveInt)
    .option('--no-progress', 'no progress bar, even on a terminal')
    .option(
      '--into-server',
      "store conversations, findings and incidents in the team's database (idempotent)",
    )
    .option('--org <id|name>', 'organisation to import into (default: the only one)')
    .option('--source <name>', 'namespace of the natural keys (default: the format, e.g. zendesk)')
    .option('--no-queue', 'with DATABASE_URL: store from this process instead of queueing jobs')
    .option('--wait', 'with the job queue: wait until workers have processed every job')
    .action(async (file: string, opts: ImportCliOptions) => {
      let into: IntoServer | undefined;
      try {
        if (opts.intoServer) {
          const { openIntoServer } = await import('../import/into-server.ts');
          into = await openIntoServer({
            ...(opts.org ? { org: opts.org } : {}),
            ...(opts.source ? { source: opts.source } : {}),
            ...(opts.queue === false ? { noQueue: true } : {}),
          });
        }
        const outcome = await runImport({
          ...(into ? into.options : {}),
          input: file,
          lang: opts.lang,
          ...(opts.format ? { format: opts.format } : {}),
          ...(opts.columns ? { columns: opts.columns } : {}),
          ...(opts.json ? { jsonPath: opts.json } : {}),
          ...(opts.report ? { reportPath: opts.report } : {}),
          ...(opts.errors ? { errorsPath: opts.errors } : {}),
          ...(opts.strict ? { strict: true } : {}),
          ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
          ...(opts.maxRecordBytes ? { maxRecordBytes: opts.maxRecordBytes } : {}),
          ...(opts.progress === false ? { progress: false } : {}),
        });
        if (outcome.stoppedAt) {
          const s = outcome.stoppedAt;
          process.stderr.write(
            `sangfroid import: stopped (--strict) at line ${s.line}: ${s.code}: ${s.message}\n`,
          );
        }
        if (into?.mode === 'store') {
          process.stderr.write(
            `sangfroid import: stored ${into.stats.stored} new messages (${into.stats.alreadyStored} already stored), ${into.stats.incidents} incidents\n`,
          );
        }
        if (into?.mode === 'queue' && outcome.dispatched) {
          const d = outcome.dispatched;
          process.stderr.write(
            `sangfroid import: queued ${d.batches} jobs (${d.messages} messages); \`sangfroid worker\` processes them\n`,
          );
          if (opts.wait) await waitForQueue(into);
        }
        process.exitCode = outcome.exitCode;
      } catch (error) {
        if (error instanceof ImportInputError) {
          process.stderr.write(`sangfroid import: ${error.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw error;
      } finally {
        await into?.close();
      }
    });
}

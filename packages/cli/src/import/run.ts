/**
 * The import pipeline: reader → assembler → batches → worker pool (each worker keeps the summary
 * of what it analysed) → one merged summary, with errors written as they are found and outputs
 * written at the end. Everything the command line decides (paths,
 * streams, worker count) comes in as options, so that tests run the whole pipeline in-process.
 */
import { createReadStream, createWriteStream, statSync, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ConversationResult, WireConversation } from './analyse.ts';
import { type AssembleLimits, Assembler, DEFAULT_ASSEMBLE } from './assemble.ts';
import { type CsvField, parseColumnMapping } from './formats/csv.ts';
import { type ReportLang, words } from './i18n.ts';
import { WorkerPool } from './pool.ts';
import { createProgress } from './progress.ts';
import { detectFormat, readExport } from './read.ts';
import { renderReport } from './report.ts';
import { counted, peek } from './source.ts';
import { type ImportSummary, SummaryBuilder } from './summary.ts';
import { threadCpuSeconds } from './thread-cpu.ts';
import { DEFAULT_LIMITS, type ImportFormat, ImportInputError, type ImportIssue } from './types.ts';

export interface ImportOptions {
  /** A path, or '-' for `stdin`. */
  readonly input: string;
  readonly format?: ImportFormat;
  readonly columns?: string;
  readonly jsonPath?: string;
  readonly reportPath?: string;
  readonly errorsPath?: string;
  readonly lang?: ReportLang;
  readonly strict?: boolean;
  /** Worker threads; 0 analyses in this thread. Default: one per core, 0 for inputs under 256 KB. */
  readonly workers?: number;
  readonly maxRecordBytes?: number;
  readonly assemble?: AssembleLimits;
  /** Messages per batch sent to a worker (default BATCH_MESSAGES). */
  readonly batchMessages?: number;
  readonly stdin?: Readable;
  readonly stderr?: Writable & { isTTY?: boolean };
  /** Force the progress bar on or off (default: on when stderr is a terminal). */
  readonly progress?: boolean;
  /** Called with each conversation's result (with per-message findings): server storage. */
  readonly onResults?: (results: readonly ConversationResult[]) => Promise<void>;
  /** Leaves conversations out of a batch before analysis (already stored by an earlier run). */
  readonly filterBatch?: (batch: readonly WireConversation[]) => Promise<WireConversation[]>;
  /** Hands each batch to someone else (the job queue) instead of analysing it here. */
  readonly dispatch?: (batch: readonly WireConversation[]) => Promise<void>;
  /** Told the format once it is detected (before anything is read). */
  readonly onDetected?: (format: ImportFormat) => void;
  readonly now?: () => Date;
}

export interface ImportOutcome {
  readonly summary: ImportSummary;
  /** 0: everything imported; 1: some records rejected (or stopped by --strict). */
  readonly exitCode: 0 | 1;
  readonly stoppedAt?: ImportIssue;
  /** With `dispatch`: what was handed over. */
  readonly dispatched?: {
    readonly batches: number;
    readonly messages: number;
    readonly conversations: number;
  };
}

const SMALL_INPUT = 256 * 1024;

/**
 * The reading thread makes short-lived garbage at the speed of the file (lines, parsed objects,
 * batches cloned to workers); V8 lets such a heap grow far beyond its live size before a full
 * collection, which shows as peak RSS on long imports. A full collection every few batches keeps
 * it near its live size (a few ms each). Falls back to nothing if the engine refuses the flag.
 */
function collector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
const GC_EVERY_BATCHES = 16;

/**
 * Messages per batch sent to a worker. Larger batches keep each engine's code and tables warm for
 * longer (a worker analyses a whole batch before following its conversations) and cost fewer
 * hand-overs: 400 → 1,000 cut an import's CPU by ~7 % (300,000 messages, alternated runs) for
 * ~30 MB more peak RSS.
 */
const BATCH_MESSAGES = 1000;

function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

function endStream(stream: WriteStream | undefined): Promise<void> {
  if (!stream) return Promise.resolve();
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(resolve);
  });
}

export async function runImport(options: ImportOptions): Promise<ImportOutcome> {
  const lang = options.lang ?? 'fr';
  const started = Date.now();
  const cpuStart = process.cpuUsage();
  const columns: Partial<Record<CsvField, string>> = parseColumnMapping(options.columns);
  const fromStdin = options.input === '-';
  const totalBytes = fromStdin ? undefined : fileSize(options.input);
  if (!fromStdin && totalBytes === undefined) throw new ImportInputError(`cannot read ${options.input}`);
  const stream: Readable = fromStdin
    ? (options.stdin ?? process.stdin)
    : createReadStream(options.input, { highWaterMark: 1024 * 1024 });
  const { head, source } = await peek(stream);
  const detection = detectFormat(fromStdin ? undefined : options.input, head, options.format);
  options.onDetected?.(detection.format);
  const limits = { maxRecordBytes: options.maxRecordBytes ?? DEFAULT_LIMITS.maxRecordBytes };
  const workers =
    options.workers ?? (totalBytes !== undefined && totalBytes < SMALL_INPUT ? 0 : availableParallelism());
  const stderr = options.stderr ?? process.stderr;
  const progress = createProgress({
    stream: stderr,
    totalBytes,
    lang,
    ...(options.progress !== undefined ? { enabled: options.progress } : {}),
  });
  const errorsOut = options.errorsPath ? createWriteStream(options.errorsPath) : undefined;
  const summary = new SummaryBuilder();
  let protocol = { recommend: false, checkDraft: false };
  let bytesRead = 0;
  let stoppedAt: ImportIssue | undefined;

  const report = (issue: ImportIssue): void => {
    summary.addIssue(issue);
    if (errorsOut && !errorsOut.write(`${JSON.stringify(issue)}\n`)) {
      // The errors file is small next to the input; a full buffer is waited for below.
    }
    if (options.strict) stoppedAt ??= issue;
  };

  const dispatched = { batches: 0, messages: 0, conversations: 0 };
  let analysed = 0;
  const pool = new WorkerPool({
    size: options.dispatch ? 0 : workers,
    keepDetails: options.onResults !== undefined,
    // results stay in the workers unless someone stores them one by one
    summarise: options.onResults === undefined,
    onResponse: async (response) => {
      protocol = response.protocol;
      analysed += response.messages;
      for (const r of response.results) summary.add(r);
      for (const f of response.failures) report({ line: f.line, code: 'engine_error', message: f.message });
      if (options.onResults && response.results.length > 0) await options.onResults(response.results);
      progress.update(bytesRead, analysed);
    },
  });

  const batchSize = options.batchMessages ?? BATCH_MESSAGES;
  let batch: WireConversation[] = [];
  let batchCount = 0;
  const gc = workers > 0 ? collector() : undefined;
  let submitted = 0;
  const submit = async (full: readonly WireConversation[]): Promise<void> => {
    if (gc && ++submitted % GC_EVERY_BATCHES === 0) gc();
    const kept = options.filterBatch ? await options.filterBatch(full) : full;
    if (kept.length === 0) return;
    if (options.dispatch) {
      await options.dispatch(kept);
      dispatched.batches++;
      dispatched.conversations += kept.length;
      for (const c of kept) dispatched.messages += c.messages.length;
      progress.update(bytesRead, dispatched.messages);
    } else await pool.submit(kept);
  };
  const send = async (conversations: readonly WireConversation[]): Promise<void> => {
    for (const c of conversations) {
      batch.push(c);
      batchCount += c.messages.length;
      if (batchCount >= batchSize) {
        const full = batch;
        batch = [];
        batchCount = 0;
        await submit(full);
      }
    }
  };

  const assembler = new Assembler(options.assemble ?? DEFAULT_ASSEMBLE);
  let workerCpuSeconds: number | undefined;
  const readerCpuStart = threadCpuSeconds();
  try {
    const items = readExport(
      counted(source, (n) => {
        bytesRead += n;
      }),
      { ...(fromStdin ? {} : { name: options.input }), detection, head, limits, columns },
    );
    for await (const item of items) {
      if (item.kind === 'message') await send(assembler.add(item.message));
      else if (item.kind === 'conversation') await send(assembler.addWhole(item.conversation));
      else if (item.kind === 'skipped') summary.addSkipped(item.reason);
      else report(item.issue);
      if (stoppedAt) break;
    }
    if (!stoppedAt) {
      await send(assembler.flush());
      if (batch.length > 0) await submit(batch);
    }
    const closed = await pool.close();
    for (const snapshot of closed.snapshots) summary.merge(snapshot);
    workerCpuSeconds = closed.workerCpuSeconds;
  } catch (error) {
    await pool.destroy();
    progress.stop();
    await endStream(errorsOut);
    if (!fromStdin) stream.destroy();
    throw error;
  }
  if (!fromStdin) stream.destroy();
  progress.stop();
  await endStream(errorsOut);

  const seconds = (Date.now() - started) / 1000;
  const built = summary.build(
    { name: fromStdin ? 'stdin' : options.input, format: detection.format },
    protocol,
  );
  built.run = {
    workers,
    seconds: Math.round(seconds * 1000) / 1000,
    messagesPerSecond: Math.round(summary.messages / Math.max(seconds, 0.001)),
    cpuSeconds: (() => {
      const cpu = process.cpuUsage(cpuStart);
      return Math.round((cpu.user + cpu.system) / 1000) / 1000;
    })(),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(() => {
      const reader = threadCpuSeconds();
      return reader !== undefined && readerCpuStart !== undefined
        ? { readerCpuSeconds: Math.round((reader - readerCpuStart) * 100) / 100 }
        : {};
    })(),
    ...(workerCpuSeconds !== undefined ? { workerCpuSeconds: Math.round(workerCpuSeconds * 100) / 100 } : {}),
    gc: process.execArgv.includes('--single-threaded-gc') ? 'single-threaded' : 'background',
  };
  if (options.jsonPath) await writeFile(options.jsonPath, `${JSON.stringify(built, null, 2)}\n`);
  if (options.reportPath) {
    await writeFile(
      options.reportPath,
      renderReport(built, { lang, now: (options.now ?? (() => new Date()))() }),
    );
  }
  stderr.write(
    `${words(lang).summaryLine({
      messages: built.totals.messages,
      conversations: built.totals.conversations,
      incidents: built.totals.incidents,
      rejected: built.totals.rejected,
      rate: built.run.messagesPerSecond,
      seconds,
    })}\n`,
  );
  return {
    summary: built,
    exitCode: built.totals.rejected > 0 || stoppedAt ? 1 : 0,
    ...(stoppedAt ? { stoppedAt } : {}),
    ...(options.dispatch ? { dispatched } : {}),
  };
}

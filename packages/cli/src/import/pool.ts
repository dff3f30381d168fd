/**
 * Runs batches on worker threads, one per core by default, with backpressure: `submit` resolves
 * once the batch is queued and at most `depth` batches wait per worker, so the reader never runs
 * far ahead of the analysis and memory stays flat. With `summarise`, workers keep the summary of
 * what they analysed and `close` collects it once; otherwise every result comes back with its
 * batch (server storage needs them). With 0 workers, batches run in this thread (small inputs,
 * tests). Workers run a bundle of the TypeScript sources (see workerEntry).
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { Engine } from './engine.ts';
import type { SummarySnapshot } from './summary.ts';
import type {
  analyseBatch,
  BatchRequest,
  BatchResponse,
  SummaryResponse,
  WorkerOptions,
  WorkerRequest,
  WorkerResponse,
} from './worker-thread.ts';

/**
 * A worker cannot load .ts by itself, and on Node 20 `execArgv: ['--import', 'tsx']` does not
 * reach worker threads. Rather than give each worker a TypeScript loader of its own (tsx's runs
 * on a thread of its own per worker), the worker's sources are bundled once per process by
 * esbuild — the compiler tsx itself uses — into one ES module, ~0.6 MB, ~50 ms, in memory; the
 * workers start from it as a data: URL. Measured on million-message imports side by side with
 * tsx-loaded workers: ~30 MB less peak RSS, CPU the same or lower. The bundle holds every module
 * the worker imports, Node's built-ins aside, so nothing in it may resolve a path at run time.
 */
let workerModule: URL | undefined;

function workerEntry(): URL {
  if (!workerModule) {
    const { outputFiles } = buildSync({
      entryPoints: [fileURLToPath(new URL('./worker-thread.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: `node${process.versions.node}`,
      write: false,
      logLevel: 'silent',
    });
    const code = outputFiles[0]?.text;
    if (!code) throw new Error('esbuild produced no bundle for the import workers');
    workerModule = new URL(`data:text/javascript,${encodeURIComponent(code)}`);
  }
  return workerModule;
}

/**
 * A worker's live heap is ~15 MB (engines and one batch), but V8 lets a busy heap grow far beyond
 * before collecting; these limits make it collect sooner, which keeps peak RSS across workers
 * flat (the largest record, 4 MiB by default, still fits many times over). The young generation
 * is where a batch's analyses live until its conversations are followed: since the import
 * collects on each thread (bin/sangfroid.mjs), 8 → 16 MB cut the CPU of 300,000-message imports by
 * ~5 % in alternated runs, for ~30 MB more peak RSS; 32 MB gained no more for ~80 MB.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 } as const;

/** The engines, for a pool of 0 workers that analyses in this thread. */
interface InlineEngine {
  readonly engine: Engine;
  readonly analyseBatch: typeof analyseBatch;
}

/**
 * Loaded only by a pool of 0 workers: with workers, this thread only reads, and keeps out of
 * memory the engines it would never run (~30 MB of RSS and ~0.7 s of CPU at start-up).
 */
async function loadInlineEngine(): Promise<InlineEngine> {
  const [{ resolveEngine }, { analyseBatch }] = await Promise.all([
    import('./engine.ts'),
    import('./worker-thread.ts'),
  ]);
  return { engine: resolveEngine(), analyseBatch };
}

export type OnResponse = (response: BatchResponse) => void | Promise<void>;

/** What `close` collects from the workers. */
export interface PoolOutcome {
  /** The workers' summaries (when they keep them). */
  readonly snapshots: readonly SummarySnapshot[];
  /** CPU seconds the worker threads used, summed (Linux; absent without workers). */
  readonly workerCpuSeconds?: number;
}

interface Slot {
  worker: Worker;
  inFlight: number;
  /** Resolves with the worker's last word once asked to finish. */
  onSummary?: (response: SummaryResponse) => void;
}

export class WorkerPool {
  readonly size: number;
  readonly #slots: Slot[] = [];
  readonly #depth: number;
  readonly #onResponse: OnResponse;
  readonly #keepDetails: boolean;
  readonly #summarise: boolean;
  #nextId = 1;
  #waiters: (() => void)[] = [];
  #failure: Error | undefined;
  readonly #pending = new Set<Promise<void>>();
  #closing = false;
  #inline: Promise<InlineEngine> | undefined;

  constructor(options: {
    size: number;
    onResponse: OnResponse;
    keepDetails?: boolean;
    /** Workers keep the summary and hand it over at `close` (results are not sent back). */
    summarise?: boolean;
    depth?: number;
  }) {
    this.size = Math.max(0, options.size);
    this.#depth = options.depth ?? 2;
    this.#onResponse = options.onResponse;
    this.#keepDetails = options.keepDetails ?? false;
    this.#summarise = (options.summarise ?? false) && this.size > 0;
    const workerData: WorkerOptions = { keepDetails: this.#keepDetails, summarise: this.#summarise };
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(workerEntry(), { workerData, resourceLimits: WORKER_LIMITS });
      const slot: Slot = { worker, inFlight: 0 };
      worker.on('message', (response: WorkerResponse) => {
        if (response.type === 'summary') {
          slot.onSummary?.(response);
          return;
        }
        slot.inFlight--;
        const done: Promise<void> = Promise.resolve(this.#onResponse(response))
          .catch((error: Error) => {
            this.#failure ??= error;
          })
          .finally(() => this.#pending.delete(done));
        this.#pending.add(done);
        this.#wake();
      });
      worker.on('error', (error) => {
        this.#failure ??= error;
        this.#wake();
      });
      worker.on('exit', (code) => {
        if (code !== 0 && !this.#closing)
          this.#failure ??= new Error(`an import worker stopped (exit ${code})`);
        this.#wake();
      });
      this.#slots.push(slot);
    }
  }

  /** Whether results stay in the workers (collected by `close`) rather than coming back per batch. */
  get summarises(): boolean {
    return this.#summarise;
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }

  /** Queues a batch; waits while every worker already has `depth` batches. */
  async submit(conversations: BatchRequest['conversations']): Promise<void> {
    const request: BatchRequest = { type: 'batch', id: this.#nextId++, conversations };
    if (this.size === 0) {
      this.#inline ??= loadInlineEngine();
      const { engine, analyseBatch } = await this.#inline;
      await this.#onResponse(analyseBatch(request, engine, this.#keepDetails));
      return;
    }
    while (true) {
      if (this.#failure) throw this.#failure;
      const slot = this.#slots.reduce((best, s) => (s.inFlight < best.inFlight ? s : best));
      if (slot.inFlight < this.#depth) {
        slot.inFlight++;
        slot.worker.postMessage(request);
        return;
      }
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /**
   * Waits for every queued batch, collects each worker's last word — its summary when workers
   * keep them, and the CPU time its thread used — then stops the workers.
   */
  async close(): Promise<PoolOutcome> {
    while (this.#slots.some((s) => s.inFlight > 0) && !this.#failure) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
    await Promise.all([...this.#pending]);
    const last = this.#failure
      ? []
      : await Promise.all(
          this.#slots.map(
            (slot) =>
              new Promise<SummaryResponse>((resolve, reject) => {
                slot.onSummary = resolve;
                slot.worker.once('error', reject);
                slot.worker.once('exit', () => reject(new Error('an import worker stopped before the end')));
                const finish: WorkerRequest = { type: 'finish' };
                slot.worker.postMessage(finish);
              }),
          ),
        );
    this.#closing = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
    if (this.#failure) throw this.#failure;
    const cpu = last.map((r) => r.cpuSeconds);
    return {
      snapshots: last.flatMap((r) => (r.snapshot ? [r.snapshot] : [])),
      ...(cpu.length > 0 && cpu.every((c) => c !== undefined)
        ? { workerCpuSeconds: cpu.reduce((a: number, b) => a + (b as number), 0) }
        : {}),
    };
  }

  /** Stops at once (an import that gives up). */
  async destroy(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}

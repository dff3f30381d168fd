/**
 * The job queue of sangfroid, on PostgreSQL through pg-boss (v10): large imports are split into
 * jobs that `sangfroid worker` processes on any number of machines, and outbound notifications
 * (webhooks, e-mail) can be delivered through it with its retries. pg-boss claims each job for
 * one worker at a time (SELECT … FOR UPDATE SKIP LOCKED), retries failed jobs with back-off and
 * keeps its tables in its own schema, so nothing here is a home-made queue.
 *
 * The API is deliberately small — `send`, `sendMany`, `work`, `counts`, `stop` — so that callers
 * (imports, notifications) never see pg-boss itself.
 */
import PgBoss from 'pg-boss';

/** The queues sangfroid uses, with their retry policy. */
export const QUEUES = {
  /** One batch of conversations of an import: analyse, then store idempotently. */
  importBatch: 'sangfroid-import-batch',
  /** One outbound notification (webhook or e-mail); see integrations/notify.ts. */
  notification: 'sangfroid-notification',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

const POLICIES: Record<
  QueueName,
  { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number }
> = {
  [QUEUES.importBatch]: { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60 },
  [QUEUES.notification]: { retryLimit: 8, retryDelay: 10, retryBackoff: true, expireInSeconds: 5 * 60 },
};

export interface JobInfo {
  readonly id: string;
  readonly queue: QueueName;
}

export interface NewJob<T> {
  readonly data: T;
  /** A stable id (uuid) makes re-sending the same job a no-op while it is still queued. */
  readonly id?: string;
}

export interface JobCounts {
  readonly queued: number;
  readonly active: number;
  readonly completed: number;
  readonly failed: number;
}

export interface JobQueue {
  send<T extends object>(queue: QueueName, data: T, options?: { id?: string }): Promise<string | null>;
  sendMany<T extends object>(queue: QueueName, jobs: readonly NewJob<T>[]): Promise<void>;
  /**
   * Processes jobs of a queue, one at a time per worker slot; a handler that throws fails the job,
   * which pg-boss retries with back-off until its retry limit.
   */
  work<T extends object>(
    queue: QueueName,
    handler: (data: T, job: JobInfo) => Promise<void>,
    options?: { pollingIntervalSeconds?: number; slots?: number },
  ): Promise<void>;
  counts(queue: QueueName): Promise<JobCounts>;
  /** Stops fetching, waits for running jobs (up to `timeoutMs`), closes the connections. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

export interface OpenJobQueueOptions {
  readonly connectionString: string;
  /** PostgreSQL schema of pg-boss's tables (tests use a fresh one each). */
  readonly schema?: string;
  /** Connections in pg-boss's pool (default 4). */
  readonly poolSize?: number;
  readonly onError?: (error: Error) => void;
  /** Seconds before the first retry, for every queue (tests shorten it). */
  readonly retryDelaySeconds?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openJobQueue(options: OpenJobQueueOptions): Promise<JobQueue> {
  const schema = options.schema ?? 'pgboss';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid pg-boss schema name: ${schema}`);
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema,
    max: options.poolSize ?? 4,
    // Archive and delete are pg-boss's own maintenance; one worker running it is enough, any will do.
    supervise: true,
    schedule: false,
  });
  boss.on('error', (error: Error) => options.onError?.(error));
  const policies = Object.fromEntries(
    Object.entries(POLICIES).map(([name, p]) => [
      name,
      options.retryDelaySeconds !== undefined ? { ...p, retryDelay: options.retryDelaySeconds } : p,
    ]),
  ) as typeof POLICIES;
  await boss.start();
  for (const [name, policy] of Object.entries(policies)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...policy });
  }
  const workers: string[] = [];
  return {
    send(queue, data, opts = {}) {
      return boss.send(queue, data, { ...policies[queue], ...(opts.id ? { id: opts.id } : {}) });
    },
    async sendMany(queue, jobs) {
      if (jobs.length === 0) return;
      await boss.insert(
        jobs.map((j) => ({
          name: queue,
          data: j.data as object,
          ...policies[queue],
          ...(j.id ? { id: j.id } : {}),
        })),
      );
    },
    async work(queue, handler, opts = {}) {
      const slots = Math.max(1, opts.slots ?? 1);
      for (let i = 0; i < slots; i++) {
        const id = await boss.work<object>(
          queue,
          { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
          async (jobs) => {
            for (const job of jobs) await handler(job.data as never, { id: job.id, queue });
          },
        );
        workers.push(id);
      }
    },
    async counts(queue) {
      const rows = await boss.getDb().executeSql(
        `select state, count(*)::int as n from ${schema}.job where name = $1 group by state
           union all select state, count(*)::int as n from ${schema}.archive where name = $1 group by state`,
        [queue],
      );
      const by: Record<string, number> = {};
      for (const r of rows.rows as { state: string; n: number }[]) by[r.state] = (by[r.state] ?? 0) + r.n;
      return {
        queued: (by.created ?? 0) + (by.retry ?? 0),
        active: by.active ?? 0,
        completed: by.completed ?? 0,
        failed: by.failed ?? 0,
      };
    },
    async stop(opts = {}) {
      await boss.stop({ graceful: true, wait: true, timeout: opts.timeoutMs ?? 30_000 });
    },
  };
}

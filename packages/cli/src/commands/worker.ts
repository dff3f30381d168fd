/**
 * `sangfroid worker`: processes the job queue (pg-boss on DATABASE_URL) — import batches split by
 * `sangfroid import --into-server`, and the server's outbound notifications (webhooks, e-mail)
 * when they are configured (same variables as the server) — until stopped (SIGINT/SIGTERM finish the running job first)
 * or, with `--idle-exit`, once the queue has stayed empty that long. Run one per core, on as many
 * machines as wanted: each job goes to one worker, failures are retried by the queue.
 */
import type { NotificationJob } from '@sangfroid/server';
import type { Command } from 'commander';

interface WorkerOptions {
  idleExit?: string;
  queueSchema: string;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('Process queued jobs (imports) from PostgreSQL (DATABASE_URL); run as many as you like.')
    .option('--idle-exit <seconds>', 'stop once the queue has been empty this long')
    .option('--queue-schema <name>', 'PostgreSQL schema of the job queue', 'pgboss')
    .action(async (opts: WorkerOptions) => {
      const { createNotifier, loadConfig, notificationOptions, openDatabase, openJobQueue, QUEUES } =
        await import('@sangfroid/server');
      const { startImportWorker } = await import('../import/server-store.ts');
      const config = loadConfig(process.env);
      if (!config.databaseUrl) {
        process.stderr.write('sangfroid worker: set DATABASE_URL (the job queue lives in PostgreSQL)\n');
        process.exitCode = 2;
        return;
      }
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const queue = await openJobQueue({
        connectionString: config.databaseUrl,
        schema: opts.queueSchema,
        onError: (error) => process.stderr.write(`sangfroid worker: ${error.message}\n`),
      });
      const notifications = notificationOptions(config);
      if (notifications) {
        const notifier = createNotifier(database.db, notifications);
        // One attempt per job: a failure throws and the queue retries it with back-off.
        await queue.work<NotificationJob>(QUEUES.notification, (job) => notifier.deliverQueued(job));
      }
      let last = Date.now();
      const stats = await startImportWorker({
        database,
        queue,
        onJob: (s) => {
          last = Date.now();
          process.stderr.write(
            `sangfroid worker: ${s.jobs} jobs, ${s.messages} messages analysed, ${s.stored} stored\n`,
          );
        },
      });
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        if (opts.idleExit !== undefined) {
          const idleMs = Number(opts.idleExit) * 1000;
          const timer = setInterval(async () => {
            const c = await queue.counts(QUEUES.importBatch);
            if (c.queued + c.active === 0 && Date.now() - last >= idleMs) {
              clearInterval(timer);
              resolve();
            }
          }, 500);
        }
      });
      await queue.stop();
      await database.close();
      process.stderr.write(
        `sangfroid worker: stopped after ${stats.jobs} jobs (${stats.messages} messages)\n`,
      );
    });
}

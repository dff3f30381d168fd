/**
 * startServer: the only place that reads the environment and opens a socket. Opens the database
 * (migrating it), builds the app, listens, prints where the data lives, and — while no account
 * exists — prints a one-time setup token. Closes cleanly on SIGINT/SIGTERM.
 */
import { serve } from '@hono/node-server';
import { randomSecret } from './auth/secrets.ts';
import { type Config, loadConfig } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { systemClock } from './deps.ts';
import { countUsers } from './domain/users.ts';
import { createApp } from './http/app.ts';
import {
  configuredIntegrations,
  createNotifier,
  type NotificationJob,
  notificationOptions,
} from './integrations/index.ts';
import { createLogger } from './logger.ts';
import { type JobQueue, openJobQueue, QUEUES } from './queue/index.ts';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly database: Database;
  readonly config: Config;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly env?: Record<string, string | undefined>;
  /** Where the banner goes (stdout by default). */
  readonly print?: (line: string) => void;
  /** Install SIGINT/SIGTERM handlers (default true). */
  readonly handleSignals?: boolean;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = loadConfig(options.env ?? process.env);
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const logger = createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const needsSetup = (await countUsers({ db: database.db })) === 0;
  const setupToken = needsSetup ? randomSecret(18) : undefined;
  // On PostgreSQL, outbound notifications go through the job queue (retries survive a restart);
  // this process works that queue too, as may any `sangfroid worker`.
  const notifications = notificationOptions(config);
  let queue: JobQueue | undefined;
  if (notifications && config.databaseUrl) {
    queue = await openJobQueue({
      connectionString: config.databaseUrl,
      onError: (error) => logger.error('job queue error', { error: String(error) }),
    });
    const notifier = createNotifier(database.db, notifications);
    await queue.work<NotificationJob>(QUEUES.notification, (job) => notifier.deliverQueued(job));
  }
  const enqueue = queue
    ? async (job: NotificationJob) => {
        await queue?.send(QUEUES.notification, job, { id: job.deliveryId });
      }
    : undefined;
  const app = createApp({
    db: database.db,
    config,
    logger,
    clock: systemClock,
    setupToken,
    groupCommit: database.kind === 'pglite',
    integrations: configuredIntegrations(database.db, config, enqueue),
  });

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shown =
    config.host === '127.0.0.1' || config.host === '0.0.0.0' || config.host === '::'
      ? 'localhost'
      : config.host;
  const url = `http://${shown}:${port}`;
  print(`sangfroid listening on ${url}`);
  print(
    `data: ${database.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${database.location}` : `PostgreSQL at ${database.location}`}`,
  );
  if (setupToken) {
    print('no account yet: create the first admin with `sangfroid admin create`,');
    print(`or open ${url}/setup and use the one-time setup token: ${setupToken}`);
  }

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // SSE streams keep connections open; do not wait for them forever
        setTimeout(resolve, 2000).unref();
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await queue?.stop({ timeoutMs: 2000 });
      await database.close();
    })();
    return closing;
  };
  if (options.handleSignals !== false) {
    const onSignal = () => {
      void close().then(() => process.exit(0));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { url, port, database, config, close };
}

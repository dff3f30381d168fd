/**
 * `sangfroid serve`: starts the server (embedded database by default, DATABASE_URL for PostgreSQL)
 * on http://localhost:3000 (PORT to change) and prints where the data lives.
 */
import type { Command } from 'commander';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the server: web app at /, API at /api/v1 (see packages/server/API.md).')
    .option('-p, --port <port>', 'port (default: PORT or 3000)')
    .option('--host <host>', 'interface to bind (default: HOST or 127.0.0.1)')
    .option('--data-dir <dir>', 'embedded database directory (default: DATA_DIR or .sangfroid/data)')
    .action(async (opts: { port?: string; host?: string; dataDir?: string }) => {
      const env = { ...process.env };
      if (opts.port) env.PORT = opts.port;
      if (opts.host) env.HOST = opts.host;
      if (opts.dataDir) env.DATA_DIR = opts.dataDir;
      const { startServer } = await import('@sangfroid/server');
      await startServer({ env });
      // the HTTP server keeps the process alive until SIGINT/SIGTERM
    });
}

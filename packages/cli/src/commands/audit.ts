/**
 * `sangfroid audit verify`: recomputes every organisation's hash chain of the audit log and exits
 * non-zero at the first entry that was altered, removed or inserted.
 */
import type { Command } from 'commander';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The append-only audit log.');
  audit
    .command('verify')
    .description('Check that the audit log has not been tampered with (exit 1 if it has).')
    .option('--org <id>', 'only this organisation')
    .option('--data-dir <dir>', 'embedded database directory (default: DATA_DIR or .sangfroid/data)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { org?: string; dataDir?: string; json?: boolean }) => {
      const { loadConfig, openDatabase, verifyAuditChain } = await import('@sangfroid/server');
      const config = loadConfig({ ...process.env, ...(opts.dataDir ? { DATA_DIR: opts.dataDir } : {}) });
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const result = await verifyAuditChain({ db: database.db, ...(opts.org ? { orgId: opts.org } : {}) });
        if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        else if (result.ok)
          process.stdout.write(
            `audit log intact: ${result.entries} entries in ${result.organisations} organisation(s)\n`,
          );
        else
          process.stdout.write(
            `audit log BROKEN at entry ${result.brokenAt?.seq} (organisation ${result.brokenAt?.orgId}): ${result.brokenAt?.reason}\n`,
          );
        if (!result.ok) process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}

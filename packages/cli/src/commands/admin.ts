/**
 * `sangfroid admin create`: creates an organisation and its first admin account on the configured
 * database (DATA_DIR or DATABASE_URL). The password is typed on the terminal (not echoed, asked
 * twice) or read from stdin with --password-stdin — never a default password.
 */
import type { Command } from 'commander';
import { readAll } from '../io.ts';

/** Reads a line from the terminal without echoing it. */
export function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) throw new Error('no terminal to ask the password on: use --password-stdin');
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

export function registerAdmin(program: Command): void {
  const admin = program.command('admin').description('Manage accounts on the configured database.');
  admin
    .command('create')
    .description('Create an organisation and its first admin (password asked on the terminal).')
    .requiredOption('--org <name>', 'organisation name')
    .requiredOption('--email <email>', "the admin's e-mail (their login)")
    .requiredOption('--name <name>', "the admin's name")
    .option('--password-stdin', 'read the password from stdin (scripts, CI)')
    .option('--data-dir <dir>', 'embedded database directory (default: DATA_DIR or .sangfroid/data)')
    .action(
      async (opts: {
        org: string;
        email: string;
        name: string;
        passwordStdin?: boolean;
        dataDir?: string;
      }) => {
        const { createOrganisationWithAdmin, loadConfig, openDatabase } = await import('@sangfroid/server');
        const config = loadConfig({ ...process.env, ...(opts.dataDir ? { DATA_DIR: opts.dataDir } : {}) });
        let password: string;
        if (opts.passwordStdin) password = (await readAll(process.stdin)).replace(/\r?\n$/, '');
        else {
          password = await askHidden('Password (12 characters or more): ');
          if ((await askHidden('Again: ')) !== password) throw new Error('the two passwords differ');
        }
        const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
        try {
          const { orgId, userId } = await createOrganisationWithAdmin({
            db: database.db,
            now: new Date(),
            input: { organisation: opts.org, name: opts.name, email: opts.email, password },
          });
          process.stdout.write(
            `created organisation ${orgId} and admin ${userId} <${opts.email}> in ${database.location}\n`,
          );
        } finally {
          await database.close();
        }
      },
    );
}

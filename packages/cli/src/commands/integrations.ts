/**
 * `sangfroid integrations add`: creates a signed inbound endpoint (Chatwoot's webhook, or the
 * generic JSON one) on the configured database, acting as one user of the organisation, and
 * prints its URL path and secret once — the secret is what you paste into the helpdesk.
 */
import type { EndpointKind } from '@sangfroid/server';
import { type Command, Option } from 'commander';

/**
 * The server's endpoint kinds, spelled here so that registering the command does not load the
 * server; the type below fails to compile if the server gains a kind this list lacks.
 */
const KINDS = ['chatwoot', 'generic'] as const satisfies readonly EndpointKind[];
const everyKindListed: [Exclude<EndpointKind, (typeof KINDS)[number]>] extends [never] ? true : never = true;
void everyKindListed;

export function registerIntegrations(program: Command): void {
  const integrations = program.command('integrations').description('Connect the helpdesk you already use.');
  integrations
    .command('add')
    .description('Create a signed inbound webhook endpoint and print its URL and secret (shown once).')
    .addOption(new Option('--kind <kind>', 'payload format').choices(KINDS).makeOptionMandatory())
    .requiredOption('--as <email>', 'the user of the organisation the endpoint records messages as')
    .option('--name <name>', 'a label for the endpoint', 'helpdesk')
    .option('--origin <url>', 'public origin of the server, to print the full URL', 'http://localhost:3000')
    .option('--data-dir <dir>', 'embedded database directory (default: DATA_DIR or .sangfroid/data)')
    .action(
      async (opts: { kind: EndpointKind; as: string; name: string; origin: string; dataDir?: string }) => {
        const { createEndpoint, loadConfig, openDatabase } = await import('@sangfroid/server');
        const config = loadConfig({ ...process.env, ...(opts.dataDir ? { DATA_DIR: opts.dataDir } : {}) });
        const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
        try {
          const endpoint = await createEndpoint({
            db: database.db,
            now: new Date(),
            kind: opts.kind,
            name: opts.name,
            actingUserEmail: opts.as,
          });
          const url = `${opts.origin.replace(/\/$/, '')}${endpoint.path}`;
          const headers =
            opts.kind === 'chatwoot'
              ? 'Chatwoot signs each delivery (X-Chatwoot-Signature, X-Chatwoot-Timestamp) with this secret.'
              : 'Sign each POST: X-Sangfroid-Timestamp = unix seconds, X-Sangfroid-Signature = sha256=HMAC-SHA256(secret, "<timestamp>.<raw body>").';
          process.stdout.write(`url: ${url}\nsecret: ${endpoint.secret}\n${headers}\n`);
        } finally {
          await database.close();
        }
      },
    );
}

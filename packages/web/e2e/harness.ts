/**
 * End-to-end harness: the real server (createApp on an embedded PGlite in a temp folder) listening
 * on 127.0.0.1:0 and serving the built web app, driven by Debian's headless Chromium through
 * playwright-core. The web app is rebuilt first when dist is missing or older than its sources.
 * Playwright's launch() gives Chromium a fresh temporary profile (user-data-dir) of its own and
 * removes it on close; each browser context then has its own cookies (agent, supervisor).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp, defaultConfig, openDatabase, silentLogger } from '@sangfroid/server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(WEB, 'dist');
export const SCREENSHOTS = join(WEB, 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SETUP_TOKEN = 'e2e-setup-token-0123456789';

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

function newest(dir: string): number {
  let max = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    max = Math.max(max, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return max;
}

function isFresh(): boolean {
  const index = join(DIST, 'index.html');
  const sources = Math.max(
    newest(join(WEB, 'src')),
    statSync(join(WEB, 'index.html')).mtimeMs,
    newest(join(WEB, '..', 'core', 'src')),
  );
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

const LOCK = join(WEB, '.e2e-build-lock');

/**
 * Builds packages/web when dist is absent or older than src/, index.html or the core sources.
 * Several e2e files run in parallel: a lock folder (mkdir is atomic) lets one of them build while
 * the others wait, so that no server ever serves a half-written dist.
 */
export function ensureBuilt(): void {
  if (isFresh()) return;
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // a lock left by a killed run is stale after 3 minutes
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`web build lock held too long: ${LOCK}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    if (isFresh()) return; // built by the run that held the lock
    const vite = join(WEB, '..', '..', 'node_modules', '.bin', 'vite');
    const bin = existsSync(vite) ? vite : join(WEB, 'node_modules', '.bin', 'vite');
    const r = spawnSync(bin, ['build', '--logLevel', 'error'], { cwd: WEB, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('web build failed');
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface Harness {
  readonly baseUrl: string;
  readonly browser: Browser;
  newPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'sangfroid-e2e-'));
  const database = await openDatabase({ dataDir: join(dataDir, 'db') });
  const app = createApp(
    {
      db: database.db,
      config: defaultConfig({ webDist: DIST }),
      logger: silentLogger,
      clock: { now: () => new Date() },
      setupToken: SETUP_TOKEN,
    },
    { web: true },
  );
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    baseUrl,
    browser,
    async newPage() {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: 1366, height: 900 },
        locale: 'fr-FR',
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('dialog', (d) => {
        errors.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      return { context, page, errors };
    },
    async close() {
      await browser.close().catch(() => undefined);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closed;
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

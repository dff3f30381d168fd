/**
 * `npm run bench:server`: analyze and message-ingest throughput and latency of the real server,
 * under load from a second process (this one, with autocannon) on loopback, on both databases:
 * the embedded default (PGlite in a temporary data directory) and PostgreSQL (a temporary
 * database on BENCH_DATABASE_URL / TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
 * skipped if unreachable).
 *
 *   npm run bench:server [-- --duration 10 | --amount N] [--connections 10 --only pglite|postgres
 *                          --runs analyze,ingest,calm --profile DIR --warmup N]
 *
 * `--amount N` sends exactly N requests per run instead of running for a duration: the same work
 * on every run, so that server CPU per request compares across runs on a shared machine (a timed
 * run ingests more messages when the machine is idle, and longer conversations cost more).
 *
 * `--warmup N` first sends N mixed ingest requests, unmeasured, to conversations of their own (the
 * measured runs then send exactly what they would have sent without it): the runs measure a server
 * that has been running, not one that just started, whose first seconds cost more (code not yet
 * optimised by V8, statements not yet prepared, caches empty) — without it the first run pays them.
 *
 * `--profile DIR` runs the server under `node --cpu-prof` and leaves its .cpuprofile files in DIR
 * (the largest one is the server's main thread; tsx's loader thread writes a small one).
 *
 * The server is the `sangfroid serve` binary, as users run it. Message texts are the dev corpus's
 * client messages (a few abusive ones open incidents, as in life). Prints figures; asserts nothing.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze as analyzeText } from '@sangfroid/core';
import pg from 'pg';

// autocannon ships no types; the part of its API used here
interface AcRequest {
  method?: string;
  path?: string;
  body?: string;
  setupRequest?: (req: AcRequest) => AcRequest;
}
interface AcResult {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number; max: number };
  errors: number;
  non2xx: number;
  timeouts: number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  headers: Record<string, string>;
  requests: AcRequest[];
}) => Promise<AcResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const root = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(root, 'packages/cli/bin/sangfroid.mjs');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const DURATION = Number(arg('duration', '10'));
const AMOUNT = Number(arg('amount', '0'));
const WARMUP = Number(arg('warmup', '0'));
const CONNECTIONS = Number(arg('connections', '10'));
const ONLY = arg('only', '');
const PROFILE_DIR = arg('profile', '');
const RUNS = new Set(arg('runs', 'analyze,ingest,calm').split(','));
const PG_URL =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/test';
const PASSWORD = 'bench password long enough';

function corpusTexts(): string[] {
  const dir = join(root, '..', 'shared', 'corpus', 'dev');
  const texts: string[] = [];
  for (const file of ['client-fr.jsonl', 'client-en.jsonl']) {
    try {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n'))
        if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
    } catch {
      // corpus absent: fall back below
    }
  }
  return texts.length > 0
    ? texts
    : [
        'Bonjour, où en est ma commande ?',
        'Je suis furieux, ça fait trois semaines !',
        'Could you send me my invoice?',
      ];
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const profile = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [];
  const child = spawn(process.execPath, [...profile, BIN, 'serve'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve({ child, url: m[1].replace('localhost', '127.0.0.1') });
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

async function json(url: string, init: RequestInit): Promise<Record<string, unknown>> {
  const res = await fetch(url, init);
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${init.method} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

interface Figures {
  /** Server CPU (user + system) per request, ms: what one dedicated core would pay. */
  readonly cpuMsPerRequest: number;
  /** CPU of this process (autocannon) per request, ms: it shares the machine with the server. */
  readonly loadCpuMsPerRequest: number;
  /** PostgreSQL only: CPU of the bench database's backend processes per request, ms. */
  readonly dbCpuMsPerRequest?: number;
  readonly rps: number;
  readonly p50: number;
  readonly p97_5: number;
  readonly p99: number;
  readonly max: number;
  readonly total: number;
  readonly errors: number;
}

/** utime + stime of a process, in ms (Linux /proc; 0 elsewhere). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

async function load(
  url: string,
  token: string,
  requests: AcRequest[],
  pid: number | undefined,
  dbCpu?: () => Promise<Map<number, number>>,
): Promise<Figures> {
  const dbBefore = await dbCpu?.();
  const cpuBefore = cpuMs(pid);
  const loadBefore = process.cpuUsage();
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    ...(AMOUNT > 0 ? { amount: AMOUNT } : { duration: DURATION }),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests,
  });
  const cpu = cpuMs(pid) - cpuBefore;
  const loadCpu = process.cpuUsage(loadBefore);
  const dbAfter = await dbCpu?.();
  let db = 0;
  for (const [backend, ms] of dbAfter ?? []) db += ms - (dbBefore?.get(backend) ?? 0);
  const requestsDone = Math.max(1, result.requests.total);
  return {
    cpuMsPerRequest: cpu / requestsDone,
    loadCpuMsPerRequest: (loadCpu.user + loadCpu.system) / 1000 / requestsDone,
    ...(dbAfter ? { dbCpuMsPerRequest: db / requestsDone } : {}),
    rps: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

async function benchBackend(
  label: string,
  env: NodeJS.ProcessEnv,
  dbCpu?: () => Promise<Map<number, number>>,
): Promise<Record<string, Figures>> {
  const created = spawnSync(
    process.execPath,
    [
      BIN,
      'admin',
      'create',
      '--org',
      'Bench',
      '--email',
      'bench@bench.test',
      '--name',
      'Bench',
      '--password-stdin',
    ],
    {
      env,
      input: `${PASSWORD}\n`,
      encoding: 'utf8',
    },
  );
  if (created.status !== 0) throw new Error(`admin create failed: ${created.stderr}`);
  const { child, url } = await startServer(env);
  try {
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@bench.test', password: PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const { token } = (await json(`${url}/api/v1/tokens`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: '{"name":"bench"}',
    })) as { token: string };
    const h = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const conversations: string[] = [];
    for (let i = 0; i < 100; i++)
      conversations.push(
        (
          await json(`${url}/api/v1/conversations`, {
            method: 'POST',
            headers: h,
            body: '{"channel":"chat"}',
          })
        ).id as string,
      );
    const texts = corpusTexts();
    let n = 0;

    const runs: Record<string, Figures> = {};
    if (RUNS.has('analyze'))
      runs.analyze = await load(
        url,
        token,
        [
          {
            method: 'POST',
            path: '/api/v1/analyze',
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({ text: texts[n++ % texts.length], role: 'client' }),
            }),
          },
        ],
        child.pid,
        dbCpu,
      );
    const ingestOf = (pool: readonly string[], to: readonly string[] = conversations): AcRequest[] => [
      {
        method: 'POST',
        setupRequest: (req) => {
          const i = n++;
          return {
            ...req,
            path: `/api/v1/conversations/${to[i % to.length]}/messages`,
            body: JSON.stringify({
              direction: i % 3 === 2 ? 'outbound' : 'inbound',
              text: pool[i % pool.length],
            }),
          };
        },
      },
    ];
    if (WARMUP > 0) {
      const own: string[] = [];
      for (let i = 0; i < conversations.length; i++)
        own.push(
          (
            await json(`${url}/api/v1/conversations`, {
              method: 'POST',
              headers: h,
              body: '{"channel":"chat"}',
            })
          ).id as string,
        );
      const warm = await autocannon({
        url,
        connections: CONNECTIONS,
        amount: WARMUP,
        headers: h,
        requests: ingestOf(texts, own),
      });
      process.stdout.write(`  ${label}: warm-up of ${warm.requests.total} ingest requests, unmeasured\n`);
      n = 0; // the measured runs send what they would have sent without the warm-up
    }
    if (RUNS.has('ingest')) runs.ingest = await load(url, token, ingestOf(texts), child.pid, dbCpu);
    // the same without abusive messages: every one of those opens an incident, a debrief and
    // audit entries (about twenty statements), so this separates plain ingest from incident cost
    const calm = texts.filter(
      (t) => !analyzeText(t, { role: 'client' }).findings.some((f) => f.id.startsWith('abuse.')),
    );
    if (RUNS.has('calm')) runs.ingestCalm = await load(url, token, ingestOf(calm), child.pid, dbCpu);
    const dash = await json(`${url}/api/v1/dashboard`, { headers: h });
    process.stdout.write(
      `  ${label}: ${JSON.stringify((dash as { messages: unknown }).messages)} stored, incidents ${JSON.stringify((dash as { incidents: { total: number } }).incidents.total)}\n`,
    );
    return runs;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const LABELS: Record<string, string> = {
  analyze: 'POST /analyze',
  ingest: 'POST …/messages (ingest)',
  ingestCalm: '  same, no abusive message',
};

function printRuns(runs: Record<string, Figures>): void {
  for (const [key, figures] of Object.entries(runs)) print(LABELS[key] ?? key, figures);
}

function print(label: string, f: Figures): void {
  process.stdout.write(
    `  ${label.padEnd(28)} ${f.rps.toFixed(0).padStart(6)} req/s   p50 ${String(f.p50).padStart(3)} ms   p97.5 ${String(f.p97_5).padStart(3)} ms   p99 ${String(f.p99).padStart(3)} ms   max ${String(f.max).padStart(4)} ms   n=${f.total} errors=${f.errors}   server CPU ${f.cpuMsPerRequest.toFixed(2)} ms/req (≈ ${(1000 / Math.max(0.001, f.cpuMsPerRequest)).toFixed(0)} req/s per free core), autocannon ${f.loadCpuMsPerRequest.toFixed(2)} ms/req${f.dbCpuMsPerRequest !== undefined ? `   + PostgreSQL backends ${f.dbCpuMsPerRequest.toFixed(2)} ms/req` : ''}\n`,
  );
}

const base = { ...process.env, PORT: '0', LOG_LEVEL: 'error' };
process.stdout.write(
  `bench:server — ${CONNECTIONS} connections, ${AMOUNT > 0 ? `${AMOUNT} requests` : `${DURATION} s`} per run${WARMUP > 0 ? ` after ${WARMUP} unmeasured` : ''}, ${cpus().length} CPUs, load average ${(await import('node:os')).loadavg()[0]?.toFixed(1)}\n`,
);

if (ONLY !== 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'sangfroid-bench-'));
  try {
    const r = await benchBackend('pglite', { ...base, DATA_DIR: dataDir, DATABASE_URL: '' });
    process.stdout.write('embedded PGlite\n');
    printRuns(r);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (ONLY !== 'pglite') {
  const dbName = `sangfroid_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const url = new URL(PG_URL);
    url.pathname = `/${dbName}`;
    try {
      // the server's own CPU leaves out the database's: add that of the bench database's backends
      const backendCpu = async (): Promise<Map<number, number>> => {
        const { rows } = await admin.query<{ pid: number }>(
          'select pid from pg_stat_activity where datname = $1',
          [dbName],
        );
        return new Map(rows.map((r) => [r.pid, cpuMs(r.pid)]));
      };
      const r = await benchBackend('postgres', { ...base, DATABASE_URL: url.toString() }, backendCpu);
      process.stdout.write('PostgreSQL\n');
      printRuns(r);
    } finally {
      await admin.query(`drop database if exists ${dbName} with (force)`);
    }
  } catch (error) {
    process.stdout.write(`PostgreSQL skipped: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    await admin.end().catch(() => {});
  }
}

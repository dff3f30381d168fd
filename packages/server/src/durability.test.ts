/**
 * Acknowledged writes survive kill -9 on the embedded database: a real server process (the
 * `sangfroid` binary) takes writes, is killed with SIGKILL right after the last 201, restarts on
 * the same data directory, and every acknowledged message is there; `sangfroid audit verify` agrees.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../cli/bin/sangfroid.mjs', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'sangfroid-kill9-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'error' };
const children: ChildProcess[] = [];

after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1].replace('localhost', '127.0.0.1') });
      }
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ada@kill9.test', password: 'a long enough password' }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const token = await fetch(`${url}/api/v1/tokens`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: '{"name":"kill9"}',
  });
  return ((await token.json()) as { token: string }).token;
}

it('keeps every acknowledged write after kill -9 of the server (PGlite)', { timeout: 180_000 }, async () => {
  const created = spawnSync(
    process.execPath,
    [
      BIN,
      'admin',
      'create',
      '--org',
      'Kill9',
      '--email',
      'ada@kill9.test',
      '--name',
      'Ada',
      '--password-stdin',
    ],
    {
      env,
      input: 'a long enough password\n',
      encoding: 'utf8',
    },
  );
  assert.equal(created.status, 0, created.stderr);
  assert.match(created.stdout, /created organisation/);

  const first = await startServer();
  const token = await signIn(first.url);
  const h = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const conv = (await (
    await fetch(`${first.url}/api/v1/conversations`, {
      method: 'POST',
      headers: h,
      body: '{"channel":"chat"}',
    })
  ).json()) as { id: string };
  const acknowledged: string[] = [];
  // concurrent writers, like real traffic; each 201 is an acknowledgement
  await Promise.all(
    Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; i < 10; i++) {
        const text = `message ${w}-${i}: où en est ma commande ?`;
        const res = await fetch(`${first.url}/api/v1/conversations/${conv.id}/messages`, {
          method: 'POST',
          headers: h,
          body: JSON.stringify({ direction: 'inbound', text }),
        });
        assert.equal(res.status, 201);
        acknowledged.push(text);
      }
    }),
  );
  const esc = await fetch(`${first.url}/api/v1/escalations`, {
    method: 'POST',
    headers: h,
    body: '{"reason":"last write before the crash"}',
  });
  assert.equal(esc.status, 201);
  first.child.kill('SIGKILL');
  await new Promise((r) => first.child.once('exit', r));

  const second = await startServer();
  const back = (await (
    await fetch(`${second.url}/api/v1/conversations/${conv.id}`, { headers: h })
  ).json()) as { messages: { text: string; seq: number }[] };
  assert.deepEqual(back.messages.map((m) => m.text).sort(), [...acknowledged].sort());
  assert.deepEqual(
    back.messages.map((m) => m.seq),
    Array.from({ length: 40 }, (_, i) => i + 1),
  );
  const escalations = (await (await fetch(`${second.url}/api/v1/escalations`, { headers: h })).json()) as {
    items: { reason: string }[];
  };
  assert.deepEqual(
    escalations.items.map((e) => e.reason),
    ['last write before the crash'],
  );
  second.child.kill('SIGTERM');
  await new Promise((r) => second.child.once('exit', r));

  const verify = spawnSync(process.execPath, [BIN, 'audit', 'verify'], { env, encoding: 'utf8' });
  assert.equal(verify.status, 0, verify.stdout + verify.stderr);
  assert.match(verify.stdout, /intact: 1 entries/);
});

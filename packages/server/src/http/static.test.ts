import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { Hono } from 'hono';
import { mountWebApp, WEB_CSP } from './static.ts';

const dist = mkdtempSync(join(tmpdir(), 'sangfroid-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="app"></div>');
writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
writeFileSync(join(tmpdir(), 'secret-outside.txt'), 'nope');
after(() => rmSync(dist, { recursive: true, force: true }));

const app = new Hono();
mountWebApp(app, dist);

it('serves files and falls back to index.html for client-side routes, under a strict CSP', async () => {
  const js = await app.request('/assets/app-1234.js');
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type') ?? '', /javascript/);
  assert.match(js.headers.get('cache-control') ?? '', /immutable/);
  const deep = await app.request('/incidents/123');
  assert.equal(deep.status, 200);
  assert.match(await deep.text(), /id="app"/);
  assert.equal(deep.headers.get('content-security-policy'), WEB_CSP);
  assert.match(WEB_CSP, /script-src 'self'(;|$)/);
  assert.doesNotMatch(WEB_CSP, /unsafe-inline|unsafe-eval/);
  assert.equal(deep.headers.get('x-content-type-options'), 'nosniff');
});

it('never serves a file outside the dist folder, and 404s a missing asset', async () => {
  for (const path of [
    '/../secret-outside.txt',
    '/%2e%2e/secret-outside.txt',
    '/assets/..%2f..%2fsecret-outside.txt',
  ]) {
    const res = await app.request(path);
    assert.ok(!(await res.text()).includes('nope'), path);
  }
  assert.equal((await app.request('/assets/missing.js')).status, 404);
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/sangfroid.mjs', import.meta.url));
const run = (args: string[], input = '') =>
  spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });

it('creates a Chatwoot endpoint acting as an existing user and prints its URL and secret once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sangfroid-integrations-'));
  const admin = run(
    [
      'admin',
      'create',
      '--org',
      'Boutique',
      '--email',
      'ada@boutique.test',
      '--name',
      'Ada',
      '--password-stdin',
      '--data-dir',
      dir,
    ],
    'correct horse battery staple\n',
  );
  assert.equal(admin.status, 0, admin.stderr);
  const add = run([
    'integrations',
    'add',
    '--kind',
    'chatwoot',
    '--as',
    'ada@boutique.test',
    '--data-dir',
    dir,
    '--origin',
    'https://sf.example.org/',
  ]);
  assert.equal(add.status, 0, add.stderr);
  assert.match(
    add.stdout,
    /^url: https:\/\/sf\.example\.org\/api\/v1\/integrations\/chatwoot\/[0-9a-f-]{36}$/m,
  );
  assert.match(add.stdout, /^secret: [A-Za-z0-9_-]{43}$/m);

  const unknown = run([
    'integrations',
    'add',
    '--kind',
    'generic',
    '--as',
    'nobody@boutique.test',
    '--data-dir',
    dir,
  ]);
  assert.notEqual(unknown.status, 0);
  assert.match(unknown.stderr, /no active user with e-mail nobody@boutique\.test/);
});

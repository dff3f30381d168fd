import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const COMMANDS = new URL('./commands/', import.meta.url);

test('registering the commands loads no server code: a command imports the server only when it runs', () => {
  const files = readdirSync(COMMANDS).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  assert.ok(files.length >= 9);
  for (const file of files) {
    const source = readFileSync(new URL(file, COMMANDS), 'utf8');
    // a static import of a value from the server, or of a module that imports it, at the top of the file
    const eager = source.match(
      /^import (?!type )[^;]*from '(?:@sangfroid\/server|\.\.\/import\/(?:into-server|server-store)\.ts)';/gm,
    );
    assert.equal(eager, null, `${file} loads the server when the program starts: ${eager?.join(' ')}`);
  }
});

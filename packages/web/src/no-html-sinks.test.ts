/**
 * Client messages are untrusted: the app renders every text as DOM text nodes. This guard fails
 * if any source file of the web app (tests aside) reaches for an HTML sink.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const SINKS =
  /\b(innerHTML|outerHTML\s*=|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write|createContextualFragment|new Function\b|eval\s*\()/;

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.includes('.test.')) out.push(p);
  }
  return out;
}

test('no source file of the web app uses an HTML sink', () => {
  const offenders = files(import.meta.dirname).filter((f) => SINKS.test(readFileSync(f, 'utf8')));
  assert.deepEqual(offenders, []);
});

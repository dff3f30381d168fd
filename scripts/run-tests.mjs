#!/usr/bin/env node
// Finds every *.test.ts / *.test.tsx under the given folders or files (default: packages/, scripts/) and runs them
// with Node's own test runner through tsx. Node 20 has no glob support in `node --test`, hence this
// small walker. Exit status is the runner's: any failing test fails the run (and CI).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith('-'));
const SKIP = new Set(['node_modules', 'dist', '.git']);

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const files = (roots.length ? roots : ['packages', 'scripts'])
  .flatMap((root) => (statSync(root).isDirectory() ? walk(root, []) : [root]))
  .sort();
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...passThrough, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkDataDir } from './check-lexicons.ts';

function withData(files: Record<string, string>, run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'lexicons-'));
  try {
    for (const [name, body] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), body);
    }
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('check-lexicons', () => {
  it('accepts a well-formed pattern file and counts its patterns and words', () => {
    withData(
      {
        'fr/request.json': JSON.stringify({
          'request.refund': { patterns: ['rembours(e|ez)'], allow: ['x+'] },
          x: { words: ['a', 'b'] },
          angerWords: { patterns: ['furieu(x|se)'] },
        }),
      },
      (dir) => {
        const r = checkDataDir(dir);
        assert.deepEqual(r.problems, []);
        assert.equal(r.files, 1);
        assert.equal(r.patterns, 3);
        assert.equal(r.words, 2);
      },
    );
  });
  it('reports invalid JSON, unknown ids, bad regexes, empty matches and duplicates', () => {
    withData(
      {
        'fr/a.json': '{ not json',
        'en/b.json': JSON.stringify({
          'abuse.nope': { patterns: ['ok'] },
          other: {
            signal: 'request.refnd',
            patterns: ['(unclosed', 'a*', 'x'],
            words: ['Été', 'ete'],
            list: ['d', 'd'],
          },
        }),
      },
      (dir) => {
        const r = checkDataDir(dir);
        const text = r.problems.join('\n');
        assert.match(text, /a\.json: invalid JSON/);
        assert.match(text, /unknown signal id "abuse\.nope"/);
        assert.match(text, /unknown signal id "request\.refnd"/);
        assert.match(text, /does not compile/);
        assert.match(text, /\/a\*\/ can match the empty string/);
        assert.match(text, /"ete" duplicates \[0\] once normalised/);
        assert.match(text, /list\[1\]: duplicate "d"/);
        assert.equal(r.problems.length, 7);
      },
    );
  });
  it('finds no problem in the shipped data', () => {
    const dir = join(fileURLToPath(import.meta.url), '..', '..', 'data');
    assert.deepEqual(checkDataDir(dir).problems, []);
  });
});

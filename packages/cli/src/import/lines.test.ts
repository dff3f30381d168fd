import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type LineItem, splitLines } from './lines.ts';

async function collect(chunks: readonly (Buffer | string)[], max = 1000): Promise<LineItem[]> {
  async function* source() {
    for (const c of chunks) yield typeof c === 'string' ? Buffer.from(c) : c;
  }
  const out: LineItem[] = [];
  for await (const item of splitLines(source(), max)) out.push(item);
  return out;
}

test('lines keep their numbers across chunk boundaries and lose their CR', async () => {
  const items = await collect(['ab', 'c\r\nd', 'e\n\nf']);
  assert.deepEqual(items, [
    { line: 1, text: 'abc' },
    { line: 2, text: 'de' },
    { line: 3, text: '' },
    { line: 4, text: 'f' },
  ]);
});

test('invalid UTF-8 is reported on its own line and the next lines are read', async () => {
  const bad = Buffer.concat([Buffer.from('ok\nbad '), Buffer.from([0xc3, 0x28]), Buffer.from('\nété\n')]);
  const items = await collect([bad]);
  assert.deepEqual(items, [
    { line: 1, text: 'ok' },
    { line: 2, error: 'invalid_utf8', bytes: 6 },
    { line: 3, text: 'été' },
  ]);
});

test('a multi-byte character split between chunks is decoded whole', async () => {
  const e = Buffer.from('é');
  const items = await collect([
    Buffer.concat([Buffer.from('a'), e.subarray(0, 1)]),
    Buffer.concat([e.subarray(1), Buffer.from('b\n')]),
  ]);
  assert.deepEqual(items, [{ line: 1, text: 'aéb' }]);
});

test('a line over the limit is skipped as it streams past, reported with its number and size', async () => {
  const items = await collect(['x\n', 'y'.repeat(600), 'y'.repeat(600), '\nz\n'], 1000);
  assert.deepEqual(items, [
    { line: 1, text: 'x' },
    { line: 2, error: 'too_long', bytes: 1200 },
    { line: 3, text: 'z' },
  ]);
});

test('any chunking of the same bytes gives the same lines', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.string({ maxLength: 20 }), { maxLength: 12 }),
      fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
      async (lines, cuts) => {
        const bytes = Buffer.from(lines.map((l) => l.replace(/[\r\n]/g, '')).join('\n'));
        const chunks: Buffer[] = [];
        let at = 0;
        for (let i = 0; at < bytes.length; i++) {
          const size = cuts[i % cuts.length] as number;
          chunks.push(bytes.subarray(at, at + size));
          at += size;
        }
        assert.deepEqual(await collect(chunks, 10_000), await collect([bytes], 10_000));
      },
    ),
    { numRuns: 200 },
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type JsonScanItem, scanJsonDocument } from './json-scan.ts';

async function scan(
  doc: string | Buffer,
  chunk: number,
  arrays = ['comments'],
  max = 10_000,
): Promise<JsonScanItem[]> {
  const bytes = typeof doc === 'string' ? Buffer.from(doc) : doc;
  async function* source() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const out: JsonScanItem[] = [];
  for await (const item of scanJsonDocument(source(), new Set(arrays), max)) out.push(item);
  return out;
}

const DOC = `{
  "ticket": {"id": 7, "requester_id": 70},
  "comments": [
    {"id": 1, "body": "a ] } \\" , tricky", "tags": [1, [2]]},
    {"id": 2, "body": "deux"}
  ],
  "next_page": null
}`;

test('elements of a wanted array come out one by one with their start line, members whole', async () => {
  const items = await scan(DOC, 1 << 20);
  assert.deepEqual(
    items.map((i) => [i.type, 'key' in i ? i.key : null, i.line]),
    [
      ['member', 'ticket', 2],
      ['element', 'comments', 4],
      ['element', 'comments', 5],
      ['member', 'next_page', 7],
    ],
  );
  const first = items[1] as { text: string };
  assert.deepEqual(JSON.parse(first.text), { id: 1, body: 'a ] } " , tricky', tags: [1, [2]] });
});

test('the same elements come out whatever the chunk size', async () => {
  const whole = await scan(DOC, 1 << 20);
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 40 }), async (chunk) => {
      assert.deepEqual(await scan(DOC, chunk), whole);
    }),
  );
});

test('a bare top-level array is streamed too', async () => {
  const items = await scan('[{"a":1},\n{"b":2}]', 3, []);
  assert.deepEqual(
    items.map((i) => (i.type === 'element' ? [i.key, i.line, JSON.parse(i.text)] : i.type)),
    [
      [null, 1, { a: 1 }],
      [null, 2, { b: 2 }],
    ],
  );
});

test('an element over the limit is reported and skipped; the next one is read', async () => {
  const big = `{"comments": [{"body": "${'x'.repeat(500)}"},\n{"body": "ok"}]}`;
  const items = await scan(big, 64, ['comments'], 100);
  assert.equal(items[0]?.type, 'error');
  assert.equal((items[0] as { code: string }).code, 'too_long');
  assert.equal(items[0]?.line, 1);
  assert.deepEqual(items[1], { type: 'element', key: 'comments', line: 2, text: '{"body": "ok"}' });
});

test('invalid UTF-8 in an element is reported with its line', async () => {
  const doc = Buffer.concat([Buffer.from('[\n{"a": "'), Buffer.from([0xff]), Buffer.from('"},\n{"b": 1}]')]);
  const items = await scan(doc, 5, []);
  assert.deepEqual(items[0], {
    type: 'error',
    line: 2,
    code: 'invalid_utf8',
    message: 'invalid UTF-8 in this element',
  });
  assert.equal(items[1]?.type, 'element');
});

test('a truncated document is reported as malformed', async () => {
  const items = await scan('{"comments": [{"id": 1}, {"id": ', 4);
  assert.equal(items.at(-1)?.type, 'error');
  assert.equal((items.at(-1) as { code: string }).code, 'malformed_json');
});

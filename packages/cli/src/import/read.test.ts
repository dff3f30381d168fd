import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { detectFormat, readExport } from './read.ts';
import {
  type ImportFormat,
  ImportInputError,
  type ImportIssue,
  type ImportMessage,
  type ReadItem,
} from './types.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function read(
  bytes: Buffer | string,
  options: {
    name?: string;
    format?: ImportFormat;
    columns?: Record<string, string>;
    max?: number;
    chunk?: number;
  } = {},
): Promise<ReadItem[]> {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const chunk = options.chunk ?? 1 << 16;
  async function* source() {
    for (let i = 0; i < buf.length; i += chunk) yield buf.subarray(i, i + chunk);
  }
  const head = buf.subarray(0, 65536);
  const detection = detectFormat(options.name, head, options.format);
  const out: ReadItem[] = [];
  for await (const item of readExport(source(), {
    ...(options.name ? { name: options.name } : {}),
    detection,
    head,
    limits: { maxRecordBytes: options.max ?? 1 << 20 },
    columns: options.columns ?? {},
  })) {
    out.push(item);
  }
  return out;
}

const messages = (items: ReadItem[]): ImportMessage[] =>
  items.flatMap((i) =>
    i.kind === 'message' ? [i.message] : i.kind === 'conversation' ? [...i.conversation.messages] : [],
  );
const issues = (items: ReadItem[]): ImportIssue[] =>
  items.flatMap((i) => (i.kind === 'issue' ? [i.issue] : []));
const skips = (items: ReadItem[]) => items.flatMap((i) => (i.kind === 'skipped' ? [[i.line, i.reason]] : []));

test('formats are detected from the name and the first bytes', () => {
  const head = (name: string) => readFileSync(fixture(name)).subarray(0, 65536);
  assert.deepEqual(detectFormat('x/zendesk-comments.json', head('zendesk-comments.json')), {
    format: 'zendesk',
    layout: 'json-document',
  });
  assert.deepEqual(detectFormat('x/chatwoot-messages.json', head('chatwoot-messages.json')), {
    format: 'chatwoot',
    layout: 'json-document',
  });
  assert.deepEqual(detectFormat('x/tickets.csv', head('tickets.csv')), { format: 'csv', layout: 'csv' });
  assert.deepEqual(detectFormat(undefined, head('spec.jsonl')), { format: 'jsonl', layout: 'jsonl' });
  assert.deepEqual(detectFormat(undefined, head('tickets.csv')), { format: 'csv', layout: 'csv' });
});

test('Zendesk: the requester is the client, agents the others; private notes and attachment-only comments are skipped', async () => {
  const items = await read(readFileSync(fixture('zendesk-comments.json')), {
    name: 'zendesk-comments.json',
    chunk: 97,
  });
  const ms = messages(items);
  assert.deepEqual(
    ms.map((m) => [m.conversation, m.role, m.author, m.client, m.externalId, m.at]),
    [
      ['48213', 'client', '90001', '90001', '70001', '2026-03-09T08:14:02Z'],
      ['48213', 'agent', '12', '90001', '70003', '2026-03-09T09:05:10Z'],
      ['48213', 'client', '90001', '90001', '70005', '2026-03-09T10:24:31Z'],
    ],
  );
  assert.ok(ms[0]?.text.startsWith("Bonjour, j'ai commandé une lampe"));
  assert.deepEqual(
    skips(items).map(([, reason]) => reason),
    ['private_note', 'attachment_only'],
  );
  assert.deepEqual(issues(items), []);
});

test('Zendesk without a ticket member: the first comment’s author is taken as the requester, the id from the file name', async () => {
  const doc = JSON.stringify({
    comments: [
      { id: 1, author_id: 5, body: 'Rien ne marche.', public: true, created_at: '2026-01-02T00:00:00Z' },
      { id: 2, author_id: 9, body: 'Je regarde.', public: true },
    ],
  });
  const ms = messages(await read(doc, { name: 'ticket-5521-comments.json' }));
  assert.deepEqual(
    ms.map((m) => [m.conversation, m.role]),
    [
      ['5521', 'client'],
      ['5521', 'agent'],
    ],
  );
});

test('Zendesk tickets as JSON Lines, each with its comments', async () => {
  const line = (id: number, requester: number) =>
    JSON.stringify({
      id,
      requester_id: requester,
      comments: [{ id: id * 10, author_id: 44, body: 'Bonjour, je vous réponds.', public: true }],
    });
  const ms = messages(await read(`${line(1, 44)}\n${line(2, 45)}\n`, { name: 'tickets.jsonl' }));
  assert.deepEqual(
    ms.map((m) => [m.conversation, m.role, m.line]),
    [
      ['1', 'client', 1],
      ['2', 'agent', 2],
    ],
  );
});

test('Chatwoot: incoming is the client, outgoing the agent; activity messages and private notes are skipped', async () => {
  const items = await read(readFileSync(fixture('chatwoot-messages.json')), {
    name: 'chatwoot-messages.json',
    chunk: 50,
  });
  const ms = messages(items);
  assert.deepEqual(
    ms.map((m) => [m.conversation, m.role, m.author, m.externalId, m.at]),
    [
      ['921', 'client', 'contact:314', '5002', '2026-04-02T14:01:00.000Z'],
      ['921', 'agent', 'Julie', '5004', '2026-04-02T14:03:00.000Z'],
      ['921', 'client', 'contact:314', '5005', '2026-04-02T14:05:00.000Z'],
    ],
  );
  assert.deepEqual(
    skips(items).map(([, reason]) => reason),
    ['activity', 'private_note', 'activity'],
  );
});

test('spec JSON Lines: conversation lines and message lines grouped by conversation', async () => {
  const items = await read(readFileSync(fixture('spec.jsonl')), { name: 'spec.jsonl' });
  assert.equal(items[0]?.kind, 'conversation');
  const ms = messages(items);
  assert.deepEqual(
    ms.map((m) => [m.conversation, m.role, m.line, m.lang ?? null]),
    [
      ['c1', 'client', 1, 'fr'],
      ['c1', 'agent', 1, 'fr'],
      ['c2', 'client', 2, null],
      ['c2', 'agent', 3, null],
    ],
  );
});

test('JSON Lines: malformed lines, invalid UTF-8, empty texts, unknown roles and huge lines are reported by line; the rest is read', async () => {
  const input = Buffer.concat([
    Buffer.from('{"id":"a","role":"client","text":"Bonjour"}\n'),
    Buffer.from('{"id":"b","role":"client","text": oops}\n'),
    Buffer.from('{"id":"c","role":"client","text":"caf'),
    Buffer.from([0xe9]),
    Buffer.from('"}\n'),
    Buffer.from('{"id":"d","role":"client","text":"   "}\n'),
    Buffer.from('{"id":"e","role":"boss","text":"Salut"}\n'),
    Buffer.from(`{"id":"f","role":"client","text":"${'x'.repeat(5000)}"}\n`),
    Buffer.from('[1,2]\n'),
    Buffer.from('{"id":"g","role":"agent","text":"Merci"}\n'),
  ]);
  const items = await read(input, { name: 'bad.jsonl', max: 1000, chunk: 7 });
  assert.deepEqual(
    issues(items).map((i) => [i.line, i.code]),
    [
      [2, 'malformed_json'],
      [3, 'invalid_utf8'],
      [4, 'empty_text'],
      [5, 'unknown_role'],
      [6, 'too_long'],
      [7, 'malformed_json'],
    ],
  );
  assert.deepEqual(
    messages(items).map((m) => [m.externalId, m.line]),
    [
      ['a', 1],
      ['g', 8],
    ],
  );
});

test('CSV: default column names are found and roles mapped from helpdesk words', async () => {
  const items = await read(readFileSync(fixture('tickets.csv')), { name: 'tickets.csv', chunk: 33 });
  const ms = messages(items);
  assert.deepEqual(
    ms.map((m) => [m.conversation, m.role, m.author, m.line, m.at]),
    [
      ['T-1', 'client', 'cliente-42', 2, '2026-02-01T10:00:00Z'],
      ['T-1', 'agent', 'Paul', 3, '2026-02-01T10:20:00Z'],
      ['T-2', 'client', 'client-7', 4, '2026-02-02T09:00:00Z'],
      ['T-2', 'agent', 'Paul', 5, '2026-02-02T09:05:00Z'],
    ],
  );
  assert.equal(
    ms[1]?.text,
    "Merci de votre retour. Nous sommes désolés ; je lance le remboursement aujourd'hui, vous le verrez sous 5 jours.",
  );
});

test('CSV: --columns maps other names; semicolons are detected; quoted newlines keep line numbers right', async () => {
  const csv = 'Dossier;Qui;Texte\n42;client;"Première ligne\nseconde ligne"\n42;agent;Réponse\n';
  const ms = messages(
    await read(csv, { name: 'x.csv', columns: { conversation: 'Dossier', role: 'Qui', text: 'Texte' } }),
  );
  assert.deepEqual(
    ms.map((m) => [m.conversation, m.role, m.line, m.text]),
    [
      ['42', 'client', 2, 'Première ligne\nseconde ligne'],
      ['42', 'agent', 4, 'Réponse'],
    ],
  );
});

test('CSV: a mapped column missing from the header is an error that names it', async () => {
  await assert.rejects(
    read('ticket,who,body\n1,client,x\n', { name: 'x.csv', columns: { role: 'author_type' } }),
    (error: Error) =>
      error instanceof ImportInputError && /"author_type"/.test(error.message) && /role/.test(error.message),
  );
  await assert.rejects(
    read('ticket,who,what\n1,client,x\n', { name: 'x.csv', columns: { role: 'who' } }),
    (error: Error) => error instanceof ImportInputError && /no column for "text"/.test(error.message),
  );
});

test('CSV: wrong field counts, invalid UTF-8, empty texts, unknown roles and a 50 MB cell are reported by line', async () => {
  const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
  const input = Buffer.concat([
    Buffer.from('conversation,role,text\n'),
    Buffer.from('1,client,Bonjour\n'),
    Buffer.from('1,client,trop,de,champs\n'),
    Buffer.from('1,client,"caf'),
    Buffer.from([0xe9]),
    Buffer.from('"\n'),
    Buffer.from('1,agent,   \n'),
    Buffer.from('1,robot,Salut\n'),
    Buffer.from('1,client,"'),
    big,
    Buffer.from('"\n'),
    Buffer.from('1,agent,"Merci,\nà bientôt"\n'),
  ]);
  const items = await read(input, { name: 'x.csv', max: 4 * 1024 * 1024, chunk: 1 << 20 });
  assert.deepEqual(
    issues(items)
      .map((i) => [i.line, i.code])
      .sort((a, b) => (a[0] as number) - (b[0] as number)),
    [
      [3, 'column_count'],
      [4, 'invalid_utf8'],
      [5, 'empty_text'],
      [6, 'unknown_role'],
      [7, 'too_long'],
    ],
  );
  assert.deepEqual(
    messages(items).map((m) => [m.line, m.text]),
    [
      [2, 'Bonjour'],
      [8, 'Merci,\nà bientôt'],
    ],
  );
});

test('CSV: characters cut between chunks are read whole; only the record with invalid UTF-8 is dropped, in line order', async () => {
  const rows = ['Déjà réglé ? Ça traîne…', 'Œuvre « promise » 😀', 'naïve façon — fin'];
  const input = Buffer.concat([
    Buffer.from('conversation,role,text\n'),
    Buffer.from(`1,client,${rows[0]}\n`),
    Buffer.from('1,client,"caf'),
    Buffer.from([0xc3, 0x28]), // a lead byte followed by a byte that cannot continue it
    Buffer.from('"\n'),
    Buffer.from(`1,agent,"${rows[1]}\nsur deux lignes"\n`),
    Buffer.from(`1,client,${rows[2]}\n`),
  ]);
  for (const chunk of [1, 2, 3, 5, 7, 11, 1 << 16]) {
    const items = await read(input, { name: 'x.csv', chunk });
    assert.deepEqual(
      issues(items).map((i) => [i.line, i.code]),
      [[3, 'invalid_utf8']],
      `chunks of ${chunk} bytes`,
    );
    assert.deepEqual(
      messages(items).map((m) => m.text),
      [rows[0], `${rows[1]}\nsur deux lignes`, rows[2]],
      `chunks of ${chunk} bytes`,
    );
    const lines = items.map((i) =>
      i.kind === 'issue' ? i.issue.line : i.kind === 'message' ? i.message.line : 0,
    );
    assert.deepEqual(lines, [2, 3, 4, 6], `chunks of ${chunk} bytes`);
  }
});

test('CSV: a header that is not valid UTF-8 stops the import with an error saying so', async () => {
  const input = Buffer.concat([
    Buffer.from('conversation,role,t'),
    Buffer.from([0xff]),
    Buffer.from('xt\n1,client,Bonjour\n'),
  ]);
  await assert.rejects(read(input, { name: 'x.csv' }), (error: unknown) => {
    assert.ok(error instanceof ImportInputError);
    assert.match(error.message, /header line is not valid UTF-8/);
    return true;
  });
});

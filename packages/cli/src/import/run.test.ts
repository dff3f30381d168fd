import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runImport } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'sangfroid-import-'));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const bin = fileURLToPath(new URL('../../bin/sangfroid.mjs', import.meta.url));

function sink(): Writable & { text: string } {
  const s = new Writable({
    write(chunk, _enc, done) {
      s.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  s.text = '';
  return s;
}

const BAD = [
  '{"id":"m1","conversation":"c1","role":"client","text":"Bonjour, ma commande n’est pas arrivée."}',
  '{"id":"m2","conversation":"c1","role":"agent","text":"Merci, je regarde tout de suite."}',
  '{"id":"m3", nope',
  '{"id":"m4","conversation":"c2","role":"client","text":""}',
  '{"id":"m5","conversation":"c2","role":"client","text":"<script>alert(1)</script> Je veux être remboursé, c’est inadmissible !!!"}',
].join('\n');

test('bad records are written to the errors file with their line; the import goes on and exits 1', async () => {
  const input = join(dir, 'bad.jsonl');
  writeFileSync(input, `${BAD}\n`);
  const errorsPath = join(dir, 'errors.jsonl');
  const jsonPath = join(dir, 'summary.json');
  const stderr = sink();
  const outcome = await runImport({ input, errorsPath, jsonPath, workers: 0, stderr });
  assert.equal(outcome.exitCode, 1);
  const errors = readFileSync(errorsPath, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    errors.map((e) => [e.line, e.code]),
    [
      [3, 'malformed_json'],
      [4, 'empty_text'],
    ],
  );
  const summary = JSON.parse(readFileSync(jsonPath, 'utf8'));
  assert.equal(summary.totals.messages, 3);
  assert.equal(summary.totals.conversations, 2);
  assert.equal(summary.totals.rejected, 2);
  assert.deepEqual(summary.errors.byCode, { malformed_json: 1, empty_text: 1 });
  assert.equal(typeof summary.run.messagesPerSecond, 'number');
  // Not a terminal: no bar, one summary line.
  assert.equal(stderr.text.trim().split('\n').length, 1);
  assert.match(stderr.text, /3 messages dans 2 conversations/);
});

test('--strict stops at the first bad record', async () => {
  const input = join(dir, 'bad-strict.jsonl');
  writeFileSync(input, `${BAD}\n`);
  const outcome = await runImport({ input, strict: true, workers: 0, stderr: sink() });
  assert.equal(outcome.exitCode, 1);
  assert.deepEqual([outcome.stoppedAt?.line, outcome.stoppedAt?.code], [3, 'malformed_json']);
  assert.ok(outcome.summary.totals.messages <= 2);
});

test('a clean import exits 0 and the same summary comes out of worker threads as out of this thread', async () => {
  const lines: string[] = [];
  for (let c = 0; c < 60; c++) {
    lines.push(
      JSON.stringify({
        id: `c${c}`,
        turns: [
          {
            role: 'client',
            text:
              c % 3 === 0
                ? 'C’EST INADMISSIBLE !!! Je vais porter plainte.'
                : 'Bonjour, où en est mon dossier ?',
          },
          {
            role: 'agent',
            text: 'Merci de votre message, je comprends. Je vous rappelle demain à 10 h, cela vous convient-il ?',
          },
        ],
      }),
    );
  }
  const input = join(dir, 'clean.jsonl');
  writeFileSync(input, `${lines.join('\n')}\n`);
  const inline = await runImport({ input, workers: 0, stderr: sink(), batchMessages: 10 });
  const threaded = await runImport({ input, workers: 2, stderr: sink(), batchMessages: 10 });
  assert.equal(inline.exitCode, 0);
  assert.equal(threaded.exitCode, 0);
  const strip = (s: typeof inline.summary) => ({ ...s, run: undefined });
  assert.equal(threaded.summary.run?.workers, 2);
  assert.equal(inline.summary.totals.messages, 120);
  // workers keep their own summaries and hand them over once: the merge is the whole summary
  assert.deepEqual(strip(threaded.summary), strip(inline.summary));
  assert.ok(inline.summary.agents.team.draftScore !== null);
  if (process.platform === 'linux') {
    // the run figures split the CPU between the reading thread and the workers
    assert.equal(typeof threaded.summary.run?.readerCpuSeconds, 'number');
    assert.ok((threaded.summary.run?.workerCpuSeconds ?? 0) > 0);
  }
});

test('the report is one offline page: chart.js inlined, no external resource, export text escaped, French by default', async () => {
  const input = join(dir, 'report.jsonl');
  writeFileSync(input, `${BAD}\n`);
  const reportPath = join(dir, 'report.html');
  await runImport({
    input,
    reportPath,
    workers: 0,
    stderr: sink(),
    now: () => new Date('2026-03-01T12:00:00Z'),
  });
  const html = readFileSync(reportPath, 'utf8');
  assert.match(html, /^<!doctype html>\n<html lang="fr">/);
  assert.match(html, /Votre historique au crible de sangfroid/);
  assert.ok(html.includes('Chart.js v4'), 'chart.js banner inlined');
  assert.doesNotMatch(html, /<script[^>]+src=/);
  assert.doesNotMatch(html, /<link[^>]+href=/);
  assert.ok(!html.includes('<script>alert(1)</script>'));
  assert.equal((html.match(/<\/script>/g) ?? []).length, 3, 'only our three script elements close');
  const enPath = join(dir, 'report-en.html');
  await runImport({ input, reportPath: enPath, workers: 0, lang: 'en', stderr: sink() });
  assert.match(readFileSync(enPath, 'utf8'), /<html lang="en">[\s\S]*Your history through sangfroid/);
});

test('the command: exit 0 on a clean fixture, 2 with a clear message on a missing CSV column', () => {
  const ok = spawnSync(
    process.execPath,
    [bin, 'import', fixture('chatwoot-messages.json'), '--json', join(dir, 'cw.json')],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(ok.status, 0, ok.stderr);
  const summary = JSON.parse(readFileSync(join(dir, 'cw.json'), 'utf8'));
  assert.equal(summary.source.format, 'chatwoot');
  // the command runs in a process that collects garbage on each thread (bin/sangfroid.mjs)
  assert.equal(summary.run.gc, 'single-threaded');
  const missing = spawnSync(
    process.execPath,
    [bin, 'import', fixture('tickets.csv'), '--columns', 'text=message_body'],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /column "message_body" \(given for text\) is not in the header/);
});

test('the command: reads standard input through its child process, and a signal stops the child with it', async () => {
  const piped = spawnSync(process.execPath, [bin, 'import', '-', '--json', join(dir, 'stdin.json')], {
    encoding: 'utf8',
    input: `${BAD.split('\n').slice(0, 2).join('\n')}\n`,
  });
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal(JSON.parse(readFileSync(join(dir, 'stdin.json'), 'utf8')).totals.messages, 2);
  // an import waiting on its input, stopped by SIGTERM: both processes end, with the signal's status
  const { spawn } = await import('node:child_process');
  const waiting = spawn(process.execPath, [bin, 'import', '-'], { stdio: ['pipe', 'ignore', 'ignore'] });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  waiting.kill('SIGTERM');
  const status = await new Promise<number | null>((resolve) => waiting.on('exit', (code) => resolve(code)));
  assert.equal(status, 128 + 15);
});

test('the reading thread of an import loads the core vocabulary, not the engines that only workers run', () => {
  // Records every module this process loads, through a module hook, then loads the import.
  const hooks = `let port; export function initialize(data) { port = data.port; }
    export async function load(url, context, next) { port.postMessage(url); return next(url, context); }`;
  const script = `
    import { register } from 'node:module';
    import { MessageChannel } from 'node:worker_threads';
    import { register as registerTsx } from 'tsx/esm/api';
    registerTsx();
    const { port1, port2 } = new MessageChannel();
    const loaded = [];
    port1.on('message', (url) => loaded.push(url));
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}), { data: { port: port2 }, transferList: [port2] });
    await import(${JSON.stringify(new URL('./run.ts', import.meta.url).href)});
    await new Promise((resolve) => setTimeout(resolve, 100));
    port1.close();
    console.log(JSON.stringify(loaded));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    encoding: 'utf8',
  });
  assert.equal(child.status, 0, child.stderr);
  const loaded = (JSON.parse(child.stdout) as string[]).map((url) => url.replace(/^.*\/packages\//, ''));
  assert.ok(loaded.includes('cli/src/import/read.ts'), 'the hook saw the import load');
  assert.ok(loaded.includes('core/src/types.ts'));
  const engines = loaded.filter((m) =>
    /^core\/src\/(?!types\.ts$)|^cli\/src\/import\/(engine|worker-thread)\.ts$/.test(m),
  );
  assert.deepEqual(engines, []);
});

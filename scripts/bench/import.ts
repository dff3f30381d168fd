/**
 * `npm run bench:import`: generates a realistic export of 1,000,000 messages (scripts/bench/
 * import-data.ts), imports it with the real command in a child process (every core, workers
 * through tsx) and reports end-to-end messages/s, peak memory (the process's maximum RSS, which
 * covers every worker thread) and the ratio to the single-core engine on the same messages
 * (analysis of every message plus the protocol per conversation, in one thread).
 *
 * The machine is often shared, so wall-clock rates move with the neighbours: the fair figures
 * are CPU-seconds per million messages — of the worker threads, of the reading thread, of the
 * whole process — and the rate they project on idle cores: the cores divided by the CPU cost of
 * a message, unless the reading thread alone (which works in series) is slower than that.
 *
 *   npm run bench:import -- [--messages 1000000] [--format jsonl|csv] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '@sangfroid/core';
import { analyseConversation, type WireConversation } from '../../packages/cli/src/import/analyse.ts';
import { resolveEngine } from '../../packages/cli/src/import/engine.ts';
import { generateMessages, writeExport } from './import-data.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i !== -1 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

const total = Number(arg('messages', '1000000'));
const format = arg('format', 'jsonl') as 'jsonl' | 'csv';
const keep = process.argv.includes('--keep');
const dir = mkdtempSync(join(tmpdir(), 'sangfroid-bench-import-'));
const input = join(dir, `export.${format}`);
const bin = fileURLToPath(new URL('../../packages/cli/bin/sangfroid.mjs', import.meta.url));

const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};

/** Single-core reference on a sample of the same messages, in messages per CPU-second of this thread. */
function singleCore(sampleSize: number): { analyzePerSecond: number; pipelinePerSecond: number } {
  const sample = [...generateMessages(sampleSize, 7)];
  for (const m of sample.slice(0, 500)) analyze(m.text, { role: m.role }); // warm-up
  let t = cpuNow();
  for (const m of sample) analyze(m.text, { role: m.role });
  const analyzePerSecond = sample.length / (cpuNow() - t);
  const conversations = new Map<
    string,
    WireConversation & { messages: WireConversation['messages'][number][] }
  >();
  for (const [i, m] of sample.entries()) {
    let c = conversations.get(m.conversation);
    if (!c) {
      c = { key: m.conversation, part: 1, client: m.client, messages: [] };
      conversations.set(m.conversation, c);
    }
    c.messages.push({ role: m.role, text: m.text, line: i + 1, at: m.at, author: m.author });
  }
  const engine = resolveEngine();
  t = cpuNow();
  for (const c of conversations.values()) analyseConversation(c, engine);
  const pipelinePerSecond = sample.length / (cpuNow() - t);
  return { analyzePerSecond, pipelinePerSecond };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

process.stderr.write(`generating ${fmt(total)} messages as ${format} in ${dir}…\n`);
let t = performance.now();
const bytes = await writeExport(input, total, format);
process.stderr.write(
  `  ${(bytes / 1024 / 1024).toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
);

process.stderr.write('single-core engine on a 20,000-message sample…\n');
const reference = singleCore(20_000);

process.stderr.write(`importing with ${availableParallelism()} workers…\n`);
const summaryPath = join(dir, 'summary.json');
const load = loadavg()[0] ?? 0;
t = performance.now();
const run = spawnSync(process.execPath, [bin, 'import', input, '--json', summaryPath, '--no-progress'], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
const wall = (performance.now() - t) / 1000;
if (run.status !== 0) {
  process.stderr.write(`import failed (exit ${run.status})\n`);
  process.exit(1);
}
const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as {
  totals: { messages: number; conversations: number; incidents: number };
  run: {
    workers: number;
    seconds: number;
    messagesPerSecond: number;
    peakRssMB: number;
    cpuSeconds: number;
    readerCpuSeconds?: number;
    workerCpuSeconds?: number;
  };
};
const endToEnd = summary.totals.messages / wall;
const perMillion = (seconds: number | undefined) =>
  seconds === undefined ? undefined : Math.round((seconds / summary.totals.messages) * 1e6 * 10) / 10;
const cores = availableParallelism();
/** On idle cores: all threads' CPU spread over the cores, unless the reading thread alone is slower. */
const projected = Math.round(
  Math.min(
    (summary.totals.messages / summary.run.cpuSeconds) * cores,
    summary.run.readerCpuSeconds ? summary.totals.messages / summary.run.readerCpuSeconds : Infinity,
  ),
);
const result = {
  messages: summary.totals.messages,
  conversations: summary.totals.conversations,
  format,
  inputMB: Math.round(bytes / 1024 / 1024),
  workers: summary.run.workers,
  cores,
  loadAverageAtStart: Math.round(load * 100) / 100,
  wallSeconds: Math.round(wall * 10) / 10,
  messagesPerSecond: Math.round(endToEnd),
  cpuSeconds: summary.run.cpuSeconds,
  cpuSecondsPerMillion: perMillion(summary.run.cpuSeconds),
  workerCpuSecondsPerMillion: perMillion(summary.run.workerCpuSeconds),
  readerCpuSecondsPerMillion: perMillion(summary.run.readerCpuSeconds),
  /** What the same work gives on idle cores (see the header). */
  projectedOnIdleCores: projected,
  peakRssMB: summary.run.peakRssMB,
  singleCoreAnalyzePerSecond: Math.round(reference.analyzePerSecond),
  singleCorePipelinePerSecond: Math.round(reference.pipelinePerSecond),
  ratioToSingleCoreAnalyze: Math.round((endToEnd / reference.analyzePerSecond) * 100) / 100,
  ratioToSingleCorePipeline: Math.round((endToEnd / reference.pipelinePerSecond) * 100) / 100,
  targets: { messagesPerSecond: 30_000, peakRssMB: 400 },
};
process.stdout.write(
  [
    '',
    `import: ${fmt(result.messages)} messages (${fmt(result.conversations)} conversations, ${result.inputMB} MB ${format}) in ${result.wallSeconds} s`,
    `  end to end        ${fmt(result.messagesPerSecond)} msg/s on ${result.workers} workers (target ≥ 30,000)`,
    `  CPU               ${result.cpuSeconds} s over all threads: ${result.cpuSecondsPerMillion} CPU-s per million messages (workers ${result.workerCpuSecondsPerMillion ?? '?'}, reading thread ${result.readerCpuSecondsPerMillion ?? '?'})`,
    `  projected         ${fmt(result.projectedOnIdleCores)} msg/s on ${result.cores} idle cores`,
    `  peak memory       ${result.peakRssMB} MB RSS, all threads (target < 400)`,
    `  single core       analyze ${fmt(result.singleCoreAnalyzePerSecond)} msg/CPU-s; analyze + protocol ${fmt(result.singleCorePipelinePerSecond)} msg/CPU-s`,
    `  ratio             ×${result.ratioToSingleCoreAnalyze} of single-core analyze, ×${result.ratioToSingleCorePipeline} of single-core analyze + protocol`,
    `  load average      ${result.loadAverageAtStart} at start (the machine is shared)`,
    '',
    JSON.stringify(result),
    '',
  ].join('\n'),
);
if (!keep) rmSync(dir, { recursive: true, force: true });

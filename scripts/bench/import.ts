/**
 * `npm run bench:import`: generates a realistic export of 1,000,000 messages (scripts/bench/
 * import-data.ts), imports it with the real command in a child process (every core, workers
 * through tsx) and reports end-to-end messages/s, peak memory (the process's maximum RSS, which
 * covers every worker thread) and the ratio to the single-core engine on the same messages
 * (analysis of every message plus the protocol per conversation, in one thread).
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

/** Single-core reference on a sample of the same messages. */
function singleCore(sampleSize: number): { analyzePerSecond: number; pipelinePerSecond: number } {
  const sample = [...generateMessages(sampleSize, 7)];
  for (const m of sample.slice(0, 500)) analyze(m.text, { role: m.role }); // warm-up
  let t = performance.now();
  for (const m of sample) analyze(m.text, { role: m.role });
  const analyzePerSecond = sample.length / ((performance.now() - t) / 1000);
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
  t = performance.now();
  for (const c of conversations.values()) analyseConversation(c, engine);
  const pipelinePerSecond = sample.length / ((performance.now() - t) / 1000);
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
  run: { workers: number; seconds: number; messagesPerSecond: number; peakRssMB: number; cpuSeconds: number };
};
const endToEnd = summary.totals.messages / wall;
const result = {
  messages: summary.totals.messages,
  conversations: summary.totals.conversations,
  format,
  inputMB: Math.round(bytes / 1024 / 1024),
  workers: summary.run.workers,
  cores: availableParallelism(),
  loadAverageAtStart: Math.round(load * 100) / 100,
  wallSeconds: Math.round(wall * 10) / 10,
  messagesPerSecond: Math.round(endToEnd),
  cpuSeconds: summary.run.cpuSeconds,
  /** What the same work gives on idle cores: messages per CPU-second × cores. */
  projectedOnIdleCores: Math.round(
    (summary.totals.messages / summary.run.cpuSeconds) * availableParallelism(),
  ),
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
    `  CPU               ${result.cpuSeconds} s of CPU over all threads → ${fmt(result.projectedOnIdleCores)} msg/s projected on ${result.cores} idle cores`,
    `  peak memory       ${result.peakRssMB} MB RSS, all threads (target < 400)`,
    `  single core       analyze ${fmt(result.singleCoreAnalyzePerSecond)} msg/s; analyze + protocol ${fmt(result.singleCorePipelinePerSecond)} msg/s`,
    `  ratio             ×${result.ratioToSingleCoreAnalyze} of single-core analyze, ×${result.ratioToSingleCorePipeline} of single-core analyze + protocol`,
    `  load average      ${result.loadAverageAtStart} at start (the machine is shared)`,
    '',
    JSON.stringify(result),
    '',
  ].join('\n'),
);
if (!keep) rmSync(dir, { recursive: true, force: true });

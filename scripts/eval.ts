/**
 * `npm run eval`: scores the engine on ../shared/corpus/dev/ with the same figures as the
 * reference scorer score.py (per-id P/R/F1, micro-F1, macro-F1 over gold ids, clean messages left
 * clean, action accuracy with its confusion list). `--json` prints only the summaries.
 * Predictions go through the same code path as `sangfroid analyze --jsonl`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionProvider } from '../packages/cli/src/action-provider.ts';
import { processLine } from '../packages/cli/src/jsonl-contract.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CORPUS = process.env.SANGFROID_CORPUS ?? join(here, '..', '..', 'shared', 'corpus', 'dev');
const FILES = [
  'client-fr.jsonl',
  'client-en.jsonl',
  'agent-fr.jsonl',
  'agent-en.jsonl',
  'conversations.jsonl',
];

interface Gold {
  id: string;
  expect: { signals?: string[]; action?: string };
}

export interface Summary {
  n: number;
  micro_p: number;
  micro_r: number;
  micro_f1: number;
  macro_f1: number;
  clean_ok: string;
  action_acc: number | null;
  missing: number;
  errors: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function prf(t: number, fp: number, fn: number): [number, number, number] {
  const p = t + fp ? t / (t + fp) : 0;
  const r = t + fn ? t / (t + fn) : 0;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
}

/** Mirrors score.py exactly: same counting, same rounding. */
export function score(
  gold: Gold[],
  preds: Map<string, Record<string, unknown>>,
): { table: string; summary: Summary } {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let actionsOk = 0;
  let actionsN = 0;
  let missing = 0;
  let errors = 0;
  const confusion = new Map<string, number>();
  const idsOf = (p: Record<string, unknown>) => {
    const out = new Set<string>();
    for (const s of (p.signals as unknown[]) ?? []) {
      const id =
        typeof s === 'string' ? s : ((s as { id?: string }).id ?? (s as { category?: string }).category);
      if (id) out.add(id);
    }
    return out;
  };
  for (const g of gold) {
    let p = preds.get(g.id);
    if (!p) {
      missing++;
      p = {};
    }
    if ('error' in p) errors++;
    const gs = new Set(g.expect.signals ?? []);
    const ps = idsOf(p);
    for (const i of gs) ps.has(i) ? inc(tp, i) : inc(fn, i);
    for (const i of ps) if (!gs.has(i)) inc(fp, i);
    if (g.expect.action !== undefined) {
      actionsN++;
      if (p.action === g.expect.action) actionsOk++;
      else inc(confusion, `${g.expect.action}\t${String(p.action ?? 'None')}`);
    }
  }
  const all = [...new Set([...tp.keys(), ...fp.keys(), ...fn.keys()])].sort();
  const rows = [
    `${'id'.padEnd(32)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}`,
  ];
  for (const i of all) {
    const [p, r, f] = prf(tp.get(i) ?? 0, fp.get(i) ?? 0, fn.get(i) ?? 0);
    rows.push(
      `${i.padEnd(32)} ${String(tp.get(i) ?? 0).padStart(4)} ${String(fp.get(i) ?? 0).padStart(4)} ${String(fn.get(i) ?? 0).padStart(4)} ${p.toFixed(2).padStart(6)} ${r.toFixed(2).padStart(6)} ${f.toFixed(2).padStart(6)}`,
    );
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const [mp, mr, mf] = prf(sum(tp), sum(fp), sum(fn));
  const goldIds = all.filter((i) => (tp.get(i) ?? 0) + (fn.get(i) ?? 0) > 0);
  const macro = goldIds.length
    ? goldIds.reduce((a, i) => a + prf(tp.get(i) ?? 0, fp.get(i) ?? 0, fn.get(i) ?? 0)[2], 0) / goldIds.length
    : 0;
  const empty = gold.filter((g) => !(g.expect.signals ?? []).length);
  const clean = empty.filter((g) => idsOf(preds.get(g.id) ?? {}).size === 0).length;
  if (confusion.size) {
    rows.push('action confusion (gold -> predicted):');
    for (const [k, n] of [...confusion.entries()].sort((a, b) => b[1] - a[1])) {
      const [a, b] = k.split('\t');
      rows.push(`  ${String(a).padEnd(20)} -> ${b}: ${n}`);
    }
  }
  const summary: Summary = {
    n: gold.length,
    micro_p: round3(mp),
    micro_r: round3(mr),
    micro_f1: round3(mf),
    macro_f1: round3(macro),
    clean_ok: `${clean}/${empty.length}`,
    action_acc: actionsN ? round3(actionsOk / actionsN) : null,
    missing,
    errors,
  };
  return { table: rows.join('\n'), summary };
}

function loadJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

function main(): void {
  const jsonOnly = process.argv.includes('--json');
  const results: Record<string, Summary> = {};
  for (const file of FILES) {
    const rows = loadJsonl(join(CORPUS, file));
    const preds = new Map<string, Record<string, unknown>>();
    for (const row of rows) {
      const { expect: _expect, ...input } = row;
      const out = processLine(JSON.stringify(input), actionProvider) as Record<string, unknown>;
      preds.set(String(out.id), out);
    }
    const { table, summary } = score(rows as unknown as Gold[], preds);
    results[file] = summary;
    if (!jsonOnly) console.log(`\n== ${file}\n${table}\n${JSON.stringify(summary)}`);
  }
  const line = (f: string) => {
    const s = results[f] as Summary;
    return `${f.padEnd(22)} micro-F1 ${s.micro_f1.toFixed(3)}  macro-F1 ${s.macro_f1.toFixed(3)}  clean ${s.clean_ok}${s.action_acc !== null ? `  action ${s.action_acc.toFixed(3)}` : ''}`;
  };
  if (jsonOnly) console.log(JSON.stringify(results));
  else {
    console.log('\n== summary');
    for (const f of FILES) console.log(line(f));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

/**
 * Reproducible measure of the abuse rules on the public hostile-French sets (both MIT, see
 * /work/shared/data): a fixed split by an FNV-1a hash of the text (70 % train / 30 % test, the same
 * on every run and machine), and P / R / F1 of "any abuse.* id found" against the dataset's label
 * on the TEST split only (per MLMA target too). Lexicon work looks at the train split only:
 *
 *   node --import tsx packages/core/scripts/measure-toxicity.ts [--shared ../shared] [--misses train]
 *
 * `--misses train` prints the toxic train posts no rule catches (and the clean train posts that
 * are flagged), for review; it refuses `test`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analysis/analyze.ts';
import { parseCsv } from './build-abuse-candidates.ts';

const here = dirname(fileURLToPath(import.meta.url));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** FNV-1a 32-bit of the text: the split key. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** True when the text belongs to the test split (30 %). */
export function isTest(text: string): boolean {
  return fnv1a(text) % 100 < 30;
}

interface Row {
  readonly text: string;
  readonly toxic: boolean;
  readonly target: string;
}

function records(path: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

function abuseIds(text: string): string[] {
  return analyze(text, { role: 'client', lang: 'fr' })
    .findings.filter((f) => f.id.startsWith('abuse.'))
    .map((f) => f.id);
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function line(name: string, c: Counts): string {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  const f = (2 * p * r) / Math.max(1e-9, p + r);
  return `${name.padEnd(28)} n=${String(c.tp + c.fp + c.fn + c.tn).padStart(5)}  P ${(100 * p).toFixed(1)}  R ${(100 * r).toFixed(1)}  F1 ${(100 * f).toFixed(1)}`;
}

function main(): void {
  const shared = arg('shared') ?? join(here, '..', '..', '..', '..', 'shared');
  const misses = arg('misses');
  if (misses !== undefined && misses !== 'train') throw new Error('--misses only lists the train split');
  const sets: Record<string, Row[]> = {
    toxifrench: records(join(shared, 'data', 'toxifrench', 'ToxiFrenchBalanced.csv')).map((r) => ({
      text: r.content ?? '',
      toxic: r.label === '1',
      target: '',
    })),
    mlma: records(join(shared, 'data', 'mlma-fr', 'fr_dataset.csv')).map((r) => ({
      text: r.tweet ?? '',
      toxic: r.sentiment !== 'normal',
      target: r.target ?? '',
    })),
  };
  for (const [name, rows] of Object.entries(sets)) {
    const split = misses ? 'train' : 'test';
    const part = rows.filter((r) => isTest(r.text) === (split === 'test'));
    const all: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
    const byTarget = new Map<string, Counts>();
    for (const r of part) {
      const ids = abuseIds(r.text);
      const flagged = ids.length > 0;
      const key = flagged ? (r.toxic ? 'tp' : 'fp') : r.toxic ? 'fn' : 'tn';
      all[key]++;
      if (r.target) {
        const c = byTarget.get(r.target) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
        c[key]++;
        byTarget.set(r.target, c);
      }
      if (misses && key === 'fn') console.log(`MISS\t${name}\t${r.target}\t${r.text.replace(/\s+/g, ' ')}`);
      if (misses && key === 'fp')
        console.log(`FP\t${name}\t${ids.join(',')}\t${r.text.replace(/\s+/g, ' ')}`);
    }
    if (misses) continue;
    console.log(line(`${name} (${split})`, all));
    for (const [t, c] of [...byTarget].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
      console.log(line(`  target ${t}`, c));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();

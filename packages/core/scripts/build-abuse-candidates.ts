/**
 * Measures the abuse detection on the public hostile-French sets of /work/shared/data and lists
 * lexicon candidates from them (deterministic: same data, same output).
 *
 *   node --import tsx packages/core/scripts/build-abuse-candidates.ts [--shared ../shared] [--top 60]
 *
 * - ToxiFrench (MIT): 1,388 forum posts, balanced binary toxicity → precision / recall of "any
 *   abuse.* id found" against label 1.
 * - MLMA fr (MIT): 4,014 tweets, hostility labels; `normal` is the negative class → recall per
 *   hostility type and target, and the false-positive rate on `normal` tweets.
 * - Candidates: words over-represented in toxic vs non-toxic posts (smoothed log-odds, seen in
 *   ≥ 4 toxic posts) that no abuse lexicon form covers, for a human to review. Nothing is
 *   written into the lexicons automatically: social-media toxicity is not customer abuse.
 * Their labels do not map one to one onto the spec (hate about groups, political insults), so the
 * figures bound what the rules catch; they are not the product's accuracy.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analysis/analyze.ts';
import { tokenize } from '../src/analysis/lexicon.ts';
import { normalize } from '../src/text/normalize.ts';

const here = dirname(fileURLToPath(import.meta.url));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const shared = arg('shared') ?? join(here, '..', '..', '..', '..', 'shared');
const TOP = Number(arg('top') ?? 60);

/** RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(body: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || (r[0] ?? '') !== '');
}

function records(path: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

function abuseIds(text: string): Set<string> {
  const a = analyze(text, { role: 'client', lang: 'fr' });
  return new Set(a.findings.filter((f) => f.id.startsWith('abuse.')).map((f) => f.id));
}

function pct(n: number, d: number): string {
  return d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1)} %`;
}

function measureToxiFrench(): { texts: string[]; labels: boolean[] } {
  const rows = records(join(shared, 'data', 'toxifrench', 'ToxiFrenchBalanced.csv'));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let tp2 = 0;
  let fp2 = 0;
  const byId = new Map<string, number>();
  for (const r of rows) {
    const toxic = r.label === '1';
    const ids = abuseIds(r.content ?? '');
    const flagged = ids.size > 0;
    for (const id of ids) byId.set(id, (byId.get(id) ?? 0) + 1);
    const beyondProfanity = [...ids].some((id) => id !== 'abuse.profanity');
    if (beyondProfanity && toxic) tp2++;
    else if (beyondProfanity) fp2++;
    if (flagged && toxic) tp++;
    else if (flagged) fp++;
    else if (toxic) fn++;
    else tn++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  console.log(`ToxiFrench (${rows.length} posts, ${tp + fn} toxic): flagged = any abuse.* id`);
  console.log(
    `  precision ${pct(tp, tp + fp)}  recall ${pct(tp, tp + fn)}  F1 ${((200 * precision * recall) / Math.max(1e-9, precision + recall)).toFixed(1)}  false-positive rate ${pct(fp, fp + tn)}`,
  );
  console.log(
    `  excluding profanity-only flags (ToxiFrench does not count swearing as toxic): precision ${pct(tp2, tp2 + fp2)}  recall ${pct(tp2, tp + fn)}`,
  );
  console.log(`  ids found: ${[...byId].map(([id, n]) => `${id} ${n}`).join(', ')}`);
  return { texts: rows.map((r) => r.content ?? ''), labels: rows.map((r) => r.label === '1') };
}

function measureMlma(): void {
  const rows = records(join(shared, 'data', 'mlma-fr', 'fr_dataset.csv'));
  const byType = new Map<string, { n: number; hit: number }>();
  const byTarget = new Map<string, { n: number; hit: number }>();
  let identityOnTargeted = 0;
  let targeted = 0;
  for (const r of rows) {
    const ids = abuseIds(r.tweet ?? '');
    const hit = ids.size > 0 ? 1 : 0;
    const type = r.sentiment ?? '';
    const t = byType.get(type) ?? { n: 0, hit: 0 };
    byType.set(type, { n: t.n + 1, hit: t.hit + hit });
    if (type !== 'normal') {
      const target = r.target ?? '';
      const g = byTarget.get(target) ?? { n: 0, hit: 0 };
      byTarget.set(target, { n: g.n + 1, hit: g.hit + hit });
      if (target !== 'other') {
        targeted++;
        if (ids.has('abuse.identity')) identityOnTargeted++;
      }
    }
  }
  let hostile = 0;
  let hostileHit = 0;
  for (const [type, v] of byType) {
    if (type === 'normal') continue;
    hostile += v.n;
    hostileHit += v.hit;
  }
  const normal = byType.get('normal') ?? { n: 0, hit: 0 };
  console.log(`MLMA fr (${rows.length} tweets, ${hostile} hostile, ${normal.n} normal):`);
  console.log(
    `  recall on hostile ${pct(hostileHit, hostile)}  flagged normal ${pct(normal.hit, normal.n)}  precision ${pct(hostileHit, hostileHit + normal.hit)} (hostile-heavy set)`,
  );
  const top = [...byType]
    .filter(([t]) => t !== 'normal')
    .sort((a, b) => b[1].n - a[1].n)
    .slice(0, 6);
  console.log(`  recall by type: ${top.map(([t, v]) => `${t} ${pct(v.hit, v.n)} (${v.n})`).join(', ')}`);
  console.log(
    `  recall by target: ${[...byTarget]
      .sort((a, b) => b[1].n - a[1].n)
      .map(([t, v]) => `${t} ${pct(v.hit, v.n)} (${v.n})`)
      .join(', ')}`,
  );
  console.log(
    `  abuse.identity on hostile tweets aimed at a group: ${pct(identityOnTargeted, targeted)} (${targeted})`,
  );
}

function candidates(texts: string[], labels: boolean[]): void {
  const toxicDocs = new Map<string, number>();
  const cleanDocs = new Map<string, number>();
  let nToxic = 0;
  let nClean = 0;
  for (let i = 0; i < texts.length; i++) {
    const n = normalize(texts[i] as string);
    const tokens = tokenize(n);
    const words = new Set(
      Array.from({ length: tokens.length }, (_, k) => n.text.slice(tokens.start(k), tokens.end(k))),
    );
    const into = labels[i] ? toxicDocs : cleanDocs;
    if (labels[i]) nToxic++;
    else nClean++;
    for (const w of words) if (w.length >= 3) into.set(w, (into.get(w) ?? 0) + 1);
  }
  const scored: [string, number, number, number][] = [];
  for (const [w, t] of toxicDocs) {
    if (t < 4) continue;
    const c = cleanDocs.get(w) ?? 0;
    const lo = Math.log((t + 0.5) / (nToxic - t + 0.5)) - Math.log((c + 0.5) / (nClean - c + 0.5));
    scored.push([w, lo, t, c]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const covered = (w: string) => abuseIds(`vous êtes des ${w}`).size > 0 || abuseIds(w).size > 0;
  const out = scored.filter(([w]) => !covered(w)).slice(0, TOP);
  console.log(`Lexicon candidates (ToxiFrench log-odds, not yet covered; review by hand):`);
  console.log(`  ${out.map(([w, lo, t, c]) => `${w} ${lo.toFixed(1)} (${t}/${c})`).join(', ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { texts, labels } = measureToxiFrench();
  measureMlma();
  if (!process.argv.includes('--no-candidates')) candidates(texts, labels);
}

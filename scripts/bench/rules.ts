/**
 * Per-rule cost of the engine on the bench corpus (wall clock, µs per message): which family to
 * make cheaper. `node --import tsx scripts/bench/rules.ts [--messages 6000]`. Prints figures only.
 */
import { RULES } from '../../packages/core/src/analysis/rules/index.ts';
import { normalize, toOriginalSpan } from '../../packages/core/src/text/normalize.ts';
import { generateCorpus } from './engine.ts';

const i = process.argv.indexOf('--messages');
const corpus = generateCorpus(i >= 0 ? Number(process.argv[i + 1]) || 6000 : 6000, 7);
const total = new Map<string, number>();
for (let pass = 0; pass < 2; pass++) {
  for (const m of corpus) {
    let t0 = performance.now();
    const normalized = normalize(m.text);
    if (pass) total.set('normalize', (total.get('normalize') ?? 0) + performance.now() - t0);
    const ctx = {
      text: m.text,
      normalized,
      lang: m.lang,
      role: 'client' as const,
      span: (s: number, e: number) => toOriginalSpan(normalized, s, e),
    };
    for (const r of RULES.client) {
      t0 = performance.now();
      r.detect(ctx);
      if (pass) total.set(r.meta.id, (total.get(r.meta.id) ?? 0) + performance.now() - t0);
    }
  }
}
let sum = 0;
for (const [id, ms] of [...total].sort((a, b) => b[1] - a[1])) {
  sum += ms;
  console.log(`${id.padEnd(28)} ${((ms / corpus.length) * 1000).toFixed(1).padStart(7)} µs/msg`);
}
console.log(`${'total'.padEnd(28)} ${((sum / corpus.length) * 1000).toFixed(1).padStart(7)} µs/msg`);

/**
 * Per-rule cost of the engine on the bench corpus (µs per message, the best of three runs of each
 * rule on each message, so that a shared, busy machine does not blur the picture): which family
 * to make cheaper. `node --import tsx scripts/bench/rules.ts [--messages 6000]`. Figures only.
 */
import { RULES } from '../../packages/core/src/analysis/rules/index.ts';
import { normalize, toOriginalSpan } from '../../packages/core/src/text/normalize.ts';
import { generateCorpus } from './engine.ts';

const i = process.argv.indexOf('--messages');
const corpus = generateCorpus(i >= 0 ? Number(process.argv[i + 1]) || 6000 : 6000, 7);
const total = new Map<string, number>();
const rules = RULES.client;
for (let pass = 0; pass < 2; pass++) {
  for (const m of corpus) {
    // three runs; in each, the rules share one context exactly as in analyze() (a family that
    // computes once per message and caches shows its cost on its first rule); keep each best
    const bestRule = new Float64Array(rules.length).fill(Number.POSITIVE_INFINITY);
    let bestNormalize = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 3; k++) {
      let t0 = performance.now();
      const normalized = normalize(m.text);
      bestNormalize = Math.min(bestNormalize, performance.now() - t0);
      const ctx = {
        text: m.text,
        normalized,
        lang: m.lang,
        role: 'client' as const,
        span: (s: number, e: number) => toOriginalSpan(normalized, s, e),
      };
      for (let j = 0; j < rules.length; j++) {
        const r = rules[j] as (typeof rules)[number];
        t0 = performance.now();
        r.detect(ctx);
        bestRule[j] = Math.min(bestRule[j] as number, performance.now() - t0);
      }
    }
    if (!pass) continue;
    total.set('normalize', (total.get('normalize') ?? 0) + bestNormalize);
    for (let j = 0; j < rules.length; j++) {
      const id = (rules[j] as (typeof rules)[number]).meta.id;
      total.set(id, (total.get(id) ?? 0) + (bestRule[j] as number));
    }
  }
}
let sum = 0;
for (const [id, ms] of [...total].sort((a, b) => b[1] - a[1])) {
  sum += ms;
  console.log(`${id.padEnd(28)} ${((ms / corpus.length) * 1000).toFixed(1).padStart(7)} µs/msg`);
}
console.log(`${'total'.padEnd(28)} ${((sum / corpus.length) * 1000).toFixed(1).padStart(7)} µs/msg`);

/**
 * `npm run bench`: throughput and latency of the WHOLE analyze() on one core, heap after load,
 * and the same corpus through `allprofanity` and `@2toad/profanity` side by side.
 *
 * The corpus is generated deterministically (seeded PRNG): dev-corpus client messages varied by
 * templates (greetings, sign-offs, order numbers, clean filler, occasional evasions: case,
 * leetspeak, masks) and purely clean customer-service text, cut to about 300 characters. A
 * message counts as abusive when its source sentence is labelled with an abuse.* id.
 *
 *   npm run bench [-- --messages 20000 --seed 7 --passes 3]
 * Prints figures only; nothing here asserts a time.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const sharedDev = join(root, '..', 'shared', 'corpus', 'dev');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const MESSAGES = arg('messages', 20_000);
const SEED = arg('seed', 7);
/** Measured passes over the corpus per engine, after one warm-up pass. */
const PASSES = arg('passes', 3);
const TARGET_LENGTH = 300;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Source {
  readonly text: string;
  readonly lang: 'fr' | 'en';
  readonly abusive: boolean;
}

function loadSources(): Source[] {
  const out: Source[] = [];
  for (const file of ['client-fr.jsonl', 'client-en.jsonl', 'conversations.jsonl']) {
    let body: string;
    try {
      body = readFileSync(join(sharedDev, file), 'utf8');
    } catch {
      continue;
    }
    for (const line of body.split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as {
        text?: string;
        lang?: 'fr' | 'en';
        turns?: { role: string; text: string }[];
        expect: { signals: string[] };
      };
      const text = d.text ?? d.turns?.at(-1)?.text;
      if (!text) continue;
      const lang = d.lang ?? (/\b(the|you|and|is)\b/i.test(text) ? 'en' : 'fr');
      out.push({ text, lang, abusive: d.expect.signals.some((s) => s.startsWith('abuse.')) });
    }
  }
  return out;
}

const CLEAN: Record<'fr' | 'en', string[]> = {
  fr: [
    'Bonjour, je vous écris au sujet de ma commande passée la semaine dernière.',
    'Pourriez-vous me confirmer la date de livraison prévue ?',
    "J'ai bien reçu le colis mais il manque la notice de montage.",
    'Merci de me rappeler entre 14 h et 16 h au numéro habituel.',
    'Le technicien est passé ce matin et tout fonctionne de nouveau.',
    "Je souhaite modifier l'adresse de facturation de mon contrat.",
    'Est-ce que le magasin de Lyon est ouvert le dimanche ?',
    'La facture de mars comporte deux lignes identiques, pouvez-vous vérifier ?',
    'Mon rendez-vous de jeudi peut-il être décalé à vendredi matin ?',
    'Je vous joins la photo du produit et le bon de livraison.',
    "Merci pour votre retour rapide, c'est très clair.",
    "Le conseiller m'a bien expliqué les conditions du contrat.",
  ],
  en: [
    'Hello, I am writing about the order I placed last week.',
    'Could you confirm the expected delivery date please?',
    'The parcel arrived but the assembly instructions are missing.',
    'Please call me back between 2 and 4 pm on my usual number.',
    'The engineer came this morning and everything works again.',
    'I would like to change the billing address on my account.',
    'Is the Leeds branch open on Sundays?',
    'My March invoice shows the same line twice, can you check?',
    'Thanks for the quick reply, that is very clear.',
  ],
};
const OPENERS = {
  fr: ['Bonjour,', 'Madame, Monsieur,', 'Re :', 'Bonsoir,', ''],
  en: ['Hi,', 'Hello,', 'Dear team,', 'Re:', ''],
};
const CLOSERS = {
  fr: ['Cordialement.', 'Merci.', 'Bonne journée.', ''],
  en: ['Regards.', 'Thanks.', 'Cheers.', ''],
};

function vary(text: string, rnd: () => number): string {
  const r = rnd();
  if (r < 0.05) return text.toUpperCase();
  if (r < 0.1)
    return text.replace(/e/g, () => (rnd() < 0.3 ? '3' : 'e')).replace(/o/g, () => (rnd() < 0.3 ? '0' : 'o'));
  if (r < 0.13) return text.replace(/\b(\w)(\w)(\w+)\b/g, (w, a, _b, c) => (rnd() < 0.1 ? `${a}*${c}` : w));
  return text;
}

function pick<T>(list: readonly T[], rnd: () => number): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

export interface BenchMessage {
  readonly text: string;
  readonly lang: 'fr' | 'en';
  readonly abusive: boolean;
}

export function generateCorpus(count: number, seed: number): BenchMessage[] {
  const rnd = prng(seed);
  const sources = loadSources();
  const out: BenchMessage[] = [];
  for (let i = 0; i < count; i++) {
    const fromDev = sources.length > 0 && rnd() < 0.7;
    const lang: 'fr' | 'en' = fromDev ? 'fr' : rnd() < 0.75 ? 'fr' : 'en';
    const src = fromDev ? pick(sources, rnd) : null;
    const l = src?.lang ?? lang;
    const parts = [pick(OPENERS[l], rnd), src ? vary(src.text, rnd) : pick(CLEAN[l], rnd)];
    while (parts.join(' ').length < TARGET_LENGTH - 40) parts.push(pick(CLEAN[l], rnd));
    parts.push(`#${100_000 + Math.floor(rnd() * 900_000)}`, pick(CLOSERS[l], rnd));
    out.push({ text: parts.join(' ').slice(0, TARGET_LENGTH + 40), lang: l, abusive: src?.abusive ?? false });
  }
  return out;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

function gc(): void {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  } catch {
    /* figures stay indicative */
  }
}

interface Run {
  readonly name: string;
  readonly perSecond: number;
  /** Messages per second of CPU time used by this process (robust when the machine is shared). */
  readonly perCpuSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly flaggedAbusive: number;
  readonly flaggedClean: number;
}

/** Messages per second of wall-clock and of CPU time, over one pass of `corpus`. */
interface Pass {
  readonly perSecond: number;
  readonly perCpuSecond: number;
}

/**
 * One warm-up pass over the whole corpus (every engine alike: JIT tiers, lazily compiled regexes,
 * caches), then PASSES measured passes: the figures of the median pass (by CPU), latencies of
 * every measured message. A long-running server or import sees the steady state, not the start.
 */
function timeRun(name: string, corpus: readonly BenchMessage[], flag: (m: BenchMessage) => boolean): Run {
  for (const m of corpus) flag(m);
  const lat = new Float64Array(corpus.length * PASSES);
  const passes: Pass[] = [];
  let flaggedAbusive = 0;
  let flaggedClean = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < corpus.length; i++) {
      const m = corpus[i] as BenchMessage;
      const s = process.hrtime.bigint();
      const f = flag(m);
      lat[pass * corpus.length + i] = Number(process.hrtime.bigint() - s) / 1e6;
      if (pass > 0) continue;
      if (f && m.abusive) flaggedAbusive++;
      else if (f) flaggedClean++;
    }
    const total = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    passes.push({
      perSecond: corpus.length / total,
      perCpuSecond: corpus.length / ((cpu.user + cpu.system) / 1e6),
    });
  }
  passes.sort((a, b) => a.perCpuSecond - b.perCpuSecond);
  const median = passes[Math.floor(passes.length / 2)] as Pass;
  lat.sort();
  return {
    name,
    perSecond: median.perSecond,
    perCpuSecond: median.perCpuSecond,
    p50: percentile(lat, 0.5),
    p95: percentile(lat, 0.95),
    p99: percentile(lat, 0.99),
    flaggedAbusive,
    flaggedClean,
  };
}

async function main(): Promise<void> {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const { analyze } = await import('../../packages/core/src/analysis/analyze.ts');
  analyze('warm up', { role: 'client', lang: 'fr' });
  gc();
  const heapAfterLoad = process.memoryUsage().heapUsed;
  const corpus = generateCorpus(MESSAGES, SEED);
  const abusive = corpus.filter((m) => m.abusive).length;
  const avgLength = corpus.reduce((n, m) => n + m.text.length, 0) / corpus.length;
  console.log(
    `corpus: ${corpus.length} messages (seed ${SEED}), ${abusive} abusive, mean length ${avgLength.toFixed(0)} chars`,
  );
  console.log(
    `heap: ${(heapBefore / 2 ** 20).toFixed(1)} MB before load, ${(heapAfterLoad / 2 ** 20).toFixed(1)} MB with the engine loaded (+${((heapAfterLoad - heapBefore) / 2 ** 20).toFixed(1)} MB), rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
  );

  const runs: Run[] = [];
  runs.push(
    timeRun('sangfroid analyze() (all rules)', corpus, (m) =>
      analyze(m.text, { role: 'client', lang: m.lang }).findings.some((f) => f.id.startsWith('abuse.')),
    ),
  );
  try {
    const mod = (await import('allprofanity')) as unknown as {
      AllProfanity: new (o?: object) => { check(t: string): boolean; loadLanguage(l: string): void };
    };
    const ap = new mod.AllProfanity({ performance: { enableCaching: false } });
    ap.loadLanguage('french');
    runs.push(timeRun('allprofanity check() (en+fr)', corpus, (m) => ap.check(m.text)));
  } catch (error) {
    console.log(`allprofanity: not run (${(error as Error).message})`);
  }
  try {
    const mod = (await import('@2toad/profanity')) as unknown as {
      Profanity: new (o?: object) => { exists(t: string): boolean };
    };
    const tp = new mod.Profanity({ languages: ['en', 'fr'] });
    runs.push(timeRun('@2toad/profanity exists() (en+fr)', corpus, (m) => tp.exists(m.text)));
  } catch (error) {
    console.log(`@2toad/profanity: not run (${(error as Error).message})`);
  }

  const base = runs[0] as Run;
  const load = (await import('node:os')).loadavg()[0] ?? 0;
  console.log(
    `steady state: median of ${PASSES} passes after a warm-up pass; load average ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} cores: wall-clock figures suffer on a shared machine; msg/cpu-s does less`,
  );
  console.log('');
  console.log(
    'engine                               msg/s  msg/cpu-s   p50 ms  p95 ms  p99 ms  abusive found  clean flagged  cpu speed vs sangfroid',
  );
  for (const r of runs) {
    console.log(
      `${r.name.padEnd(34)} ${r.perSecond.toFixed(0).padStart(8)} ${r.perCpuSecond.toFixed(0).padStart(10)} ${r.p50.toFixed(3).padStart(8)} ${r.p95.toFixed(3).padStart(7)} ${r.p99.toFixed(3).padStart(7)}  ${`${r.flaggedAbusive}/${abusive}`.padStart(13)}  ${`${r.flaggedClean}/${corpus.length - abusive}`.padStart(13)}  ${(r.perCpuSecond / base.perCpuSecond).toFixed(2)}×`,
    );
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();

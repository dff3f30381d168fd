/**
 * Restating the client's own words from the agent's side (« je n'ai rien reçu » → « vous n'avez
 * rien reçu », "I was charged twice" → "you were charged twice"), so that a reformulation is
 * built from what the client actually said. Conservative on purpose: a clause whose verb after
 * « je » is unknown, or that speaks of the company as « vous », is refused (null) rather than
 * mangled — the draft then falls back to a generic phrasing.
 */
import type { Lang } from '../types.ts';
import type { Formality } from './phrases.ts';

const FR_VERBS: Readonly<Record<string, string>> = {
  suis: 'êtes',
  ai: 'avez',
  étais: 'étiez',
  avais: 'aviez',
  serai: 'serez',
  aurai: 'aurez',
  peux: 'pouvez',
  veux: 'voulez',
  dois: 'devez',
  sais: 'savez',
  vais: 'allez',
  viens: 'venez',
  reçois: 'recevez',
  vois: 'voyez',
  fais: 'faites',
  dis: 'dites',
  prends: 'prenez',
  comprends: 'comprenez',
  attends: 'attendez',
  entends: 'entendez',
  perds: 'perdez',
  réponds: 'répondez',
  mets: 'mettez',
  crois: 'croyez',
  paie: 'payez',
  paye: 'payez',
  envoie: 'envoyez',
  essaie: 'essayez',
  appelle: 'appelez',
  rappelle: 'rappelez',
  pouvais: 'pouviez',
  voulais: 'vouliez',
  devais: 'deviez',
  pensais: 'pensiez',
  savais: 'saviez',
  finis: 'finissez',
  choisis: 'choisissez',
  reviens: 'revenez',
  obtiens: 'obtenez',
  tiens: 'tenez',
};
const FR_NOT_VERBS = new Set([
  'ne',
  'me',
  'm',
  'te',
  'le',
  'la',
  'les',
  'lui',
  'y',
  'en',
  'vous',
  'nous',
  'se',
]);

function frVerb(word: string): string | null {
  const lower = word.toLowerCase();
  const known = FR_VERBS[lower];
  if (known) return known;
  if (/^\p{L}{3,}e$/u.test(lower) && !lower.endsWith('ie')) return `${lower}z`; // first group: trouve → trouvez
  if (/^\p{L}{3,}ais$/u.test(lower)) return `${lower.slice(0, -3)}iez`; // imparfait: pensais → pensiez
  return null;
}

/** « tu » forms of the verbs that do not just take an -s (most 1st-person forms already end in -s/-x). */
const FR_TU_VERBS: Readonly<Record<string, string>> = {
  suis: 'es',
  ai: 'as',
  vais: 'vas',
  serai: 'seras',
  aurai: 'auras',
  pourrai: 'pourras',
  ferai: 'feras',
};

function frVerbTu(word: string): string | null {
  const lower = word.toLowerCase();
  const known = FR_TU_VERBS[lower];
  if (known) return known;
  if (/^\p{L}{3,}e$/u.test(lower)) return `${lower}s`; // trouve → trouves, paie → paies
  if (/^\p{L}{2,}[sx]$/u.test(lower)) return lower; // peux, dois, reçois, pensais…
  return null;
}

/**
 * French: first person → « vous » (or « tu »), the company's « votre » → « notre ».
 * With `formality` « tu »: « j'ai » → « tu as », « mon » → « ton »…
 */
export function toAgentSideFr(clause: string, formality: Formality = 'vous'): string | null {
  // the company addressed as « vous », or the client's household as « nous », need a verb
  // agreement we do not attempt
  if (/(?<![\p{L}])(?:vous|nous)(?![\p{L}])/iu.test(clause)) return null;
  const tu = formality === 'tu';
  const you = tu ? 'tu' : 'vous';
  const object = tu ? 'te' : 'vous';
  let failed = false;
  // one pass, so that « notre » (the client's) and « votre » (ours) trade places
  const possessives: Readonly<Record<string, string>> = tu
    ? { votre: 'notre', vos: 'nos', notre: 'ton', nos: 'tes' }
    : { votre: 'notre', vos: 'nos', notre: 'votre', nos: 'vos' };
  let out = clause
    .replace(/(?<![\p{L}])(?:votre|vos|notre|nos)(?![\p{L}])/giu, (w) => possessives[w.toLowerCase()] ?? w)
    .replace(/(?<![\p{L}])mon(?![\p{L}])/giu, tu ? 'ton' : 'votre')
    .replace(/(?<![\p{L}])ma(?![\p{L}])/giu, tu ? 'ta' : 'votre')
    .replace(/(?<![\p{L}])mes(?![\p{L}])/giu, tu ? 'tes' : 'vos')
    .replace(/(?<![\p{L}])moi(?![\p{L}])/giu, tu ? 'toi' : 'vous');
  // « on m'a dit » → « on vous a dit »; « me répond » → « vous répond »
  out = out
    .replace(/(?<![\p{L}])m['’](?=\p{L})/giu, tu ? 't’' : 'vous ')
    .replace(/(?<![\p{L}])me(?![\p{L}])/giu, object);
  // « j'ai » → « vous avez »; « je ne reçois » → « vous ne recevez »
  out = out.replace(
    /(?<![\p{L}])(?:je|j['’])\s*((?:(?:ne|n['’])\s*)?(?:(?:vous|te|t['’]|le|la|les|lui|y|en|l['’])\s*)*)(\p{L}+)/giu,
    (whole: string, between: string, verb: string) => {
      const conj = FR_NOT_VERBS.has(verb.toLowerCase()) ? null : tu ? frVerbTu(verb) : frVerb(verb);
      if (!conj) {
        failed = true;
        return whole;
      }
      const middle = between.trim();
      const glue = middle === '' ? '' : /['’]$/.test(middle) ? middle : `${middle} `;
      return `${you} ${glue}${conj}`;
    },
  );
  if (failed) return null;
  return out
    .replace(/(?<![\p{L}])(vous|tu) n['’]\s*/giu, "$1 n'")
    .replace(/(?<![\p{L}])(l)[ea] (?=[aeéèêiouh])/giu, "$1'")
    .replace(/(?<![\p{L}])te (?=[aeéèêiouh])/giu, 't’')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

const EN_SWAP: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bI'm\b/g, "you're"],
  [/\bI am\b/g, 'you are'],
  [/\bI was\b/g, 'you were'],
  [/\bI've\b/g, "you've"],
  [/\bI'd\b/g, "you'd"],
  [/\bI'll\b/g, "you'll"],
  [/\bI\b/g, 'you'],
  [/\bmy\b/gi, 'your'],
  [/\bmine\b/gi, 'yours'],
  [/\bmyself\b/gi, 'yourself'],
  [/\bme\b/gi, 'you'],
];

/** English: first person → "you"; the company's "your" → "our". Refuses clauses with "you". */
export function toAgentSideEn(clause: string): string | null {
  if (/\byou\b|\byou're\b|\byou've\b/i.test(clause)) return null;
  // the client's "we/our" becomes "you/your", the company's "your" becomes "our" (one pass)
  const swaps: Readonly<Record<string, string>> = {
    your: 'our',
    yours: 'ours',
    "we're": "you're",
    "we've": "you've",
    we: 'you',
    ours: 'yours',
    our: 'your',
    us: 'you',
  };
  let out = clause.replace(/\b(?:yours|your|we're|we've|we|ours|our|us)\b/gi, (w) =>
    w === 'US' ? w : (swaps[w.toLowerCase()] ?? w),
  );
  for (const [pattern, replacement] of EN_SWAP) out = out.replace(pattern, replacement);
  return out.replace(/\s{2,}/g, ' ').trim();
}

export function toAgentSide(clause: string, lang: Lang, formality: Formality = 'vous'): string | null {
  return lang === 'fr' ? toAgentSideFr(clause, formality) : toAgentSideEn(clause);
}

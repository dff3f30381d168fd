/**
 * French / English detection, robust to short and informal messages: function words, SMS and chat
 * spellings (« bjr jsuis », « tkt », « pls », « u »), elisions (« j'ai », « qu'il ») and English
 * contractions (« don't », « I'm »), verb endings as weak evidence, and — when given text that
 * still has them — French accents. Works on normalised text (what `analyze` passes) and on raw
 * text alike. Mixed messages go to the language with more evidence; ties and texts with no
 * evidence fall back to French, the product's first language. Cheap enough for every keystroke.
 */
import { WordTable } from '../text/word-table.ts';
import type { Lang } from '../types.ts';

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Words that are strong evidence (weight 2): frequent and unambiguous. */
const FR_STRONG = words(`
  le les un une des du et est je tu il elle nous vous ils elles ne pas que qui quoi pour dans avec mais
  ou donc car ce cette ces mon ma mes ton ta tes son sa ses votre vos notre nos leur leurs au aux suis
  sommes etes sont avez avons ont tres bien merci bonjour bonsoir oui non rien toujours jamais depuis
  chez parce quand comment pourquoi ca cela deja etre avoir fait faire peut veux voudrais aussi encore
  apres avant moi toi lui eux sur sous sans entre mois semaine jour hier demain aujourd'hui
  madame monsieur mademoiselle cordialement svp stp bjr slt salut jsuis chui jveux jpeux jsais jdois
  jvais jvous jai jme jte jpense jcrois cest ct pk pq pcq tkt mdr ptdr bcp tjs tjrs dsl rdv mtn qd ds
  koi ke kan vrmt jpp oklm wsh osef ptn bsr cv ouais ben bah hein voila voici alors puis comme
  tout tous toute toutes autre meme quelque chose personne facture commande colis livraison
  remboursement probleme rendez-vous
`);
const EN_STRONG = words(`
  the and is are was were you he she we they not that which what for with but this these those my your
  his her our their of at it be been have has had do does did me him us them very well thanks thank
  hello hi yes nothing always never since when how why i'm don't can't it's i've you're won't didn't
  doesn't isn't aren't wasn't there here would could should will just please from about after before
  any some get got want need order delivery refund invoice account booking today tomorrow yesterday
  pls plz thx ty lol omg idk btw im dont cant wont didnt doesnt isnt gonna wanna hey yeah yep nope
  u ur r dear regards sincerely
`);
/** Short or shared words: weak evidence (weight 1). */
const FR_WEAK = words('a y en de la si se sa on me te lui t m l d n s c j qu');
const EN_WEAK = words('a i to in on or so no as an by if up');

/** Elided French forms: « j'ai », « l'équipe », « qu'il », « c'est » (not English « it's »). */
const FR_ELISION = /^(?:[jlmtsdnc]|qu|jusqu|lorsqu|puisqu)'[a-z]/;
/** English contractions: « don't », « I'm », « we'll », « she's ». */
const EN_CONTRACTION = /^[a-z]+'(?:t|m|re|ll|ve|d|s)$/;
/** Letters a French writer types and an English one almost never does. */
const FR_ACCENTS = /[éèêàçùûôîïëœ]/gu;
const MARKS = /\p{M}/gu;
const APOSTROPHES = /[\u2019\u2018\u02bc`]/g;

/** Word → score for the listed words (positive French, negative English), built once. */
const LISTED = new WordTable<number>();
for (const w of FR_WEAK) LISTED.set(w, 1);
for (const w of EN_WEAK) LISTED.set(w, LISTED.has(w) ? 0 : -1);
for (const w of EN_STRONG) LISTED.set(w, -2);
for (const w of FR_STRONG) LISTED.set(w, EN_STRONG.has(w) ? 0 : 2);

/** French verb and noun endings: weak evidence on longer words. */
const FR_ENDINGS = ['ez', 'ais', 'ait', 'aient', 'ons', 'eux', 'euse', 'ees', 'ment', 'tion'];

/** Does the word text[start, end) end with `suffix`? */
function endsWith(text: string, start: number, end: number, suffix: string): boolean {
  if (end - start < suffix.length) return false;
  for (let k = 1; k <= suffix.length; k++)
    if (text.charCodeAt(end - k) !== suffix.charCodeAt(suffix.length - k)) return false;
  return true;
}

function holdsApostrophe(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 39) return true;
  return false;
}

/** Scores the word text[start, end); positive for French, negative for English. No slicing unless it holds « ' ». */
function scoreWord(text: string, start: number, end: number): number {
  const listed = LISTED.get(text, start, end);
  if (listed !== undefined) return listed;
  if (holdsApostrophe(text, start, end)) {
    const w = text.slice(start, end);
    if (FR_ELISION.test(w)) return 2;
    if (EN_CONTRACTION.test(w)) return -2;
    return 0;
  }
  if (end - start >= 5) {
    if (
      endsWith(text, start, end, 'ing') ||
      endsWith(text, start, end, 'ly') ||
      endsWith(text, start, end, 'ness')
    )
      return -0.5;
    if (!endsWith(text, start, end, 'ation')) {
      for (const ending of FR_ENDINGS) if (endsWith(text, start, end, ending)) return 0.5;
    }
  }
  return 0;
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 39 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
}

/**
 * Detects the language of a text, normalised (lower case, no accents) or raw. Returns 'fr' when
 * the evidence is equal or absent.
 */
export function detectLang(text: string): Lang {
  return languageScore(text) < 0 ? 'en' : 'fr';
}

/**
 * The evidence `detectLang` weighs: positive for French, negative for English. On normalised
 * texts (no accents left) it adds up: the score of texts joined by new lines is the sum of
 * theirs (lang.test.ts checks it on random texts).
 */
export function languageScore(text: string): number {
  // the normalised text `analyze` passes is lower-case ASCII but for a rare sign: read it as it is
  let hasUpper = false;
  let hasNonAscii = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) {
      hasNonAscii = true;
      break;
    }
    if (c >= 65 && c <= 90) hasUpper = true;
  }
  let lower = hasUpper || hasNonAscii ? text.toLowerCase() : text;
  let score = 0;
  if (hasNonAscii) {
    score += 2 * Math.min(3, lower.match(FR_ACCENTS)?.length ?? 0);
    lower = lower.replace(APOSTROPHES, "'").normalize('NFD').replace(MARKS, '');
  }
  // a hand-rolled tokenizer: letters and inner apostrophes, no regex per word
  let i = 0;
  const len = lower.length;
  while (i < len) {
    while (i < len && !isWordCode(lower.charCodeAt(i))) i++;
    let start = i;
    while (i < len && isWordCode(lower.charCodeAt(i))) i++;
    let end = i;
    while (start < end && lower.charCodeAt(start) === 39) start++;
    while (end > start && lower.charCodeAt(end - 1) === 39) end--;
    if (end > start) score += scoreWord(lower, start, end);
  }
  return score;
}

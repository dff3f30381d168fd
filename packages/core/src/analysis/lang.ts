/**
 * French / English detection from function words. Cheap enough for every keystroke; ties and
 * texts with no evidence fall back to French, the product's first language.
 */
import type { Lang } from '../types.ts';

const FR = new Set(
  'le la les un une des du de et est je tu il elle nous vous ils elles ne pas que qui quoi pour dans sur avec mais ou donc car ce cette ces mon ma mes ton ta tes son sa ses votre vos notre nos leur leurs au aux en y a ai as avez avons ont suis es sommes etes sont plus tres bien merci bonjour bonsoir oui non rien toujours jamais depuis chez parce quand comment pourquoi c\'est j\'ai n\'est qu\'il d\'un'.split(' '),
);
const EN = new Set(
  'the a an and is are was were i you he she we they not no that which what for in on with but or so because this these those my your his her our their to of at it be been have has had do does did me him us them very well thanks thank hello hi yes nothing always never since when how why i\'m don\'t can\'t it\'s i\'ve you\'re won\'t'.split(' '),
);

const WORD = /[a-z']+/g;

/** Detects the language of an already normalised (lower-case, accent-free) text. */
export function detectLang(normalizedText: string): Lang {
  let fr = 0;
  let en = 0;
  for (const match of normalizedText.matchAll(WORD)) {
    const w = match[0];
    if (FR.has(w)) fr++;
    if (EN.has(w)) en++;
  }
  return en > fr ? 'en' : 'fr';
}

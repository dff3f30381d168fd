/**
 * Rendering a phrasing: resolves `[formal|informal]` by the formality and fills `{slot}`s.
 * A phrasing whose slots are not all available renders to null (the draft then skips it), so a
 * reply never carries an empty hole or an invented fact.
 */
import type { Lang } from '../types.ts';
import { PHRASES_EN } from './data/phrases-en.ts';
import { PHRASES_FR } from './data/phrases-fr.ts';
import type { MoveKey, PhraseBook } from './draft-types.ts';

export type Formality = 'vous' | 'tu';
export type Slots = Readonly<Partial<Record<string, string>>>;

export const PHRASE_BOOKS: Readonly<Record<Lang, PhraseBook>> = { fr: PHRASES_FR, en: PHRASES_EN };

export function renderPhrase(template: string, formality: Formality, slots: Slots): string | null {
  // « [vous|t’]aider »: the formal side needs a space before the next word, the elided side none
  const registered = template.replace(
    /\[([^\]|]*)\|([^\]]*)\]/g,
    (match: string, formal: string, informal: string, offset: number) => {
      const chosen = formality === 'vous' ? formal : informal;
      const next = template.charAt(offset + match.length);
      return /\p{L}$/u.test(chosen) && /\p{L}/u.test(next) ? `${chosen} ` : chosen;
    },
  );
  let missing = false;
  const filled = registered.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = slots[name];
    if (value === undefined || value.trim() === '') {
      missing = true;
      return '';
    }
    return value;
  });
  if (missing) return null;
  // French elision across a filled slot: « que il » → « qu'il », « que hier » → « qu'hier »
  const elided = filled.replace(/(?<![\p{L}])([Qq]u)e (?=[aeiouyhéèêàâîôûAEIOUYH])/gu, '$1’');
  return elided.charAt(0).toUpperCase() + elided.slice(1);
}

/** FNV-1a, 32 bits: a stable, dependency-free hash for picking phrasings deterministically. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function phrasesOf(lang: Lang, move: MoveKey): readonly string[] {
  return PHRASE_BOOKS[lang][move];
}

/** The persona catalogue: behaviour profiles plus their words in each language. */
import type { Lang } from '../../types.ts';
import type { ClientIntent, PersonaId, PersonaProfile, PersonaText } from '../types.ts';
import { PERSONA_IDS } from '../types.ts';
import { COMMON_EN, PERSONAS_EN } from './en.ts';
import { COMMON_FR, PERSONAS_FR } from './fr.ts';
import { PROFILES } from './profiles.ts';

const TEXTS: Readonly<Record<Lang, Readonly<Record<PersonaId, PersonaText>>>> = {
  fr: PERSONAS_FR,
  en: PERSONAS_EN,
};
const COMMON: Readonly<Record<Lang, Readonly<Partial<Record<ClientIntent, readonly string[]>>>>> = {
  fr: COMMON_FR,
  en: COMMON_EN,
};

export { PROFILES };

export function isPersonaId(id: string): id is PersonaId {
  return (PERSONA_IDS as readonly string[]).includes(id);
}

export function personaProfile(id: PersonaId): PersonaProfile {
  return PROFILES[id];
}

export function personaText(id: PersonaId, lang: Lang): PersonaText {
  return TEXTS[lang][id];
}

/** The lines a persona may use for an intent: its own first, else the language's common ones. */
export function linesFor(id: PersonaId, lang: Lang, intent: ClientIntent): readonly string[] {
  return TEXTS[lang][id].lines[intent] ?? COMMON[lang][intent] ?? [];
}

/** A short listing for menus (CLI `--list`, the web page). */
export function listPersonas(
  lang: Lang,
): { id: PersonaId; name: string; title: string; scenarios: number }[] {
  return PERSONA_IDS.map((id) => {
    const t = TEXTS[lang][id];
    return { id, name: t.name, title: t.title, scenarios: t.scenarios.length };
  });
}

/**
 * i18next set up for the web app: French by default, English available, the choice kept in
 * localStorage. `useT()` re-renders a component when the language changes.
 */
import i18next, { type TFunction } from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

export const UI_LANGS = ['fr', 'en'] as const;
export type UiLang = (typeof UI_LANGS)[number];

const STORAGE_KEY = 'sangfroid.lang';

function storedLang(): UiLang {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

export const i18n = i18next.createInstance();

export function initI18n(lang: UiLang = storedLang()): void {
  void i18n.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'fr',
    initAsync: false,
    // Preact renders every string as a text node: escaping here would double-escape.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function setLang(lang: UiLang): void {
  void i18n.changeLanguage(lang);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for the session only
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function currentLang(): UiLang {
  return i18n.language === 'en' ? 'en' : 'fr';
}

/** The translation function, bound to the current language; re-renders on change. */
export function useT(): TFunction {
  const [, setTick] = useState(0);
  useEffect(() => {
    const onChange = () => setTick((n) => n + 1);
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, []);
  return i18n.t.bind(i18n) as TFunction;
}

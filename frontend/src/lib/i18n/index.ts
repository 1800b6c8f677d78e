/**
 * Translations: French by default, English on request; the choice is kept in localStorage.
 * Bundled at build time (no runtime loading), one JSON file per feature and language.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@/lib/api/types';
import { resources } from './resources';

const LOCALE_KEY = 'guichet.locale';
/** The interface languages, French first. */
export const LOCALES: Locale[] = ['fr', 'en'];
/** One namespace per feature, each a JSON file in src/locales/<lang>/. */
export const NAMESPACES = [
  'common',
  'auth',
  'tickets',
  'admin',
  'profile',
  'bulk',
  'shortcuts',
  'canned',
  'sla',
  'reports',
  'survey',
] as const;

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(LOCALE_KEY);
    return value === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLocale(),
  fallbackLng: 'fr',
  supportedLngs: LOCALES,
  ns: NAMESPACES,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyLang(lng: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
applyLang(i18n.language);
i18n.on('languageChanged', applyLang);

/** Switches the interface language and remembers it on this browser. */
export function setLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Storage unavailable: the choice lasts for this page only.
  }
  void i18n.changeLanguage(locale);
}

/** The interface language in effect. */
export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'fr';
}

export default i18n;

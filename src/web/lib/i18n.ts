import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RESOURCES } from './resources.ts';
import type { Language } from './types.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: (typeof RESOURCES)['nl'] };
  }
}

export const LANGUAGES: readonly Language[] = ['nl', 'fr', 'en'];
const COOKIE = 'kp_lang';

/** Belgian variants, so dates and numbers read as people in Flanders and Brussels expect. */
export const LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen earlier in this browser, if any (the server reads the same cookie). */
export function storedLanguage(): Language | null {
  const match = document.cookie.match(/(?:^|;\s*)kp_lang=([^;]*)/);
  const value = match?.[1];
  return isLanguage(value) ? value : null;
}

function storeLanguage(language: Language): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser we support yet.
  document.cookie = `${COOKIE}=${language}; path=/; max-age=${60 * 60 * 24 * 365}; SameSite=Lax`;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'nl';
}

export function currentLocale(): string {
  return LOCALES[currentLanguage()];
}

/** Switches the UI; `remember` stores it as the visitor's explicit choice. */
export async function applyLanguage(language: Language, remember: boolean): Promise<void> {
  if (remember) storeLanguage(language);
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

await i18n.use(initReactI18next).init({
  resources: {
    nl: { translation: RESOURCES.nl },
    fr: { translation: RESOURCES.fr },
    en: { translation: RESOURCES.en },
  },
  lng: storedLanguage() ?? 'nl',
  fallbackLng: 'nl',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;

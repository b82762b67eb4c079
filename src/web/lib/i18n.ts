import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import directoryEn from '../features/directory/locales/en.json';
import directoryFr from '../features/directory/locales/fr.json';
import directoryNl from '../features/directory/locales/nl.json';
import networkEn from '../features/network/locales/en.json';
import networkFr from '../features/network/locales/fr.json';
import networkNl from '../features/network/locales/nl.json';
import planEn from '../features/plan/locales/en.json';
import planFr from '../features/plan/locales/fr.json';
import planNl from '../features/plan/locales/nl.json';
import en from '../locales/en.json';
import fr from '../locales/fr.json';
import nl from '../locales/nl.json';
import type { Language } from './types.ts';

/**
 * A module keeps its texts in src/web/features/<module>/locales and they appear under the module's key
 * (`t('plan.tree.title')`), so modules never edit the same file and a missing key still fails `tsc`.
 */
export const RESOURCES = {
  nl: { ...nl, directory: directoryNl, network: networkNl, plan: planNl },
  fr: { ...fr, directory: directoryFr, network: networkFr, plan: planFr },
  en: { ...en, directory: directoryEn, network: networkEn, plan: planEn },
};

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

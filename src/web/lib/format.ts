import { useTranslation } from 'react-i18next';
import { isLanguage, LOCALES } from './i18n.ts';
import type { Language } from './types.ts';

/**
 * Every number and date the UI shows goes through here, in the UI's locale (nl-BE, fr-BE, en-GB): one
 * set of `Intl` formatters per language, built once and shared by every component.
 */

/** Reference dates are calendar days: format them in UTC so no time zone shifts them a day. */
const CALENDAR_DAY = { timeZone: 'UTC' } as const;

function createFormats(locale: string) {
  const numbers = new Map<string, Intl.NumberFormat>();
  const number = (options: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(options);
    let format = numbers.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, options);
      numbers.set(key, format);
    }
    return format;
  };
  const integer = number({ maximumFractionDigits: 0 });
  const compact = number({ notation: 'compact', maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...CALENDAR_DAY });
  const shortDay = new Intl.DateTimeFormat(locale, { dateStyle: 'short', ...CALENDAR_DAY });
  const numericDay = new Intl.DateTimeFormat(locale);
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const shortMoment = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const fullMoment = { dateStyle: 'full', timeStyle: 'short' } as const;
  const asWritten = new Intl.DateTimeFormat(locale, { ...fullMoment, timeZone: 'UTC' });
  const inBrussels = new Intl.DateTimeFormat(locale, { ...fullMoment, timeZone: 'Europe/Brussels' });
  return {
    locale,
    integer: (n: number) => integer.format(n),
    /** Up to `digits` decimals (2 by default): metrics, measurements, weights. */
    decimal: (n: number, digits = 2) => number({ maximumFractionDigits: digits }).format(n),
    /** Exactly `digits` decimals, for columns whose figures must line up (services per 1,000 inhabitants). */
    fixed: (n: number, digits: number) =>
      number({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n),
    /** Axis ticks: "20K", "20 k" or "20.000" as the locale writes short numbers. */
    compact: (n: number) => compact.format(n),
    /** A percentage from the API (12.3) with exactly one decimal: "12,3 %". */
    share: (percentage: number) =>
      number({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        percentage / 100,
      ),
    /** A percentage from the API (66.7) with up to `digits` decimals: "66,7 %", "52 %". */
    percent: (percentage: number, digits = 1) =>
      number({ style: 'percent', maximumFractionDigits: digits }).format(percentage / 100),
    /** A fraction (0.18) as a percentage with up to `digits` decimals: "18 %". */
    fraction: (n: number, digits = 1) =>
      number({ style: 'percent', maximumFractionDigits: digits }).format(n),
    currency: (amount: number, currency: string) => number({ style: 'currency', currency }).format(amount),
    /** "3–5" as the locale writes a span of numbers. */
    numberRange: (from: number, to: number) => integer.formatRange(from, to),
    /** A calendar day (yyyy-mm-dd) in words: "2 december 2026". */
    day: (isoDate: string) => day.format(new Date(isoDate)),
    /** A calendar day in digits: "2/12/2026". */
    shortDay: (isoDate: string) => shortDay.format(new Date(isoDate)),
    /** The day of a moment (a timestamp) in the visitor's time zone, in digits: "2/12/2026". */
    dayOf: (isoTimestamp: string) => numericDay.format(new Date(isoTimestamp)),
    /** A moment with its time, in the visitor's time zone. */
    moment: (isoTimestamp: string) => moment.format(new Date(isoTimestamp)),
    /** A moment with its time, short: "2/12/2026 14:05". */
    shortMoment: (isoTimestamp: string) => shortMoment.format(new Date(isoTimestamp)),
    /** A span of calendar days: "1–15 december 2026". */
    dayRange: (fromIso: string, toIso: string) => day.formatRange(new Date(fromIso), new Date(toIso)),
    /**
     * A moment as someone typed it on a Belgian clock ("donderdag 3 december 2026 om 11:00"), whatever the
     * browser's own zone: a local time without a zone is shown as written (formatted as if UTC), one with
     * a zone in Brussels time. Unreadable input comes back unchanged.
     */
    wallClock: (local: string) => {
      const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(local);
      const at = new Date(zoned ? local : `${local}Z`);
      if (Number.isNaN(at.getTime())) return local;
      return (zoned ? inBrussels : asWritten).format(at);
    },
    year: (isoDate: string) => isoDate.slice(0, 4),
    /** "A, B en C" as the locale joins a list. */
    list: (items: readonly string[]) => list.format(items),
  };
}

export type Formats = ReturnType<typeof createFormats>;

const byLanguage = new Map<Language, Formats>();

/** The formatters of a language; outside React (chart options, exports) pass `i18n.language`. */
export function formatsFor(language: string): Formats {
  const lang: Language = isLanguage(language) ? language : 'nl';
  let formats = byLanguage.get(lang);
  if (!formats) {
    formats = createFormats(LOCALES[lang]);
    byLanguage.set(lang, formats);
  }
  return formats;
}

/** The formatters of the UI's current language; the component re-renders when the language changes. */
export function useFormat(): Formats {
  const { i18n } = useTranslation();
  return formatsFor(i18n.language);
}

import { useTranslation } from 'react-i18next';
import { isLanguage, LOCALES } from './i18n.ts';

/** Number and date formatters in the UI's current locale; re-created when the language changes. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = LOCALES[isLanguage(i18n.language) ? i18n.language : 'nl'];
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  // Reference dates are calendar days: format them in UTC so no time zone shifts them a day.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return {
    locale,
    integer: (n: number) => integer.format(n),
    /** Axis ticks: "20K", "20 k" or "20.000" as the locale writes short numbers. */
    compact: (n: number) => compact.format(n),
    /** The API gives shares as percentages (12.3), Intl wants fractions. */
    share: (percentage: number) => percent.format(percentage / 100),
    day: (isoDate: string) => day.format(new Date(isoDate)),
    shortDay: (isoDate: string) => shortDay.format(new Date(isoDate)),
    moment: (isoTimestamp: string) => moment.format(new Date(isoTimestamp)),
    year: (isoDate: string) => isoDate.slice(0, 4),
  };
}

/** Dates and sizes in the user's language, through Intl. */
import { useTranslation } from 'react-i18next';

const intlLocale = (lng: string) => (lng === 'en' ? 'en-GB' : 'fr-FR');

/** A date and time, e.g. « 21 nov. 2026, 14:05 ». */
export function formatDateTime(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** How long ago, e.g. « il y a 3 heures ». */
export function formatRelative(iso: string, lng: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(intlLocale(lng), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(seconds / 86400), 'day');
  return formatDateTime(iso, lng);
}

/** A byte count, e.g. « 1,2 Mo » / "1.2 MB". */
export function formatBytes(bytes: number, lng: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(intlLocale(lng), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A count with the language's digit grouping, e.g. « 47 839 » / "47,839". */
export function formatNumber(value: number, lng: string): string {
  return new Intl.NumberFormat(intlLocale(lng)).format(value);
}

/** The formatters bound to the current language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  return {
    dateTime: (iso: string) => formatDateTime(iso, lng),
    relative: (iso: string) => formatRelative(iso, lng),
    bytes: (n: number) => formatBytes(n, lng),
    number: (n: number) => formatNumber(n, lng),
  };
}

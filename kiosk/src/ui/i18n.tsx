import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '#shared/enums';
import { translator, type Translate } from '#shared/i18n/index';
import { kiosk, type KioskKey } from '#shared/i18n/kiosk';
import { vocabulary } from '#shared/i18n/vocabulary';

type VocabularyKey = keyof (typeof vocabulary)['en'];

export interface Words {
  locale: Locale;
  t: Translate<KioskKey>;
  v: Translate<VocabularyKey>;
  // The building's time zone: every time on screen is the building's wall clock.
  tz: string;
}

export function words(locale: Locale, tz: string): Words {
  return { locale, tz, t: translator(kiosk, locale), v: translator(vocabulary, locale) };
}

export const WordsContext = createContext<Words>(words('zh-CN', 'Asia/Shanghai'));
export const useWords = () => useContext(WordsContext);

export function formatTime(w: Words, iso: string, opts: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(w.locale, { timeZone: w.tz, hour12: false, ...opts }).format(
    new Date(iso),
  );
}

export const dayAndTime = (w: Words, iso: string) =>
  formatTime(w, iso, {
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
export const timeOnly = (w: Words, iso: string) =>
  formatTime(w, iso, { hour: '2-digit', minute: '2-digit' });

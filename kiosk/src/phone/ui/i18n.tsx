import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '#shared/enums';
import { translator, type Translate } from '#shared/i18n/index';
import { phone, type PhoneKey } from '#shared/i18n/phone';
import { vocabulary } from '#shared/i18n/vocabulary';

type VocabularyKey = keyof (typeof vocabulary)['en'];

export interface PhoneWords {
  locale: Locale;
  tz: string;
  t: Translate<PhoneKey>;
  v: Translate<VocabularyKey>;
  setLocale(l: Locale): void;
}

export function phoneWords(locale: Locale, tz: string, setLocale: (l: Locale) => void): PhoneWords {
  return {
    locale,
    tz,
    t: translator(phone, locale),
    v: translator(vocabulary, locale),
    setLocale,
  };
}

export const PhoneWordsContext = createContext<PhoneWords>(
  phoneWords('zh-CN', 'Asia/Shanghai', () => undefined),
);
export const useT = () => useContext(PhoneWordsContext);

export function when(w: PhoneWords, iso: string, withDate = true): string {
  return new Intl.DateTimeFormat(w.locale, {
    timeZone: w.tz,
    hour12: false,
    ...(withDate ? { month: 'short', day: 'numeric', weekday: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

import { translator, type Translate } from '#shared/i18n/index';
import { signage, type SignageKey } from '#shared/i18n/signage';
import { vocabulary } from '#shared/i18n/vocabulary';
import type { Locale } from '#shared/enums';
import { useDevice } from '#shared/device/hooks';

export const DEFAULT_TZ = 'Asia/Shanghai';
type VocabularyKey = keyof (typeof vocabulary)['zh-CN'];

const translators = new Map<Locale, { t: Translate<SignageKey>; v: Translate<VocabularyKey> }>();

function forLocale(locale: Locale) {
  let pair = translators.get(locale);
  if (!pair) {
    pair = { t: translator(signage, locale), v: translator(vocabulary, locale) };
    translators.set(locale, pair);
  }
  return pair;
}

// Chinese unless the device's placement says English.
export function useLocale(): Locale {
  return useDevice((s) => s.config?.data.locale ?? 'zh-CN');
}

export function useTimezone(): string {
  return useDevice((s) => s.config?.data.timezone ?? DEFAULT_TZ);
}

export function useT() {
  return forLocale(useLocale());
}

export function tFor(locale: Locale) {
  return forLocale(locale);
}

type Style = 'time' | 'date' | 'day' | 'weekday';
const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  date: { month: 'long', day: 'numeric', weekday: 'long' },
  day: { month: 'short', day: 'numeric' },
  weekday: { weekday: 'short' },
};
const formats = new Map<string, Intl.DateTimeFormat>();

// Wall-clock text in the building's time zone, whatever zone the screen's OS is set to.
export function formatAt(ms: number | string, style: Style, locale: Locale, tz: string): string {
  const key = `${locale}|${tz}|${style}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      ...OPTIONS[style],
      timeZone: tz,
    });
    formats.set(key, f);
  }
  return f.format(typeof ms === 'string' ? Date.parse(ms) : ms);
}

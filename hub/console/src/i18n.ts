import { consoleText } from '#shared/i18n/console';
import { translator } from '#shared/i18n/index';
import { groupLabel, vocabulary } from '#shared/i18n/vocabulary';
import type { Locale } from '#shared/enums';
import { prefs } from './data/prefs.ts';
import { useObservable } from './ui/hooks.ts';

const cache = new Map<
  Locale,
  { t: ReturnType<typeof make>['t']; v: ReturnType<typeof make>['v'] }
>();
function make(locale: Locale) {
  return { t: translator(consoleText, locale), v: translator(vocabulary, locale) };
}

// The console's words (t), the names of every enum (v) and of screen groups (g), in the
// chosen language.
export function useI18n() {
  const { locale } = useObservable(prefs);
  let pair = cache.get(locale);
  if (!pair) {
    pair = make(locale);
    cache.set(locale, pair);
  }
  return { ...pair, locale, g: (group: string) => groupLabel(locale, group) };
}
export type I18n = ReturnType<typeof useI18n>;

import type { Locale } from '../enums.ts';

// A catalogue is written Chinese first; the English one must carry the same keys.
export type Catalogue<K extends string> = { 'zh-CN': Record<K, string>; en: Record<K, string> };

export function defineCatalogue<K extends string>(c: Catalogue<K>): Catalogue<K> {
  return c;
}

export type Translate<K extends string> = (
  key: K,
  params?: Record<string, string | number>,
) => string;

export function translator<K extends string>(
  catalogue: Catalogue<K>,
  locale: Locale,
): Translate<K> {
  const table = catalogue[locale];
  return (key, params) => {
    const text = table[key];
    return params
      ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m))
      : text;
  };
}

export function pickLocale(accept: string | undefined | null): Locale {
  return accept && /^en\b/i.test(accept.trim()) ? 'en' : 'zh-CN';
}

import type { Locale } from '../enums.ts';

// A catalogue is written Chinese first; the English one must carry the same keys.
export type Catalogue<K extends string> = { 'zh-CN': Record<K, string>; en: Record<K, string> };

export function defineCatalogue<K extends string>(c: Catalogue<K>): Catalogue<K> {
  return c;
}

// A catalogue written as { key: [Chinese, English] }, each key once with both side by side.
export function pairedCatalogue<K extends string>(
  words: Record<K, readonly [string, string]>,
): Catalogue<K> {
  const pick = (i: 0 | 1) =>
    Object.fromEntries(Object.entries<readonly [string, string]>(words).map(([k, v]) => [k, v[i]]));
  return { 'zh-CN': pick(0) as Record<K, string>, en: pick(1) as Record<K, string> };
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

// The reader's language from an Accept-Language header: the most wanted of Chinese and
// English ("fr, en;q=0.8" is English), Chinese when it names neither or is absent.
export function pickLocale(accept: string | undefined | null): Locale {
  const wanted = (accept ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => /^\s*q=([\d.]+)/.exec(r)?.[1]).find((v) => v !== undefined);
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((w) => w.q > 0 && /^(zh|en)\b/.test(w.tag))
    .sort((a, b) => b.q - a.q);
  return wanted[0]?.tag.startsWith('en') ? 'en' : 'zh-CN';
}

import type { Locale } from '../enums.ts';
import { apiErrors, isErrorKey, type ErrorKey, type ErrorParamNames } from './api-errors.ts';
import { fieldLabel } from './fields.ts';
import { translator } from './index.ts';
import { vocabulary } from './vocabulary.ts';

export type VocabularyKey = keyof (typeof vocabulary)['zh-CN'];

// A parameter is shown as it is, or looked up in the catalogues in the reader's language:
// a word ({ term: 'status.resolved' }, { term: 'thing.notice', id: 3 } → "通知 3"), a moment
// in a time zone, or a list of such.
export type ErrorParam =
  | string
  | number
  | { term: VocabularyKey | ErrorKey; id?: string | number }
  | { time: string; tz: string }
  | { list: ErrorParam[] };

export type ErrorParams<K extends ErrorKey> = [ErrorParamNames<K>] extends [never]
  ? []
  : [Record<ErrorParamNames<K>, ErrorParam>];

// A message not yet in a language: a catalogue key and its parameters.
export interface ErrorText {
  key: ErrorKey;
  params?: Record<string, ErrorParam> | undefined;
}

export const errorText = <K extends ErrorKey>(key: K, ...params: ErrorParams<K>): ErrorText => ({
  key,
  params: params[0],
});

const errorWords = { 'zh-CN': translator(apiErrors, 'zh-CN'), en: translator(apiErrors, 'en') };
const vocabWords = { 'zh-CN': translator(vocabulary, 'zh-CN'), en: translator(vocabulary, 'en') };

function paramIn(p: ErrorParam, locale: Locale): string | number {
  if (typeof p !== 'object') return p;
  if ('list' in p) return p.list.map((x) => paramIn(x, locale)).join(locale === 'en' ? ', ' : '、');
  if ('time' in p) {
    return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: p.tz,
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(p.time));
  }
  const word = isErrorKey(p.term) ? errorWords[locale](p.term) : vocabWords[locale](p.term);
  return p.id === undefined ? word : `${word} ${p.id}`;
}

export function renderError(e: ErrorText, locale: Locale): string {
  const params = e.params
    ? Object.fromEntries(Object.entries(e.params).map(([k, p]) => [k, paramIn(p, locale)]))
    : undefined;
  return errorWords[locale](e.key, params);
}

// "手机号：请填写 7 到 20 位的电话号码", or the reason alone for a field with no label.
export function renderFieldError(field: string, e: ErrorText, locale: Locale): string {
  const label = fieldLabel(field, locale);
  const reason = renderError(e, locale);
  if (!label) return reason;
  return locale === 'zh-CN' ? `${label}：${reason}` : `${label}: ${reason}`;
}

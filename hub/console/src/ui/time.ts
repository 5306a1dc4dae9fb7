import type { Locale } from '#shared/enums';
import { localDate, localParts, zonedToUtc } from '#shared/time';

// Every time the console shows or reads is wall-clock time in the building's zone.
const pad = (n: number) => String(n).padStart(2, '0');

export function fmtDateTime(iso: string | null | undefined, tz: string): string {
  if (!iso) return '—';
  const p = localParts(new Date(iso), tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

export function fmtTime(iso: string, tz: string): string {
  const p = localParts(new Date(iso), tz);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

export const fmtDate = (iso: string, tz: string) => localDate(new Date(iso), tz);

// For <input type="datetime-local">: 'YYYY-MM-DDTHH:MM' in the building's zone.
export function toInput(iso: string | null | undefined, tz: string): string {
  if (!iso) return '';
  const p = localParts(new Date(iso), tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

// Back from the input to an instant; undefined for an empty or unreadable value.
export function fromInput(value: string, tz: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return zonedToUtc(y, mo, d, h, mi, tz).toISOString();
}

export function todayIn(tz: string, at = new Date()): string {
  return localDate(at, tz);
}

// "5 minutes ago" in the console's language.
export function ago(iso: string | null, locale: Locale, now = new Date()): string {
  if (!iso) return '—';
  const s = Math.round((Date.parse(iso) - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(s);
  if (abs < 60) return rtf.format(s, 'second');
  if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(s / 3600), 'hour');
  return rtf.format(Math.round(s / 86_400), 'day');
}

// A time zone as people call it ("中国标准时间"), not its id ("Asia/Shanghai").
export function zoneName(tz: string, locale: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: 'longGeneric' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? tz;
}

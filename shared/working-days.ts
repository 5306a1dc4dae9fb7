import { localDate, zonedToUtc } from './time.ts';

// Working days on a building's calendar. Monday to Friday work and weekends rest, unless
// the calendar says otherwise: a public holiday rests on a weekday, and a swapped working
// weekend (调休) works on a Saturday or Sunday to pay for a longer holiday.

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarDay {
  // Local calendar date, YYYY-MM-DD.
  date: string;
  kind: CalendarDayKind;
  name?: string | undefined;
}

export interface WorkCalendar {
  isWorkingDay(date: string): boolean;
  // The calendar entry of a date, if it has one.
  entry(date: string): CalendarDay | undefined;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateToUtcMs(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function utcMsToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return utcMsToDate(dateToUtcMs(date) + days * DAY_MS);
}

// ISO weekday of a calendar date: Monday 1 … Sunday 7.
export function weekdayOf(date: string): number {
  const d = new Date(dateToUtcMs(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

export function workCalendar(days: readonly CalendarDay[]): WorkCalendar {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return {
    entry: (date) => byDate.get(date),
    isWorkingDay(date) {
      const e = byDate.get(date);
      if (e) return e.kind === 'workday';
      return weekdayOf(date) <= 5;
    },
  };
}

// The date `n` working days after `date` (not counting `date` itself); n = 0 is the first
// working day on or after `date`.
export function addWorkingDays(cal: WorkCalendar, date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number ≥ 0');
  let d = date;
  if (n === 0) {
    // A long holiday is at most a few weeks; a year bounds a broken calendar.
    for (let i = 0; i < 366 && !cal.isWorkingDay(d); i++) d = addDays(d, 1);
    return d;
  }
  let left = n;
  for (let i = 0; left > 0 && i < 366 + n * 7; i++) {
    d = addDays(d, 1);
    if (cal.isWorkingDay(d)) left--;
  }
  return d;
}

// Working days in (from, to]: how many working days pass after `from` up to and including `to`.
// Negative when `to` is before `from`.
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  if (to === from) return 0;
  const sign = to > from ? 1 : -1;
  const [a, b] = sign > 0 ? [from, to] : [to, from];
  let count = 0;
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (cal.isWorkingDay(d)) count++;
  return sign * count;
}

// A deadline of `n` working days from an instant: the end of the n-th working day after the
// local day of `from`, in the building's time zone (the instant the next day begins).
export function deadlineAfter(cal: WorkCalendar, from: Date, n: number, tz: string): Date {
  const last = addWorkingDays(cal, localDate(from, tz), n);
  const [y, m, d] = addDays(last, 1).split('-').map(Number);
  return zonedToUtc(y ?? 1970, m ?? 1, d ?? 1, 0, 0, tz);
}

// Working days left after today until the deadline's last day: 0 on the last day itself,
// negative once overdue (by how many working days have passed since).
export function workingDaysLeft(cal: WorkCalendar, now: Date, due: Date, tz: string): number {
  const today = localDate(now, tz);
  // `due` is the instant a day begins; its last working day is the day before.
  const lastDay = localDate(new Date(due.getTime() - 1), tz);
  if (now.getTime() >= due.getTime()) return -workingDaysBetween(cal, lastDay, today);
  return workingDaysBetween(cal, today, lastDay);
}

// Every date from `from` to `to`, inclusive: for entering a holiday as a range.
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 366; d = addDays(d, 1)) out.push(d);
  return out;
}

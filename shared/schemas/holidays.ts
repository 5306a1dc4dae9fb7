import { z } from 'zod';
import { reason } from '../i18n/reason.ts';
import { CALENDAR_DAY_KINDS } from '../working-days.ts';
import { buildingId, isoDate } from './common.ts';

// A building's holiday calendar: public holidays and swapped working weekend days (调休).
export const calendarDay = z.object({
  date: isoDate,
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
});
export type CalendarDayView = z.infer<typeof calendarDay>;

export const holidaysParams = z.object({ b: buildingId });
export const holidayDateParams = z.object({ b: buildingId, date: isoDate });

export const holidaysQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
});

// Entering a holiday as a range: the National Day week is one request, not eight.
export const holidayRangeInput = z
  .object({
    from: isoDate,
    to: isoDate,
    kind: z.enum(CALENDAR_DAY_KINDS),
    name: z.string().trim().min(1).max(40),
  })
  .refine((r) => r.from <= r.to, { message: reason('notBeforeFrom'), path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 30 * 86_400_000, {
    message: reason('rangeAtMost31'),
    path: ['to'],
  });
export type HolidayRangeInput = z.infer<typeof holidayRangeInput>;

export const holidayRangeDelete = z
  .object({ from: isoDate, to: isoDate })
  .refine((r) => r.from <= r.to, { message: reason('notBeforeFrom'), path: ['to'] });

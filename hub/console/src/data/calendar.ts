import { workCalendar, type WorkCalendar } from '#shared/working-days';
import { listHolidays } from './system.ts';

// The building's working-day calendar, loaded once per building and visit; the holidays
// page drops it when staff change it.
const cache = new Map<string, Promise<WorkCalendar>>();

export function calendarFor(b: string): Promise<WorkCalendar> {
  let c = cache.get(b);
  if (!c) {
    c = listHolidays(b).then((days) => workCalendar(days));
    c.catch(() => cache.delete(b));
    cache.set(b, c);
  }
  return c;
}

export const forgetCalendar = (b: string) => cache.delete(b);

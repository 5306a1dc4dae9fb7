import type { HolidayRangeInput } from '#shared/schemas/holidays';
import {
  addDays,
  datesBetween,
  deadlineAfter,
  workCalendar,
  type WorkCalendar,
} from '#shared/working-days';
import { localDate } from '#shared/time';
import type { Actor, HubContext } from '../context.ts';
import { must } from '../errors.ts';
import { audit } from './audit.ts';

// Deadlines look a few months ahead at most; a year either side covers any question asked.
const SPAN_DAYS = 400;

// The building's working-day calendar around `at`, from the holidays staff entered.
export function calendarOf(ctx: HubContext, building: string, at = ctx.now()): WorkCalendar {
  const row = must(ctx.store.buildings.get(building), 'building');
  const today = localDate(at, row.timezone);
  return workCalendar(
    ctx.store.holidays.list(building, addDays(today, -SPAN_DAYS), addDays(today, SPAN_DAYS)),
  );
}

// The instant a deadline of `workingDays` from `from` falls due on the building's calendar.
export function dueAfter(ctx: HubContext, building: string, from: Date, workingDays: number): Date {
  const row = must(ctx.store.buildings.get(building), 'building');
  return deadlineAfter(calendarOf(ctx, building, from), from, workingDays, row.timezone);
}

export function putHolidays(
  ctx: HubContext,
  actor: Actor,
  building: string,
  input: HolidayRangeInput,
): number {
  must(ctx.store.buildings.get(building), 'building');
  const dates = datesBetween(input.from, input.to);
  ctx.store.tx(() => {
    const before = ctx.store.holidays.list(building, input.from, input.to);
    for (const date of dates)
      ctx.store.holidays.put(building, { date, kind: input.kind, name: input.name });
    audit(
      ctx,
      actor,
      'update',
      'holidays',
      `${building}/${input.from}..${input.to}`,
      before,
      input,
    );
  });
  return dates.length;
}

export function removeHolidays(
  ctx: HubContext,
  actor: Actor,
  building: string,
  from: string,
  to: string,
): number {
  must(ctx.store.buildings.get(building), 'building');
  return ctx.store.tx(() => {
    const before = ctx.store.holidays.list(building, from, to);
    const n = ctx.store.holidays.remove(building, from, to);
    if (n > 0) audit(ctx, actor, 'delete', 'holidays', `${building}/${from}..${to}`, before, null);
    return n;
  });
}

import { localParts, zonedToUtc } from '#shared/time';
import type { HubContext } from '../context.ts';
import { must } from '../errors.ts';
import { dueAfter } from './holidays.ts';

// Deadlines count working days on the building's holiday calendar (DESIGN.md). Every
// ticket filed on the same local day gets the same deadline, and working it out reads
// the calendar, so the answer is kept for the rest of that day but at most a minute
// (a holiday entered by staff counts from the next minute on).
const KEEP_MS = 60_000;

interface Kept {
  dayStart: number;
  dayEnd: number;
  computedAt: number;
  days: number;
  due: string;
}
const kept = new WeakMap<HubContext, Map<string, Kept>>();

export function dueFrom(ctx: HubContext, building: string, from: Date): string {
  const days = ctx.config.feedbackDueWorkingDays;
  let byBuilding = kept.get(ctx);
  if (!byBuilding) {
    byBuilding = new Map();
    kept.set(ctx, byBuilding);
  }
  const t = from.getTime();
  const k = byBuilding.get(building);
  if (
    k &&
    k.days === days &&
    t >= k.dayStart &&
    t < k.dayEnd &&
    t >= k.computedAt &&
    t - k.computedAt < KEEP_MS
  ) {
    return k.due;
  }
  const tz = must(ctx.store.buildings.get(building), 'building').timezone;
  const day = localParts(from, tz);
  const due = dueAfter(ctx, building, from, days).toISOString();
  byBuilding.set(building, {
    dayStart: zonedToUtc(day.year, day.month, day.day, 0, 0, tz).getTime(),
    dayEnd: zonedToUtc(day.year, day.month, day.day + 1, 0, 0, tz).getTime(),
    computedAt: t,
    days,
    due,
  });
  return due;
}

const DAY = 86_400_000;

// Until when the requester may reopen a resolved ticket ("not fixed"); null once they cannot.
export function reopenUntil(
  ctx: HubContext,
  row: { status: string; resolved_at: string | null },
): string | null {
  if (row.status !== 'resolved' || !row.resolved_at) return null;
  const until = Date.parse(row.resolved_at) + ctx.config.feedbackReopenDays * DAY;
  return until > ctx.now().getTime() ? new Date(until).toISOString() : null;
}

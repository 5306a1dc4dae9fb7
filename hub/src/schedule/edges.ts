import type { JobCounts } from '#shared/schemas/console';
import { localDate } from '#shared/time';
import { addDays } from '#shared/working-days';
import type { HubContext } from '../context.ts';
import { settleWaitlists } from '../services/waitlist.ts';

// Screens apply validity windows themselves, but a fresh snapshot on the minute an edge
// passes drops what has ended and carries seat counts that changed with the clock.

// "Starting soon": the events snapshot is refreshed this long before an event begins.
export const STARTING_SOON_MS = 30 * 60_000;

// Where each minute job got to, per hub: edges in (cursor, now] are handled on each run.
const cursors = new WeakMap<HubContext, Map<string, Date>>();

export function sinceLastRun(ctx: HubContext, job: string, at: Date): { from: Date; to: Date } {
  let map = cursors.get(ctx);
  if (!map) {
    map = new Map();
    cursors.set(ctx, map);
  }
  // On the first run after a start, look back one minute: the publisher sent fresh
  // snapshots at start, so anything older is already in them.
  const from = map.get(job) ?? new Date(at.getTime() - 60_000);
  const to = at.getTime() > from.getTime() ? at : from;
  map.set(job, to);
  return { from, to };
}

export function noticeAndPlaylistWindows(ctx: HubContext, at: Date): JobCounts {
  const { from, to } = sinceLastRun(ctx, 'notice-windows', at);
  const notices = ctx.store.jobs.noticeEdges(from.toISOString(), to.toISOString());
  for (const b of notices) ctx.changes.changed(b, 'notices');
  // Rule date ranges are local dates: an edge passes at a building's local midnight.
  const playlists: string[] = [];
  for (const b of ctx.store.buildings.list()) {
    const today = localDate(to, b.timezone);
    if (localDate(from, b.timezone) === today) continue;
    if (ctx.store.jobs.ruleDateEdges(b.id, today, addDays(today, -1)) > 0) {
      ctx.changes.changed(b.id, 'playlists');
      playlists.push(b.id);
    }
  }
  return { notices: notices.length, playlists: playlists.length };
}

export function eventTimes(ctx: HubContext, at: Date): JobCounts {
  const { from, to } = sinceLastRun(ctx, 'event-times', at);
  const buildings = ctx.store.jobs.eventEdges(
    from.toISOString(),
    to.toISOString(),
    STARTING_SOON_MS,
  );
  let promoted = 0;
  for (const b of buildings) {
    // Captain seats released at their hour open seats to the waiting list.
    promoted += settleWaitlists(ctx, b);
    ctx.changes.changed(b, 'events');
    ctx.changes.changed(b, 'event-texts');
  }
  return { buildings: buildings.length, promoted };
}

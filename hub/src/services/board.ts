import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '#shared/enums';
import { isOpen } from '#shared/feedback-lifecycle';
import type { ContentData } from '#shared/payloads';
import { localParts, zonedToUtc } from '#shared/time';
import type { HubContext } from '../context.ts';
import { must } from '../errors.ts';
import { registerSnapshot } from '../publish/snapshots.ts';

export type BoardData = ContentData<'board'>;
type Counters = { received: number; inProgress: number; done: number };

// The public counters of the feedback loop for the building's current year, plus every
// ticket still open from before it, so nothing open ever drops off the board:
// received = in progress + done + declined. Duplicates are merged into their survivor
// and not counted again; "done" is resolved or closed with a reply, so a ticket the
// requester reopened leaves "done" until it is resolved again.
export function boardFor(ctx: HubContext, building: string): BoardData {
  const b = must(ctx.store.buildings.get(building), 'building');
  const year = localParts(ctx.now(), b.timezone).year;
  const since = zonedToUtc(year, 1, 1, 0, 0, b.timezone).toISOString();
  const total: Counters & { declined: number } = {
    received: 0,
    inProgress: 0,
    done: 0,
    declined: 0,
  };
  const byCategory = new Map<FeedbackCategory, Counters>();
  let rated = 0;
  let ratingSum = 0;
  for (const r of ctx.store.feedback.boardCounts(building, since)) {
    if (r.status === 'duplicate') continue;
    const c = byCategory.get(r.category) ?? { received: 0, inProgress: 0, done: 0 };
    byCategory.set(r.category, c);
    const open = isOpen(r.status);
    const done = (r.status === 'resolved' || r.status === 'closed') && r.replied === 1;
    for (const counters of [total, c]) {
      counters.received += r.n;
      if (open) counters.inProgress += r.n;
      if (done) counters.done += r.n;
    }
    if (r.status === 'declined') total.declined += r.n;
    rated += r.rated;
    ratingSum += r.rating_sum ?? 0;
  }
  return {
    ...total,
    satisfaction: rated > 0 ? Math.round((ratingSum / rated) * 100) / 100 : null,
    byCategory: Object.fromEntries(
      FEEDBACK_CATEGORIES.filter((k) => byCategory.has(k)).map((k) => [k, byCategory.get(k)]),
    ),
    period: String(year),
  };
}

// The `board` topic carries these counters to every screen of the building.
registerSnapshot('board', (ctx, building) =>
  ctx.store.buildings.get(building) ? boardFor(ctx, building) : null,
);

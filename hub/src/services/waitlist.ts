import { nextToPromote, seatsLeftFor, type SeatState } from '#shared/seat-allocation';
import type { HubContext } from '../context.ts';
import type { EventSeats } from '../store/events.ts';

export function seatState(e: EventSeats, now: Date): SeatState {
  return {
    capacity: e.capacity,
    confirmed: e.confirmed,
    captainsConfirmed: e.captains_confirmed,
    captainSeats: e.captain_seats,
    captainSeatsReleased:
      !e.captain_seats_release_at || now.toISOString() >= e.captain_seats_release_at,
  };
}

// Moves people up from the waiting list while seats are open to them, in the list's
// order. Runs inside the caller's write transaction; returns how many moved up.
export function promoteWaitlist(ctx: HubContext, eventId: number, now: Date): number {
  let promoted = 0;
  for (;;) {
    const e = ctx.store.events.seats(eventId);
    if (!e || e.waitlisted === 0 || e.start_at <= now.toISOString()) return promoted;
    const state = seatState(e, now);
    if (seatsLeftFor(state, true) === 0) return promoted;
    const queue = ctx.store.registrations.waitlist(eventId);
    const next =
      queue[
        nextToPromote(
          state,
          queue.map((q) => ({ captain: q.is_captain === 1 })),
        )
      ];
    if (!next) return promoted;
    ctx.store.registrations.confirm(next.id);
    promoted += 1;
  }
}

// Seats open up without anyone cancelling too: captain seats are released at their hour,
// and staff raise a capacity. This settles every upcoming event of a building.
export function settleWaitlists(ctx: HubContext, building: string): number {
  const now = ctx.now();
  let promoted = 0;
  for (const id of ctx.store.registrations.eventsToSettle(building, now.toISOString())) {
    promoted += ctx.store.tx(() => promoteWaitlist(ctx, id, now));
  }
  if (promoted > 0) ctx.changes.changed(building, 'events');
  return promoted;
}

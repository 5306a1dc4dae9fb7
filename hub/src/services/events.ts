import type { z } from 'zod';
import { heldForCaptains, publicSeatsLeft } from '#shared/seat-allocation';
import type { PublicEvent, StaffEvent, eventInput, eventPatch } from '#shared/schemas/events';
import type { Actor, HubContext } from '../context.ts';
import { invalid, must } from '../errors.ts';
import { eventFields, type EventFields, type EventWithCounts } from '../store/events.ts';
import { assertFits } from '../publish/budget.ts';
import { audit } from './audit.ts';
import { seatState } from './waitlist.ts';

type EventInput = z.infer<typeof eventInput>;
type EventPatch = z.infer<typeof eventPatch>;

const iso = (t: string | undefined | null) => (t ? new Date(t).toISOString() : null);
// The screens carry the next 60 days of events (DESIGN.md).
export const EVENTS_HORIZON_DAYS = 60;

// Seats the public can still take: reserved captain seats stay out until they are
// claimed or released at captainSeatsReleaseAt.
export function seatsLeft(e: EventWithCounts, now: Date): number {
  return publicSeatsLeft(seatState(e, now));
}

// Reserved captain seats with no release time given return to everyone a day before the
// event, so a reservation never silently reserves nothing or holds seats empty to the end.
// An event created less than a day ahead holds them for half the time left instead: a day
// before would be in the past and release them the moment they were reserved.
const DEFAULT_CAPTAIN_RELEASE_MS = 86_400_000;

export function defaultCaptainRelease(start: string, now: Date): string {
  const s = Date.parse(start);
  const dayBefore = s - DEFAULT_CAPTAIN_RELEASE_MS;
  return new Date(Math.max(dayBefore, now.getTime() + (s - now.getTime()) / 2)).toISOString();
}

export function toPublicEvent(ctx: HubContext, e: EventWithCounts): PublicEvent {
  return {
    id: e.id,
    title: e.title,
    kind: e.kind,
    place: e.place,
    description: e.description,
    start: e.start_at,
    end: e.end_at,
    capacity: e.capacity,
    seatsLeft: seatsLeft(e, ctx.now()),
    waitlist: e.waitlisted,
    registrationOpens: e.registration_opens,
    registrationCloses: e.registration_closes,
    registrationUrl: `${ctx.publicUrl()}/e/${e.id}`,
  };
}

export function toStaffEvent(ctx: HubContext, e: EventWithCounts): StaffEvent {
  return {
    ...toPublicEvent(ctx, e),
    building: e.building_id,
    captainSeats: e.captain_seats,
    captainWindowOpens: e.captain_window_opens,
    captainSeatsReleaseAt: e.captain_seats_release_at,
    captainSeatsReleased: e.captain_seats > 0 && seatState(e, ctx.now()).captainSeatsReleased,
    captainSeatsHeld: heldForCaptains(seatState(e, ctx.now())),
    confirmed: e.confirmed,
    checkedIn: e.checked_in,
  };
}

export function upcomingEvents(ctx: HubContext, building: string): PublicEvent[] {
  const now = ctx.now();
  const horizon = new Date(now.getTime() + EVENTS_HORIZON_DAYS * 86_400_000);
  return ctx.store.events
    .listBetween(building, now.toISOString(), horizon.toISOString())
    .map((e) => toPublicEvent(ctx, e));
}

function fitsOnScreens(ctx: HubContext, building: string): void {
  assertFits(ctx, building, 'events', 'title');
  assertFits(ctx, building, 'event-texts', 'description');
}

export function createEvent(ctx: HubContext, actor: Actor, input: EventInput): number {
  must(ctx.store.buildings.get(input.building), 'building');
  const now = ctx.now();
  // Seats held for captains and released before anyone could see them hold nothing.
  if (
    input.captainSeats > 0 &&
    input.captainSeatsReleaseAt &&
    Date.parse(input.captainSeatsReleaseAt) <= now.getTime()
  ) {
    throw invalid('captainSeatsReleaseAt', 'releaseBeforeNow');
  }
  const fields: EventFields = {
    title: input.title,
    kind: input.kind,
    place: input.place,
    description: input.description,
    start: new Date(input.start).toISOString(),
    end: new Date(input.end).toISOString(),
    capacity: input.capacity,
    registrationOpens: iso(input.registrationOpens),
    registrationCloses: iso(input.registrationCloses),
    captainSeats: input.captainSeats,
    captainWindowOpens: iso(input.captainWindowOpens),
    captainSeatsReleaseAt:
      iso(input.captainSeatsReleaseAt) ??
      (input.captainSeats > 0 ? defaultCaptainRelease(input.start, now) : null),
  };
  const id = ctx.store.tx(() => {
    const id = ctx.store.events.insert(input.building, fields, now.toISOString());
    fitsOnScreens(ctx, input.building);
    audit(ctx, actor, 'create', 'event', id, null, fields);
    return id;
  });
  ctx.changes.changed(input.building, 'events');
  ctx.changes.changed(input.building, 'event-texts');
  return id;
}

export function updateEvent(ctx: HubContext, actor: Actor, id: number, patch: EventPatch): void {
  const row = must(ctx.store.events.get(id), 'event');
  const before = eventFields(row);
  const pick = (v: string | undefined, old: string | null) => (v !== undefined ? iso(v) : old);
  const next: EventFields = {
    title: patch.title ?? before.title,
    kind: patch.kind ?? before.kind,
    place: patch.place ?? before.place,
    description: patch.description ?? before.description,
    start: pick(patch.start, before.start) ?? before.start,
    end: pick(patch.end, before.end) ?? before.end,
    capacity: patch.capacity ?? before.capacity,
    registrationOpens: pick(patch.registrationOpens, before.registrationOpens),
    registrationCloses: pick(patch.registrationCloses, before.registrationCloses),
    captainSeats: patch.captainSeats ?? before.captainSeats,
    captainWindowOpens: pick(patch.captainWindowOpens, before.captainWindowOpens),
    captainSeatsReleaseAt: pick(patch.captainSeatsReleaseAt, before.captainSeatsReleaseAt),
  };
  if (next.start >= next.end) throw invalid('end', 'afterStart');
  if (next.captainSeats > next.capacity) throw invalid('captainSeats', 'captainSeatsOverCapacity');
  if (next.capacity < row.confirmed) {
    throw invalid('capacity', 'capacityTaken', { n: row.confirmed });
  }
  ctx.store.tx(() => {
    ctx.store.events.update(id, next, ctx.now().toISOString());
    fitsOnScreens(ctx, row.building_id);
    audit(ctx, actor, 'update', 'event', id, before, next);
  });
  ctx.changes.changed(row.building_id, 'events');
  ctx.changes.changed(row.building_id, 'event-texts');
}

export function deleteEvent(ctx: HubContext, actor: Actor, id: number): void {
  const row = must(ctx.store.events.get(id), 'event');
  ctx.store.tx(() => {
    ctx.store.events.remove(id);
    audit(ctx, actor, 'delete', 'event', id, eventFields(row), null);
  });
  ctx.changes.changed(row.building_id, 'events');
  ctx.changes.changed(row.building_id, 'event-texts');
}

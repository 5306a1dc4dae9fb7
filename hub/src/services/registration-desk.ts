import type { z } from 'zod';
import type { RegistrationStatus } from '#shared/enums';
import type {
  Attendance,
  StaffRegistration,
  checkinInput,
  checkinResult,
  walkinInput,
} from '#shared/schemas/events';
import type { Actor, HubContext } from '../context.ts';
import { conflict, fail, must, notFound } from '../errors.ts';
import type { RegistrationRow } from '../store/registrations.ts';
import { audit } from './audit.ts';
import { nameFor, normalizePhone, phoneFor } from './personal-data.ts';
import { ticketUrl, type RegistrationCreated } from './registrations.ts';
import { hashSecret, newSecret, newTicket } from './tickets.ts';

// The staff side of events: who is coming, who is in, and people let in at the door.

function staffView(actor: Actor, r: RegistrationRow, position: number | null) {
  return {
    ticket: r.ticket,
    status: r.status,
    position,
    name: nameFor(actor, r.name),
    company: r.company,
    phone: phoneFor(actor, r.phone),
    floor: r.floor,
    captain: r.is_captain === 1,
    walkIn: r.walk_in === 1,
    createdAt: r.created_at,
    cancelledAt: r.cancelled_at,
    reconfirmedAt: r.reconfirmed_at,
    checkedInAt: r.checked_in_at,
  } satisfies StaffRegistration;
}

export function listRegistrations(
  ctx: HubContext,
  actor: Actor,
  eventId: number,
  status: RegistrationStatus | undefined,
): StaffRegistration[] {
  must(ctx.store.events.seats(eventId), 'event');
  let waiting = 0;
  return ctx.store.registrations
    .list(eventId, status ?? null)
    .map((r) => staffView(actor, r, r.status === 'waitlisted' ? ++waiting : null));
}

export function attendanceOf(ctx: HubContext, eventId: number): Attendance {
  const e = must(ctx.store.events.get(eventId), 'event');
  const c = ctx.store.registrations.counts(eventId);
  return {
    event: e.id,
    capacity: e.capacity,
    confirmed: c.confirmed,
    waitlisted: c.waitlisted,
    cancelled: c.cancelled,
    reconfirmed: c.reconfirmed,
    checkedIn: c.checked_in,
    walkIns: c.walk_ins,
    absent: Math.max(0, c.confirmed - c.checked_in),
  };
}

// Scanning a ticket twice is harmless: the second scan answers like the first.
export function checkIn(
  ctx: HubContext,
  actor: Actor,
  input: z.infer<typeof checkinInput>,
): z.infer<typeof checkinResult> {
  const now = ctx.now().toISOString();
  const result = ctx.store.tx(() => {
    const r = ctx.store.registrations.byTicket(input.ticket);
    if (!r) throw notFound('ticket');
    const e = must(ctx.store.events.seats(r.event_id), 'event');
    if (input.event !== undefined && input.event !== e.id) {
      throw conflict('ticket', 'ticketOtherEvent', { title: e.title });
    }
    if (r.status === 'cancelled') throw conflict('ticket', 'registrationCancelled');
    if (r.status === 'waitlisted') {
      throw conflict('ticket', 'ticketWaitlisted');
    }
    const already = r.checked_in_at !== null;
    if (!already) {
      ctx.store.registrations.checkIn(r.id, now);
      audit(ctx, actor, 'checkin', 'registration', r.ticket, null, { event: e.id });
    }
    return {
      building: e.building_id,
      out: {
        ticket: r.ticket,
        name: r.name,
        event: { id: e.id, title: e.title },
        checkedInAt: r.checked_in_at ?? now,
        already,
      },
    };
  });
  if (!result.out.already) ctx.changes.changed(result.building, 'events');
  return result.out;
}

// A person without a registration, let in at the door while the room has space: they
// are confirmed and checked in at once, and get a ticket like everyone else.
export function walkIn(
  ctx: HubContext,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof walkinInput>,
): RegistrationCreated {
  const now = ctx.now().toISOString();
  const phone = normalizePhone(input.phone);
  const secret = newSecret();
  const { ticket, building } = ctx.store.tx(() => {
    const e = must(ctx.store.events.get(eventId), 'event');
    if (now >= e.end_at) throw fail('conflict', 'eventOver');
    if (ctx.store.registrations.liveByPhone(e.id, phone)) {
      throw conflict('phone', 'walkInHasTicket');
    }
    if (e.checked_in >= e.capacity) throw conflict('capacity', 'roomFull');
    const ticket = newTicket(ctx.store.registrations.ticketTaken);
    ctx.store.registrations.insert(
      {
        eventId: e.id,
        ticket,
        secretHash: hashSecret(secret),
        name: input.name,
        company: input.company,
        phone,
        floor: input.floor ?? null,
        captainId: null,
        status: 'confirmed',
        walkIn: true,
        checkedInAt: now,
      },
      now,
    );
    audit(ctx, actor, 'walkin', 'registration', ticket, null, { event: e.id });
    return { ticket, building: e.building_id };
  });
  ctx.changes.changed(building, 'events');
  return { ticket, secret, url: ticketUrl(ctx, ticket, secret), status: 'confirmed' };
}

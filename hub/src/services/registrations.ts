import type { z } from 'zod';
import { allocate, registrationPhase, type Allocation } from '#shared/seat-allocation';
import { maskPhone } from '#shared/mask';
import { shownPhone } from '#shared/phone-number';
import type {
  RegistrationInput,
  RegistrationView,
  registrationCreated,
} from '#shared/schemas/events';
import { localParts, zonedToUtc } from '#shared/time';
import type { HubContext } from '../context.ts';
import { conflict, fail, invalid, must, notFound } from '../errors.ts';
import type { EventRow } from '../store/events.ts';
import type { RegistrationRow } from '../store/registrations.ts';
import { toPublicEvent } from './events.ts';
import { calendarFile } from './ics.ts';
import { normalizePhone } from './personal-data.ts';
import { hashSecret, newSecret, newTicket, secretMatches } from './tickets.ts';
import {
  checkCaptainGuesses,
  countWrongCaptainCode,
  kioskKey,
  takeVisitorLimits,
} from './visitor-limits.ts';
import { promoteWaitlist, seatState } from './waitlist.ts';

export type RegistrationCreated = z.infer<typeof registrationCreated>;

// Where a public call came from, for the abuse limits.
export interface Origin {
  address: string;
  device: string | null;
}

export const ticketUrl = (ctx: HubContext, ticket: string, secret: string) =>
  `${ctx.publicUrl()}/t/${ticket}?s=${secret}`;

const created = (
  ctx: HubContext,
  ticket: string,
  secret: string,
  a: Allocation,
): RegistrationCreated => ({
  ticket,
  secret,
  url: ticketUrl(ctx, ticket, secret),
  ...a,
});

const decoyTicket = () => newTicket(() => false);

// Registration runs in one write transaction, seats re-counted inside it: whatever
// arrives at once, no event is ever overbooked (DESIGN.md, Events).
export function register(
  ctx: HubContext,
  eventId: number,
  input: RegistrationInput,
  from: Origin,
): RegistrationCreated {
  const secret = newSecret();
  // The honeypot: a bot that filled the hidden field is told it worked, and nothing is kept.
  if (input.website) return created(ctx, decoyTicket(), secret, { status: 'confirmed' });
  const phone = normalizePhone(input.phone);
  takeVisitorLimits(ctx, { phone, device: kioskKey(from) });
  if (input.captainCode) checkCaptainGuesses(ctx, from.address);
  const now = ctx.now();
  const { ticket, allocation, building } = ctx.store.tx(() => {
    const e = must(ctx.store.events.seats(eventId), 'event');
    const captainId = input.captainCode ? captainOf(ctx, e, input.captainCode, from) : null;
    checkWindow(e, now, captainId !== null, tzOf(ctx, e));
    if (ctx.store.registrations.liveByPhone(e.id, phone)) {
      throw conflict('phone', 'phoneRegistered');
    }
    if (captainId !== null && ctx.store.registrations.liveByCaptain(e.id, captainId)) {
      throw conflict('captainCode', 'captainCodeUsed');
    }
    const allocation = allocate(seatState(e, now), captainId !== null, e.waitlisted);
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
        captainId,
        status: allocation.status,
        walkIn: false,
        checkedInAt: null,
      },
      now.toISOString(),
    );
    return { ticket, allocation, building: e.building_id };
  });
  ctx.changes.changed(building, 'events');
  ctx.live?.emit('registration.created', {
    building,
    eventId,
    ticket,
    status: allocation.status,
    at: now.toISOString(),
  });
  return created(ctx, ticket, secret, allocation);
}

function captainOf(ctx: HubContext, e: EventRow, code: string, from: Origin): number {
  const captain = ctx.store.contacts.captainByCode(e.building_id, code);
  if (!captain) {
    countWrongCaptainCode(ctx, from.address);
    throw invalid('captainCode', 'notCaptainCode');
  }
  return captain.id;
}

function checkWindow(e: EventRow, now: Date, captain: boolean, tz: string): void {
  const phase = registrationPhase(
    {
      start: e.start_at,
      registrationOpens: e.registration_opens,
      registrationCloses: e.registration_closes,
      captainWindowOpens: e.captain_window_opens,
    },
    now,
  );
  if (phase === 'closed') throw fail('conflict', 'registrationClosed');
  if (phase === 'early' || (phase === 'captains' && !captain)) {
    throw fail(
      'conflict',
      phase === 'captains' ? 'registrationOpensAtCaptains' : 'registrationOpensAt',
      { at: { time: e.registration_opens ?? e.start_at, tz } },
    );
  }
}

// The registration a ticket and secret name; 404 for a wrong secret as for no ticket.
function own(ctx: HubContext, ticket: string, secret: string): RegistrationRow {
  const r = ctx.store.registrations.byTicket(ticket);
  if (!secretMatches(secret, r?.secret_hash) || !r) throw notFound('ticket');
  return r;
}

const tzOf = (ctx: HubContext, e: EventRow): string =>
  ctx.store.buildings.get(e.building_id)?.timezone ?? 'Asia/Shanghai';

// Reconfirmation opens at midnight, building time, the day before the event.
export function reconfirmFrom(ctx: HubContext, e: EventRow): string {
  const tz = tzOf(ctx, e);
  const day = localParts(new Date(e.start_at), tz);
  return zonedToUtc(day.year, day.month, day.day - 1, 0, 0, tz).toISOString();
}

export function viewOf(ctx: HubContext, r: RegistrationRow): RegistrationView {
  const e = must(ctx.store.events.get(r.event_id), 'event');
  return {
    ticket: r.ticket,
    status: r.status,
    position: r.status === 'waitlisted' ? ctx.store.registrations.position(r.event_id, r.id) : null,
    name: r.name,
    phone: maskPhone(shownPhone(r.phone)),
    company: r.company,
    floor: r.floor,
    captain: r.is_captain === 1,
    event: toPublicEvent(ctx, e),
    createdAt: r.created_at,
    cancelledAt: r.cancelled_at,
    checkedInAt: r.checked_in_at,
    reconfirmFrom: reconfirmFrom(ctx, e),
    reconfirmedAt: r.reconfirmed_at,
  };
}

export function viewRegistration(ctx: HubContext, ticket: string, secret: string) {
  return viewOf(ctx, own(ctx, ticket, secret));
}

// Cancelling (or releasing the seat at reconfirmation) moves the waiting list up at once.
export function cancelRegistration(ctx: HubContext, ticket: string, secret: string): void {
  const now = ctx.now();
  const building = ctx.store.tx(() => {
    const r = own(ctx, ticket, secret);
    if (r.status === 'cancelled') return null;
    const e = must(ctx.store.events.seats(r.event_id), 'event');
    if (now.toISOString() >= e.start_at) {
      throw fail('conflict', 'eventStartedNoCancel');
    }
    ctx.store.registrations.cancel(r.id, now.toISOString());
    promoteWaitlist(ctx, e.id, now);
    return e.building_id;
  });
  if (building) ctx.changes.changed(building, 'events');
}

export function releaseSeat(ctx: HubContext, ticket: string, secret: string): RegistrationView {
  cancelRegistration(ctx, ticket, secret);
  return viewRegistration(ctx, ticket, secret);
}

export function reconfirm(ctx: HubContext, ticket: string, secret: string): RegistrationView {
  const now = ctx.now();
  ctx.store.tx(() => {
    const r = own(ctx, ticket, secret);
    if (r.status !== 'confirmed') {
      throw fail('conflict', 'onlyConfirmedReconfirm', {
        status: { term: `registration.${r.status}` },
      });
    }
    const e = must(ctx.store.events.seats(r.event_id), 'event');
    if (now.toISOString() >= e.start_at) throw fail('conflict', 'eventStarted');
    const opens = reconfirmFrom(ctx, e);
    if (now.toISOString() < opens)
      throw fail('conflict', 'reconfirmOpensAt', { at: { time: opens, tz: tzOf(ctx, e) } });
    if (!r.reconfirmed_at) ctx.store.registrations.reconfirm(r.id, now.toISOString());
  });
  return viewRegistration(ctx, ticket, secret);
}

export function ticketCalendar(ctx: HubContext, ticket: string, secret: string): string {
  const r = own(ctx, ticket, secret);
  const e = must(ctx.store.events.seats(r.event_id), 'event');
  const building = ctx.store.buildings.get(e.building_id);
  const status = {
    confirmed: 'CONFIRMED',
    waitlisted: 'TENTATIVE',
    cancelled: 'CANCELLED',
  } as const;
  return calendarFile({
    uid: `${r.ticket}@${new URL(ctx.publicUrl()).host}`,
    stamp: ctx.now(),
    start: e.start_at,
    end: e.end_at,
    summary: e.title,
    location: building ? `${e.place}, ${building.name}` : e.place,
    description: e.description,
    url: ticketUrl(ctx, r.ticket, secret),
    status: status[r.status],
  });
}

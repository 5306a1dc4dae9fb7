import { z } from 'zod';
import { reason } from '../i18n/reason.ts';
import { EVENT_KINDS, REGISTRATION_STATUSES } from '../enums.ts';
import {
  bodyText,
  buildingId,
  floorNumber,
  isoDateTime,
  personName,
  phone,
  shortText,
  title,
} from './common.ts';

const eventFields = z.object({
  building: buildingId,
  title,
  kind: z.enum(EVENT_KINDS),
  place: z.string().trim().min(1).max(80),
  description: bodyText.default(''),
  start: isoDateTime,
  end: isoDateTime,
  capacity: z.number().int().min(1).max(10000),
  registrationOpens: isoDateTime.optional(),
  registrationCloses: isoDateTime.optional(),
  captainSeats: z.number().int().min(0).max(10000).default(0),
  captainWindowOpens: isoDateTime.optional(),
  captainSeatsReleaseAt: isoDateTime.optional(),
});

type Times = {
  start?: string | undefined;
  end?: string | undefined;
  registrationOpens?: string | undefined;
  registrationCloses?: string | undefined;
  capacity?: number | undefined;
  captainSeats?: number | undefined;
};
const before = (a?: string, b?: string) => !a || !b || Date.parse(a) < Date.parse(b);

function checkEvent(e: Times, ctx: z.RefinementCtx) {
  if (!before(e.start, e.end))
    ctx.addIssue({ code: 'custom', message: reason('afterStart'), path: ['end'] });
  if (!before(e.registrationOpens, e.registrationCloses))
    ctx.addIssue({
      code: 'custom',
      message: reason('afterRegistrationOpens'),
      path: ['registrationCloses'],
    });
  if (e.capacity !== undefined && e.captainSeats !== undefined && e.captainSeats > e.capacity)
    ctx.addIssue({
      code: 'custom',
      message: reason('captainSeatsOverCapacity'),
      path: ['captainSeats'],
    });
}

export const eventInput = eventFields.superRefine(checkEvent);
export const eventPatch = eventFields.omit({ building: true }).partial().superRefine(checkEvent);

// The public view of an event, as the stable API lists it.
export const publicEvent = z.object({
  id: z.number().int(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  place: z.string(),
  description: z.string(),
  start: z.string(),
  end: z.string(),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  waitlist: z.number().int(),
  registrationOpens: z.string().nullable(),
  registrationCloses: z.string().nullable(),
  registrationUrl: z.string(),
});
export type PublicEvent = z.infer<typeof publicEvent>;

// What screens get over MQTT: no description (the `event-texts` topic carries those, for
// kiosks), so seat counts changing with every registration move fewer bytes.
export const screenEvent = publicEvent.omit({ description: true });
export type ScreenEvent = z.infer<typeof screenEvent>;

export const staffEvent = publicEvent.extend({
  building: buildingId,
  captainSeats: z.number().int(),
  captainWindowOpens: z.string().nullable(),
  captainSeatsReleaseAt: z.string().nullable(),
  // The held seats are open to everyone now (release time passed).
  captainSeatsReleased: z.boolean(),
  // Held seats no captain has taken yet.
  captainSeatsHeld: z.number().int(),
  confirmed: z.number().int(),
  checkedIn: z.number().int(),
});
export type StaffEvent = z.infer<typeof staffEvent>;

export const registrationInput = z.object({
  name: personName,
  company: shortText.default(''),
  phone,
  floor: floorNumber.optional(),
  captainCode: z.string().trim().max(32).optional(),
  // The person says they are a floor captain: then a code must come with it.
  captain: z.boolean().optional(),
  // Honeypot: people never see this field, form-filling bots do.
  website: z.string().max(200).optional(),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

export const registrationCreated = z.object({
  ticket: z.string(),
  secret: z.string(),
  url: z.string(),
  status: z.enum(['confirmed', 'waitlisted']),
  position: z.number().int().optional(),
  // True when an earlier registration of the same phone became a captain's.
  upgraded: z.boolean().optional(),
});

export const registrationTicketParams = z.object({
  ticket: z.string().regex(/^[0-9]{8}$/, '8 digits'),
});
export const secretQuery = z.object({ secret: z.string().min(16).max(64) });

export const registrationView = z.object({
  ticket: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  // Place on the waiting list, 1 for the next to move up; null unless waitlisted.
  position: z.number().int().nullable(),
  name: z.string(),
  // Masked (138****5678): the page is private, but links get forwarded.
  phone: z.string(),
  company: z.string(),
  floor: z.number().int().nullable(),
  captain: z.boolean(),
  event: publicEvent,
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  // Reconfirmation opens at midnight (building time) the day before the event.
  reconfirmFrom: z.string(),
  reconfirmedAt: z.string().nullable(),
});
export type RegistrationView = z.infer<typeof registrationView>;

// Actions on one's own ticket carry the secret in the body, out of URLs and access logs.
export const secretBody = z.object({ secret: z.string().min(16).max(64) });

export const staffRegistration = z.object({
  ticket: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  position: z.number().int().nullable(),
  name: z.string(),
  company: z.string(),
  // Unmasked only for the admin and handler roles.
  phone: z.string(),
  floor: z.number().int().nullable(),
  captain: z.boolean(),
  walkIn: z.boolean(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  reconfirmedAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
});
export type StaffRegistration = z.infer<typeof staffRegistration>;

export const registrationListQuery = z.object({
  status: z.enum(REGISTRATION_STATUSES).optional(),
});

export const attendance = z.object({
  event: z.number().int(),
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  cancelled: z.number().int(),
  reconfirmed: z.number().int(),
  checkedIn: z.number().int(),
  walkIns: z.number().int(),
  // Confirmed but not (yet) at the door.
  absent: z.number().int(),
});
export type Attendance = z.infer<typeof attendance>;

export const checkinInput = z.object({
  ticket: z
    .string()
    .trim()
    .regex(/^[0-9]{8}$/, '8 digits'),
  // The event at this door: a ticket for another event is refused rather than let in.
  event: z.number().int().positive().optional(),
});

export const checkinResult = z.object({
  ticket: z.string(),
  name: z.string(),
  event: z.object({ id: z.number().int(), title: z.string() }),
  checkedInAt: z.string(),
  // True when the ticket had been checked in before; the answer is the same.
  already: z.boolean(),
});

export const walkinInput = z.object({
  name: personName,
  company: shortText.default(''),
  phone,
  floor: floorNumber.optional(),
});

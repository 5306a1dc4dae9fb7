import * as z from 'zod/mini';
import type { ErrorBody } from '#shared/api-error';
import {
  CONTACT_ROLES,
  EVENT_KINDS,
  FEEDBACK_CATEGORIES,
  FEEDBACK_STATUSES,
  LOCALES,
  REGISTRATION_STATUSES,
} from '#shared/enums';
import type { Contact } from '#shared/schemas/contacts';
import type { PublicEvent, RegistrationView } from '#shared/schemas/events';
import type { FeedbackView } from '#shared/schemas/feedback';

// Phone pages stay under 30 KB of script, and classic zod alone is 26 KB gzipped: these are
// zod/mini mirrors of the shared schemas, limited to the fields the pages read. The type
// checks at the end fail the build if a mirror drifts from the shared schema.

// The code stays a plain string: the list of codes lives next to classic zod in api-error.ts.
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.optional(z.string()),
  }),
});

export const publicEvent = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  place: z.string(),
  description: z.string(),
  start: z.string(),
  end: z.string(),
  capacity: z.number(),
  seatsLeft: z.number(),
  waitlist: z.number(),
  registrationOpens: z.nullable(z.string()),
  registrationCloses: z.nullable(z.string()),
  registrationUrl: z.string(),
});

const step = z.object({
  status: z.enum(FEEDBACK_STATUSES),
  at: z.string(),
  reply: z.optional(z.string()),
  comment: z.optional(z.string()),
  by: z.optional(z.enum(['requester', 'staff', 'system'])),
});

export const feedbackView = z.object({
  ticket: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  category: z.enum(FEEDBACK_CATEGORIES),
  text: z.nullable(z.string()),
  place: z.nullable(z.string()),
  createdAt: z.string(),
  supporters: z.number(),
  rating: z.nullable(z.number()),
  duplicateOf: z.nullable(z.string()),
  steps: z.array(step),
  follower: z.enum(['requester', 'supporter']),
  canRate: z.boolean(),
  reopenUntil: z.nullable(z.string()),
});

export const registrationView = z.object({
  ticket: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  position: z.nullable(z.number()),
  name: z.string(),
  phone: z.string(),
  company: z.string(),
  floor: z.nullable(z.number()),
  captain: z.boolean(),
  event: publicEvent,
  checkedInAt: z.nullable(z.string()),
  reconfirmFrom: z.string(),
  reconfirmedAt: z.nullable(z.string()),
});

export const contact = z.object({
  id: z.number(),
  name: z.string(),
  role: z.enum(CONTACT_ROLES),
  floors: z.array(z.number()),
  company: z.string(),
  phone: z.string(),
  wechat: z.nullable(z.string()),
  hours: z.string(),
});

export const openFeedbackItem = z.object({
  ticket: z.string(),
  category: z.enum(FEEDBACK_CATEGORIES),
  text: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  supporters: z.number(),
  createdAt: z.string(),
});

// Answers of the writes: the pages follow the link they are given.
export const linkAnswer = z.object({ ticket: z.string(), url: z.string() });
export const photoAnswer = z.object({ photo: z.string() });

export const locale = z.enum(LOCALES);

type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Mirror<M extends z.ZodMiniType, S> = Same<z.infer<M>, Pick<S, keyof z.infer<M> & keyof S>>;
type Assert<T extends true> = T;
type Accepts<M extends z.ZodMiniType, S> = [S] extends [z.infer<M>] ? true : false;

export type MirrorChecks = [
  Assert<Accepts<typeof errorBody, ErrorBody>>,
  Assert<Mirror<typeof publicEvent, PublicEvent>>,
  Assert<Mirror<typeof feedbackView, FeedbackView>>,
  Assert<Mirror<typeof contact, Contact>>,
  Assert<
    Same<
      Omit<z.infer<typeof registrationView>, 'event'>,
      Pick<RegistrationView, Exclude<keyof z.infer<typeof registrationView>, 'event'>>
    >
  >,
];

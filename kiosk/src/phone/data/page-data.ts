import * as z from 'zod/mini';
import { FEEDBACK_CATEGORIES } from '#shared/enums';
import { contact, feedbackView, locale, publicEvent, registrationView } from './schemas.ts';

// The data the hub inlines into each phone page (hub/src/http/routes/phone-pages.ts), so the
// page paints at once with no request of its own.
const building = z.object({ id: z.string(), name: z.string() });
const qr = z.object({ size: z.number(), d: z.string() });
const common = { locale, tz: z.string(), building };

export const feedbackPage = z.object({
  ...common,
  page: z.literal('feedback'),
  place: z.nullable(z.object({ id: z.number(), name: z.string() })),
  category: z.nullable(z.enum(FEEDBACK_CATEGORIES)),
});
export const followPage = z.object({
  ...common,
  page: z.literal('follow'),
  view: feedbackView,
  secret: z.string(),
  url: z.string(),
  qr,
});
export const eventPage = z.object({
  ...common,
  page: z.literal('event'),
  event: z.nullable(publicEvent),
  events: z.array(publicEvent),
});
export const ticketPage = z.object({
  ...common,
  page: z.literal('ticket'),
  view: registrationView,
  secret: z.string(),
  url: z.string(),
  qr,
});
export const contactPage = z.object({
  ...common,
  page: z.literal('contact'),
  title: z.nullable(z.string()),
  contacts: z.array(contact),
});
export const placePage = z.object({
  ...common,
  page: z.literal('place'),
  place: z.object({ id: z.number(), name: z.string() }),
  links: z.object({ feedback: z.nullable(z.string()), events: z.string(), contacts: z.string() }),
});

// "我的": the page's own data is on the phone; the hub sends only the building.
export const minePage = z.object({ ...common, page: z.literal('mine') });

export type FeedbackPage = z.infer<typeof feedbackPage>;
export type FollowPage = z.infer<typeof followPage>;
export type EventPage = z.infer<typeof eventPage>;
export type TicketPage = z.infer<typeof ticketPage>;
export type ContactPage = z.infer<typeof contactPage>;
export type PlacePage = z.infer<typeof placePage>;
export type MinePage = z.infer<typeof minePage>;
export type Qr = z.infer<typeof qr>;

export const DATA_ELEMENT_ID = 'lobby-data';

export function readPageData<S extends z.ZodMiniType>(schema: S): z.infer<S> | null {
  const text = document.getElementById(DATA_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

import { z } from 'zod';
import { ALERT_LEVELS, DEVICE_KINDS, FEEDBACK_CATEGORIES, LOCALES, ORIENTATIONS } from './enums.ts';
import type { ContentTopic } from './topics.ts';
import { contact } from './schemas/contacts.ts';
import { screenEvent } from './schemas/events.ts';
import { notice } from './schemas/notices.ts';
import { playlist, scheduleRule } from './schemas/playlists.ts';

// Payloads of the MQTT contract (DESIGN.md). Content is a full snapshot in an envelope.
export const PAYLOAD_VERSION = 1;
// The largest report (availability, state, played) a device may send; the hub drops larger
// ones unread. What the hub sends has a budget per topic (budgets.ts).
export const MAX_DEVICE_PAYLOAD = 16 * 1024;

export function envelope<T extends z.ZodType>(data: T) {
  return z.object({
    v: z.literal(PAYLOAD_VERSION),
    rev: z.number().int().nonnegative(),
    at: z.string(),
    data,
  });
}

export const noticesData = z.array(notice);
export const eventsData = z.array(screenEvent);
export const eventTextsData = z.array(z.object({ id: z.number().int(), description: z.string() }));
export const contactsData = z.array(contact);
export const playlistsData = z.object({
  playlists: z.array(playlist),
  rules: z.array(scheduleRule),
  defaultPlaylistId: z.number().int().nullable(),
});
const counters = z.object({
  received: z.number().int(),
  inProgress: z.number().int(),
  done: z.number().int(),
});
export const boardData = counters.extend({
  declined: z.number().int(),
  // Mean rating of closed tickets, 1 to 5; null until someone has rated.
  satisfaction: z.number().nullable(),
  byCategory: z.partialRecord(z.enum(FEEDBACK_CATEGORIES), counters),
  period: z.string(),
});
export const alertData = z.object({
  level: z.enum(ALERT_LEVELS),
  title: z.string(),
  body: z.string(),
  since: z.string(),
});

export const contentData = {
  notices: noticesData,
  events: eventsData,
  'event-texts': eventTextsData,
  contacts: contactsData,
  playlists: playlistsData,
  board: boardData,
  alert: alertData,
} satisfies Record<ContentTopic, z.ZodType>;

export const contentPayload = {
  notices: envelope(noticesData),
  events: envelope(eventsData),
  'event-texts': envelope(eventTextsData),
  contacts: envelope(contactsData),
  playlists: envelope(playlistsData),
  board: envelope(boardData),
  alert: envelope(alertData),
} satisfies Record<ContentTopic, z.ZodType>;

export type ContentData<T extends ContentTopic> = z.infer<(typeof contentData)[T]>;
export type ContentPayload<T extends ContentTopic> = z.infer<(typeof contentPayload)[T]>;

export const deviceConfig = envelope(
  z.object({
    kind: z.enum(DEVICE_KINDS),
    name: z.string(),
    building: z.string(),
    buildingName: z.string(),
    timezone: z.string(),
    floor: z.number().int().nullable(),
    bank: z.string().nullable(),
    group: z.string().nullable(),
    placeId: z.number().int().nullable(),
    orientation: z.enum(ORIENTATIONS),
    locale: z.enum(LOCALES),
    // Where this screen's feedback QR points: `${PUBLIC_URL}/q/{code}` of its place's feedback code.
    feedbackUrl: z.string().max(300).nullable().optional(),
  }),
);
export type DeviceConfig = z.infer<typeof deviceConfig>;

// Plain strings, as Home Assistant uses them, so generic tools understand presence.
export const availability = z.enum(['online', 'offline']);

export const deviceState = z.object({
  version: z.string().max(40),
  revs: z.record(z.string().max(20), z.number().int().nonnegative()),
  alertRev: z.number().int().nonnegative().nullable(),
  screen: z.object({
    width: z.number().int().min(0).max(10000),
    height: z.number().int().min(0).max(10000),
  }),
  uptime: z.number().nonnegative(),
  lastError: z.string().max(500).nullable(),
  slide: z.string().max(40).nullable().optional(),
});
export type DeviceState = z.infer<typeof deviceState>;

export const DEVICE_COMMANDS = ['reload', 'identify', 'screenshot'] as const;
export const deviceCommand = z.object({
  id: z.string().max(40),
  cmd: z.enum(DEVICE_COMMANDS),
  at: z.string(),
});
export type DeviceCommand = z.infer<typeof deviceCommand>;

// One play of one slide; `id` is made on the device so a resent report counts once.
export const playedReport = z.object({
  id: z.string().min(8).max(64),
  slide: z.string().max(40),
  playlist: z.number().int().nullable(),
  start: z.iso.datetime({ offset: true }),
  duration: z.number().nonnegative().max(3600),
});
export const playedBatch = z.union([playedReport, z.array(playedReport).max(500)]);
export type PlayedReport = z.infer<typeof playedReport>;

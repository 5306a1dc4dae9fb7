import { z } from 'zod';
import { FEEDBACK_CATEGORIES, REGISTRATION_STATUSES } from './enums.ts';
import { CONTENT_TOPICS } from './topics.ts';

// The console's live channel (socket.io, hub → staff browsers): every event name and
// its payload, declared once. The hub validates what it emits against these; the
// console types its listeners from them.
export const liveEvents = {
  // A device said it came online or went away (its availability report or its will).
  'device.presence': z.object({
    building: z.string(),
    deviceId: z.string(),
    online: z.boolean(),
    at: z.string(),
  }),
  // A screen reports it renders the building's current alert.
  'alert.ack': z.object({
    building: z.string(),
    deviceId: z.string(),
    rev: z.number().int(),
    at: z.string(),
  }),
  // The hub published a new snapshot; console previews refetch.
  'content.published': z.object({
    building: z.string(),
    topic: z.enum(CONTENT_TOPICS),
    rev: z.number().int(),
    at: z.string(),
  }),
  'feedback.created': z.object({
    building: z.string(),
    ticket: z.string(),
    category: z.enum(FEEDBACK_CATEGORIES),
    placeId: z.number().int().nullable(),
    at: z.string(),
  }),
  'registration.created': z.object({
    building: z.string(),
    eventId: z.number().int(),
    ticket: z.string(),
    status: z.enum(REGISTRATION_STATUSES),
    at: z.string(),
  }),
} as const;

export type LiveEventName = keyof typeof liveEvents;
export type LivePayload<K extends LiveEventName> = z.infer<(typeof liveEvents)[K]>;

// socket.io's typed-events shape: one listener per event, one payload object each.
export type LiveServerToClient = {
  [K in LiveEventName]: (payload: LivePayload<K>) => void;
};

// The connect_error message a client gets without a valid staff session.
export const LIVE_UNAUTHENTICATED = 'unauthenticated';

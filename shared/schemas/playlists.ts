import { z } from 'zod';
import { buildingId, groupList, isoDate } from './common.ts';

export const SLIDE_KINDS = [
  'notices',
  'notice',
  'contacts',
  'events',
  'feedback',
  'image',
] as const;
export type SlideKind = (typeof SLIDE_KINDS)[number];

export const slide = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  kind: z.enum(SLIDE_KINDS),
  // Seconds on screen; a screen never sits on one slide for more than ten minutes.
  duration: z.number().int().min(3).max(600),
  noticeId: z.number().int().positive().optional(),
  image: z.string().max(300).optional(),
  caption: z.string().max(120).optional(),
});
export type Slide = z.infer<typeof slide>;

export const playlistInput = z.object({
  building: buildingId,
  name: z.string().trim().min(1).max(60),
  slides: z.array(slide).min(1).max(50),
  isDefault: z.boolean().default(false),
});
export const playlist = playlistInput.extend({ id: z.number().int() });
export type Playlist = z.infer<typeof playlist>;

const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time of day, HH:MM');

// A rule whose `to` is earlier than its `from` runs overnight (22:00 → 06:00).
export const scheduleRuleInput = z.object({
  building: buildingId,
  playlistId: z.number().int().positive(),
  groups: groupList.default([]),
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([1, 2, 3, 4, 5, 6, 7]),
  from: hhmm.default('00:00'),
  to: hhmm.default('00:00'),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  priority: z.number().int().min(0).max(100).default(0),
});
export const scheduleRule = scheduleRuleInput.extend({ id: z.number().int() });
export type ScheduleRule = z.infer<typeof scheduleRule>;

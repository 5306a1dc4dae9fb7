import { z } from 'zod';
import { reason } from '../i18n/reason.ts';
import { ALERT_LEVELS } from '../enums.ts';
import { buildingId, groupList, groupName, isoDate, isoDateTime } from './common.ts';
import { notice } from './notices.ts';

export const SLIDE_KINDS = [
  'notices',
  'notice',
  'contacts',
  'events',
  'feedback',
  'board',
  'image',
] as const;
export type SlideKind = (typeof SLIDE_KINDS)[number];

export const slide = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    kind: z.enum(SLIDE_KINDS),
    // Seconds on screen; a screen never sits on one slide for more than ten minutes.
    duration: z.number().int().min(3).max(600),
    noticeId: z.number().int().positive().optional(),
    image: z.string().max(300).optional(),
    caption: z.string().max(120).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.kind === 'notice' && s.noticeId === undefined)
      ctx.addIssue({
        code: 'custom',
        message: reason('slideNeedsNotice'),
        path: ['noticeId'],
      });
    if (s.kind === 'image' && !s.image)
      ctx.addIssue({ code: 'custom', message: reason('slideNeedsImage'), path: ['image'] });
  });
export type Slide = z.infer<typeof slide>;

const slideList = z
  .array(slide)
  .min(1)
  .max(50)
  .refine((list) => new Set(list.map((s) => s.id)).size === list.length, reason('slideIdsDiffer'));

export const playlistInput = z.object({
  building: buildingId,
  name: z.string().trim().min(1).max(60),
  slides: slideList,
  isDefault: z.boolean().default(false),
});
export const playlist = playlistInput.extend({ id: z.number().int() });
export type Playlist = z.infer<typeof playlist>;
// Patches name only what changes: no defaults, or a patch would reset what it leaves out.
export const playlistPatch = z
  .object({ name: playlistInput.shape.name, slides: slideList, isDefault: z.boolean() })
  .partial();

const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, reason('timeOfDay'));
const ruleFields = {
  playlistId: z.number().int().positive(),
  groups: groupList,
  // ISO weekdays, Monday 1 … Sunday 7, of the day a time range starts on.
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  from: hhmm,
  to: hhmm,
  dateFrom: isoDate,
  dateTo: isoDate,
  priority: z.number().int().min(0).max(100),
};

// A rule whose `to` is earlier than its `from` runs overnight (22:00 → 06:00); equal
// `from` and `to` mean the whole day.
export const scheduleRuleInput = z.object({
  building: buildingId,
  playlistId: ruleFields.playlistId,
  groups: ruleFields.groups.default([]),
  weekdays: ruleFields.weekdays.default([1, 2, 3, 4, 5, 6, 7]),
  from: ruleFields.from.default('00:00'),
  to: ruleFields.to.default('00:00'),
  dateFrom: ruleFields.dateFrom.optional(),
  dateTo: ruleFields.dateTo.optional(),
  priority: ruleFields.priority.default(0),
});
export const scheduleRule = scheduleRuleInput.extend({ id: z.number().int() });
export type ScheduleRule = z.infer<typeof scheduleRule>;
export const scheduleRulePatch = z
  .object({ ...ruleFields, dateFrom: isoDate.nullable(), dateTo: isoDate.nullable() })
  .partial();

// What a screen shows at a moment, as the console preview asks for it (see shared/schedule-resolver.ts).
export const previewQuery = z.object({
  device: z
    .string()
    .regex(/^d-[a-z0-9]{10}$/, reason('badFormat'))
    .optional(),
  group: groupName.optional(),
  floor: z.coerce.number().int().min(-5).max(200).optional(),
  at: isoDateTime.optional(),
});
export const preview = z.object({
  at: z.string(),
  timezone: z.string(),
  placement: z.object({ group: z.string().nullable(), floor: z.number().int().nullable() }),
  layer: z.enum(['alert', 'urgent', 'rule', 'default', 'builtin']),
  source: z.enum(['rule', 'default', 'builtin']),
  playlistId: z.number().int().nullable(),
  playlistName: z.string(),
  rule: scheduleRule.nullable(),
  matched: z.array(scheduleRule),
  conflicts: z.array(z.object({ priority: z.number().int(), ruleIds: z.array(z.number().int()) })),
  urgent: z.array(notice),
  alert: z
    .object({ level: z.enum(ALERT_LEVELS), title: z.string(), body: z.string(), since: z.string() })
    .nullable(),
  slides: z.array(slide),
});
export type Preview = z.infer<typeof preview>;

import { z } from 'zod';
import { reason } from '../i18n/reason.ts';
import { EVENT_KINDS, FEEDBACK_CATEGORIES } from '../enums.ts';
import { buildingId, isoDate } from './common.ts';

export const REPORT_KINDS = ['plays', 'feedback', 'attendance'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

// A period of local calendar dates in the building's time zone, both ends included.
export const reportQuery = z
  .object({ building: buildingId, from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: reason('notBeforeFrom'), path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    message: reason('reportAtMostYear'),
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof reportQuery>;

export const playRow = z.object({
  slide: z.string(),
  deviceId: z.string(),
  device: z.string(),
  plays: z.number().int(),
  seconds: z.number(),
});
export const playsReport = z.object({
  rows: z.array(playRow),
  // Plays per local day, for the chart.
  days: z.array(z.object({ date: z.string(), plays: z.number().int(), seconds: z.number() })),
});
export type PlaysReport = z.infer<typeof playsReport>;

export const feedbackRow = z.object({
  month: z.string(),
  category: z.enum(FEEDBACK_CATEGORIES),
  received: z.number().int(),
  closed: z.number().int(),
  open: z.number().int(),
  // Median days from intake to closing, of the tickets of this month that are closed.
  medianDaysToClose: z.number().nullable(),
  rated: z.number().int(),
  satisfaction: z.number().nullable(),
});
export const feedbackReport = z.object({ rows: z.array(feedbackRow) });
export type FeedbackReport = z.infer<typeof feedbackReport>;

export const attendanceRow = z.object({
  eventId: z.number().int(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  start: z.string(),
  capacity: z.number().int(),
  confirmed: z.number().int(),
  checkedIn: z.number().int(),
  walkIns: z.number().int(),
  // Confirmed people who did not come, once the event has ended.
  noShows: z.number().int().nullable(),
  waitlisted: z.number().int(),
  cancelled: z.number().int(),
});
export const attendanceReport = z.object({ rows: z.array(attendanceRow) });
export type AttendanceReport = z.infer<typeof attendanceReport>;

export const placeStats = z.object({
  placeId: z.number().int(),
  scans: z.number().int(),
  feedback: z.number().int(),
  open: z.number().int(),
  lastFeedbackAt: z.string().nullable(),
});
export type PlaceStats = z.infer<typeof placeStats>;

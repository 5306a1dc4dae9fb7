import { z } from 'zod';
import { reason } from '../i18n/reason.ts';

// Shapes of the console's own routes: images, scheduled jobs and backups.

export const mediaHash = z.string().regex(/^[a-f0-9]{64}$/, reason('badFormat'));
export const mediaItem = z.object({
  hash: mediaHash,
  ext: z.enum(['png', 'jpg', 'webp', 'gif']),
  mime: z.string(),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  name: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  // Where screens and pages load it: /media/{hash}.{ext}.
  path: z.string(),
});
export type MediaItem = z.infer<typeof mediaItem>;
export const mediaListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(60),
  offset: z.coerce.number().int().min(0).default(0),
});

export const JOB_NAMES = [
  'notice-windows',
  'event-times',
  'auto-close',
  'purge',
  'backup',
  'photo-cleanup',
] as const;
export type JobName = (typeof JOB_NAMES)[number];
export const JOB_STATUSES = ['running', 'ok', 'error'] as const;

// What a run did, as counts the console words in the reader's language.
export const jobCounts = z.record(z.string(), z.number().int());
export type JobCounts = z.infer<typeof jobCounts>;

export const jobRun = z.object({
  id: z.number().int(),
  trigger: z.enum(['schedule', 'manual']),
  actor: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(JOB_STATUSES),
  // A failure's reason; null when the run succeeded.
  message: z.string().nullable(),
  counts: jobCounts.nullable(),
});
export type JobRunView = z.infer<typeof jobRun>;

export const jobView = z.object({
  name: z.enum(JOB_NAMES),
  // Cron pattern (minute hour day month weekday) in the scheduler's time zone.
  cron: z.string(),
  timezone: z.string(),
  nextRun: z.string().nullable(),
  lastStartedAt: z.string().nullable(),
  lastFinishedAt: z.string().nullable(),
  lastStatus: z.enum(JOB_STATUSES).nullable(),
  lastMessage: z.string().nullable(),
  lastCounts: jobCounts.nullable(),
  lastDurationMs: z.number().int().nullable(),
  runs: z.number().int(),
  failures: z.number().int(),
  recent: z.array(jobRun),
});
export type JobView = z.infer<typeof jobView>;
export const jobParams = z.object({ name: z.enum(JOB_NAMES) });
export const jobRunResult = z.object({
  status: z.enum(['ok', 'error']),
  message: z.string().nullable(),
  counts: jobCounts.nullable(),
});

export const backupFile = z.object({ name: z.string(), size: z.number().int(), at: z.string() });
export type BackupFile = z.infer<typeof backupFile>;

// The settings the scheduler works with, shown beside the jobs.
export const jobSettings = z.object({
  autoCloseDays: z.number().int(),
  retentionDays: z.number().int(),
  backupsKept: z.number().int(),
});
export const jobsOverview = z.object({
  jobs: z.array(jobView),
  settings: jobSettings,
  backups: z.array(backupFile),
});
export type JobsOverview = z.infer<typeof jobsOverview>;

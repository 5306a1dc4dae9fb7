import type { JobCounts, JobName } from '#shared/schemas/console';
import type { HubContext } from '../context.ts';
import { backupNow } from '../services/backup.ts';
import { autoCloseFeedback } from '../services/visitor-jobs.ts';
import { eventTimes, noticeAndPlaylistWindows } from './edges.ts';
import { removeOrphanPhotos } from './photo-cleanup.ts';
import { purgePersonalData } from './purge.ts';

export interface JobDef {
  name: JobName;
  // Minute hour day month weekday, in the scheduler's time zone.
  cron: string;
  // `at` is the moment the run stands for: the scheduled minute, or now for "run now".
  // It answers what it did as counts (the catalogue's `job.done.<name>` words them).
  run(ctx: HubContext, at: Date): JobCounts | Promise<JobCounts>;
}

export const JOBS: readonly JobDef[] = [
  { name: 'notice-windows', cron: '* * * * *', run: noticeAndPlaylistWindows },
  { name: 'event-times', cron: '* * * * *', run: eventTimes },
  {
    // Through the feedback service: it closes only what the lifecycle lets close.
    name: 'auto-close',
    cron: '20 * * * *',
    run: (ctx) => ({ buildings: autoCloseFeedback(ctx) }),
  },
  { name: 'purge', cron: '40 3 * * *', run: purgePersonalData },
  // Anonymous uploads no ticket took: hourly, so a flood of them never stays long on disk.
  { name: 'photo-cleanup', cron: '10 * * * *', run: removeOrphanPhotos },
  {
    name: 'backup',
    cron: '30 2 * * *',
    async run(ctx) {
      const b = await backupNow(ctx);
      return { kb: Math.round(b.bytes / 1024), removed: b.removed.length };
    },
  },
];

export const jobByName = (name: string): JobDef | undefined => JOBS.find((j) => j.name === name);

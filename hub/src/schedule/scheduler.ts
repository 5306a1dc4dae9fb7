import { createTask, type Logger, type ScheduledTask } from 'node-cron';
import type { JobName } from '#shared/schemas/console';
import type { HubContext } from '../context.ts';
import { registerScheduler, runJob } from '../services/jobs.ts';
import { JOBS } from './jobs.ts';

export interface Scheduler {
  stop(): Promise<void>;
}

const DEFAULT_TZ = 'Asia/Shanghai';

// Starts every job on its cron pattern. node-cron 4 ignores `scheduled: false`, so tasks
// are made with createTask and started here, once the hub serves.
export function startScheduler(ctx: HubContext): Scheduler {
  // Nightly jobs follow the wall clock of the (first) building; the minute jobs do not care.
  const timezone = ctx.store.buildings.list()[0]?.timezone ?? DEFAULT_TZ;
  ctx.store.jobs.abandonRunning(ctx.now().toISOString());
  const logger: Logger = {
    info: (m) => ctx.log.debug(m),
    warn: (m) => ctx.log.warn(m),
    error: (m, err) => ctx.log.error({ err: err ?? m }, 'scheduler'),
    debug: (m) => ctx.log.debug(typeof m === 'string' ? m : m.message),
  };
  const tasks = new Map<JobName, ScheduledTask>();
  // Runs in flight, so stop() lets a backup finish before the store closes.
  const inFlight = new Set<Promise<unknown>>();
  for (const job of JOBS) {
    const task = createTask(
      job.cron,
      async (c) => {
        const run = runJob(ctx, job.name, 'schedule', c.date).catch((err: unknown) =>
          // Only "still running from last time" gets here: the run is skipped, not queued.
          ctx.log.warn({ err, job: job.name }, 'job skipped'),
        );
        inFlight.add(run);
        await run.finally(() => inFlight.delete(run));
      },
      { name: `lobby-${job.name}`, timezone, noOverlap: true, logger },
    );
    tasks.set(job.name, task);
    void task.start();
  }
  registerScheduler(ctx, { timezone, next: (name) => tasks.get(name)?.getNextRun() ?? null });
  return {
    async stop() {
      registerScheduler(ctx, null);
      for (const t of tasks.values()) await t.destroy();
      await Promise.allSettled(inFlight);
    },
  };
}

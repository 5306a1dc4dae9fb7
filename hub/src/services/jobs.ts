import type { JobCounts, JobName, JobsOverview } from '#shared/schemas/console';
import type { Actor, HubContext } from '../context.ts';
import { conflict, must } from '../errors.ts';
import { JOBS, jobByName } from '../schedule/jobs.ts';
import type { JobTrigger } from '../store/jobs.ts';
import { audit } from './audit.ts';
import { listBackups } from './backup.ts';

// Jobs running now, per hub: a manual run never overlaps the scheduled one.
const running = new WeakMap<HubContext, Set<string>>();
// What the scheduler of a hub knows about each job's next run; set when it starts.
const nextRuns = new WeakMap<
  HubContext,
  { timezone: string; next: (name: JobName) => Date | null }
>();

export function registerScheduler(
  ctx: HubContext,
  info: { timezone: string; next: (name: JobName) => Date | null } | null,
): void {
  if (info) nextRuns.set(ctx, info);
  else nextRuns.delete(ctx);
}

export interface JobOutcome {
  status: 'ok' | 'error';
  message: string | null;
  counts: JobCounts | null;
}

// Runs one job and keeps its record: started, finished, what it did or the error's message.
export async function runJob(
  ctx: HubContext,
  name: JobName,
  trigger: JobTrigger,
  at: Date,
  actor: Actor | null = null,
): Promise<JobOutcome> {
  const def = must(jobByName(name), 'job');
  let busy = running.get(ctx);
  if (!busy) {
    busy = new Set();
    running.set(ctx, busy);
  }
  if (busy.has(name)) throw conflict('name', 'jobRunning', { name });
  busy.add(name);
  const started = ctx.now();
  const runId = ctx.store.jobs.started(
    name,
    trigger,
    actor?.username ?? null,
    started.toISOString(),
  );
  let outcome: JobOutcome;
  try {
    const counts = await def.run(ctx, at);
    outcome = { status: 'ok', message: null, counts };
    ctx.log.debug({ job: name, counts }, 'job done');
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    outcome = { status: 'error', message, counts: null };
    ctx.log.error({ err, job: name }, 'job failed');
  } finally {
    busy.delete(name);
  }
  const finished = ctx.now();
  ctx.store.jobs.finished(
    name,
    runId,
    outcome,
    finished.toISOString(),
    finished.getTime() - started.getTime(),
  );
  return outcome;
}

export async function runJobNow(ctx: HubContext, actor: Actor, name: JobName): Promise<JobOutcome> {
  ctx.store.tx(() => audit(ctx, actor, 'run', 'job', name, null, null));
  return runJob(ctx, name, 'manual', ctx.now(), actor);
}

export function jobsOverview(ctx: HubContext): JobsOverview {
  const sched = nextRuns.get(ctx);
  return {
    jobs: JOBS.map((j) => {
      const r = ctx.store.jobs.get(j.name);
      return {
        name: j.name,
        cron: j.cron,
        timezone: sched?.timezone ?? '',
        nextRun: sched?.next(j.name)?.toISOString() ?? null,
        lastStartedAt: r?.lastStartedAt ?? null,
        lastFinishedAt: r?.lastFinishedAt ?? null,
        lastStatus: r?.lastStatus ?? null,
        lastMessage: r?.lastMessage ?? null,
        lastCounts: r?.lastCounts ?? null,
        lastDurationMs: r?.lastDurationMs ?? null,
        runs: r?.runs ?? 0,
        failures: r?.failures ?? 0,
        recent: ctx.store.jobs.runs(j.name, 10),
      };
    }),
    settings: {
      autoCloseDays: ctx.config.feedbackAutoCloseDays,
      retentionDays: ctx.config.retentionDays,
      backupsKept: ctx.config.backupsKept,
    },
    backups: listBackups(ctx),
  };
}

import type { Db } from './db.ts';

interface Job {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

// Group commit: writes queued in the same turn of the event loop share one transaction and
// so one fsync. With synchronous=FULL the fsync, not the SQL, is what limits a burst of
// small writes; while one commit is syncing, the next requests gather in the socket buffers
// and land in the following group. Each write runs in its own savepoint, so one that throws
// is undone alone and its caller gets the error; every caller is answered only after the
// commit, so a 2xx still means the write is on disk.
export function groupCommit(db: Db) {
  let queue: Job[] = [];

  const flush = () => {
    const batch = queue;
    queue = [];
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      db.transaction(() => {
        for (const job of batch) {
          try {
            outcomes.push({ ok: true, value: db.transaction(job.fn)() });
          } catch (error) {
            outcomes.push({ ok: false, value: error });
          }
        }
      }).immediate();
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) job.resolve(outcome.value);
      else job.reject(outcome?.value);
    });
  };

  return <T>(fn: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
    });
}

import type { JobCounts } from '#shared/schemas/console';
import { statements, type Db } from './db.ts';

export type JobStatus = 'running' | 'ok' | 'error';
export type JobTrigger = 'schedule' | 'manual';

interface JobRow {
  name: string;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_status: JobStatus | null;
  last_message: string | null;
  last_counts: string | null;
  last_duration_ms: number | null;
  runs: number;
  failures: number;
}
interface JobRunRow {
  id: number;
  job: string;
  trigger: JobTrigger;
  actor: string | null;
  started_at: string;
  finished_at: string | null;
  status: JobStatus;
  message: string | null;
  counts: string | null;
}

export interface JobRecord {
  name: string;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastStatus: JobStatus | null;
  lastMessage: string | null;
  lastCounts: JobCounts | null;
  lastDurationMs: number | null;
  runs: number;
  failures: number;
}
export interface JobRun {
  id: number;
  trigger: JobTrigger;
  actor: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: JobStatus;
  message: string | null;
  counts: JobCounts | null;
}

const counts = (json: string | null): JobCounts | null =>
  json === null ? null : (JSON.parse(json) as JobCounts);

const toRecord = (r: JobRow): JobRecord => ({
  name: r.name,
  lastStartedAt: r.last_started_at,
  lastFinishedAt: r.last_finished_at,
  lastStatus: r.last_status,
  lastMessage: r.last_message,
  lastCounts: counts(r.last_counts),
  lastDurationMs: r.last_duration_ms,
  runs: r.runs,
  failures: r.failures,
});
const toRun = (r: JobRunRow): JobRun => ({
  id: r.id,
  trigger: r.trigger,
  actor: r.actor,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  status: r.status,
  message: r.message,
  counts: counts(r.counts),
});

// Runs kept per job: enough to see a pattern, never a growing table for the minute jobs.
const KEEP_RUNS = 20;

export function jobStore(db: Db) {
  const sql = statements(db);
  return {
    list: (): JobRecord[] =>
      sql<[], JobRow>('SELECT * FROM jobs ORDER BY name').all().map(toRecord),
    get: (name: string): JobRecord | undefined => {
      const r = sql<[string], JobRow>('SELECT * FROM jobs WHERE name = ?').get(name);
      return r && toRecord(r);
    },
    runs: (name: string, limit = KEEP_RUNS): JobRun[] =>
      sql<[string, number], JobRunRow>(
        'SELECT * FROM job_runs WHERE job = ? ORDER BY id DESC LIMIT ?',
      )
        .all(name, limit)
        .map(toRun),
    started(name: string, trigger: JobTrigger, actor: string | null, at: string): number {
      sql(
        `INSERT INTO jobs (name, last_started_at, last_status, runs) VALUES (?, ?, 'running', 1)
         ON CONFLICT (name) DO UPDATE SET last_started_at = excluded.last_started_at,
           last_status = 'running', runs = runs + 1`,
      ).run(name, at);
      const id = Number(
        sql(
          "INSERT INTO job_runs (job, trigger, actor, started_at, status) VALUES (?, ?, ?, ?, 'running')",
        ).run(name, trigger, actor, at).lastInsertRowid,
      );
      sql(
        'DELETE FROM job_runs WHERE job = ? AND id <= (SELECT id FROM job_runs WHERE job = ? ORDER BY id DESC LIMIT 1 OFFSET ?)',
      ).run(name, name, KEEP_RUNS);
      return id;
    },
    finished(
      name: string,
      runId: number,
      outcome: { status: 'ok' | 'error'; message: string | null; counts: JobCounts | null },
      at: string,
      durationMs: number,
    ): void {
      const { status, message } = outcome;
      const json = outcome.counts && JSON.stringify(outcome.counts);
      sql(
        `UPDATE jobs SET last_finished_at = ?, last_status = ?, last_message = ?, last_counts = ?,
           last_duration_ms = ?, failures = failures + ? WHERE name = ?`,
      ).run(at, status, message, json, durationMs, status === 'error' ? 1 : 0, name);
      sql(
        'UPDATE job_runs SET finished_at = ?, status = ?, message = ?, counts = ? WHERE id = ?',
      ).run(at, status, message, json, runId);
    },
    // A run cut short by a stop or a crash stays 'running' in the table; the next start says so.
    abandonRunning(at: string): void {
      sql(
        "UPDATE job_runs SET status = 'error', finished_at = ?, message = 'interrupted' WHERE status = 'running'",
      ).run(at);
      sql(
        "UPDATE jobs SET last_status = 'error', last_message = 'interrupted', last_finished_at = ? WHERE last_status = 'running'",
      ).run(at);
    },

    // Window edges: buildings whose notices start or end in (from, to].
    noticeEdges: (from: string, to: string): string[] =>
      sql<[string, string, string, string], { building_id: string }>(
        `SELECT DISTINCT building_id FROM notices
         WHERE (valid_from > ? AND valid_from <= ?) OR (valid_to > ? AND valid_to <= ?)`,
      )
        .all(from, to, from, to)
        .map((r) => r.building_id),
    // Rules of a building whose date range begins on `today` or ended on `yesterday` (local dates).
    ruleDateEdges: (building: string, today: string, yesterday: string): number =>
      sql<[string, string, string], { n: number }>(
        'SELECT COUNT(*) AS n FROM schedule_rules WHERE building_id = ? AND (date_from = ? OR date_to = ?)',
      ).get(building, today, yesterday)?.n ?? 0,
    // Buildings with an event moment in (from, to]: about to start (start - lead), started,
    // ended, registration opened or closed, captain seats released to the public.
    eventEdges: (from: string, to: string, leadMs: number): string[] =>
      sql<[{ from: string; to: string; lead: string }], { building_id: string }>(
        `SELECT DISTINCT building_id FROM events WHERE
           (strftime('%Y-%m-%dT%H:%M:%fZ', start_at, @lead) > @from AND strftime('%Y-%m-%dT%H:%M:%fZ', start_at, @lead) <= @to)
           OR (start_at > @from AND start_at <= @to) OR (end_at > @from AND end_at <= @to)
           OR (registration_opens > @from AND registration_opens <= @to)
           OR (registration_closes > @from AND registration_closes <= @to)
           OR (captain_seats_release_at > @from AND captain_seats_release_at <= @to)`,
      )
        .all({ from, to, lead: `-${Math.round(leadMs / 1000)} seconds` })
        .map((r) => r.building_id),

    // Retention: what can identify a person goes (the text, name, phone, photo, every note,
    // reply and comment on its steps, notes kept in the audit); the anonymous facts stay
    // (category, place, dates, steps, rating). Returns the photos whose files are to go.
    purgeFeedback(closedBefore: string, now: string): { tickets: number; photos: string[] } {
      const rows = sql<[string], { id: number; ticket: string; photo: string | null }>(
        `SELECT id, ticket, photo FROM feedback WHERE status IN ('closed', 'duplicate', 'declined')
           AND COALESCE(closed_at, updated_at) < ? AND purged_at IS NULL`,
      ).all(closedBefore);
      if (rows.length === 0) return { tickets: 0, photos: [] };
      const ids = JSON.stringify(rows.map((r) => r.id));
      const tickets = JSON.stringify(rows.map((r) => r.ticket));
      const photos = rows.flatMap((r) => (r.photo === null ? [] : [r.photo]));
      sql(
        `UPDATE feedback SET text = '', contact_name = NULL, contact_phone = NULL, photo = NULL,
           purged_at = ? WHERE id IN (SELECT value FROM json_each(?))`,
      ).run(now, ids);
      sql(
        `UPDATE feedback_steps SET note = NULL, reply = NULL
         WHERE feedback_id IN (SELECT value FROM json_each(?)) AND (note IS NOT NULL OR reply IS NOT NULL)`,
      ).run(ids);
      sql(
        `UPDATE audit_log SET before = json_remove(before, '$.note'), after = json_remove(after, '$.note')
         WHERE entity = 'feedback' AND entity_id IN (SELECT value FROM json_each(?))
           AND json_valid(COALESCE(before, 'null')) AND json_valid(COALESCE(after, 'null'))`,
      ).run(tickets);
      sql('DELETE FROM feedback_photos WHERE id IN (SELECT value FROM json_each(?))').run(
        JSON.stringify(photos),
      );
      return { tickets: rows.length, photos };
    },
    purgeSupporters: (closedBefore: string): number =>
      sql(
        `UPDATE feedback_supporters SET contact_phone = NULL, visitor_hash = NULL
         WHERE (contact_phone IS NOT NULL OR visitor_hash IS NOT NULL) AND feedback_id IN
           (SELECT id FROM feedback WHERE status IN ('closed', 'duplicate', 'declined') AND COALESCE(closed_at, updated_at) < ?)`,
      ).run(closedBefore).changes,
    purgeRegistrations: (endedBefore: string): number =>
      sql(
        `UPDATE registrations SET name = '—', company = '', phone = 'purged:' || id
         WHERE phone NOT LIKE 'purged:%' AND event_id IN (SELECT id FROM events WHERE end_at < ?)`,
      ).run(endedBefore).changes,
  };
}
export type JobStore = ReturnType<typeof jobStore>;

import type { EventKind, FeedbackCategory, FeedbackStatus } from '#shared/enums';
import { statements, type Db } from './db.ts';

export interface PlayAggregateRow {
  slide: string;
  device_id: string;
  device: string;
  plays: number;
  seconds: number;
}
export interface PlayDayRow {
  day: string;
  plays: number;
  seconds: number;
}
export interface FeedbackFactRow {
  category: FeedbackCategory;
  status: FeedbackStatus;
  created_at: string;
  closed_at: string | null;
  rating: number | null;
}
export interface AttendanceRowDb {
  id: number;
  title: string;
  kind: EventKind;
  start_at: string;
  end_at: string;
  capacity: number;
  confirmed: number;
  checked_in: number;
  walk_ins: number;
  no_shows: number;
  waitlisted: number;
  cancelled: number;
}
export interface PlaceStatsRow {
  place_id: number;
  scans: number;
  feedback: number;
  open: number;
  last_feedback_at: string | null;
}

// Read-only aggregates for the console's reports; times are UTC ISO text.
export function reportStore(db: Db) {
  const sql = statements(db);
  return {
    playsBySlideAndDevice: (building: string, from: string, to: string): PlayAggregateRow[] =>
      sql<[string, string, string], PlayAggregateRow>(
        `SELECT p.slide, p.device_id, COALESCE(NULLIF(d.name, ''), p.device_id) AS device,
           COUNT(*) AS plays, ROUND(SUM(p.duration), 1) AS seconds
         FROM plays p LEFT JOIN devices d ON d.id = p.device_id
         WHERE p.building_id = ? AND p.start_at >= ? AND p.start_at < ?
         GROUP BY p.slide, p.device_id ORDER BY p.slide, device`,
      ).all(building, from, to),
    // Days in the building's zone: `offset` is its UTC offset as an SQLite modifier ('+480 minutes').
    playsByDay: (building: string, from: string, to: string, offset: string): PlayDayRow[] =>
      sql<[{ building: string; from: string; to: string; offset: string }], PlayDayRow>(
        `SELECT date(start_at, @offset) AS day, COUNT(*) AS plays, ROUND(SUM(duration), 1) AS seconds
         FROM plays WHERE building_id = @building AND start_at >= @from AND start_at < @to
         GROUP BY day ORDER BY day`,
      ).all({ building, from, to, offset }),
    feedbackFacts: (building: string, from: string, to: string): FeedbackFactRow[] =>
      sql<[string, string, string], FeedbackFactRow>(
        `SELECT category, status, created_at, closed_at, rating FROM feedback
         WHERE building_id = ? AND created_at >= ? AND created_at < ? AND status <> 'duplicate'`,
      ).all(building, from, to),
    attendance: (building: string, from: string, to: string, now: string): AttendanceRowDb[] =>
      sql<[{ building: string; from: string; to: string; now: string }], AttendanceRowDb>(
        `SELECT e.id, e.title, e.kind, e.start_at, e.end_at, e.capacity,
           COUNT(r.id) FILTER (WHERE r.status = 'confirmed') AS confirmed,
           COUNT(r.id) FILTER (WHERE r.status = 'confirmed' AND r.checked_in_at IS NOT NULL) AS checked_in,
           COUNT(r.id) FILTER (WHERE r.status = 'confirmed' AND r.walk_in = 1) AS walk_ins,
           COUNT(r.id) FILTER (WHERE r.status = 'confirmed' AND r.checked_in_at IS NULL AND e.end_at <= @now) AS no_shows,
           COUNT(r.id) FILTER (WHERE r.status = 'waitlisted') AS waitlisted,
           COUNT(r.id) FILTER (WHERE r.status = 'cancelled') AS cancelled
         FROM events e LEFT JOIN registrations r ON r.event_id = e.id
         WHERE e.building_id = @building AND e.start_at >= @from AND e.start_at < @to
         GROUP BY e.id ORDER BY e.start_at`,
      ).all({ building, from, to, now }),
    placeStats: (building: string): PlaceStatsRow[] =>
      sql<[string], PlaceStatsRow>(
        `SELECT p.id AS place_id,
           (SELECT COALESCE(SUM(q.scans), 0) FROM qr_codes q WHERE q.place_id = p.id) AS scans,
           (SELECT COUNT(*) FROM feedback f WHERE f.place_id = p.id) AS feedback,
           (SELECT COUNT(*) FROM feedback f WHERE f.place_id = p.id
              AND f.status IN ('received', 'discussing', 'assigned', 'in_progress')) AS open,
           (SELECT MAX(created_at) FROM feedback f WHERE f.place_id = p.id) AS last_feedback_at
         FROM places p WHERE p.building_id = ? ORDER BY p.floor, p.id`,
      ).all(building),
  };
}
export type ReportStore = ReturnType<typeof reportStore>;

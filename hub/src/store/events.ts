import type { EventKind } from '#shared/enums';
import { statements, type Db } from './db.ts';

export interface EventRow {
  id: number;
  building_id: string;
  title: string;
  kind: EventKind;
  place: string;
  description: string;
  start_at: string;
  end_at: string;
  capacity: number;
  registration_opens: string | null;
  registration_closes: string | null;
  captain_seats: number;
  captain_window_opens: string | null;
  captain_seats_release_at: string | null;
  created_at: string;
  updated_at: string;
}

// An event with its live counts, as one query gives them.
export interface EventWithCounts extends EventRow {
  confirmed: number;
  captains_confirmed: number;
  waitlisted: number;
  checked_in: number;
}

// An event with just what seat allocation needs, counted from the registrations index.
export interface EventSeats extends EventRow {
  confirmed: number;
  captains_confirmed: number;
  waitlisted: number;
}

export interface EventFields {
  title: string;
  kind: EventKind;
  place: string;
  description: string;
  start: string;
  end: string;
  capacity: number;
  registrationOpens: string | null;
  registrationCloses: string | null;
  captainSeats: number;
  captainWindowOpens: string | null;
  captainSeatsReleaseAt: string | null;
}

const SEAT_COUNTS = `
  SELECT e.*,
    (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'confirmed') AS confirmed,
    (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'confirmed' AND r.is_captain = 1)
      AS captains_confirmed,
    (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'waitlisted') AS waitlisted
  FROM events e WHERE e.id = ?`;

const WITH_COUNTS = `
  SELECT e.*,
    COUNT(r.id) FILTER (WHERE r.status = 'confirmed') AS confirmed,
    COUNT(r.id) FILTER (WHERE r.status = 'confirmed' AND r.is_captain = 1) AS captains_confirmed,
    COUNT(r.id) FILTER (WHERE r.status = 'waitlisted') AS waitlisted,
    COUNT(r.id) FILTER (WHERE r.checked_in_at IS NOT NULL) AS checked_in
  FROM events e LEFT JOIN registrations r ON r.event_id = e.id`;

export function eventStore(db: Db) {
  const sql = statements(db);
  return {
    listBetween: (building: string, from: string, to: string): EventWithCounts[] =>
      sql<[string, string, string], EventWithCounts>(
        `${WITH_COUNTS} WHERE e.building_id = ? AND e.end_at > ? AND e.start_at < ? GROUP BY e.id ORDER BY e.start_at, e.id`,
      ).all(building, from, to),
    listAll: (building: string): EventWithCounts[] =>
      sql<[string], EventWithCounts>(
        `${WITH_COUNTS} WHERE e.building_id = ? GROUP BY e.id ORDER BY e.start_at DESC, e.id`,
      ).all(building),
    get: (id: number): EventWithCounts | undefined =>
      sql<[number], EventWithCounts>(`${WITH_COUNTS} WHERE e.id = ? GROUP BY e.id`).get(id),
    // Cheaper than get() on a busy event: registration runs it inside its write transaction.
    seats: (id: number): EventSeats | undefined => sql<[number], EventSeats>(SEAT_COUNTS).get(id),
    insert(building: string, f: EventFields, now: string): number {
      return Number(
        sql(
          `INSERT INTO events (building_id, title, kind, place, description, start_at, end_at, capacity, registration_opens,
             registration_closes, captain_seats, captain_window_opens, captain_seats_release_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          building,
          f.title,
          f.kind,
          f.place,
          f.description,
          f.start,
          f.end,
          f.capacity,
          f.registrationOpens,
          f.registrationCloses,
          f.captainSeats,
          f.captainWindowOpens,
          f.captainSeatsReleaseAt,
          now,
          now,
        ).lastInsertRowid,
      );
    },
    update(id: number, f: EventFields, now: string): void {
      sql(
        `UPDATE events SET title = ?, kind = ?, place = ?, description = ?, start_at = ?, end_at = ?, capacity = ?,
           registration_opens = ?, registration_closes = ?, captain_seats = ?, captain_window_opens = ?,
           captain_seats_release_at = ?, updated_at = ? WHERE id = ?`,
      ).run(
        f.title,
        f.kind,
        f.place,
        f.description,
        f.start,
        f.end,
        f.capacity,
        f.registrationOpens,
        f.registrationCloses,
        f.captainSeats,
        f.captainWindowOpens,
        f.captainSeatsReleaseAt,
        now,
        id,
      );
    },
    remove: (id: number) => sql('DELETE FROM events WHERE id = ?').run(id).changes > 0,
  };
}
export type EventStore = ReturnType<typeof eventStore>;

export function eventFields(r: EventRow): EventFields {
  return {
    title: r.title,
    kind: r.kind,
    place: r.place,
    description: r.description,
    start: r.start_at,
    end: r.end_at,
    capacity: r.capacity,
    registrationOpens: r.registration_opens,
    registrationCloses: r.registration_closes,
    captainSeats: r.captain_seats,
    captainWindowOpens: r.captain_window_opens,
    captainSeatsReleaseAt: r.captain_seats_release_at,
  };
}

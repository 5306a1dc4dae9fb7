import type { RegistrationStatus } from '#shared/enums';
import { statements, type Db } from './db.ts';

export interface RegistrationRow {
  id: number;
  event_id: number;
  ticket: string;
  secret_hash: string;
  name: string;
  company: string;
  phone: string;
  floor: number | null;
  is_captain: number;
  status: RegistrationStatus;
  created_at: string;
  cancelled_at: string | null;
  reconfirmed_at: string | null;
  checked_in_at: string | null;
  captain_id: number | null;
  walk_in: number;
}

export interface NewRegistration {
  eventId: number;
  ticket: string;
  secretHash: string;
  name: string;
  company: string;
  phone: string;
  floor: number | null;
  captainId: number | null;
  status: 'confirmed' | 'waitlisted';
  walkIn: boolean;
  checkedInAt: string | null;
}

export interface AttendanceCounts {
  confirmed: number;
  waitlisted: number;
  cancelled: number;
  reconfirmed: number;
  checked_in: number;
  walk_ins: number;
}

export function registrationStore(db: Db) {
  const sql = statements(db);
  return {
    insert(r: NewRegistration, now: string): number {
      return Number(
        sql(
          `INSERT INTO registrations (event_id, ticket, secret_hash, name, company, phone, floor, is_captain, captain_id,
             status, walk_in, created_at, checked_in_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          r.eventId,
          r.ticket,
          r.secretHash,
          r.name,
          r.company,
          r.phone,
          r.floor,
          r.captainId === null ? 0 : 1,
          r.captainId,
          r.status,
          r.walkIn ? 1 : 0,
          now,
          r.checkedInAt,
        ).lastInsertRowid,
      );
    },
    byTicket: (ticket: string): RegistrationRow | undefined =>
      sql<[string], RegistrationRow>('SELECT * FROM registrations WHERE ticket = ?').get(ticket),
    ticketTaken: (ticket: string): boolean =>
      sql<[string], { n: number }>('SELECT 1 AS n FROM registrations WHERE ticket = ?').get(
        ticket,
      ) !== undefined,
    // The live registration of a phone number, or of a captain code, at one event.
    liveByPhone: (eventId: number, phone: string): RegistrationRow | undefined =>
      sql<[number, string], RegistrationRow>(
        "SELECT * FROM registrations WHERE event_id = ? AND phone = ? AND status <> 'cancelled'",
      ).get(eventId, phone),
    liveByCaptain: (eventId: number, captainId: number): RegistrationRow | undefined =>
      sql<[number, number], RegistrationRow>(
        "SELECT * FROM registrations WHERE event_id = ? AND captain_id = ? AND status <> 'cancelled'",
      ).get(eventId, captainId),
    // The waiting list in its order: first come, first served.
    waitlist: (eventId: number): RegistrationRow[] =>
      sql<[number], RegistrationRow>(
        "SELECT * FROM registrations WHERE event_id = ? AND status = 'waitlisted' ORDER BY id",
      ).all(eventId),
    position: (eventId: number, id: number): number =>
      sql<[number, number], { n: number }>(
        "SELECT COUNT(*) AS n FROM registrations WHERE event_id = ? AND status = 'waitlisted' AND id <= ?",
      ).get(eventId, id)?.n ?? 0,
    list: (eventId: number, status: RegistrationStatus | null): RegistrationRow[] =>
      sql<[{ eventId: number; status: RegistrationStatus | null }], RegistrationRow>(
        'SELECT * FROM registrations WHERE event_id = @eventId AND (@status IS NULL OR status = @status) ORDER BY id',
      ).all({ eventId, status }),
    counts: (eventId: number): AttendanceCounts =>
      sql<[number], AttendanceCounts>(
        `SELECT COUNT(*) FILTER (WHERE status = 'confirmed') AS confirmed,
           COUNT(*) FILTER (WHERE status = 'waitlisted') AS waitlisted,
           COUNT(*) FILTER (WHERE status = 'cancelled') AS cancelled,
           COUNT(*) FILTER (WHERE status = 'confirmed' AND reconfirmed_at IS NOT NULL) AS reconfirmed,
           COUNT(*) FILTER (WHERE checked_in_at IS NOT NULL) AS checked_in,
           COUNT(*) FILTER (WHERE walk_in = 1) AS walk_ins
         FROM registrations WHERE event_id = ?`,
      ).get(eventId) ?? {
        confirmed: 0,
        waitlisted: 0,
        cancelled: 0,
        reconfirmed: 0,
        checked_in: 0,
        walk_ins: 0,
      },
    confirm: (id: number) =>
      sql(
        "UPDATE registrations SET status = 'confirmed' WHERE id = ? AND status = 'waitlisted'",
      ).run(id),
    cancel: (id: number, now: string) =>
      sql(
        "UPDATE registrations SET status = 'cancelled', cancelled_at = ? WHERE id = ? AND status <> 'cancelled'",
      ).run(now, id),
    // A person who registered without their captain code gives it later: same ticket, a
    // new secret (the answer carries the only copy of it).
    makeCaptain: (id: number, captainId: number, secretHash: string) =>
      sql(
        'UPDATE registrations SET is_captain = 1, captain_id = ?, secret_hash = ? WHERE id = ?',
      ).run(captainId, secretHash, id),
    reconfirm: (id: number, now: string) =>
      sql('UPDATE registrations SET reconfirmed_at = ? WHERE id = ?').run(now, id),
    checkIn: (id: number, now: string) =>
      sql('UPDATE registrations SET checked_in_at = ? WHERE id = ? AND checked_in_at IS NULL').run(
        now,
        id,
      ),
    // Upcoming events of a building with someone waiting and a seat free: the ones a
    // release or a larger capacity may move up.
    eventsToSettle: (building: string, now: string): number[] =>
      sql<[string, string], { id: number }>(
        `SELECT e.id FROM events e WHERE e.building_id = ? AND e.start_at > ?
           AND EXISTS (SELECT 1 FROM registrations r WHERE r.event_id = e.id AND r.status = 'waitlisted')
           AND (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'confirmed') < e.capacity`,
      )
        .all(building, now)
        .map((r) => r.id),
  };
}
export type RegistrationStore = ReturnType<typeof registrationStore>;

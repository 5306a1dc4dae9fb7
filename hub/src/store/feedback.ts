import type { FeedbackCategory, FeedbackStatus } from '#shared/enums';
import { statements, type Db } from './db.ts';

export interface FeedbackRow {
  id: number;
  building_id: string;
  ticket: string;
  secret_hash: string;
  place_id: number | null;
  category: FeedbackCategory;
  text: string;
  contact_name: string | null;
  contact_phone: string | null;
  photo: string | null;
  status: FeedbackStatus;
  assignee: string | null;
  duplicate_of: number | null;
  supporters: number;
  rating: number | null;
  replied: number;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  closed_at: string | null;
  due_at: string | null;
  reopened: number;
  device_id: string | null;
}

// A ticket with the names staff and the requester see instead of ids.
export interface FeedbackListRow extends FeedbackRow {
  place_name: string | null;
  duplicate_ticket: string | null;
}

export type StepActor = 'requester' | 'staff' | 'system';

export interface StepRow {
  id: number;
  feedback_id: number;
  status: FeedbackStatus;
  at: string;
  actor_id: number | null;
  note: string | null;
  reply: string | null;
  actor_kind: StepActor;
  actor: string | null;
}

export interface NewFeedback {
  building: string;
  ticket: string;
  secretHash: string;
  placeId: number | null;
  category: FeedbackCategory;
  text: string;
  contactName: string | null;
  contactPhone: string | null;
  photo: string | null;
  deviceId: string | null;
  dueAt: string;
}

// The fields a step may change.
export interface FeedbackState {
  status: FeedbackStatus;
  assignee: string | null;
  replied: boolean;
  duplicateOf: number | null;
  rating: number | null;
  resolvedAt: string | null;
  closedAt: string | null;
  dueAt: string | null;
  reopened: number;
}

export interface NewStep {
  status: FeedbackStatus;
  by: StepActor;
  actorId: number | null;
  actor: string | null;
  note: string | null;
  reply: string | null;
}

export interface FeedbackFilter {
  building: string;
  statuses: FeedbackStatus[] | null;
  category: FeedbackCategory | null;
  placeId: number | null;
  overdueAt: string | null;
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
}

export interface BoardCountRow {
  category: FeedbackCategory;
  status: FeedbackStatus;
  replied: number;
  n: number;
  rated: number;
  rating_sum: number | null;
}

const LIST = `SELECT f.*, p.name AS place_name, d.ticket AS duplicate_ticket
  FROM feedback f LEFT JOIN places p ON p.id = f.place_id LEFT JOIN feedback d ON d.id = f.duplicate_of`;
const OPEN = "('received', 'discussing', 'assigned', 'in_progress')";

export const stateOf = (r: FeedbackRow): FeedbackState => ({
  status: r.status,
  assignee: r.assignee,
  replied: r.replied === 1,
  duplicateOf: r.duplicate_of,
  rating: r.rating,
  resolvedAt: r.resolved_at,
  closedAt: r.closed_at,
  dueAt: r.due_at,
  reopened: r.reopened,
});

export function feedbackStore(db: Db) {
  const sql = statements(db);
  return {
    insert(f: NewFeedback, now: string): number {
      return Number(
        sql(
          `INSERT INTO feedback (building_id, ticket, secret_hash, place_id, category, text, contact_name, contact_phone,
             photo, status, device_id, due_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?)`,
        ).run(
          f.building,
          f.ticket,
          f.secretHash,
          f.placeId,
          f.category,
          f.text,
          f.contactName,
          f.contactPhone,
          f.photo,
          f.deviceId,
          f.dueAt,
          now,
          now,
        ).lastInsertRowid,
      );
    },
    ticketTaken: (ticket: string): boolean =>
      sql<[string], { n: number }>('SELECT 1 AS n FROM feedback WHERE ticket = ?').get(ticket) !==
      undefined,
    byTicket: (ticket: string): FeedbackListRow | undefined =>
      sql<[string], FeedbackListRow>(`${LIST} WHERE f.ticket = ?`).get(ticket),
    update(id: number, s: FeedbackState, now: string): void {
      sql(
        `UPDATE feedback SET status = ?, assignee = ?, replied = ?, duplicate_of = ?, rating = ?, resolved_at = ?,
           closed_at = ?, due_at = ?, reopened = ?, updated_at = ? WHERE id = ?`,
      ).run(
        s.status,
        s.assignee,
        s.replied ? 1 : 0,
        s.duplicateOf,
        s.rating,
        s.resolvedAt,
        s.closedAt,
        s.dueAt,
        s.reopened,
        now,
        id,
      );
    },
    addStep(feedbackId: number, s: NewStep, at: string): void {
      sql(
        'INSERT INTO feedback_steps (feedback_id, status, at, actor_id, note, reply, actor_kind, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(feedbackId, s.status, at, s.actorId, s.note, s.reply, s.by, s.actor);
    },
    steps: (feedbackId: number): StepRow[] =>
      sql<[number], StepRow>('SELECT * FROM feedback_steps WHERE feedback_id = ? ORDER BY id').all(
        feedbackId,
      ),

    addSupporters: (id: number, n: number, now: string) =>
      sql('UPDATE feedback SET supporters = supporters + ?, updated_at = ? WHERE id = ?').run(
        n,
        now,
        id,
      ),
    insertSupporter(
      feedbackId: number,
      secretHash: string,
      phone: string | null,
      viaId: number | null,
      now: string,
      visitorHash: string | null = null,
    ): void {
      sql(
        'INSERT INTO feedback_supporters (feedback_id, secret_hash, contact_phone, via_id, created_at, visitor_hash) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(feedbackId, secretHash, phone, viaId, now, visitorHash);
    },
    // A lobby_visitor id the hub gave out and someone supported a ticket with.
    knownVisitor: (visitorHash: string): boolean =>
      sql<[string], { n: number }>(
        'SELECT 1 AS n FROM feedback_supporters WHERE visitor_hash = ? LIMIT 1',
      ).get(visitorHash) !== undefined,
    supportedBy: (feedbackId: number, visitorHash: string): boolean =>
      sql<[number, string], { n: number }>(
        'SELECT 1 AS n FROM feedback_supporters WHERE feedback_id = ? AND visitor_hash = ?',
      ).get(feedbackId, visitorHash) !== undefined,
    supporterBySecret: (feedbackId: number, secretHash: string): boolean =>
      sql<[number, string], { n: number }>(
        'SELECT 1 AS n FROM feedback_supporters WHERE feedback_id = ? AND secret_hash = ?',
      ).get(feedbackId, secretHash) !== undefined,
    supportersOf: (feedbackId: number) =>
      sql<[number], { secret_hash: string; contact_phone: string | null }>(
        'SELECT secret_hash, contact_phone FROM feedback_supporters WHERE feedback_id = ? ORDER BY id',
      ).all(feedbackId),
    // Whether a phone number already follows a ticket, as its requester or a supporter.
    followedBy: (feedbackId: number, phone: string): boolean =>
      sql<[number, string, number, string], { n: number }>(
        `SELECT 1 AS n FROM feedback WHERE id = ? AND contact_phone = ?
         UNION ALL SELECT 1 FROM feedback_supporters WHERE feedback_id = ? AND contact_phone = ? LIMIT 1`,
      ).get(feedbackId, phone, feedbackId, phone) !== undefined,

    openAtPlace: (
      placeId: number,
      category: FeedbackCategory | null,
      limit: number,
    ): FeedbackRow[] =>
      sql<[{ placeId: number; category: FeedbackCategory | null; limit: number }], FeedbackRow>(
        `SELECT * FROM feedback WHERE place_id = @placeId AND (@category IS NULL OR category = @category)
           AND status IN ${OPEN} ORDER BY supporters DESC, id DESC LIMIT @limit`,
      ).all({ placeId, category, limit }),
    list: (f: FeedbackFilter): FeedbackListRow[] =>
      sql<[Record<string, string | number | null>], FeedbackListRow>(
        `${LIST} WHERE f.building_id = @building
           AND (@statuses IS NULL OR f.status IN (SELECT value FROM json_each(@statuses)))
           AND (@category IS NULL OR f.category = @category)
           AND (@placeId IS NULL OR f.place_id = @placeId)
           AND (@overdueAt IS NULL OR (f.status IN ${OPEN} AND f.due_at < @overdueAt))
           AND (@from IS NULL OR f.created_at >= @from) AND (@to IS NULL OR f.created_at < @to)
         ORDER BY f.id DESC LIMIT @limit OFFSET @offset`,
      ).all({
        building: f.building,
        statuses: f.statuses ? JSON.stringify(f.statuses) : null,
        category: f.category,
        placeId: f.placeId,
        overdueAt: f.overdueAt,
        from: f.from,
        to: f.to,
        limit: f.limit,
        offset: f.offset,
      }),
    // Counts for the public board: tickets since `since`, and every ticket still open.
    boardCounts: (building: string, since: string): BoardCountRow[] =>
      sql<[string, string, string, string], BoardCountRow>(
        `SELECT category, status, replied, COUNT(*) AS n, COUNT(rating) AS rated, SUM(rating) AS rating_sum
         FROM feedback WHERE building_id = ? AND created_at >= ?
         GROUP BY category, status, replied
         UNION ALL
         SELECT category, status, replied, COUNT(*), 0, NULL
         FROM feedback WHERE building_id = ? AND created_at < ? AND status IN ${OPEN}
         GROUP BY category, status, replied`,
      ).all(building, since, building, since),
    // Tickets whose photo is still a signage media path (before migration 008).
    mediaPhotos: (): { id: number; photo: string }[] =>
      sql<[], { id: number; photo: string }>(
        "SELECT id, photo FROM feedback WHERE photo LIKE '/media/%' ORDER BY id",
      ).all(),
    setPhoto: (id: number, photo: string | null) =>
      sql('UPDATE feedback SET photo = ? WHERE id = ?').run(photo, id),
    // Resolved tickets whose requester had their window and did not answer.
    resolvedBefore: (cutoff: string): FeedbackRow[] =>
      sql<[string], FeedbackRow>(
        "SELECT * FROM feedback WHERE status = 'resolved' AND resolved_at < ? ORDER BY id",
      ).all(cutoff),
  };
}
export type FeedbackStore = ReturnType<typeof feedbackStore>;

import type { NoticeCategory, Priority } from '#shared/enums';
import type { Notice, NoticeReview, StaffNotice } from '#shared/schemas/notices';
import { fromJsonArray, isNumber, isString, statements, toJson, type Db } from './db.ts';

interface NoticeRow {
  id: number;
  building_id: string;
  title: string;
  body: string;
  category: NoticeCategory;
  priority: Priority;
  valid_from: string | null;
  valid_to: string | null;
  floors: string;
  groups: string;
  image: string | null;
  link: string | null;
  created_at: string;
  updated_at: string;
  review: NoticeReview;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
}

export type NoticeFields = Omit<Notice, 'id' | 'building' | 'updatedAt'>;

const toNotice = (r: NoticeRow): Notice => ({
  id: r.id,
  building: r.building_id,
  title: r.title,
  body: r.body,
  category: r.category,
  priority: r.priority,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  floors: fromJsonArray(r.floors, isNumber),
  groups: fromJsonArray(r.groups, isString),
  image: r.image,
  link: r.link,
  updatedAt: r.updated_at,
});

const toStaffNotice = (r: NoticeRow): StaffNotice => ({
  ...toNotice(r),
  review: r.review,
  reviewReason: r.review_reason,
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at,
});

export function noticeStore(db: Db) {
  const sql = statements(db);
  return {
    list: (building: string): StaffNotice[] =>
      sql<[string], NoticeRow>('SELECT * FROM notices WHERE building_id = ? ORDER BY id DESC')
        .all(building)
        .map(toStaffNotice),
    // Screens get what is running now and what is still to come; they apply the windows themselves.
    current: (building: string, now: string): Notice[] =>
      sql<[string, string], NoticeRow>(
        "SELECT * FROM notices WHERE building_id = ? AND review = 'approved' AND (valid_to IS NULL OR valid_to > ?) ORDER BY id DESC",
      )
        .all(building, now)
        .map(toNotice),
    get: (id: number): StaffNotice | undefined => {
      const r = sql<[number], NoticeRow>('SELECT * FROM notices WHERE id = ?').get(id);
      return r && toStaffNotice(r);
    },
    insert(
      building: string,
      f: NoticeFields,
      now: string,
      review: NoticeReview = 'approved',
    ): number {
      return Number(
        sql(
          `INSERT INTO notices (building_id, title, body, category, priority, valid_from, valid_to, floors, groups, image, link, created_at, updated_at, review)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          building,
          f.title,
          f.body,
          f.category,
          f.priority,
          f.validFrom,
          f.validTo,
          toJson(f.floors),
          toJson(f.groups),
          f.image,
          f.link,
          now,
          now,
          review,
        ).lastInsertRowid,
      );
    },
    update(id: number, f: NoticeFields, now: string): void {
      sql(
        `UPDATE notices SET title = ?, body = ?, category = ?, priority = ?, valid_from = ?, valid_to = ?, floors = ?, groups = ?,
         image = ?, link = ?, updated_at = ? WHERE id = ?`,
      ).run(
        f.title,
        f.body,
        f.category,
        f.priority,
        f.validFrom,
        f.validTo,
        toJson(f.floors),
        toJson(f.groups),
        f.image,
        f.link,
        now,
        id,
      );
    },
    // Every review step keeps who and when; the reason only stays with a rejection.
    setReview: (
      id: number,
      review: NoticeReview,
      by: string | null,
      reason: string | null,
      now: string,
    ) =>
      sql(
        'UPDATE notices SET review = ?, reviewed_by = ?, review_reason = ?, reviewed_at = ? WHERE id = ?',
      ).run(review, by, reason, now, id),
    remove: (id: number) => sql('DELETE FROM notices WHERE id = ?').run(id).changes > 0,
  };
}
export type NoticeStore = ReturnType<typeof noticeStore>;

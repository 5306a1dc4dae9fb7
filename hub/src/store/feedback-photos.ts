import { statements, type Db } from './db.ts';

interface PhotoRow {
  id: string;
  size: number;
  width: number;
  height: number;
  created_at: string;
}

export interface FeedbackPhoto {
  id: string;
  size: number;
  width: number;
  height: number;
  createdAt: string;
}

const toPhoto = (r: PhotoRow): FeedbackPhoto => ({
  id: r.id,
  size: r.size,
  width: r.width,
  height: r.height,
  createdAt: r.created_at,
});

// Citizens' photos: personal data that lives and goes with its ticket (migration 008).
export function feedbackPhotoStore(db: Db) {
  const sql = statements(db);
  return {
    insert(p: FeedbackPhoto): void {
      sql(
        'INSERT INTO feedback_photos (id, size, width, height, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(p.id, p.size, p.width, p.height, p.createdAt);
    },
    get: (id: string): FeedbackPhoto | undefined => {
      const r = sql<[string], PhotoRow>('SELECT * FROM feedback_photos WHERE id = ?').get(id);
      return r && toPhoto(r);
    },
    // Whether a ticket already shows this photo: each photo belongs to one ticket.
    attached: (id: string): boolean =>
      sql<[string], { n: number }>('SELECT 1 AS n FROM feedback WHERE photo = ?').get(id) !==
      undefined,
    remove: (id: string): boolean =>
      sql('DELETE FROM feedback_photos WHERE id = ?').run(id).changes > 0,
    // Uploads no ticket took within the grace period: the phone gave up or never asked.
    orphansBefore: (before: string): string[] =>
      sql<[string], { id: string }>(
        `SELECT id FROM feedback_photos p WHERE created_at < ?
           AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.photo = p.id)`,
      )
        .all(before)
        .map((r) => r.id),
    ids: (): string[] =>
      sql<[], { id: string }>('SELECT id FROM feedback_photos')
        .all()
        .map((r) => r.id),
  };
}
export type FeedbackPhotoStore = ReturnType<typeof feedbackPhotoStore>;

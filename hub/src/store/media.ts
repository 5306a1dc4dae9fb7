import { statements, type Db } from './db.ts';

export const MEDIA_EXTS = ['png', 'jpg', 'webp', 'gif'] as const;
export type MediaExt = (typeof MEDIA_EXTS)[number];

interface MediaRow {
  hash: string;
  ext: MediaExt;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  name: string;
  created_at: string;
  created_by: string | null;
}

export interface MediaRecord {
  hash: string;
  ext: MediaExt;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  name: string;
  createdAt: string;
  createdBy: string | null;
}

const toRecord = (r: MediaRow): MediaRecord => ({
  hash: r.hash,
  ext: r.ext,
  mime: r.mime,
  size: r.size,
  width: r.width,
  height: r.height,
  name: r.name,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export function mediaStore(db: Db) {
  const sql = statements(db);
  return {
    list: (limit: number, offset: number): MediaRecord[] =>
      sql<[number, number], MediaRow>(
        'SELECT * FROM media ORDER BY created_at DESC, hash LIMIT ? OFFSET ?',
      )
        .all(limit, offset)
        .map(toRecord),
    get: (hash: string): MediaRecord | undefined => {
      const r = sql<[string], MediaRow>('SELECT * FROM media WHERE hash = ?').get(hash);
      return r && toRecord(r);
    },
    insert(m: MediaRecord): boolean {
      return (
        sql(
          `INSERT INTO media (hash, ext, mime, size, width, height, name, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING`,
        ).run(m.hash, m.ext, m.mime, m.size, m.width, m.height, m.name, m.createdAt, m.createdBy)
          .changes > 0
      );
    },
    remove: (hash: string) => sql('DELETE FROM media WHERE hash = ?').run(hash).changes > 0,
    // Where a file is still shown, by its path (/media/{hash}.{ext}) in the content naming images.
    usedBy: (path: string): MediaUser[] =>
      sql<[{ path: string }], MediaUser>(
        `SELECT 'notice' AS kind, CAST(id AS TEXT) AS id FROM notices WHERE image = @path
         UNION ALL SELECT 'contact', CAST(id AS TEXT) FROM contacts WHERE photo = @path
         UNION ALL SELECT 'feedback', ticket FROM feedback WHERE photo = @path
         UNION ALL SELECT 'playlist', CAST(id AS TEXT) FROM playlists WHERE instr(slides, @path) > 0`,
      ).all({ path }),
  };
}
export type MediaStore = ReturnType<typeof mediaStore>;

// What still shows an image: a notice, contact or playlist by id, feedback by ticket.
export interface MediaUser {
  kind: 'notice' | 'contact' | 'feedback' | 'playlist';
  id: string;
}

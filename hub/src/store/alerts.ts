import type { AlertLevel } from '#shared/enums';
import { statements, type Db } from './db.ts';

export interface AlertRow {
  building_id: string;
  level: AlertLevel;
  title: string;
  body: string;
  since: string;
  updated_at: string;
}

export interface AlertFields {
  level: AlertLevel;
  title: string;
  body: string;
  since: string;
}

export function alertStore(db: Db) {
  const sql = statements(db);
  return {
    get: (building: string) =>
      sql<[string], AlertRow>('SELECT * FROM alerts WHERE building_id = ?').get(building),
    put(building: string, f: AlertFields, now: string): void {
      sql(
        `INSERT INTO alerts (building_id, level, title, body, since, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (building_id) DO UPDATE SET level = excluded.level, title = excluded.title,
         body = excluded.body, since = excluded.since, updated_at = excluded.updated_at`,
      ).run(building, f.level, f.title, f.body, f.since, now);
    },
    remove: (building: string) =>
      sql('DELETE FROM alerts WHERE building_id = ?').run(building).changes > 0,
  };
}
export type AlertStore = ReturnType<typeof alertStore>;

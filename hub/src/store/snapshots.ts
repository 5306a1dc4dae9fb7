import type { ContentTopic } from '#shared/topics';
import { statements, type Db } from './db.ts';

export interface SnapshotRow {
  building_id: string;
  topic: ContentTopic;
  rev: number;
  at: string;
  // The topic's JSON data as last published; null when the topic was cleared.
  data: string | null;
}

export function snapshotStore(db: Db) {
  const sql = statements(db);
  return {
    get: (building: string, topic: ContentTopic) =>
      sql<[string, string], SnapshotRow>(
        'SELECT * FROM snapshots WHERE building_id = ? AND topic = ?',
      ).get(building, topic),
    // Every change takes the next rev, so revs grow across restarts and never repeat.
    bump(building: string, topic: ContentTopic, now: string): void {
      sql(
        `INSERT INTO snapshots (building_id, topic, rev, at, data) VALUES (?, ?, 1, ?, NULL)
         ON CONFLICT (building_id, topic) DO UPDATE SET rev = rev + 1`,
      ).run(building, topic, now);
    },
    save(building: string, topic: ContentTopic, at: string, data: string | null): void {
      sql('UPDATE snapshots SET at = ?, data = ? WHERE building_id = ? AND topic = ?').run(
        at,
        data,
        building,
        topic,
      );
    },
  };
}
export type SnapshotStore = ReturnType<typeof snapshotStore>;

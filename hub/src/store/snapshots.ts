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
    // Records what goes out with the next rev, in one statement (one commit, one fsync per
    // publish, however many changes it carries); revs grow across restarts and never repeat.
    publish(building: string, topic: ContentTopic, at: string, data: string | null): number {
      const row = sql<[string, string, string, string | null], { rev: number }>(
        `INSERT INTO snapshots (building_id, topic, rev, at, data) VALUES (?, ?, 1, ?, ?)
         ON CONFLICT (building_id, topic) DO UPDATE SET rev = rev + 1, at = excluded.at, data = excluded.data
         RETURNING rev`,
      ).get(building, topic, at, data);
      if (!row) throw new Error('snapshot rev not taken');
      return row.rev;
    },
  };
}
export type SnapshotStore = ReturnType<typeof snapshotStore>;

import type { PlayedReport } from '#shared/payloads';
import { statements, type Db } from './db.ts';

export function playStore(db: Db) {
  const sql = statements(db);
  return {
    // True when the play is new; a report the device sends again counts once.
    record(deviceId: string, building: string, p: PlayedReport, now: string): boolean {
      return (
        sql(
          `INSERT INTO plays (device_id, play_id, building_id, slide, playlist_id, start_at, duration, received_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, play_id) DO NOTHING`,
        ).run(
          deviceId,
          p.id,
          building,
          p.slide,
          p.playlist,
          new Date(p.start).toISOString(),
          p.duration,
          now,
        ).changes === 1
      );
    },
    count: (deviceId: string) =>
      sql<[string], { n: number }>('SELECT COUNT(*) AS n FROM plays WHERE device_id = ?').get(
        deviceId,
      )?.n ?? 0,
  };
}
export type PlayStore = ReturnType<typeof playStore>;

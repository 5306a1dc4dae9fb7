import { statements, type Db } from './db.ts';

export interface PresenceChangeRow {
  deviceId: string;
  online: boolean;
  at: string;
}

interface ChangeRow {
  device_id: string;
  online: number;
  at: string;
}
const toChange = (r: ChangeRow): PresenceChangeRow => ({
  deviceId: r.device_id,
  online: r.online === 1,
  at: r.at,
});

// Screen health: the availability changes of a building's screens over a window of time,
// and the building's limit for how long a screen may be offline before it is flagged.
export function screenHealthStore(db: Db) {
  const sql = statements(db);
  return {
    // Changes at or after `from`, oldest first per device.
    changesSince: (building: string, from: string) =>
      sql<[string, string], ChangeRow>(
        `SELECT p.device_id, p.online, p.at FROM device_presence p JOIN devices d ON d.id = p.device_id
         WHERE d.building_id = ? AND p.at >= ? ORDER BY p.device_id, p.id`,
      )
        .all(building, from)
        .map(toChange),
    // Each device's last change before `from`: the state it entered the window in.
    lastChangesBefore: (building: string, from: string) =>
      sql<[string, string], ChangeRow>(
        `SELECT p.device_id, p.online, p.at FROM device_presence p WHERE p.id IN (
           SELECT MAX(q.id) FROM device_presence q JOIN devices d ON d.id = q.device_id
           WHERE d.building_id = ? AND q.at < ? GROUP BY q.device_id)`,
      )
        .all(building, from)
        .map(toChange),
    offlineAfterMinutes: (building: string): number | null =>
      sql<[string], { offline_after_minutes: number }>(
        'SELECT offline_after_minutes FROM screen_health_settings WHERE building_id = ?',
      ).get(building)?.offline_after_minutes ?? null,
    setOfflineAfterMinutes(building: string, minutes: number): void {
      sql(
        `INSERT INTO screen_health_settings (building_id, offline_after_minutes) VALUES (?, ?)
         ON CONFLICT (building_id) DO UPDATE SET offline_after_minutes = excluded.offline_after_minutes`,
      ).run(building, minutes);
    },
  };
}
export type ScreenHealthStore = ReturnType<typeof screenHealthStore>;

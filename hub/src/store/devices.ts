import type { DeviceKind, Locale, Orientation } from '#shared/enums';
import { statements, type Db } from './db.ts';

export interface DeviceRow {
  id: string;
  kind: DeviceKind;
  code: string | null;
  code_expires_at: string | null;
  token_hash: string | null;
  token_collected: number;
  building_id: string | null;
  floor: number | null;
  bank_id: number | null;
  grp: string | null;
  name: string;
  orientation: Orientation;
  locale: Locale;
  paired_at: string | null;
  revoked_at: string | null;
  online: number;
  last_seen_at: string | null;
  state: string | null;
  created_at: string;
  mqtt_hash: string | null;
  config_rev: number;
  alert_rev: number | null;
  state_at: string | null;
}

// Where a device stands and how it shows things; what staff set when pairing or moving it.
export interface Placement {
  building: string;
  kind: DeviceKind;
  floor: number | null;
  bankId: number | null;
  group: string | null;
  name: string;
  orientation: Orientation;
  locale: Locale;
}

export interface PresenceRow {
  online: number;
  at: string;
}

export function deviceStore(db: Db) {
  const sql = statements(db);
  return {
    get: (id: string) => sql<[string], DeviceRow>('SELECT * FROM devices WHERE id = ?').get(id),
    // A code names a device only while it waits to be claimed.
    pendingByCode: (code: string, now: string) =>
      sql<[string, string], DeviceRow>(
        'SELECT * FROM devices WHERE code = ? AND building_id IS NULL AND code_expires_at > ?',
      ).get(code, now),
    insertPending(id: string, kind: DeviceKind, code: string, expiresAt: string, now: string) {
      sql(
        'INSERT INTO devices (id, kind, code, code_expires_at, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(id, kind, code, expiresAt, now);
    },
    // Requests nobody claimed, and claims the device never collected, once they expired.
    removeExpiredPending: (now: string) =>
      sql(
        'DELETE FROM devices WHERE token_collected = 0 AND revoked_at IS NULL AND code_expires_at <= ?',
      ).run(now).changes,
    claim(id: string, p: Placement, collectBy: string, now: string): void {
      sql(
        `UPDATE devices SET code = NULL, code_expires_at = ?, building_id = ?, kind = ?, floor = ?, bank_id = ?, grp = ?,
         name = ?, orientation = ?, locale = ?, paired_at = ?, config_rev = config_rev + 1 WHERE id = ?`,
      ).run(
        collectBy,
        p.building,
        p.kind,
        p.floor,
        p.bankId,
        p.group,
        p.name,
        p.orientation,
        p.locale,
        now,
        id,
      );
    },
    // Once only: false when another request collected the token first.
    collect: (id: string, tokenHash: string, mqttHash: string): boolean =>
      sql(
        `UPDATE devices SET token_hash = ?, mqtt_hash = ?, token_collected = 1, code_expires_at = NULL
         WHERE id = ? AND token_collected = 0 AND building_id IS NOT NULL AND revoked_at IS NULL`,
      ).run(tokenHash, mqttHash, id).changes === 1,
    place(id: string, p: Placement): void {
      sql(
        `UPDATE devices SET building_id = ?, kind = ?, floor = ?, bank_id = ?, grp = ?, name = ?, orientation = ?, locale = ?,
         config_rev = config_rev + 1 WHERE id = ?`,
      ).run(p.building, p.kind, p.floor, p.bankId, p.group, p.name, p.orientation, p.locale, id);
    },
    revoke(id: string, now: string): void {
      sql(
        `UPDATE devices SET revoked_at = ?, token_hash = NULL, mqtt_hash = NULL, code = NULL, code_expires_at = NULL,
         online = 0 WHERE id = ?`,
      ).run(now, id);
    },
    // Paired devices (revoked ones too), for the console; never the anonymous pending requests.
    list: (building: string | null) =>
      sql<[{ building: string | null }], DeviceRow>(
        `SELECT * FROM devices WHERE paired_at IS NOT NULL AND (@building IS NULL OR building_id = @building)
         ORDER BY building_id, floor, name, id`,
      ).all({ building }),
    // Devices that hold a working token: what a broker must let in.
    active: () =>
      sql<[], DeviceRow>(
        'SELECT * FROM devices WHERE token_hash IS NOT NULL AND revoked_at IS NULL ORDER BY id',
      ).all(),

    // Presence: true when this report changed the device's state.
    setOnline(id: string, online: boolean, at: string): boolean {
      const changed =
        sql('UPDATE devices SET online = ?, last_seen_at = ? WHERE id = ? AND online <> ?').run(
          online ? 1 : 0,
          at,
          id,
          online ? 1 : 0,
        ).changes === 1;
      if (changed) {
        sql('INSERT INTO device_presence (device_id, online, at) VALUES (?, ?, ?)').run(
          id,
          online ? 1 : 0,
          at,
        );
      } else {
        sql('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(at, id);
      }
      return changed;
    },
    setState(id: string, state: string, alertRev: number | null, at: string): void {
      sql(
        'UPDATE devices SET state = ?, alert_rev = ?, state_at = ?, last_seen_at = ? WHERE id = ?',
      ).run(state, alertRev, at, at, id);
    },
    touch(id: string, at: string): void {
      sql('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(at, id);
    },
    // An embedded broker starts with nobody connected; screens say "online" again as they return.
    // The change is recorded, so the uptime history does not run on through the restart (the
    // broker died with the hub: no will said "offline" for them).
    allOffline: (at = new Date().toISOString()): number =>
      db.transaction(() => {
        sql(
          'INSERT INTO device_presence (device_id, online, at) SELECT id, 0, ? FROM devices WHERE online = 1',
        ).run(at);
        return sql('UPDATE devices SET online = 0 WHERE online = 1').run().changes;
      })(),
    presence: (id: string, limit: number) =>
      sql<[string, number], PresenceRow>(
        'SELECT online, at FROM device_presence WHERE device_id = ? ORDER BY id DESC LIMIT ?',
      ).all(id, limit),
    showingAlert: (building: string, rev: number) =>
      sql<[string, number], { id: string }>(
        'SELECT id FROM devices WHERE building_id = ? AND alert_rev = ? AND revoked_at IS NULL ORDER BY id',
      )
        .all(building, rev)
        .map((r) => r.id),
  };
}
export type DeviceStore = ReturnType<typeof deviceStore>;

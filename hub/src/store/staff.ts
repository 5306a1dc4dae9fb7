import type { StaffRole } from '#shared/enums';
import type { StaffUser } from '#shared/schemas/staff';
import { fromJsonArray, isString, statements, type Db } from './db.ts';

export interface StaffRow {
  id: number;
  username: string;
  display_name: string;
  role: StaffRole;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
  // JSON array of the account's buildings (staff_buildings), sorted; [] is district-wide.
  buildings: string;
}

// Every read of an account carries its buildings, so no caller can forget them.
const USER = `SELECT u.*, (SELECT json_group_array(building_id) FROM
    (SELECT building_id FROM staff_buildings WHERE user_id = u.id ORDER BY building_id)) AS buildings
  FROM staff_users u`;

export const buildingsOf = (r: StaffRow): string[] => fromJsonArray(r.buildings, isString);

export const toStaffUser = (r: StaffRow): StaffUser => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  disabled: r.disabled === 1,
  buildings: buildingsOf(r),
  createdAt: r.created_at,
});

export function staffStore(db: Db) {
  const sql = statements(db);
  return {
    count: () => sql<[], { n: number }>('SELECT COUNT(*) AS n FROM staff_users').get()?.n ?? 0,
    list: (): StaffUser[] => sql<[], StaffRow>(`${USER} ORDER BY u.id`).all().map(toStaffUser),
    get: (id: number) => sql<[number], StaffRow>(`${USER} WHERE u.id = ?`).get(id),
    byUsername: (u: string) => sql<[string], StaffRow>(`${USER} WHERE u.username = ?`).get(u),
    insert(
      u: { username: string; displayName: string; role: StaffRole; passwordHash: string },
      now: string,
    ): number {
      return Number(
        sql(
          'INSERT INTO staff_users (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(u.username, u.displayName, u.role, u.passwordHash, now, now).lastInsertRowid,
      );
    },
    update(
      id: number,
      u: { displayName: string; role: StaffRole; disabled: boolean; passwordHash: string },
      now: string,
    ) {
      sql(
        'UPDATE staff_users SET display_name = ?, role = ?, disabled = ?, password_hash = ?, updated_at = ? WHERE id = ?',
      ).run(u.displayName, u.role, u.disabled ? 1 : 0, u.passwordHash, now, id);
    },
    // Replaces the account's buildings; [] makes it district-wide.
    setBuildings(id: number, buildings: readonly string[]): void {
      sql('DELETE FROM staff_buildings WHERE user_id = ?').run(id);
      const add = sql('INSERT INTO staff_buildings (user_id, building_id) VALUES (?, ?)');
      for (const b of new Set(buildings)) add.run(id, b);
    },
    // Usernames of the accounts scoped to a building (a building they need cannot be deleted).
    scopedTo: (building: string): string[] =>
      sql<[string], { username: string }>(
        `SELECT u.username FROM staff_buildings sb JOIN staff_users u ON u.id = sb.user_id
         WHERE sb.building_id = ? ORDER BY u.username`,
      )
        .all(building)
        .map((r) => r.username),

    insertSession(tokenHash: string, userId: number, now: string, expiresAt: string): void {
      sql(
        'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      ).run(tokenHash, userId, now, expiresAt);
    },
    sessionUser: (tokenHash: string, now: string) =>
      sql<[string, string], StaffRow>(
        `${USER} JOIN sessions s ON s.user_id = u.id
         WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0`,
      ).get(tokenHash, now),
    removeSession: (tokenHash: string) =>
      sql('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash),
    removeSessionsOf: (userId: number, except?: string) =>
      sql('DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?').run(
        userId,
        except ?? null,
      ),
    purgeSessions: (now: string) => sql('DELETE FROM sessions WHERE expires_at <= ?').run(now),
  };
}
export type StaffStore = ReturnType<typeof staffStore>;

import type { ContactRole } from '#shared/enums';
import { shownPhone } from '#shared/phone-number';
import type { Contact } from '#shared/schemas/contacts';
import { fromJsonArray, isNumber, statements, toJson, type Db } from './db.ts';

interface ContactRow {
  id: number;
  building_id: string;
  name: string;
  role: ContactRole;
  floors: string;
  company: string;
  phone: string;
  wechat: string | null;
  photo: string | null;
  hours: string;
  captain_code: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactFields {
  name: string;
  role: ContactRole;
  floors: number[];
  company: string;
  phone: string;
  wechat?: string | null | undefined;
  photo?: string | null | undefined;
  hours: string;
}

const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  building: r.building_id,
  name: r.name,
  role: r.role,
  floors: fromJsonArray(r.floors, isNumber),
  company: r.company,
  phone: shownPhone(r.phone),
  wechat: r.wechat,
  photo: r.photo,
  hours: r.hours,
});

export function contactStore(db: Db) {
  const sql = statements(db);
  return {
    list: (building: string): Contact[] =>
      sql<[string], ContactRow>('SELECT * FROM contacts WHERE building_id = ? ORDER BY id')
        .all(building)
        .map(toContact),
    get: (id: number): (Contact & { captainCode: string | null }) | undefined => {
      const r = sql<[number], ContactRow>('SELECT * FROM contacts WHERE id = ?').get(id);
      return r && { ...toContact(r), captainCode: r.captain_code };
    },
    captainCodes: (building: string): Map<number, string> =>
      new Map(
        sql<[string], { id: number; captain_code: string }>(
          'SELECT id, captain_code FROM contacts WHERE building_id = ? AND captain_code IS NOT NULL',
        )
          .all(building)
          .map((r) => [r.id, r.captain_code]),
      ),
    // A floor captain's code unlocks their early window and reserved seats.
    captainByCode: (building: string, code: string): Contact | undefined => {
      const r = sql<[string, string], ContactRow>(
        "SELECT * FROM contacts WHERE building_id = ? AND captain_code = ? AND role IN ('captain', 'deputy_captain')",
      ).get(building, code);
      return r && toContact(r);
    },
    insert(building: string, f: ContactFields, captainCode: string | null, now: string): number {
      return Number(
        sql(
          `INSERT INTO contacts (building_id, name, role, floors, company, phone, wechat, photo, hours, captain_code, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          building,
          f.name,
          f.role,
          toJson(f.floors),
          f.company,
          f.phone,
          f.wechat ?? null,
          f.photo ?? null,
          f.hours,
          captainCode,
          now,
          now,
        ).lastInsertRowid,
      );
    },
    update(id: number, f: ContactFields, now: string): void {
      sql(
        `UPDATE contacts SET name = ?, role = ?, floors = ?, company = ?, phone = ?, wechat = ?, photo = ?, hours = ?, updated_at = ?
         WHERE id = ?`,
      ).run(
        f.name,
        f.role,
        toJson(f.floors),
        f.company,
        f.phone,
        f.wechat ?? null,
        f.photo ?? null,
        f.hours,
        now,
        id,
      );
    },
    remove: (id: number) => sql('DELETE FROM contacts WHERE id = ?').run(id).changes > 0,
  };
}
export type ContactStore = ReturnType<typeof contactStore>;

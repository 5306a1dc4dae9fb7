import type { Bank, Building, Floor, Place, QrIntent } from '#shared/schemas/buildings';
import { fromJsonArray, isString, statements, toJson, type Db } from './db.ts';

export interface BuildingRow {
  id: string;
  name: string;
  name_en: string | null;
  timezone: string;
  address: string | null;
  created_at: string;
  // 1: an editor's notice waits for an admin's approval before it reaches the screens.
  notice_approval: number;
}
interface FloorRow {
  building_id: string;
  number: number;
  label: string;
  companies: string;
}
interface BankRow {
  id: number;
  building_id: string;
  floor: number;
  name: string;
  grp: string;
}
interface PlaceRow {
  id: number;
  building_id: string;
  floor: number | null;
  bank_id: number | null;
  name: string;
}
interface QrRow {
  code: string;
  place_id: number;
  intent: QrIntent;
  target_id: number | null;
  scans: number;
}

export interface BuildingFields {
  name: string;
  nameEn?: string | undefined;
  timezone: string;
  address?: string | undefined;
}

const toBuilding = (r: BuildingRow): Building => ({ id: r.id, name: r.name, timezone: r.timezone });
const toFloor = (r: FloorRow): Floor => ({
  building: r.building_id,
  number: r.number,
  label: r.label,
  companies: fromJsonArray(r.companies, isString),
});
const toBank = (r: BankRow): Bank => ({
  id: r.id,
  building: r.building_id,
  floor: r.floor,
  name: r.name,
  group: r.grp,
});

export function buildingStore(db: Db) {
  const sql = statements(db);
  const codesOf = sql<[number], QrRow>('SELECT * FROM qr_codes WHERE place_id = ? ORDER BY intent');
  const toPlace = (r: PlaceRow): Place => ({
    id: r.id,
    building: r.building_id,
    floor: r.floor,
    bankId: r.bank_id,
    name: r.name,
    codes: codesOf.all(r.id).map((c) => ({ code: c.code, intent: c.intent })),
  });

  return {
    list: (): Building[] =>
      sql<[], BuildingRow>('SELECT * FROM buildings ORDER BY id').all().map(toBuilding),
    get: (id: string): BuildingRow | undefined =>
      sql<[string], BuildingRow>('SELECT * FROM buildings WHERE id = ?').get(id),
    setNoticeApproval: (id: string, required: boolean) =>
      sql('UPDATE buildings SET notice_approval = ? WHERE id = ?').run(required ? 1 : 0, id),
    insert(id: string, f: BuildingFields, now: string): void {
      sql(
        'INSERT INTO buildings (id, name, name_en, timezone, address, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(id, f.name, f.nameEn ?? null, f.timezone, f.address ?? null, now);
    },
    update(id: string, f: BuildingFields): void {
      sql('UPDATE buildings SET name = ?, name_en = ?, timezone = ?, address = ? WHERE id = ?').run(
        f.name,
        f.nameEn ?? null,
        f.timezone,
        f.address ?? null,
        id,
      );
    },
    remove: (id: string) => sql('DELETE FROM buildings WHERE id = ?').run(id).changes > 0,

    floors: (building: string): Floor[] =>
      sql<[string], FloorRow>('SELECT * FROM floors WHERE building_id = ? ORDER BY number')
        .all(building)
        .map(toFloor),
    floor: (building: string, n: number): Floor | undefined => {
      const r = sql<[string, number], FloorRow>(
        'SELECT * FROM floors WHERE building_id = ? AND number = ?',
      ).get(building, n);
      return r && toFloor(r);
    },
    upsertFloor(building: string, n: number, label: string, companies: string[]): void {
      sql(
        `INSERT INTO floors (building_id, number, label, companies) VALUES (?, ?, ?, ?)
         ON CONFLICT (building_id, number) DO UPDATE SET label = excluded.label, companies = excluded.companies`,
      ).run(building, n, label, toJson(companies));
    },
    removeFloor: (building: string, n: number) =>
      sql('DELETE FROM floors WHERE building_id = ? AND number = ?').run(building, n).changes > 0,

    banks: (building: string): Bank[] =>
      sql<[string], BankRow>('SELECT * FROM banks WHERE building_id = ? ORDER BY floor, name')
        .all(building)
        .map(toBank),
    bank: (id: number): Bank | undefined => {
      const r = sql<[number], BankRow>('SELECT * FROM banks WHERE id = ?').get(id);
      return r && toBank(r);
    },
    bankByName: (building: string, floor: number | null, name: string): Bank | undefined => {
      const r = sql<[{ building: string; name: string; floor: number | null }], BankRow>(
        'SELECT * FROM banks WHERE building_id = @building AND name = @name AND (@floor IS NULL OR floor = @floor) ORDER BY floor LIMIT 1',
      ).get({ building, name, floor });
      return r && toBank(r);
    },
    insertBank: (building: string, floor: number, name: string, group: string): number =>
      Number(
        sql('INSERT INTO banks (building_id, floor, name, grp) VALUES (?, ?, ?, ?)').run(
          building,
          floor,
          name,
          group,
        ).lastInsertRowid,
      ),
    updateBank(id: number, floor: number, name: string, group: string): void {
      sql('UPDATE banks SET floor = ?, name = ?, grp = ? WHERE id = ?').run(floor, name, group, id);
    },
    removeBank: (id: number) => sql('DELETE FROM banks WHERE id = ?').run(id).changes > 0,

    places: (building: string): Place[] =>
      sql<[string], PlaceRow>('SELECT * FROM places WHERE building_id = ? ORDER BY floor, id')
        .all(building)
        .map(toPlace),
    place: (id: number): Place | undefined => {
      const r = sql<[number], PlaceRow>('SELECT * FROM places WHERE id = ?').get(id);
      return r && toPlace(r);
    },
    insertPlace: (
      building: string,
      floor: number | null,
      bankId: number | null,
      name: string,
    ): number =>
      Number(
        sql('INSERT INTO places (building_id, floor, bank_id, name) VALUES (?, ?, ?, ?)').run(
          building,
          floor,
          bankId,
          name,
        ).lastInsertRowid,
      ),
    updatePlace(id: number, floor: number | null, bankId: number | null, name: string): void {
      sql('UPDATE places SET floor = ?, bank_id = ?, name = ? WHERE id = ?').run(
        floor,
        bankId,
        name,
        id,
      );
    },
    removePlace: (id: number) => sql('DELETE FROM places WHERE id = ?').run(id).changes > 0,

    insertCode(code: string, placeId: number, intent: QrIntent, targetId: number | null): void {
      sql('INSERT INTO qr_codes (code, place_id, intent, target_id) VALUES (?, ?, ?, ?)').run(
        code,
        placeId,
        intent,
        targetId,
      );
    },
    code: (code: string): QrRow | undefined =>
      sql<[string], QrRow>('SELECT * FROM qr_codes WHERE code = ?').get(code),
    countScan: (code: string) =>
      sql('UPDATE qr_codes SET scans = scans + 1 WHERE code = ?').run(code),
  };
}
export type BuildingStore = ReturnType<typeof buildingStore>;

import type { CalendarDay, CalendarDayKind } from '#shared/working-days';
import { statements, type Db } from './db.ts';

interface HolidayRow {
  building_id: string;
  date: string;
  kind: CalendarDayKind;
  name: string;
}

const toDay = (r: HolidayRow): CalendarDay & { name: string } => ({
  date: r.date,
  kind: r.kind,
  name: r.name,
});

export function holidayStore(db: Db) {
  const sql = statements(db);
  return {
    // Dates are YYYY-MM-DD text, so string bounds compare as dates.
    list: (building: string, from = '0000-01-01', to = '9999-12-31') =>
      sql<[string, string, string], HolidayRow>(
        'SELECT * FROM holidays WHERE building_id = ? AND date >= ? AND date <= ? ORDER BY date',
      )
        .all(building, from, to)
        .map(toDay),
    get: (building: string, date: string) => {
      const r = sql<[string, string], HolidayRow>(
        'SELECT * FROM holidays WHERE building_id = ? AND date = ?',
      ).get(building, date);
      return r && toDay(r);
    },
    put(building: string, day: CalendarDay & { name: string }): void {
      sql(
        `INSERT INTO holidays (building_id, date, kind, name) VALUES (?, ?, ?, ?)
         ON CONFLICT (building_id, date) DO UPDATE SET kind = excluded.kind, name = excluded.name`,
      ).run(building, day.date, day.kind, day.name);
    },
    remove: (building: string, from: string, to: string) =>
      sql('DELETE FROM holidays WHERE building_id = ? AND date >= ? AND date <= ?').run(
        building,
        from,
        to,
      ).changes,
  };
}
export type HolidayStore = ReturnType<typeof holidayStore>;

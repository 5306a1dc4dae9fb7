import { slide, type Playlist, type ScheduleRule, type Slide } from '#shared/schemas/playlists';
import { fromJsonArray, isNumber, isString, statements, toJson, type Db } from './db.ts';

interface PlaylistRow {
  id: number;
  building_id: string;
  name: string;
  slides: string;
  created_at: string;
  updated_at: string;
}

interface RuleRow {
  id: number;
  building_id: string;
  playlist_id: number;
  groups: string;
  weekdays: string;
  from_time: string;
  to_time: string;
  date_from: string | null;
  date_to: string | null;
  priority: number;
  created_at: string;
  updated_at: string;
}

export interface PlaylistFields {
  name: string;
  slides: Slide[];
}

export type RuleFields = Omit<ScheduleRule, 'id' | 'building'>;

const isSlide = (x: unknown): x is Slide => slide.safeParse(x).success;

export function playlistStore(db: Db) {
  const sql = statements(db);
  const defaultOf = (building: string): number | null =>
    sql<[string], { playlist_id: number }>(
      'SELECT playlist_id FROM playlist_defaults WHERE building_id = ?',
    ).get(building)?.playlist_id ?? null;
  const toPlaylist = (r: PlaylistRow, defaultId: number | null): Playlist => ({
    id: r.id,
    building: r.building_id,
    name: r.name,
    slides: fromJsonArray(r.slides, isSlide),
    isDefault: r.id === defaultId,
  });
  const toRule = (r: RuleRow): ScheduleRule => {
    const rule: ScheduleRule = {
      id: r.id,
      building: r.building_id,
      playlistId: r.playlist_id,
      groups: fromJsonArray(r.groups, isString),
      weekdays: fromJsonArray(r.weekdays, isNumber),
      from: r.from_time,
      to: r.to_time,
      priority: r.priority,
    };
    if (r.date_from) rule.dateFrom = r.date_from;
    if (r.date_to) rule.dateTo = r.date_to;
    return rule;
  };

  return {
    list(building: string): Playlist[] {
      const defaultId = defaultOf(building);
      return sql<[string], PlaylistRow>('SELECT * FROM playlists WHERE building_id = ? ORDER BY id')
        .all(building)
        .map((r) => toPlaylist(r, defaultId));
    },
    get(id: number): Playlist | undefined {
      const r = sql<[number], PlaylistRow>('SELECT * FROM playlists WHERE id = ?').get(id);
      return r && toPlaylist(r, defaultOf(r.building_id));
    },
    insert(building: string, f: PlaylistFields, now: string): number {
      return Number(
        sql(
          'INSERT INTO playlists (building_id, name, slides, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
        ).run(building, f.name, toJson(f.slides), now, now).lastInsertRowid,
      );
    },
    update(id: number, f: PlaylistFields, now: string): void {
      sql('UPDATE playlists SET name = ?, slides = ?, updated_at = ? WHERE id = ?').run(
        f.name,
        toJson(f.slides),
        now,
        id,
      );
    },
    remove: (id: number) => sql('DELETE FROM playlists WHERE id = ?').run(id).changes > 0,

    defaultOf,
    setDefault(building: string, playlistId: number | null): void {
      if (playlistId === null) {
        sql('DELETE FROM playlist_defaults WHERE building_id = ?').run(building);
        return;
      }
      sql(
        `INSERT INTO playlist_defaults (building_id, playlist_id) VALUES (?, ?)
         ON CONFLICT (building_id) DO UPDATE SET playlist_id = excluded.playlist_id`,
      ).run(building, playlistId);
    },

    rules: (building: string): ScheduleRule[] =>
      sql<[string], RuleRow>('SELECT * FROM schedule_rules WHERE building_id = ? ORDER BY id')
        .all(building)
        .map(toRule),
    rule(id: number): ScheduleRule | undefined {
      const r = sql<[number], RuleRow>('SELECT * FROM schedule_rules WHERE id = ?').get(id);
      return r && toRule(r);
    },
    rulesUsing: (playlistId: number): number[] =>
      sql<[number], { id: number }>(
        'SELECT id FROM schedule_rules WHERE playlist_id = ? ORDER BY id',
      )
        .all(playlistId)
        .map((r) => r.id),
    insertRule(building: string, f: RuleFields, now: string): number {
      return Number(
        sql(
          `INSERT INTO schedule_rules (building_id, playlist_id, groups, weekdays, from_time, to_time, date_from, date_to, priority, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          building,
          f.playlistId,
          toJson(f.groups),
          toJson(f.weekdays),
          f.from,
          f.to,
          f.dateFrom ?? null,
          f.dateTo ?? null,
          f.priority,
          now,
          now,
        ).lastInsertRowid,
      );
    },
    updateRule(id: number, f: RuleFields, now: string): void {
      sql(
        `UPDATE schedule_rules SET playlist_id = ?, groups = ?, weekdays = ?, from_time = ?, to_time = ?, date_from = ?, date_to = ?,
         priority = ?, updated_at = ? WHERE id = ?`,
      ).run(
        f.playlistId,
        toJson(f.groups),
        toJson(f.weekdays),
        f.from,
        f.to,
        f.dateFrom ?? null,
        f.dateTo ?? null,
        f.priority,
        now,
        id,
      );
    },
    removeRule: (id: number) => sql('DELETE FROM schedule_rules WHERE id = ?').run(id).changes > 0,
  };
}
export type PlaylistStore = ReturnType<typeof playlistStore>;

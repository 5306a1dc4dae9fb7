// Playlists, rules and notices for the schedule resolver's tests; not a test itself.
import { resolveSchedule, type ResolveInput, type ScheduleData } from '#shared/schedule-resolver';
import type { Notice } from '#shared/schemas/notices';
import type { Playlist, ScheduleRule } from '#shared/schemas/playlists';
import { zonedToUtc } from '#shared/time';

export const SH = 'Asia/Shanghai';

export function playlist(id: number, name: string): Playlist {
  return {
    id,
    building: 'demo',
    name,
    isDefault: false,
    slides: [
      { id: `${name}-notices`, kind: 'notices', duration: 10 },
      { id: `${name}-feedback`, kind: 'feedback', duration: 10 },
    ],
  };
}

export function rule(
  id: number,
  playlistId: number,
  over: Partial<ScheduleRule> = {},
): ScheduleRule {
  return {
    id,
    building: 'demo',
    playlistId,
    groups: [],
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    from: '00:00',
    to: '00:00',
    priority: 0,
    ...over,
  };
}

export function notice(id: number, over: Partial<Notice> = {}): Notice {
  return {
    id,
    building: 'demo',
    title: `n${id}`,
    body: '',
    category: 'affairs',
    priority: 'normal',
    validFrom: null,
    validTo: null,
    floors: [],
    groups: [],
    image: null,
    link: null,
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...over,
  };
}

export const DEFAULT = playlist(1, 'default');
const LUNCH = playlist(2, 'lunch');
const NIGHT = playlist(3, 'night');
const LOBBY = playlist(4, 'lobby');

export function schedule(
  rules: ScheduleRule[],
  defaultPlaylistId: number | null = 1,
): ScheduleData {
  return { playlists: [DEFAULT, LUNCH, NIGHT, LOBBY], rules, defaultPlaylistId };
}

export const lunchRule = rule(10, 2, {
  weekdays: [1, 2, 3, 4, 5],
  from: '11:30',
  to: '13:30',
  priority: 10,
});

export function at(iso: string, over: Partial<ResolveInput> = {}) {
  return resolveSchedule({
    at: new Date(iso),
    timezone: SH,
    placement: { group: 'high', floor: 18 },
    schedule: schedule([lunchRule]),
    notices: [notice(1)],
    alert: null,
    ...over,
  });
}

// 2026-11-23 is a Monday.
export const local = (d: number, h: number, m: number, tz = SH) =>
  zonedToUtc(2026, 11, d, h, m, tz).toISOString();

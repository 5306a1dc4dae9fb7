import { resolveSchedule, type Resolution } from '#shared/schedule-resolver';
import type { DeviceState } from '#shared/device/store';
import { DEFAULT_TZ } from '../i18n.ts';

// The shared resolver over what the screen holds: no snapshot means nothing to show of it.
export function resolveFor(s: DeviceState, now: number): Resolution {
  const cfg = s.config?.data;
  return resolveSchedule({
    at: new Date(now),
    timezone: cfg?.timezone ?? DEFAULT_TZ,
    placement: { group: cfg?.group ?? null, floor: cfg?.floor ?? null },
    schedule: s.content.playlists?.data ?? null,
    notices: s.content.notices?.data ?? [],
    alert: s.content.alert?.data ?? null,
    events: s.content.events?.data ?? [],
    contacts: s.content.contacts?.data ?? [],
    hasBoard: s.content.board !== null,
  });
}

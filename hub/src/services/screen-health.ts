import {
  DEFAULT_OFFLINE_AFTER_MINUTES,
  type ScreenHealth,
  type ScreenHealthReport,
  type ScreenHealthSettings,
} from '#shared/schemas/screen-health';
import { uptimeHistory, type PresenceChange } from '#shared/uptime';
import { flushReports } from '../broker/reports.ts';
import type { Actor, HubContext } from '../context.ts';
import { must } from '../errors.ts';
import type { PresenceChangeRow } from '../store/screen-health.ts';
import { audit } from './audit.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

const offlineAfter = (ctx: HubContext, building: string) =>
  ctx.store.screenHealth.offlineAfterMinutes(building) ?? DEFAULT_OFFLINE_AFTER_MINUTES;

function byDevice(rows: PresenceChangeRow[]): Map<string, PresenceChange[]> {
  const out = new Map<string, PresenceChange[]>();
  for (const r of rows) {
    const list = out.get(r.deviceId) ?? [];
    list.push({ online: r.online, at: r.at });
    out.set(r.deviceId, list);
  }
  return out;
}

// Every paired screen of a building: its online and offline spans over the last `days`, its
// share of time online, and whether it has been offline longer than the building's limit.
export function screenHealth(ctx: HubContext, building: string, days: number): ScreenHealthReport {
  must(ctx.store.buildings.get(building), 'building');
  flushReports(ctx);
  const now = ctx.now();
  const from = new Date(now.getTime() - days * DAY_MS);
  const limitMs = offlineAfter(ctx, building) * 60_000;
  const inWindow = byDevice(ctx.store.screenHealth.changesSince(building, from.toISOString()));
  const before = new Map(
    ctx.store.screenHealth
      .lastChangesBefore(building, from.toISOString())
      .map((r) => [r.deviceId, r] as const),
  );
  const screens: ScreenHealth[] = ctx.store.devices
    .list(building)
    .filter((d) => !d.revoked_at)
    .map((d) => {
      const changes = inWindow.get(d.id) ?? [];
      const entered = before.get(d.id);
      const history = uptimeHistory(entered?.online ?? null, changes, from, now);
      const since = changes[changes.length - 1]?.at ?? entered?.at ?? null;
      const online = d.online === 1;
      // A screen that never reported counts as offline since it was paired.
      const offlineSince = online ? null : (since ?? d.paired_at);
      const flagged = offlineSince !== null && now.getTime() - Date.parse(offlineSince) > limitMs;
      return {
        id: d.id,
        name: d.name,
        kind: d.kind,
        floor: d.floor,
        bank: d.bank_id === null ? null : (ctx.store.buildings.bank(d.bank_id)?.name ?? null),
        online,
        since,
        flagged,
        uptime: history.uptime,
        spans: history.spans,
      };
    });
  return {
    building,
    from: from.toISOString(),
    to: now.toISOString(),
    offlineAfterMinutes: limitMs / 60_000,
    screens,
  };
}

export function setScreenHealthSettings(
  ctx: HubContext,
  actor: Actor,
  building: string,
  input: ScreenHealthSettings,
): void {
  must(ctx.store.buildings.get(building), 'building');
  ctx.store.tx(() => {
    const before = { offlineAfterMinutes: offlineAfter(ctx, building) };
    ctx.store.screenHealth.setOfflineAfterMinutes(building, input.offlineAfterMinutes);
    audit(ctx, actor, 'update', 'screen_health', building, before, input);
  });
}

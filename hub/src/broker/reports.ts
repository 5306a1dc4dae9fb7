import { MAX_DEVICE_PAYLOAD, availability, deviceState, playedBatch } from '#shared/payloads';
import { DEVICE_PUBLISHES, type DeviceTopic } from '#shared/topics';
import type { HubContext } from '../context.ts';
import type { Metrics } from '../http/metrics.ts';
import type { DeviceRow } from '../store/devices.ts';
import { parseJson } from './json.ts';

export type DropReason = 'oversized' | 'malformed' | 'unknown_device' | 'not_a_report';

// Records what devices say about themselves (availability, state, proof of play) and
// tells the console. Returns why a report was dropped, or null when it was taken; a
// dropped report is counted and must not be passed on to anyone.
export type ReportHandler = (
  deviceId: string,
  building: string,
  name: DeviceTopic,
  payload: Buffer,
) => DropReason | null;

export function deviceReports(ctx: HubContext, metrics: Metrics['mqtt']): ReportHandler {
  return (deviceId, building, name, payload) => {
    let reason: DropReason | null;
    try {
      reason = record(ctx, deviceId, building, name, payload);
    } catch (err) {
      // The store failing must not take the broker down; the report itself was fine.
      ctx.log.error({ err, deviceId, topic: name }, 'device report not recorded');
      return null;
    }
    if (reason) metrics.dropped.inc({ topic: name, reason });
    return reason;
  };
}

function record(
  ctx: HubContext,
  deviceId: string,
  building: string,
  name: DeviceTopic,
  payload: Buffer,
): DropReason | null {
  if (!DEVICE_PUBLISHES.includes(name)) return 'not_a_report';
  if (payload.length > MAX_DEVICE_PAYLOAD) return 'oversized';
  const device = ctx.store.devices.get(deviceId);
  if (!device || device.revoked_at || device.building_id !== building) return 'unknown_device';
  const at = ctx.now().toISOString();
  const text = payload.toString('utf8');
  switch (name) {
    case 'availability': {
      const parsed = availability.safeParse(text);
      if (!parsed.success) return 'malformed';
      const online = parsed.data === 'online';
      if (ctx.store.devices.setOnline(deviceId, online, at)) {
        ctx.live?.emit('device.presence', { building, deviceId, online, at });
      }
      return null;
    }
    case 'state': {
      const parsed = deviceState.safeParse(parseJson(text));
      if (!parsed.success) return 'malformed';
      const alertRev = parsed.data.alertRev;
      ctx.store.devices.setState(deviceId, JSON.stringify(parsed.data), alertRev, at);
      if (
        alertRev !== null &&
        alertRev !== device.alert_rev &&
        showsCurrentAlert(ctx, device, alertRev)
      ) {
        ctx.live?.emit('alert.ack', { building, deviceId, rev: alertRev, at });
      }
      return null;
    }
    case 'played': {
      const parsed = playedBatch.safeParse(parseJson(text));
      if (!parsed.success) return 'malformed';
      const plays = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
      ctx.store.tx(() => {
        for (const p of plays) ctx.store.plays.record(deviceId, building, p, at);
        ctx.store.devices.touch(deviceId, at);
      });
      return null;
    }
    default:
      return 'not_a_report';
  }
}

function showsCurrentAlert(ctx: HubContext, device: DeviceRow, rev: number): boolean {
  const building = device.building_id;
  if (!building || !ctx.store.alerts.get(building)) return false;
  return ctx.store.snapshots.get(building, 'alert')?.rev === rev;
}

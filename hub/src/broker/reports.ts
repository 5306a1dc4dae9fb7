import { MAX_DEVICE_PAYLOAD, availability, deviceState, playedBatch } from '#shared/payloads';
import { DEVICE_PUBLISHES, type DeviceTopic } from '#shared/topics';
import type { HubContext } from '../context.ts';
import type { Metrics } from '../http/metrics.ts';
import type { DeviceRow } from '../store/devices.ts';
import { parseJson } from './json.ts';

export type DropReason = 'oversized' | 'malformed' | 'unknown_device' | 'not_a_report';

// Checks what a device says about itself (availability, state, proof of play) at once,
// so a bad report is refused before anyone sees it: returns why it was dropped, or null.
export type ReportHandler = (
  deviceId: string,
  building: string,
  name: DeviceTopic,
  payload: Buffer,
) => DropReason | null;

// A write to make for a report; what it returns runs after the commit (a live event).
type Write = () => (() => void) | void;

export interface DeviceReports {
  report: ReportHandler;
  // Runs `then` once every report taken so far is on disk (at once when none waits), with
  // the error when the write failed: the broker acknowledges a report only then, so a
  // device never forgets a play the hub could lose.
  afterWrite(then: (err: Error | null) => void): void;
  // Writes what is queued now (the broker calls it when it stops).
  flush(): void;
}

// Reports are checked one by one but written together: the first at once (next turn of
// the event loop), then at most one transaction per WRITE_WINDOW_MS while they keep
// coming. A fleet reconnecting at once sends a thousand "online"s, and a commit each
// (synchronous=FULL) held the broker up for most of a second.
const WRITE_WINDOW_MS = 25;

// Readers of what devices reported (the device list, the alert view) flush first, so
// the API always shows every report the broker has taken.
const flushes = new WeakMap<HubContext, () => void>();
export function flushReports(ctx: HubContext): void {
  flushes.get(ctx)?.();
}

export function deviceReports(ctx: HubContext, metrics: Metrics['mqtt']): DeviceReports {
  let queue: Write[] = [];
  let waiting: ((err: Error | null) => void)[] = [];
  let pending: NodeJS.Timeout | null = null;
  let lastWrite = -Infinity;

  const flush = () => {
    if (pending) clearTimeout(pending);
    pending = null;
    const writes = queue;
    const written = waiting;
    queue = [];
    waiting = [];
    if (writes.length === 0) return;
    lastWrite = performance.now();
    const after: (() => void)[] = [];
    let failed: Error | null = null;
    try {
      ctx.store.tx(() => {
        for (const write of writes) {
          try {
            const then = write();
            if (then) after.push(then);
          } catch (err) {
            ctx.log.error({ err }, 'device report not recorded');
          }
        }
      });
    } catch (err) {
      // The store failing must not take the broker down; the reports stay unacknowledged,
      // so their devices keep them and send them again.
      ctx.log.error({ err, reports: writes.length }, 'device reports not recorded');
      failed = err instanceof Error ? err : new Error(String(err));
    }
    if (!failed) for (const then of after) then();
    for (const then of written) then(failed);
  };
  const later = (write: Write) => {
    queue.push(write);
    pending ??= setTimeout(flush, Math.max(0, lastWrite + WRITE_WINDOW_MS - performance.now()));
  };
  flushes.set(ctx, flush);

  const report: ReportHandler = (deviceId, building, name, payload) => {
    let reason: DropReason | null;
    try {
      reason = check(ctx, later, deviceId, building, name, payload);
    } catch (err) {
      ctx.log.error({ err, deviceId, topic: name }, 'device report not checked');
      return null;
    }
    if (reason) metrics.dropped.inc({ topic: name, reason });
    return reason;
  };
  const afterWrite = (then: (err: Error | null) => void) => {
    if (queue.length === 0) then(null);
    else waiting.push(then);
  };
  return { report, afterWrite, flush };
}

function check(
  ctx: HubContext,
  later: (write: Write) => void,
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
      later(() => {
        if (!ctx.store.devices.setOnline(deviceId, online, at)) return;
        return () => ctx.live?.emit('device.presence', { building, deviceId, online, at });
      });
      return null;
    }
    case 'state': {
      const parsed = deviceState.safeParse(parseJson(text));
      if (!parsed.success) return 'malformed';
      const alertRev = parsed.data.alertRev;
      const json = JSON.stringify(parsed.data);
      later(() => {
        const before = ctx.store.devices.get(deviceId)?.alert_rev ?? null;
        ctx.store.devices.setState(deviceId, json, alertRev, at);
        // A screen that was away during the all-clear still shows the alert, and the retained
        // alert is gone, so its reconnect brought nothing to say so: publish the clear again.
        if (alertRev !== null && !ctx.store.alerts.get(building)) {
          return () => ctx.changes.changed(building, 'alert');
        }
        if (alertRev === null || alertRev === before || !showsCurrentAlert(ctx, device, alertRev)) {
          return;
        }
        return () => ctx.live?.emit('alert.ack', { building, deviceId, rev: alertRev, at });
      });
      return null;
    }
    case 'played': {
      const parsed = playedBatch.safeParse(parseJson(text));
      if (!parsed.success) return 'malformed';
      const plays = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
      later(() => {
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

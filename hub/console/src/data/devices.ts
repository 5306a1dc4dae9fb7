import { z } from 'zod';
import type { alertInput } from '#shared/schemas/alert';
import { alertView } from '#shared/schemas/alert';
import { okResponse } from '#shared/schemas/common';
import {
  deviceCommandSent,
  deviceDetail,
  deviceSummary,
  type deviceClaim,
  type deviceMove,
} from '#shared/schemas/devices';
import { screenHealthReport } from '#shared/schemas/screen-health';
import { snapshotFill } from '#shared/schemas/snapshots';
import type { DEVICE_COMMANDS } from '#shared/payloads';
import { call, qs } from './http.ts';
import { subscribeBuilding, subscribeResync } from './live.ts';

export const listDevices = (b: string) =>
  call(z.array(deviceSummary), 'GET', `/api/staff/devices${qs({ building: b })}`);
export const getDevice = (id: string) => call(deviceDetail, 'GET', `/api/staff/devices/${id}`);
export const pairDevice = (input: z.input<typeof deviceClaim>) =>
  call(z.object({ deviceId: z.string() }), 'POST', '/api/staff/devices', input);
export const moveDevice = (id: string, patch: z.input<typeof deviceMove>) =>
  call(okResponse, 'PATCH', `/api/staff/devices/${id}`, patch);
export const revokeDevice = (id: string) =>
  call(okResponse, 'POST', `/api/staff/devices/${id}/revoke`, {});
export const sendCommand = (id: string, cmd: (typeof DEVICE_COMMANDS)[number]) =>
  call(deviceCommandSent, 'POST', `/api/staff/devices/${id}/commands`, { cmd });

export const getSnapshotFill = (b: string) =>
  call(snapshotFill, 'GET', `/api/staff/buildings/${b}/snapshots`);

export const getScreenHealth = (b: string, days: number) =>
  call(screenHealthReport, 'GET', `/api/staff/buildings/${b}/screen-health${qs({ days })}`);
export const setOfflineLimit = (b: string, offlineAfterMinutes: number) =>
  call(okResponse, 'PUT', `/api/staff/buildings/${b}/screen-health`, { offlineAfterMinutes });

// A screen came or went; also after the live channel was away, when some may have.
export function subscribePresence(b: string, fn: () => void): () => void {
  const offPresence = subscribeBuilding('device.presence', b, fn);
  const offResync = subscribeResync(fn);
  return () => (offPresence(), offResync());
}

export const getAlert = (b: string) => call(alertView, 'GET', `/api/staff/buildings/${b}/alert`);
export const raiseAlert = (b: string, input: z.input<typeof alertInput>) =>
  call(okResponse, 'PUT', `/api/staff/buildings/${b}/alert`, input);
export const clearAlert = (b: string) =>
  call(okResponse, 'DELETE', `/api/staff/buildings/${b}/alert`);
// The alert was raised or cleared (by anyone), or a screen says it renders it (its state
// carries the alert's rev).
export function subscribeAlert(b: string, fn: () => void): () => void {
  const offAck = subscribeBuilding('alert.ack', b, fn);
  const offPublished = subscribeBuilding(
    'content.published',
    b,
    (p) => p.topic === 'alert' && fn(),
  );
  const offResync = subscribeResync(fn);
  return () => (offAck(), offPublished(), offResync());
}

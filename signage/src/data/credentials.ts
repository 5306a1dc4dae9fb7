import { z } from 'zod';
import { buildingId } from '#shared/schemas/common';
import { deviceIdParams } from '#shared/schemas/devices';
import { forget, KEYS, load, save } from './storage.ts';

// What pairing leaves on the screen: who it is and the secret it logs in to MQTT with.
export const credentials = z.object({
  deviceId: deviceIdParams.shape.deviceId,
  token: z.string().min(8).max(500),
  building: buildingId,
  // Where pairing said MQTT over WebSocket is; see brokerUrl() in connection.ts.
  ws: z.string().max(300).optional(),
});
export type Credentials = z.infer<typeof credentials>;

// A code on screen survives a reload, so staff typing it in do not lose the race.
export const pendingPairing = z.object({
  deviceId: deviceIdParams.shape.deviceId,
  code: z.string().regex(/^[0-9]{6}$/),
});
export type PendingPairing = z.infer<typeof pendingPairing>;

export const loadCredentials = () => load(KEYS.credentials, credentials);
export const saveCredentials = (c: Credentials) => save(KEYS.credentials, c);
export const forgetCredentials = () => forget(KEYS.credentials);
export const loadPending = () => load(KEYS.pairing, pendingPairing);
export const savePending = (p: PendingPairing) => save(KEYS.pairing, p);
export const forgetPending = () => forget(KEYS.pairing);

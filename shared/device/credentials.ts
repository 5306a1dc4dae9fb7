import { z } from 'zod';
import { buildingId } from '../schemas/common.ts';
import { deviceIdParams } from '../schemas/devices.ts';
import { KEYS, type DeviceStorage } from './storage.ts';

// What pairing leaves on the device: who it is and the secret it logs in to MQTT with.
export const credentials = z.object({
  deviceId: deviceIdParams.shape.deviceId,
  token: z.string().min(8).max(500),
  building: buildingId,
  // Where pairing said MQTT over WebSocket is; see brokerUrl() in broker-url.ts.
  ws: z.string().max(300).optional(),
});
export type Credentials = z.infer<typeof credentials>;

// A code on screen survives a reload, so staff typing it in do not lose the race.
export const pendingPairing = z.object({
  deviceId: deviceIdParams.shape.deviceId,
  code: z.string().regex(/^[0-9]{6}$/),
});
export type PendingPairing = z.infer<typeof pendingPairing>;

export function credentialStore(storage: DeviceStorage) {
  return {
    load: () => storage.load(KEYS.credentials, credentials),
    save: (c: Credentials) => storage.save(KEYS.credentials, c),
    forget: () => storage.forget(KEYS.credentials),
    loadPending: () => storage.load(KEYS.pairing, pendingPairing),
    savePending: (p: PendingPairing) => storage.save(KEYS.pairing, p),
    forgetPending: () => storage.forget(KEYS.pairing),
  };
}
export type CredentialStore = ReturnType<typeof credentialStore>;

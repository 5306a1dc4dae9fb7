import { z } from 'zod';
import { buildingId } from '#shared/schemas/common';
import { pairingCreated, pairingDone } from '#shared/schemas/devices';
import { request } from './http.ts';

const KEY = 'lobby.kiosk.identity';

export const identity = z.object({
  deviceId: z.string(),
  token: z.string(),
  building: buildingId,
  ws: z.string(),
});
export type Identity = z.infer<typeof identity>;

// The token survives reloads and power cuts; a kiosk is paired once.
export function loadIdentity(): Identity | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = identity.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveIdentity(id: Identity): void {
  localStorage.setItem(KEY, JSON.stringify(id));
}

export function forgetIdentity(): void {
  localStorage.removeItem(KEY);
}

export const startPairing = () =>
  request('POST', '/api/devices/pairing', pairingCreated, { kind: 'kiosk' });

export type PairingPoll =
  | { state: 'waiting' }
  | { state: 'paired'; identity: Identity }
  | { state: 'restart' }
  | { state: 'offline' };

// 202 while staff have not claimed the code; 200 once with the token; anything else
// (expired code, token already collected) means asking for a new code.
export async function pollPairing(deviceId: string): Promise<PairingPoll> {
  let res: Response;
  try {
    res = await fetch(`/api/devices/pairing/${encodeURIComponent(deviceId)}`);
  } catch {
    return { state: 'offline' };
  }
  if (res.status === 202) return { state: 'waiting' };
  if (res.status >= 500) return { state: 'offline' };
  if (res.status !== 200) return { state: 'restart' };
  const done = pairingDone.safeParse(await res.json().catch(() => null));
  if (!done.success) return { state: 'restart' };
  return {
    state: 'paired',
    identity: {
      deviceId,
      token: done.data.token,
      building: done.data.building,
      ws: done.data.mqtt.ws || defaultWsUrl(),
    },
  };
}

export function defaultWsUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/mqtt`;
}

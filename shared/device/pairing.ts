import type { DeviceKind } from '../enums.ts';
import { pairingCreated, pairingDone } from '../schemas/devices.ts';
import { backoffDelay } from './backoff.ts';
import {
  pendingPairing,
  type CredentialStore,
  type Credentials,
  type PendingPairing,
} from './credentials.ts';

const POLL_MS = 2000;

export type PairingStatus =
  { phase: 'connecting'; code: string | null } | { phase: 'waiting'; code: string };

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function requestCode(
  kind: DeviceKind,
  store: CredentialStore,
  signal: AbortSignal,
): Promise<PendingPairing> {
  const res = await fetch('/api/devices/pairing', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind }),
    signal,
  });
  if (res.status !== 201) throw new Error(`pairing request: HTTP ${res.status}`);
  const pending = pendingPairing.parse(pairingCreated.parse(await res.json()));
  store.savePending(pending);
  return pending;
}

// Asks the hub for a code, shows it, and polls until staff have entered it in the console;
// then collects the token (the hub hands it out once). Resolves null when aborted.
export async function pairDevice(
  kind: DeviceKind,
  store: CredentialStore,
  onStatus: (s: PairingStatus) => void,
  signal: AbortSignal,
): Promise<Credentials | null> {
  let attempt = 0;
  let pending = store.loadPending();
  while (!signal.aborted) {
    try {
      pending ??= await requestCode(kind, store, signal);
      onStatus({ phase: 'waiting', code: pending.code });
      const res = await fetch(`/api/devices/pairing/${pending.deviceId}`, {
        cache: 'no-store',
        signal,
      });
      attempt = 0;
      if (res.status === 200) {
        const done = pairingDone.parse(await res.json());
        return {
          deviceId: pending.deviceId,
          token: done.token,
          building: done.building,
          ws: done.mqtt.ws || undefined,
        };
      }
      if (res.status === 202) {
        await sleep(POLL_MS, signal);
        continue;
      }
      // Expired, already collected or unknown: start over with a fresh code.
      store.forgetPending();
      pending = null;
      if (res.status !== 404 && res.status !== 410) throw new Error(`pairing: HTTP ${res.status}`);
    } catch (err) {
      if (signal.aborted) break;
      console.warn(err);
      onStatus({ phase: 'connecting', code: pending?.code ?? null });
      await sleep(backoffDelay(attempt++), signal);
    }
  }
  return null;
}

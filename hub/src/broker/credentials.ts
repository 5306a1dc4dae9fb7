import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { deviceIdParams } from '#shared/schemas/devices';
import type { HubContext } from '../context.ts';
import { newToken, sameSecret, sha256 } from '../services/secrets.ts';
import type { Identity } from './acl.ts';
import { parseJson } from './json.ts';

// The hub's own MQTT login, which staff tools (mosquitto_sub, MQTT Explorer) use too.
export const HUB_USERNAME = 'lobby-hub';

const credentialFile = z.object({
  username: z.literal(HUB_USERNAME),
  password: z.string().min(20),
});
export type HubCredential = z.infer<typeof credentialFile>;

export const isDeviceId = (id: string) => deviceIdParams.safeParse({ deviceId: id }).success;

export const hubCredentialPath = (dataDir: string) => join(dataDir, 'mqtt', 'hub-credential.json');

// Made on first start and kept, so an external broker's password file stays valid
// across restarts. Readable by the hub's user only; never logged.
export function loadHubCredential(dataDir: string): HubCredential {
  const file = hubCredentialPath(dataDir);
  if (existsSync(file)) {
    const parsed = credentialFile.safeParse(parseJson(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  }
  const credential: HubCredential = { username: HUB_USERNAME, password: newToken(32) };
  mkdirSync(join(dataDir, 'mqtt'), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(credential), { mode: 0o600 });
  chmodSync(file, 0o600);
  return credential;
}

// Username and password of an MQTT CONNECT → who it is, or null for anyone else.
export function identify(
  ctx: HubContext,
  hub: HubCredential,
  username: string | undefined,
  password: Buffer | undefined,
): Identity | null {
  if (!username || !password) return null;
  const secret = password.toString('utf8');
  if (username === hub.username)
    return sameSecret(secret, sha256(hub.password)) ? { kind: 'hub' } : null;
  if (!isDeviceId(username)) return null;
  const device = ctx.store.devices.get(username);
  if (!device?.token_hash || device.revoked_at || !device.building_id) return null;
  if (!sameSecret(secret, device.token_hash)) return null;
  return { kind: 'device', deviceId: device.id, building: device.building_id };
}

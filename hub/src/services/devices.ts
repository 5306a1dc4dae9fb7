import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { DeviceKind } from '#shared/enums';
import { deviceState, type DeviceCommand } from '#shared/payloads';
import type { DeviceSummary, deviceClaim, deviceMove } from '#shared/schemas/devices';
import { parseJson } from '../broker/json.ts';
import { loadHubCredential } from '../broker/credentials.ts';
import { mosquittoExport, mosquittoHash } from '../broker/mosquitto.ts';
import { flushReports } from '../broker/reports.ts';
import type { Actor, HubContext } from '../context.ts';
import { ApiError, errorText, fail, invalid, must, notFound } from '../errors.ts';
import type { DeviceRow, Placement } from '../store/devices.ts';
import { audit } from './audit.ts';
import { Limiter } from './limiter.ts';
import { digits, newToken, sha256 } from './secrets.ts';

type DeviceClaim = z.infer<typeof deviceClaim>;
type DeviceMove = z.infer<typeof deviceMove>;

// A code on screen is good for ten minutes; so is a claimed token waiting to be collected.
export const PAIRING_MINUTES = 10;
// Wrong codes a staff account may enter in ten minutes: a typo is forgiven, a sweep of
// the million six-digit codes is not.
const WRONG_CODES = new WeakMap<HubContext, Limiter>();
const wrongCodes = (ctx: HubContext) => {
  let l = WRONG_CODES.get(ctx);
  if (!l) WRONG_CODES.set(ctx, (l = new Limiter(10, 10 * 60_000)));
  return l;
};

// Codes are six digits, so every screen waiting with one makes a mistyped code a little
// likelier to claim a stranger's screen. Waiting screens are few (a screen asks again only
// when its code expires); one address may hold this many codes at a time, unless
// PUBLIC_RATE_LIMIT is 0 (load tests).
const CODES_PER_ADDRESS = 30;
const CODE_REQUESTS = new WeakMap<HubContext, Limiter>();
const codeRequests = (ctx: HubContext) => {
  let l = CODE_REQUESTS.get(ctx);
  if (!l) CODE_REQUESTS.set(ctx, (l = new Limiter(CODES_PER_ADDRESS, PAIRING_MINUTES * 60_000)));
  return l;
};

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const newDeviceId = () =>
  `d-${Array.from({ length: 10 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('')}`;
const minutesFrom = (now: Date, minutes: number) =>
  new Date(now.getTime() + minutes * 60_000).toISOString();

// A screen asks to be paired: it shows the code, staff enter it in the console.
export function startPairing(
  ctx: HubContext,
  kind: DeviceKind,
  address: string,
): { deviceId: string; code: string } {
  if (ctx.config.publicRateLimit > 0 && !codeRequests(ctx).take(address)) {
    throw fail('rate_limited', 'pairingBusy');
  }
  const now = ctx.now();
  return ctx.store.tx(() => {
    ctx.store.devices.removeExpiredPending(now.toISOString());
    for (let attempt = 0; ; attempt++) {
      const deviceId = newDeviceId();
      const code = digits(6);
      try {
        ctx.store.devices.insertPending(
          deviceId,
          kind,
          code,
          minutesFrom(now, PAIRING_MINUTES),
          now.toISOString(),
        );
        return { deviceId, code };
      } catch (err) {
        // Another screen shows this code right now: draw again.
        const unique = (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
        if (!unique || attempt >= 20) throw err;
      }
    }
  });
}

export type PairingAnswer =
  | { status: 'waiting'; expiresAt: string }
  | { status: 'paired'; token: string; building: string; mqtt: { tcp: string; ws: string } };

// The screen polls: waiting until staff claim it, then its token, once.
export function collectPairing(ctx: HubContext, deviceId: string): PairingAnswer {
  const d = must(ctx.store.devices.get(deviceId), 'pairing');
  if (d.token_collected || d.revoked_at) throw fail('gone', 'pairingCollected');
  const now = ctx.now().toISOString();
  if (!d.code_expires_at || d.code_expires_at <= now) {
    throw fail('gone', 'pairingExpired');
  }
  if (!d.building_id) return { status: 'waiting', expiresAt: d.code_expires_at };
  const token = newToken(24);
  const collected = ctx.store.tx(() =>
    ctx.store.devices.collect(deviceId, sha256(token), mosquittoHash(token)),
  );
  if (!collected) throw fail('gone', 'pairingCollected');
  ctx.changes.deviceChanged({ deviceId, previousBuilding: null });
  return { status: 'paired', token, building: d.building_id, mqtt: mqttEndpoints(ctx) };
}

export function mqttEndpoints(ctx: HubContext): { tcp: string; ws: string } {
  return ctx.mqttEndpoints?.() ?? { tcp: ctx.config.mqttUrl ?? '', ws: ctx.config.mqttWsUrl ?? '' };
}

type PlacementInput = Omit<DeviceMove, 'building'>;

// Placement from what staff gave, on top of what the device had. A bank may be named by
// id or by name (on the given floor, or its lowest); it sets floor and group unless given.
function placementFor(
  ctx: HubContext,
  building: string,
  input: PlacementInput,
  base: Omit<Placement, 'building'>,
): Placement {
  const p: Placement = { ...base, building };
  if (input.floor !== undefined) p.floor = input.floor;
  if (input.bank !== undefined) {
    const bank =
      typeof input.bank === 'number'
        ? ctx.store.buildings.bank(input.bank)
        : ctx.store.buildings.bankByName(building, input.floor ?? null, input.bank);
    if (!bank || bank.building !== building) {
      throw invalid('bank', 'noSuchBank');
    }
    p.bankId = bank.id;
    p.floor = input.floor ?? bank.floor;
    p.group = bank.group;
  } else if (p.bankId !== null && ctx.store.buildings.bank(p.bankId)?.floor !== p.floor) {
    // Moved to another floor without naming a bank: the old bank is not there.
    p.bankId = null;
  }
  if (input.group !== undefined) p.group = input.group;
  if (input.name !== undefined) p.name = input.name;
  if (input.orientation !== undefined) p.orientation = input.orientation;
  if (input.locale !== undefined) p.locale = input.locale;
  return p;
}

export function claimDevice(ctx: HubContext, actor: Actor, input: DeviceClaim): string {
  const limiter = wrongCodes(ctx);
  if (limiter.blocked(actor.username)) {
    throw fail('rate_limited', 'pairingCodesThrottled');
  }
  must(ctx.store.buildings.get(input.building), 'building');
  const now = ctx.now();
  const d = ctx.store.devices.pendingByCode(input.code, now.toISOString());
  if (!d) {
    limiter.take(actor.username);
    throw new ApiError('not_found', errorText('pairingCodeUnknown'), 'code');
  }
  const placement = placementFor(ctx, input.building, input, {
    kind: input.kind,
    floor: null,
    bankId: null,
    group: null,
    name: d.id,
    orientation: 'landscape',
    locale: 'zh-CN',
  });
  ctx.store.tx(() => {
    ctx.store.devices.claim(d.id, placement, minutesFrom(now, PAIRING_MINUTES), now.toISOString());
    audit(ctx, actor, 'pair', 'device', d.id, null, placement);
  });
  ctx.changes.deviceChanged({ deviceId: d.id, previousBuilding: null });
  return d.id;
}

function pairedDevice(ctx: HubContext, id: string): DeviceRow & { building_id: string } {
  const d = ctx.store.devices.get(id);
  if (!d?.paired_at || !d.building_id) throw notFound('device');
  if (d.revoked_at) throw fail('conflict', 'deviceRevoked');
  return d as DeviceRow & { building_id: string };
}

const placementOf = (d: DeviceRow): Omit<Placement, 'building'> => ({
  kind: d.kind,
  floor: d.floor,
  bankId: d.bank_id,
  group: d.grp,
  name: d.name,
  orientation: d.orientation,
  locale: d.locale,
});

// Moves or renames a device; its retained config changes, and a move to another
// building also moves its credentials.
export function updateDevice(ctx: HubContext, actor: Actor, id: string, patch: DeviceMove): void {
  const d = pairedDevice(ctx, id);
  const building = patch.building ?? d.building_id;
  must(ctx.store.buildings.get(building), 'building');
  const base = placementOf(d);
  const elsewhere = building !== d.building_id;
  const next = placementFor(
    ctx,
    building,
    patch,
    elsewhere ? { ...base, floor: null, bankId: null, group: null } : base,
  );
  ctx.store.tx(() => {
    ctx.store.devices.place(id, next);
    audit(ctx, actor, 'update', 'device', id, { ...base, building: d.building_id }, next);
  });
  ctx.changes.deviceChanged({ deviceId: id, previousBuilding: d.building_id });
}

export function revokeDevice(ctx: HubContext, actor: Actor, id: string): void {
  const d = pairedDevice(ctx, id);
  ctx.store.tx(() => {
    ctx.store.devices.revoke(id, ctx.now().toISOString());
    audit(ctx, actor, 'revoke', 'device', id, placementOf(d), null);
  });
  ctx.changes.deviceChanged({ deviceId: id, previousBuilding: d.building_id });
}

export function sendCommand(
  ctx: HubContext,
  actor: Actor,
  id: string,
  cmd: DeviceCommand['cmd'],
): string {
  const d = pairedDevice(ctx, id);
  const command: DeviceCommand = { id: newToken(9), cmd, at: ctx.now().toISOString() };
  ctx.store.tx(() => audit(ctx, actor, 'command', 'device', id, null, command));
  ctx.changes.command(d.building_id, id, command);
  return command.id;
}

export function toDeviceSummary(ctx: HubContext, d: DeviceRow): DeviceSummary {
  const bank = d.bank_id === null ? undefined : ctx.store.buildings.bank(d.bank_id);
  const state = d.state === null ? null : deviceState.safeParse(parseJson(d.state));
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    building: d.building_id,
    floor: d.floor,
    bank: bank ? { id: bank.id, name: bank.name } : null,
    group: d.grp,
    orientation: d.orientation,
    locale: d.locale,
    status: d.revoked_at ? 'revoked' : 'paired',
    pairedAt: d.paired_at,
    revokedAt: d.revoked_at,
    online: d.online === 1,
    lastSeenAt: d.last_seen_at,
    state: state?.success ? state.data : null,
    stateAt: d.state_at,
  };
}

export function listDevices(ctx: HubContext, building: string | null): DeviceSummary[] {
  flushReports(ctx);
  return ctx.store.devices.list(building).map((d) => toDeviceSummary(ctx, d));
}

export function deviceDetail(ctx: HubContext, id: string) {
  flushReports(ctx);
  const d = ctx.store.devices.get(id);
  if (!d?.paired_at) throw notFound('device');
  return {
    ...toDeviceSummary(ctx, d),
    presence: ctx.store.devices.presence(id, 50).map((p) => ({ online: p.online === 1, at: p.at })),
    plays: ctx.store.plays.count(id),
  };
}

// What an external Mosquitto needs, rendered now from the device table (the hub also
// writes these files into DATA_DIR/mosquitto/ whenever devices change, with MQTT_URL set).
export function mosquittoConfig(ctx: HubContext) {
  const files = mosquittoExport(ctx, loadHubCredential(ctx.config.dataDir));
  return { directory: files.directory, files: files.render() };
}

import { z } from 'zod';
import { reason } from '../i18n/reason.ts';
import { DEVICE_KINDS, LOCALES, ORIENTATIONS } from '../enums.ts';
import { DEVICE_COMMANDS, deviceState } from '../payloads.ts';
import { buildingId, floorNumber, groupName } from './common.ts';

export const pairingRequest = z.object({ kind: z.enum(DEVICE_KINDS) });
export const pairingCreated = z.object({ deviceId: z.string(), code: z.string() });
export const deviceIdParams = z.object({
  deviceId: z.string().regex(/^d-[a-z0-9]{10}$/, reason('badFormat')),
});

export const pairingDone = z.object({
  token: z.string(),
  building: buildingId,
  mqtt: z.object({ tcp: z.string(), ws: z.string() }),
});

export const devicePlacement = z.object({
  building: buildingId,
  kind: z.enum(DEVICE_KINDS),
  floor: floorNumber.optional(),
  bank: z.union([z.number().int().positive(), z.string().trim().min(1).max(40)]).optional(),
  group: groupName.optional(),
  name: z.string().trim().min(1).max(60).optional(),
  orientation: z.enum(ORIENTATIONS).optional(),
  locale: z.enum(LOCALES).optional(),
});

export const deviceClaim = devicePlacement.extend({
  code: z.string().regex(/^[0-9]{6}$/, reason('sixDigits')),
});
export const deviceMove = devicePlacement.omit({ kind: true }).partial();

// While nobody has claimed the code yet (202).
export const pairingWaiting = z.object({ status: z.literal('waiting'), expiresAt: z.string() });

export const deviceListQuery = z.object({ building: buildingId.optional() });

export const deviceSummary = z.object({
  id: z.string(),
  kind: z.enum(DEVICE_KINDS),
  name: z.string(),
  building: z.string().nullable(),
  floor: z.number().int().nullable(),
  bank: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  group: z.string().nullable(),
  orientation: z.enum(ORIENTATIONS),
  locale: z.enum(LOCALES),
  // paired: claimed and placed; revoked: its token no longer opens the broker.
  status: z.enum(['paired', 'revoked']),
  pairedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  online: z.boolean(),
  lastSeenAt: z.string().nullable(),
  // The screen's last state report (app version, revs shown, screen size…).
  state: deviceState.nullable(),
  stateAt: z.string().nullable(),
});
export type DeviceSummary = z.infer<typeof deviceSummary>;

export const deviceDetail = deviceSummary.extend({
  // Latest first: online/offline transitions as the device reported them.
  presence: z.array(z.object({ online: z.boolean(), at: z.string() })),
  plays: z.number().int(),
});

export const deviceCommandInput = z.object({ cmd: z.enum(DEVICE_COMMANDS) });
export const deviceCommandSent = z.object({ id: z.string() });

// The files an external Mosquitto needs, rendered from the device table.
export const mosquittoConfig = z.object({
  directory: z.string(),
  files: z.object({ 'mosquitto.conf': z.string(), passwd: z.string(), acl: z.string() }),
});

import { z } from 'zod';
import { DEVICE_KINDS, LOCALES, ORIENTATIONS } from '../enums.ts';
import { buildingId, floorNumber, groupName } from './common.ts';

export const pairingRequest = z.object({ kind: z.enum(DEVICE_KINDS) });
export const pairingCreated = z.object({ deviceId: z.string(), code: z.string() });
export const deviceIdParams = z.object({
  deviceId: z.string().regex(/^d-[a-z0-9]{10}$/, 'a device id'),
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
  code: z.string().regex(/^[0-9]{6}$/, 'six digits'),
});
export const deviceMove = devicePlacement.omit({ kind: true }).partial();

import { z } from 'zod';
import { reason } from '../i18n/reason.ts';
import { buildingId, floorNumber, groupName, personName, shortText } from './common.ts';

export const building = z.object({
  id: buildingId,
  name: z.string(),
  timezone: z.string(),
});
export type Building = z.infer<typeof building>;

export const buildingInput = z.object({
  id: buildingId,
  name: personName,
  nameEn: personName.optional(),
  timezone: z
    .string()
    .refine((tz) => isTimeZone(tz), reason('timeZone'))
    .default('Asia/Shanghai'),
  address: shortText.optional(),
});
export const buildingPatch = buildingInput.omit({ id: true }).partial();

export const floor = z.object({
  building: buildingId,
  number: floorNumber,
  label: z.string(),
  companies: z.array(z.string()),
});
export type Floor = z.infer<typeof floor>;

export const floorInput = z.object({
  number: floorNumber,
  label: shortText.optional(),
  companies: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
});

export const bank = z.object({
  id: z.number().int(),
  building: buildingId,
  floor: floorNumber,
  name: z.string(),
  group: groupName,
});
export type Bank = z.infer<typeof bank>;

export const bankInput = z.object({
  floor: floorNumber,
  name: z.string().trim().min(1).max(40),
  group: groupName,
});
export const bankPatch = bankInput.partial();

export const QR_INTENTS = ['feedback', 'contact', 'event', 'home'] as const;
export type QrIntent = (typeof QR_INTENTS)[number];

export const place = z.object({
  id: z.number().int(),
  building: buildingId,
  floor: floorNumber.nullable(),
  bankId: z.number().int().nullable(),
  name: z.string(),
  codes: z.array(z.object({ code: z.string(), intent: z.enum(QR_INTENTS) })),
});
export type Place = z.infer<typeof place>;

export const placeInput = z.object({
  floor: floorNumber.nullable().default(null),
  bankId: z.number().int().positive().nullable().default(null),
  name: z.string().trim().min(1).max(80),
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

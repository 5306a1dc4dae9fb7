import { z } from 'zod';
import { reason } from '../i18n/reason.ts';
import { QR_INTENTS } from './buildings.ts';
import { buildingId, floorNumber } from './common.ts';

// A printed or on-screen QR names a place and an intent (DESIGN.md, /q/{code}).
export const qrParams = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{4,32}$/, reason('badFormat')),
});

export const qrEntry = z.object({
  code: z.string(),
  intent: z.enum(QR_INTENTS),
  // The event or contact the code points at, for those intents.
  target: z.number().int().nullable(),
  place: z.object({
    id: z.number().int(),
    name: z.string(),
    floor: floorNumber.nullable(),
    bank: z.string().nullable(),
  }),
  building: z.object({ id: buildingId, name: z.string(), timezone: z.string() }),
});
export type QrEntry = z.infer<typeof qrEntry>;

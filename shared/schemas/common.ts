import { z } from 'zod';
import { reason } from '../i18n/reason.ts';

// Limits the whole API shares; the issue sets titles at 120 and bodies at 5,000.
export const LIMITS = {
  title: 120,
  body: 5000,
  name: 60,
  short: 200,
  phone: 20,
  list: 200,
} as const;

export const isoDateTime = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();

export const buildingId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, reason('idFormat'));

export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const title = z.string().trim().min(1).max(LIMITS.title);
export const bodyText = z.string().trim().max(LIMITS.body);
export const personName = z.string().trim().min(1).max(LIMITS.name);
export const shortText = z.string().trim().max(LIMITS.short);

// Loose on purpose: mobiles, landlines with area codes and extensions all occur.
export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,18}[0-9]$/, reason('phoneFormat'));

export const floorNumber = z.number().int().min(-5).max(200);
export const floorList = z.array(floorNumber).max(LIMITS.list);
export const groupName = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, reason('groupFormat'));
export const groupList = z.array(groupName).max(50);

export const okResponse = z.object({ ok: z.literal(true) });
export const createdId = z.object({ id: z.number().int() });

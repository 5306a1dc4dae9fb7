import { z } from 'zod';
import { DEVICE_KINDS } from '../enums.ts';

// Screen health: each screen's online and offline spans over recent days, from the
// availability reports the hub records, and the screens offline past a limit set per building.

export const SCREEN_HEALTH_MAX_DAYS = 90;
export const DEFAULT_OFFLINE_AFTER_MINUTES = 30;

export const screenHealthQuery = z.object({
  days: z.coerce.number().int().min(1).max(SCREEN_HEALTH_MAX_DAYS).default(30),
});

export const screenHealthSettings = z.object({
  // One minute to one week.
  offlineAfterMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
});
export type ScreenHealthSettings = z.infer<typeof screenHealthSettings>;

export const uptimeSpan = z.object({
  from: z.string(),
  to: z.string(),
  state: z.enum(['online', 'offline', 'unknown']),
});

export const screenHealth = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(DEVICE_KINDS),
  floor: z.number().int().nullable(),
  bank: z.string().nullable(),
  online: z.boolean(),
  // When the current state began (the last change), or null when no change was ever reported.
  since: z.string().nullable(),
  // Offline for longer than the building's limit.
  flagged: z.boolean(),
  // Share of the known time online over the window; null when nothing is known.
  uptime: z.number().min(0).max(1).nullable(),
  spans: z.array(uptimeSpan),
});
export type ScreenHealth = z.infer<typeof screenHealth>;

export const screenHealthReport = z.object({
  building: z.string(),
  from: z.string(),
  to: z.string(),
  offlineAfterMinutes: z.number().int(),
  screens: z.array(screenHealth),
});
export type ScreenHealthReport = z.infer<typeof screenHealthReport>;

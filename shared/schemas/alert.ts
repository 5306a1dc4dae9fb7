import { z } from 'zod';
import { ALERT_LEVELS } from '../enums.ts';
import { alertData } from '../payloads.ts';
import { bodyText, title } from './common.ts';

export const alertInput = z.object({ level: z.enum(ALERT_LEVELS), title, body: bodyText });
export type AlertInput = z.infer<typeof alertInput>;

// The building's alert as the console sees it: the rev screens report back when they
// render it, and which devices say they do.
export const alertView = z.object({
  alert: alertData.extend({ rev: z.number().int() }).nullable(),
  shownBy: z.array(z.string()),
});
export type AlertView = z.infer<typeof alertView>;

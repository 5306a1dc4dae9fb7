import { z } from 'zod';
import { ALERT_LEVELS } from '../enums.ts';
import { bodyText, title } from './common.ts';

export const alertInput = z.object({ level: z.enum(ALERT_LEVELS), title, body: bodyText });
export type AlertInput = z.infer<typeof alertInput>;

import { z } from 'zod';
import { reason } from '../i18n/reason.ts';

// A lobby kiosk names itself on its public calls, so one busy kiosk is limited on its own
// and not together with the phones on the building's Wi-Fi.
export const DEVICE_HEADER = 'x-lobby-device';

// Loose: the other request headers pass through untouched.
export const deviceHeaders = z.looseObject({
  [DEVICE_HEADER]: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, reason('badFormat'))
    .optional(),
});

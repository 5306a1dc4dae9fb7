import { z } from 'zod';

// A lobby kiosk names itself on its public calls, so one busy kiosk is limited on its own
// and not together with the phones on the building's Wi-Fi.
export const DEVICE_HEADER = 'x-lobby-device';

// Loose: the other request headers pass through untouched.
export const deviceHeaders = z.looseObject({
  [DEVICE_HEADER]: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'a device id: letters, digits, - and _')
    .optional(),
});

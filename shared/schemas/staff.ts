import { z } from 'zod';
import { STAFF_ROLES } from '../enums.ts';
import { LIMITS, buildingId } from './common.ts';

export const username = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9._-]{1,31}$/,
    'lower-case letters, digits, . _ -, 2 to 32, starting with a letter',
  );
// Long passphrases welcome; the cap keeps scrypt's input bounded.
export const password = z.string().min(10).max(200);

export const loginInput = z.object({
  username: z.string().min(1).max(32),
  password: z.string().min(1).max(200),
});
export const loginResult = z.object({ token: z.string(), role: z.enum(STAFF_ROLES) });

export const staffUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  disabled: z.boolean(),
  // The buildings the account is scoped to; [] is district-wide.
  buildings: z.array(z.string()),
  createdAt: z.string(),
});
export type StaffUser = z.infer<typeof staffUser>;

// The signed-in user, plus the address phones reach the hub at (PUBLIC_URL), which printed
// QR codes must carry even when staff reach the hub by another name.
export const me = staffUser.extend({ publicUrl: z.string() });
export type Me = z.infer<typeof me>;

const staffBuildings = z.array(buildingId).max(LIMITS.list);

export const staffUserInput = z.object({
  username,
  displayName: z.string().trim().min(1).max(60),
  role: z.enum(STAFF_ROLES),
  password,
  // Omitted or empty: district-wide (only a district-wide admin may create one).
  buildings: staffBuildings.optional(),
});
export const staffUserPatch = z
  .object({
    displayName: z.string().trim().min(1).max(60),
    role: z.enum(STAFF_ROLES),
    disabled: z.boolean(),
    password,
    buildings: staffBuildings,
  })
  .partial();

export const passwordChange = z.object({ current: z.string().min(1).max(200), next: password });

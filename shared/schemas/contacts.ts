import { z } from 'zod';
import { reason } from '../i18n/reason.ts';
import { CONTACT_ROLES } from '../enums.ts';
import { buildingId, floorList, personName, phone, shortText } from './common.ts';

export const contactInput = z.object({
  building: buildingId,
  name: personName,
  role: z.enum(CONTACT_ROLES),
  floors: floorList.default([]),
  company: shortText.default(''),
  phone: phone,
  wechat: z
    .string()
    .trim()
    .regex(/^[A-Za-z][-_A-Za-z0-9]{5,19}$/, reason('wechatFormat'))
    .optional(),
  photo: z.string().max(300).optional(),
  hours: shortText.default(''),
});
export const contactPatch = contactInput.omit({ building: true }).partial();

export const contact = contactInput.extend({
  id: z.number().int(),
  wechat: z.string().nullable(),
  photo: z.string().nullable(),
});
export type Contact = z.infer<typeof contact>;

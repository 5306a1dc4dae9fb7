import { z } from 'zod';
import { reason } from '../i18n/api-errors.ts';
import { NOTICE_CATEGORIES, PRIORITIES } from '../enums.ts';
import { bodyText, buildingId, floorList, groupList, isoDateTime, title } from './common.ts';

const noticeFields = z.object({
  building: buildingId,
  title,
  body: bodyText,
  category: z.enum(NOTICE_CATEGORIES),
  priority: z.enum(PRIORITIES),
  validFrom: isoDateTime.optional(),
  validTo: isoDateTime.optional(),
  floors: floorList.optional(),
  groups: groupList.optional(),
  image: z.string().max(300).optional(),
  link: z.url().max(500).optional(),
});

const windowInOrder = (n: {
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
}) => !n.validFrom || !n.validTo || Date.parse(n.validFrom) < Date.parse(n.validTo);
const windowError = { message: reason('afterValidFrom'), path: ['validTo'] };

export const noticeInput = noticeFields.refine(windowInOrder, windowError);
// null clears an optional field: an editor can remove a window, an image or a link.
export const noticePatch = noticeFields
  .omit({ building: true })
  .extend({
    validFrom: isoDateTime.nullable(),
    validTo: isoDateTime.nullable(),
    image: z.string().max(300).nullable(),
    link: z.url().max(500).nullable(),
  })
  .partial()
  .refine(windowInOrder, windowError);

export const notice = z.object({
  id: z.number().int(),
  building: buildingId,
  title: z.string(),
  body: z.string(),
  category: z.enum(NOTICE_CATEGORIES),
  priority: z.enum(PRIORITIES),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  floors: z.array(z.number().int()),
  groups: z.array(z.string()),
  image: z.string().nullable(),
  link: z.string().nullable(),
  updatedAt: z.string(),
});
export type Notice = z.infer<typeof notice>;

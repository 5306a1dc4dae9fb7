import { z } from 'zod';
import { reason } from '../i18n/reason.ts';
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

// Where a notice stands on the way to the screens: only an approved one is shown. Without
// approval required in its building, every notice is approved as it is written.
export const NOTICE_REVIEWS = ['draft', 'pending', 'approved', 'rejected'] as const;
export type NoticeReview = (typeof NOTICE_REVIEWS)[number];

export const noticeDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  // The editor reads the reason next to their notice.
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(1).max(500) }),
]);
export const noticeApproval = z.object({ required: z.boolean() });

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

// Staff see where a notice stands on its way to the screens; screens never get these fields.
export const staffNotice = notice.extend({
  review: z.enum(NOTICE_REVIEWS),
  // Why it was rejected; null otherwise.
  reviewReason: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
export type StaffNotice = z.infer<typeof staffNotice>;

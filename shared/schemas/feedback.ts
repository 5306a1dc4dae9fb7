import { z } from 'zod';
import { reason } from '../i18n/reason.ts';
import { FEEDBACK_CATEGORIES, FEEDBACK_STATUSES } from '../enums.ts';
import { buildingId, isoDateTime, personName, phone, shortText } from './common.ts';

export const feedbackText = z.string().trim().min(2).max(2000);

export const feedbackContact = z.union([
  phone,
  z.object({ name: personName.optional(), phone: phone.optional() }),
]);

export const feedbackInput = z.object({
  building: buildingId,
  place: z.number().int().positive().optional(),
  category: z.enum(FEEDBACK_CATEGORIES),
  text: feedbackText,
  contact: feedbackContact.optional(),
  // Only a photo the hub stored (POST /api/public/feedback/photos) may be attached.
  photo: z
    .string()
    .regex(/^[a-f0-9]{32}$/, reason('badFormat'))
    .optional(),
  website: z.string().max(200).optional(),
});
export type FeedbackInput = z.infer<typeof feedbackInput>;

export const feedbackCreated = z.object({
  ticket: z.string(),
  secret: z.string(),
  url: z.string(),
});

// The upload's handle: random, so only the phone that sent the photo can attach it.
export const photoUploaded = z.object({ photo: z.string() });

export const feedbackTicketParams = z.object({
  ticket: z.string().regex(/^[0-9]{8}$/, '8 digits'),
});

export const STEP_ACTORS = ['requester', 'staff', 'system'] as const;

// A step as the requester's link shows it: the reply written for them, and their own words
// (a rating comment, a "not fixed" reason). Staff notes are internal and never appear here.
export const feedbackStep = z.object({
  status: z.enum(FEEDBACK_STATUSES),
  at: z.string(),
  reply: z.string().optional(),
  comment: z.string().optional(),
  // Who took the step; staff names stay in the console.
  by: z.enum(STEP_ACTORS).optional(),
});

export const feedbackView = z.object({
  ticket: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  category: z.enum(FEEDBACK_CATEGORIES),
  // Null for a supporter when the ticket was never shown at a place's QR.
  text: z.string().nullable(),
  place: z.string().nullable(),
  createdAt: z.string(),
  supporters: z.number().int(),
  rating: z.number().int().nullable(),
  duplicateOf: z.string().nullable(),
  steps: z.array(feedbackStep),
  // Whose link this is: only the requester may rate or reopen.
  follower: z.enum(['requester', 'supporter']),
  canRate: z.boolean(),
  // Until when "not fixed" sends a resolved ticket back; null when it cannot.
  reopenUntil: z.string().nullable(),
});
export type FeedbackView = z.infer<typeof feedbackView>;

// "Me too": the joiner may leave a number (never shown to the public) and gets a link.
// The body may be left out altogether.
export const supportInput = z
  .object({ contact: phone.optional(), website: z.string().max(200).optional() })
  .nullish();

export const supportCreated = feedbackCreated.extend({ supporters: z.number().int() });

export const ratingInput = z.object({
  secret: z.string().min(16).max(64),
  rating: z.number().int().min(1).max(5),
  comment: shortText.optional(),
});

export const reopenInput = z.object({
  secret: z.string().min(16).max(64),
  note: shortText.optional(),
});

// The open tickets of one place, for "already reported here": no personal data.
export const openFeedbackQuery = z.object({ category: z.enum(FEEDBACK_CATEGORIES).optional() });
export const openFeedbackItem = z.object({
  ticket: z.string(),
  category: z.enum(FEEDBACK_CATEGORIES),
  text: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  supporters: z.number().int(),
  createdAt: z.string(),
});

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const staffFeedbackQuery = z.object({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  // Every open status at once (received to in_progress).
  open: flag.optional(),
  category: z.enum(FEEDBACK_CATEGORIES).optional(),
  place: z.coerce.number().int().positive().optional(),
  overdue: flag.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type StaffFeedbackQuery = z.infer<typeof staffFeedbackQuery>;

export const staffFeedback = z.object({
  ticket: z.string(),
  building: buildingId,
  status: z.enum(FEEDBACK_STATUSES),
  category: z.enum(FEEDBACK_CATEGORIES),
  text: z.string(),
  placeId: z.number().int().nullable(),
  place: z.string().nullable(),
  contactName: z.string().nullable(),
  // Unmasked only for the admin and handler roles.
  contactPhone: z.string().nullable(),
  photo: z.string().nullable(),
  assignee: z.string().nullable(),
  supporters: z.number().int(),
  rating: z.number().int().nullable(),
  replied: z.boolean(),
  reopened: z.number().int(),
  duplicateOf: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type StaffFeedback = z.infer<typeof staffFeedback>;

export const staffFeedbackStep = z.object({
  status: z.enum(FEEDBACK_STATUSES),
  at: z.string(),
  // Internal: staff only. A requester's step keeps their comment here.
  note: z.string().optional(),
  reply: z.string().optional(),
  by: z.enum(STEP_ACTORS),
  actor: z.string().nullable(),
});
export const staffFeedbackDetail = staffFeedback.extend({
  steps: z.array(staffFeedbackStep),
  allowedNext: z.array(z.enum(FEEDBACK_STATUSES)),
  // Until when the requester may reopen a resolved ticket; null once they cannot.
  reopenUntil: z.string().nullable(),
});
export type StaffFeedbackDetail = z.infer<typeof staffFeedbackDetail>;

export const feedbackPatch = z.object({
  status: z.enum(FEEDBACK_STATUSES),
  note: shortText.optional(),
  reply: z.string().trim().min(1).max(2000).optional(),
  assignee: shortText.optional(),
  duplicateOf: z
    .string()
    .regex(/^[0-9]{8}$/, '8 digits')
    .optional(),
});
export type FeedbackPatch = z.infer<typeof feedbackPatch>;

// What a kiosk may show of a ticket opened by its number alone: the public steps, no text,
// no replies, nothing personal (the private link carries the rest).
export const publicTicketStatus = z.object({
  ticket: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  category: z.enum(FEEDBACK_CATEGORIES),
  steps: z.array(z.object({ status: z.enum(FEEDBACK_STATUSES), at: z.string() })),
});
export type PublicTicketStatus = z.infer<typeof publicTicketStatus>;

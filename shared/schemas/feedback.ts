import { z } from 'zod';
import { FEEDBACK_CATEGORIES, FEEDBACK_STATUSES } from '../enums.ts';
import { buildingId, personName, phone, shortText } from './common.ts';

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
  photo: z.string().max(300).optional(),
  website: z.string().max(200).optional(),
});
export type FeedbackInput = z.infer<typeof feedbackInput>;

export const feedbackCreated = z.object({
  ticket: z.string(),
  secret: z.string(),
  url: z.string(),
});

export const feedbackTicketParams = z.object({
  ticket: z.string().regex(/^[0-9]{8}$/, '8 digits'),
});

export const feedbackStep = z.object({
  status: z.enum(FEEDBACK_STATUSES),
  at: z.string(),
  note: z.string().optional(),
  reply: z.string().optional(),
});

export const feedbackView = z.object({
  ticket: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  category: z.enum(FEEDBACK_CATEGORIES),
  text: z.string(),
  place: z.string().nullable(),
  createdAt: z.string(),
  supporters: z.number().int(),
  rating: z.number().int().nullable(),
  duplicateOf: z.string().nullable(),
  steps: z.array(feedbackStep),
});
export type FeedbackView = z.infer<typeof feedbackView>;

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

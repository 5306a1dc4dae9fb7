import { z } from 'zod';
import { CONTENT_TOPICS } from '../topics.ts';

// How full each content topic of a building is against its byte budget (shared/budgets.ts).
export const topicFill = z.object({
  topic: z.enum(CONTENT_TOPICS),
  bytes: z.number().int().nonnegative(),
  budget: z.number().int().positive(),
});
export const snapshotFill = z.array(topicFill);
export type TopicFill = z.infer<typeof topicFill>;

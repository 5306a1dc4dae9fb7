import { z } from 'zod';
import { boardData } from '#shared/payloads';
import {
  staffFeedback,
  staffFeedbackDetail,
  type FeedbackPatch,
  type StaffFeedbackQuery,
} from '#shared/schemas/feedback';
import { call, qs } from './http.ts';
import { subscribeBuilding, subscribeResync } from './live.ts';

type Query = Partial<Omit<StaffFeedbackQuery, 'open' | 'overdue'>> & {
  open?: boolean;
  overdue?: boolean;
};

export const listFeedback = (b: string, q: Query = {}) =>
  call(z.array(staffFeedback), 'GET', `/api/staff/buildings/${b}/feedback${qs(q)}`);
export const feedbackDetail = (ticket: string) =>
  call(staffFeedbackDetail, 'GET', `/api/staff/feedback/${ticket}`);
export const stepFeedback = (ticket: string, patch: FeedbackPatch) =>
  call(staffFeedbackDetail, 'PATCH', `/api/staff/feedback/${ticket}`, patch);
// The public counters the signage board shows.
export const boardOf = (b: string) => call(boardData, 'GET', `/api/public/buildings/${b}/board`);

// New tickets, and anything that moves the public counters (a "me too", a rating): the
// board topic is republished whenever the feedback of the building changes.
export function subscribeFeedbackChanges(b: string, fn: () => void): () => void {
  const offCreated = subscribeBuilding('feedback.created', b, fn);
  const offBoard = subscribeBuilding('content.published', b, (p) => p.topic === 'board' && fn());
  const offResync = subscribeResync(fn);
  return () => (offCreated(), offBoard(), offResync());
}

import { z } from 'zod';
import {
  feedbackCreated,
  openFeedbackItem,
  publicTicketStatus,
  supportCreated,
  type FeedbackInput,
} from '#shared/schemas/feedback';

export type { PublicTicketStatus } from '#shared/schemas/feedback';
import { getJson, request } from './http.ts';

export const submitFeedback = (input: FeedbackInput) =>
  request('POST', '/api/public/feedback', feedbackCreated, input);

export const ticketStatus = (ticket: string) =>
  getJson(`/api/public/feedback/${encodeURIComponent(ticket)}/status`, publicTicketStatus);

export const openAtPlace = (place: number, category: string) =>
  getJson(
    `/api/public/places/${place}/open-feedback?category=${encodeURIComponent(category)}`,
    z.array(openFeedbackItem),
  );

// "Me too": joins an open ticket instead of filing a new one; answers with a private link.
export const supportTicket = (ticket: string, contact?: string) =>
  request(
    'POST',
    `/api/public/feedback/${encodeURIComponent(ticket)}/support`,
    supportCreated,
    contact ? { contact } : {},
  );

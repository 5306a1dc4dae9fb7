import { z } from 'zod';
import { createdId, okResponse } from '#shared/schemas/common';
import { contact, type contactInput, type contactPatch } from '#shared/schemas/contacts';
import {
  noticeApproval,
  staffNotice,
  type noticeDecision,
  type noticeInput,
  type noticePatch,
} from '#shared/schemas/notices';
import { call } from './http.ts';
import { subscribeBuilding, subscribeResync } from './live.ts';
import type { ContentTopic } from '#shared/topics';

// Notices and contacts: what editors write and the screens carry.
export const listNotices = (b: string) =>
  call(z.array(staffNotice), 'GET', `/api/staff/buildings/${b}/notices`);
export const createNotice = (input: z.input<typeof noticeInput>) =>
  call(createdId, 'POST', '/api/staff/notices', input);
export const updateNotice = (id: number, patch: z.input<typeof noticePatch>) =>
  call(okResponse, 'PATCH', `/api/staff/notices/${id}`, patch);
export const deleteNotice = (id: number) => call(okResponse, 'DELETE', `/api/staff/notices/${id}`);
export const submitNotice = (id: number) =>
  call(okResponse, 'POST', `/api/staff/notices/${id}/submit`, {});
export const reviewNotice = (id: number, d: z.input<typeof noticeDecision>) =>
  call(okResponse, 'POST', `/api/staff/notices/${id}/review`, d);
export const getNoticeApproval = (b: string) =>
  call(noticeApproval, 'GET', `/api/staff/buildings/${b}/notice-approval`);
export const setNoticeApproval = (b: string, required: boolean) =>
  call(okResponse, 'PUT', `/api/staff/buildings/${b}/notice-approval`, { required });

export const staffContact = contact.extend({ captainCode: z.string().nullable() });
export type StaffContact = z.infer<typeof staffContact>;
export const listContacts = (b: string) =>
  call(z.array(staffContact), 'GET', `/api/staff/buildings/${b}/contacts`);
export const createContact = (input: z.input<typeof contactInput>) =>
  call(createdId, 'POST', '/api/staff/contacts', input);
export const updateContact = (id: number, patch: z.input<typeof contactPatch>) =>
  call(okResponse, 'PATCH', `/api/staff/contacts/${id}`, patch);
export const deleteContact = (id: number) =>
  call(okResponse, 'DELETE', `/api/staff/contacts/${id}`);

// A new snapshot of one of the building's topics went out (another staff member's edit),
// or the live channel is back from a break that may have hidden one.
export function subscribePublished(b: string, topic: ContentTopic, fn: () => void): () => void {
  const offPublished = subscribeBuilding('content.published', b, (p) => p.topic === topic && fn());
  const offResync = subscribeResync(fn);
  return () => (offPublished(), offResync());
}

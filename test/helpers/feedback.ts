import type { TestHub } from './hub.ts';

// What the feedback suites share: the shapes the API answers, and the calls a phone and a
// handler make.
export type Created = { ticket: string; secret: string; url: string };
export type Step = {
  status: string;
  at: string;
  note?: string;
  reply?: string;
  comment?: string;
  by?: string;
};
export type View = {
  ticket: string;
  status: string;
  supporters: number;
  rating: number | null;
  duplicateOf: string | null;
  place: string | null;
  steps: Step[];
  follower: string;
  canRate: boolean;
  reopenUntil: string | null;
};
export type Staff = {
  ticket: string;
  status: string;
  contactPhone: string | null;
  supporters: number;
  overdue: boolean;
  reopened: number;
};
export type ErrorBody = { error: { code: string; message: string; field?: string } };

// The calls, bound lazily to the suite's hub and handler session (made in `before`).
export function feedbackCalls(current: () => { hub: TestHub; handler: string }) {
  let phoneSeq = 0;
  const submit = (body: Record<string, unknown> = {}) =>
    current().hub.api<Created & ErrorBody>('POST', '/api/public/feedback', {
      building: 'demo',
      category: 'elevator',
      text: 'Lift B stops between floors',
      contact: `1371000${String(phoneSeq++).padStart(4, '0')}`,
      ...body,
    });
  const view = (c: Created) =>
    current().hub.api<View & ErrorBody>(
      'GET',
      `/api/public/feedback/${c.ticket}?secret=${c.secret}`,
    );
  const step = (ticket: string, body: Record<string, unknown>, token = current().handler) =>
    current().hub.api<{ status: string } & ErrorBody>(
      'PATCH',
      `/api/staff/feedback/${ticket}`,
      body,
      token,
    );
  return { submit, view, step };
}

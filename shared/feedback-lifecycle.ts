import type { FeedbackStatus } from './enums.ts';
import type { ErrorText } from './i18n/error-text.ts';

// The feedback loop (DESIGN.md): received → discussing → assigned → in_progress →
// resolved → closed, with the side exits duplicate and declined. Staff may skip the
// committee's agenda for a plain repair, so some forward steps may be skipped.
const NEXT: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  received: ['discussing', 'assigned', 'in_progress', 'duplicate', 'declined'],
  discussing: ['assigned', 'in_progress', 'duplicate', 'declined'],
  assigned: ['discussing', 'in_progress', 'duplicate', 'declined'],
  in_progress: ['assigned', 'resolved', 'duplicate', 'declined'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  duplicate: [],
  declined: [],
};

export const OPEN_STATUSES: readonly FeedbackStatus[] = [
  'received',
  'discussing',
  'assigned',
  'in_progress',
];
export const TERMINAL_STATUSES: readonly FeedbackStatus[] = ['closed', 'duplicate', 'declined'];

// The reason is a catalogue message (shared/i18n/api-errors.ts), shown in the reader's language.
export type StepCheck = { ok: true } | { ok: false; reason: ErrorText; field?: string };

export interface StepContext {
  from: FeedbackStatus;
  to: FeedbackStatus;
  // Whether the requester has had a reply on any earlier step, or gets one with this one.
  replied: boolean;
  // Whether this step itself carries a reply: resolving says how, whatever came before.
  replyNow?: boolean | undefined;
  // Whether the requester has rated the ticket.
  rated?: boolean | undefined;
  // Whether the requester may still reopen it ("not fixed").
  reopenOpen?: boolean | undefined;
  note?: string | undefined;
  duplicateOf?: string | undefined;
}

export function allowedNext(from: FeedbackStatus): readonly FeedbackStatus[] {
  return NEXT[from];
}

export function checkStep(s: StepContext): StepCheck {
  if (!NEXT[s.from].includes(s.to)) {
    return {
      ok: false,
      reason: {
        key: 'stepNotAllowed',
        params: { from: { term: `status.${s.from}` }, to: { term: `status.${s.to}` } },
      },
      field: 'status',
    };
  }
  // A reply at an earlier step ("we are on it") says nothing about how it was resolved.
  if (s.to === 'resolved' && !s.replyNow) {
    return { ok: false, reason: { key: 'resolveNeedsReply' }, field: 'reply' };
  }
  if (s.to === 'closed' && !s.replied) {
    return {
      ok: false,
      reason: { key: 'stepNeedsReply', params: { to: { term: `status.${s.to}` } } },
      field: 'reply',
    };
  }
  // Closing takes away the requester's chance to say "not fixed": only their rating, or a
  // reason staff write down, closes before that window ends.
  if (s.to === 'closed' && s.reopenOpen && !s.rated && !s.note) {
    return { ok: false, reason: { key: 'closeNeedsRatingOrReason' }, field: 'note' };
  }
  if (s.to === 'declined' && !s.note) {
    return { ok: false, reason: { key: 'declineNeedsReason' }, field: 'note' };
  }
  if (s.to === 'duplicate' && !s.duplicateOf) {
    return { ok: false, reason: { key: 'nameSurvivor' }, field: 'duplicateOf' };
  }
  return { ok: true };
}

export function isOpen(status: FeedbackStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

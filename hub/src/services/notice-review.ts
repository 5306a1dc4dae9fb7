import type { z } from 'zod';
import type { NoticeReview, noticeDecision } from '#shared/schemas/notices';
import type { Actor, HubContext } from '../context.ts';
import { conflict, must } from '../errors.ts';
import { audit } from './audit.ts';
import { assertBuilding } from './scope.ts';

// Notice approval, as Rise Vision and Broadsign have it: where a building asks for it, an
// editor's notice is a draft until it is submitted, and reaches the screens only once an
// admin approves it; a rejection carries a reason the editor reads. Admins' own notices and
// buildings that do not ask for approval go straight to the screens, as before.

export function approvalRequired(ctx: HubContext, building: string): boolean {
  return ctx.store.buildings.get(building)?.notice_approval === 1;
}

// The review a notice written (or rewritten) by this actor starts from.
export function reviewOnWrite(ctx: HubContext, actor: Actor, building: string): NoticeReview {
  return approvalRequired(ctx, building) && actor.role !== 'admin' ? 'draft' : 'approved';
}

export function setNoticeApproval(
  ctx: HubContext,
  actor: Actor,
  building: string,
  required: boolean,
): void {
  must(ctx.store.buildings.get(building), 'building');
  ctx.store.tx(() => {
    ctx.store.buildings.setNoticeApproval(building, required);
    audit(ctx, actor, 'notice-approval', 'building', building, null, { required });
  });
}

function reviewed(ctx: HubContext, actor: Actor, id: number) {
  const n = must(ctx.store.notices.get(id), 'notice');
  assertBuilding(actor, n.building);
  return n;
}

export function submitNotice(ctx: HubContext, actor: Actor, id: number): void {
  const n = reviewed(ctx, actor, id);
  if (n.review !== 'draft' && n.review !== 'rejected') {
    throw conflict('review', 'noticeNotDraft', { review: { term: `review.${n.review}` } });
  }
  ctx.store.tx(() => {
    ctx.store.notices.setReview(id, 'pending', actor.username, null, ctx.now().toISOString());
    audit(ctx, actor, 'submit', 'notice', id, { review: n.review }, { review: 'pending' });
  });
}

export function decideNotice(
  ctx: HubContext,
  actor: Actor,
  id: number,
  d: z.infer<typeof noticeDecision>,
): void {
  const n = reviewed(ctx, actor, id);
  if (n.review !== 'pending') {
    throw conflict('review', 'noticeNotPending', { review: { term: `review.${n.review}` } });
  }
  const next = d.decision === 'approve' ? 'approved' : 'rejected';
  const reason = d.decision === 'reject' ? d.reason : null;
  ctx.store.tx(() => {
    ctx.store.notices.setReview(id, next, actor.username, reason, ctx.now().toISOString());
    audit(ctx, actor, d.decision, 'notice', id, { review: n.review }, { review: next, reason });
  });
  if (next === 'approved') ctx.changes.changed(n.building, 'notices');
}

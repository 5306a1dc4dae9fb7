import { OPEN_STATUSES, allowedNext, checkStep, isOpen } from '#shared/feedback-lifecycle';
import type {
  FeedbackPatch,
  StaffFeedback,
  StaffFeedbackDetail,
  StaffFeedbackQuery,
} from '#shared/schemas/feedback';
import type { Actor, HubContext } from '../context.ts';
import { ApiError, conflict, invalid, must } from '../errors.ts';
import { stateOf, type FeedbackListRow, type FeedbackState } from '../store/feedback.ts';
import { audit } from './audit.ts';
import { dueFrom } from './feedback-deadlines.ts';
import { photoUrl } from './feedback-photos.ts';
import { nameFor, phoneFor, seesPhotos } from './personal-data.ts';
import { owned } from './scope.ts';

// The staff side of the feedback loop: triage, steps, replies, merging duplicates.

function staffView(ctx: HubContext, actor: Actor, r: FeedbackListRow): StaffFeedback {
  return {
    ticket: r.ticket,
    building: r.building_id,
    status: r.status,
    category: r.category,
    text: r.text,
    placeId: r.place_id,
    place: r.place_name,
    contactName: r.contact_name === null ? null : nameFor(actor, r.contact_name),
    contactPhone: r.contact_phone === null ? null : phoneFor(actor, r.contact_phone),
    // Citizens' photos are for those who work the loop, served through the ticket.
    photo: r.photo !== null && seesPhotos(actor) ? photoUrl(r.ticket) : null,
    assignee: r.assignee,
    supporters: r.supporters,
    rating: r.rating,
    replied: r.replied === 1,
    reopened: r.reopened,
    duplicateOf: r.duplicate_ticket,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    dueAt: r.due_at,
    overdue: isOpen(r.status) && r.due_at !== null && r.due_at < ctx.now().toISOString(),
  };
}

export function listFeedback(
  ctx: HubContext,
  actor: Actor,
  building: string,
  q: StaffFeedbackQuery,
): StaffFeedback[] {
  must(ctx.store.buildings.get(building), 'building');
  const statuses = q.status ? [q.status] : q.open ? [...OPEN_STATUSES] : null;
  return ctx.store.feedback
    .list({
      building,
      statuses,
      category: q.category ?? null,
      placeId: q.place ?? null,
      overdueAt: q.overdue ? ctx.now().toISOString() : null,
      from: q.from ? new Date(q.from).toISOString() : null,
      to: q.to ? new Date(q.to).toISOString() : null,
      limit: q.limit,
      offset: q.offset,
    })
    .map((r) => staffView(ctx, actor, r));
}

// Another building's ticket answers like one that does not exist (services/scope.ts).
const ticketOf = (ctx: HubContext, actor: Actor, ticket: string): FeedbackListRow =>
  owned(actor, ctx.store.feedback.byTicket(ticket), 'ticket', (r) => r.building_id);

export function feedbackDetail(ctx: HubContext, actor: Actor, ticket: string): StaffFeedbackDetail {
  const row = ticketOf(ctx, actor, ticket);
  return {
    ...staffView(ctx, actor, row),
    steps: ctx.store.feedback.steps(row.id).map((s) => ({
      status: s.status,
      at: s.at,
      by: s.actor_kind,
      actor: s.actor,
      ...(s.note === null ? {} : { note: s.note }),
      ...(s.reply === null ? {} : { reply: s.reply }),
    })),
    allowedNext: [...allowedNext(row.status)],
  };
}

// The ticket a duplicate is merged into: another live ticket of the same building.
function survivorOf(ctx: HubContext, row: FeedbackListRow, ticket: string): FeedbackListRow {
  const survivor = ctx.store.feedback.byTicket(ticket);
  if (!survivor || survivor.building_id !== row.building_id) {
    throw invalid('duplicateOf', 'noSuchTicket');
  }
  if (survivor.id === row.id) throw invalid('duplicateOf', 'notOwnDuplicate');
  if (survivor.status === 'duplicate') {
    throw invalid('duplicateOf', 'mergedInto', { ticket: survivor.duplicate_ticket ?? '' });
  }
  return survivor;
}

// Refuses what the lifecycle forbids (409) and a surviving ticket that cannot be one (400);
// a patch on the current status is a note or reply, and must carry one.
function checkPatch(
  ctx: HubContext,
  row: FeedbackListRow,
  patch: FeedbackPatch,
  assignee: string | null,
): FeedbackListRow | null {
  const from = row.status;
  const to = patch.status;
  if (from === to) {
    if (!isOpen(from) && from !== 'resolved')
      throw conflict('status', 'ticketIs', { status: { term: `status.${from}` } });
    if (!patch.note && !patch.reply && !patch.assignee) {
      throw conflict('status', 'ticketAlready', { status: { term: `status.${from}` } });
    }
    return null;
  }
  const check = checkStep({
    from,
    to,
    replied: row.replied === 1 || !!patch.reply,
    note: patch.note,
    duplicateOf: patch.duplicateOf,
  });
  if (!check.ok) throw new ApiError('conflict', check.reason, check.field);
  if (to === 'assigned' && !assignee) throw conflict('assignee', 'nameAssignee');
  return to === 'duplicate' && patch.duplicateOf ? survivorOf(ctx, row, patch.duplicateOf) : null;
}

// One step of the lifecycle, or a note or reply on the current status. Every step keeps
// who, when, the note and the reply; the requester's link shows them.
export function stepFeedback(
  ctx: HubContext,
  actor: Actor,
  ticket: string,
  patch: FeedbackPatch,
): StaffFeedbackDetail {
  const now = ctx.now();
  const at = now.toISOString();
  const building = ctx.store.tx(() => {
    const row = ticketOf(ctx, actor, ticket);
    const from = row.status;
    const to = patch.status;
    const assignee = patch.assignee || row.assignee;
    const survivor = checkPatch(ctx, row, patch, assignee);
    const before = stateOf(row);
    const next: FeedbackState = {
      ...before,
      status: to,
      assignee,
      replied: before.replied || !!patch.reply,
      resolvedAt:
        to === 'resolved' && from !== to
          ? at
          : to === 'resolved' || to === 'closed'
            ? before.resolvedAt
            : null,
      closedAt: to === 'closed' ? at : before.closedAt,
      duplicateOf: survivor ? survivor.id : before.duplicateOf,
      // Back from resolved: the work starts again, and so does the deadline.
      dueAt:
        from === 'resolved' && to === 'in_progress'
          ? dueFrom(ctx, row.building_id, now)
          : before.dueAt,
    };
    ctx.store.feedback.update(row.id, next, at);
    ctx.store.feedback.addStep(
      row.id,
      {
        status: to,
        by: 'staff',
        actorId: actor.id,
        actor: actor.username,
        note: patch.note || null,
        reply: patch.reply ?? null,
      },
      at,
    );
    if (survivor) mergeInto(ctx, row, survivor.id, at);
    audit(
      ctx,
      actor,
      from === to ? 'note' : 'step',
      'feedback',
      row.ticket,
      { status: from, assignee: row.assignee },
      {
        status: to,
        assignee,
        note: patch.note ?? null,
        replied: !!patch.reply,
        duplicateOf: patch.duplicateOf ?? null,
      },
    );
    return row.building_id;
  });
  ctx.changes.changed(building, 'board');
  return feedbackDetail(ctx, actor, ticket);
}

// Its requester and supporters follow the survivor: their links open it, and they count there.
function mergeInto(ctx: HubContext, row: FeedbackListRow, survivorId: number, at: string): void {
  const fb = ctx.store.feedback;
  fb.insertSupporter(survivorId, row.secret_hash, row.contact_phone, row.id, at);
  for (const s of fb.supportersOf(row.id)) {
    fb.insertSupporter(survivorId, s.secret_hash, s.contact_phone, row.id, at);
  }
  fb.addSupporters(survivorId, row.supporters, at);
}

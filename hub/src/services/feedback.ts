import type { z } from 'zod';
import type { FeedbackCategory } from '#shared/enums';
import { checkStep, isOpen } from '#shared/feedback-lifecycle';
import type {
  FeedbackInput,
  FeedbackView,
  PublicTicketStatus,
  feedbackCreated,
  openFeedbackItem,
  ratingInput,
  reopenInput,
  supportCreated,
  supportInput,
} from '#shared/schemas/feedback';
import type { HubContext } from '../context.ts';
import { ApiError, conflict, fail, invalid, must, notFound } from '../errors.ts';
import { stateOf, type FeedbackListRow, type FeedbackState } from '../store/feedback.ts';
import { dueFrom } from './feedback-deadlines.ts';
import { claimPhoto } from './feedback-photos.ts';
import { normalizePhone } from './personal-data.ts';
import type { Origin } from './registrations.ts';
import { hashSecret, newSecret, newTicket, newVisitorId, secretMatches } from './tickets.ts';
import { kioskKey, takeVisitorLimits } from './visitor-limits.ts';

// Intake and the requester's side of the feedback loop (DESIGN.md, Feedback loop).

type Created = z.infer<typeof feedbackCreated>;
const DAY = 86_400_000;

export const followUrl = (ctx: HubContext, ticket: string, secret: string) =>
  `${ctx.publicUrl()}/f/${ticket}?s=${secret}`;

const decoy = (ctx: HubContext): Created => {
  const ticket = newTicket(() => false);
  const secret = newSecret();
  return { ticket, secret, url: followUrl(ctx, ticket, secret) };
};

function contactOf(contact: FeedbackInput['contact']) {
  if (contact === undefined) return { name: null, phone: null };
  if (typeof contact === 'string') {
    return { name: null, phone: normalizePhone(contact, 'contact') };
  }
  return {
    name: contact.name ?? null,
    phone: contact.phone ? normalizePhone(contact.phone, 'contact.phone') : null,
  };
}

export async function submitFeedback(
  ctx: HubContext,
  input: FeedbackInput,
  from: Origin,
): Promise<Created> {
  // The honeypot: a bot that filled the hidden field is told it worked, and nothing is kept.
  if (input.website) return decoy(ctx);
  if (!ctx.store.buildings.get(input.building)) throw invalid('building', 'noSuchBuilding');
  if (input.place !== undefined) {
    const place = ctx.store.buildings.place(input.place);
    if (place?.building !== input.building) {
      throw invalid('place', 'noSuchPlace');
    }
  }
  const contact = contactOf(input.contact);
  takeVisitorLimits(ctx, { phone: contact.phone, place: input.place, device: kioskKey(from) });
  const now = ctx.now();
  const secret = newSecret();
  const ticket = await ctx.store.grouped(() => {
    if (input.photo) claimPhoto(ctx, input.photo);
    const ticket = newTicket(ctx.store.feedback.ticketTaken);
    const id = ctx.store.feedback.insert(
      {
        building: input.building,
        ticket,
        secretHash: hashSecret(secret),
        placeId: input.place ?? null,
        category: input.category,
        text: input.text,
        contactName: contact.name,
        contactPhone: contact.phone,
        photo: input.photo ?? null,
        deviceId: from.device,
        dueAt: dueFrom(ctx, input.building, now),
      },
      now.toISOString(),
    );
    ctx.store.feedback.addStep(
      id,
      { status: 'received', by: 'requester', actorId: null, actor: null, note: null, reply: null },
      now.toISOString(),
    );
    return ticket;
  });
  ctx.changes.changed(input.building, 'board');
  ctx.live?.emit('feedback.created', {
    building: input.building,
    ticket,
    category: input.category,
    placeId: input.place ?? null,
    at: now.toISOString(),
  });
  return { ticket, secret, url: followUrl(ctx, ticket, secret) };
}

// Who a secret belongs to: the requester, a supporter ("me too", or merged in), or nobody.
function follower(ctx: HubContext, ticket: string, secret: string) {
  const row = ctx.store.feedback.byTicket(ticket);
  if (secretMatches(secret, row?.secret_hash) && row) return { row, who: 'requester' as const };
  if (row && ctx.store.feedback.supporterBySecret(row.id, hashSecret(secret))) {
    return { row, who: 'supporter' as const };
  }
  throw notFound('ticket');
}

function requester(ctx: HubContext, ticket: string, secret: string): FeedbackListRow {
  const f = follower(ctx, ticket, secret);
  if (f.who !== 'requester') {
    throw fail('forbidden', 'onlyRequester');
  }
  return f.row;
}

function reopenUntil(ctx: HubContext, row: FeedbackListRow): string | null {
  if (row.status !== 'resolved' || !row.resolved_at) return null;
  const until = Date.parse(row.resolved_at) + ctx.config.feedbackReopenDays * DAY;
  return until > ctx.now().getTime() ? new Date(until).toISOString() : null;
}

// A ticket opened by its number alone (the kiosk's keypad): status and dates, nothing else.
export function ticketStatus(ctx: HubContext, ticket: string): PublicTicketStatus {
  const row = ctx.store.feedback.byTicket(ticket);
  if (!row) throw fail('not_found', 'noTicketNumber');
  return {
    ticket: row.ticket,
    status: row.status,
    category: row.category,
    steps: ctx.store.feedback.steps(row.id).map((s) => ({ status: s.status, at: s.at })),
  };
}

export function viewFeedback(ctx: HubContext, ticket: string, secret: string): FeedbackView {
  const { row, who } = follower(ctx, ticket, secret);
  // A supporter sees what the place's QR page shows (a ticket filed with no place was never
  // public) and the steps, but not what was written for the requester.
  const own = who === 'requester';
  return {
    ticket: row.ticket,
    status: row.status,
    category: row.category,
    text: own || row.place_id !== null ? row.text : null,
    place: row.place_name,
    createdAt: row.created_at,
    supporters: row.supporters,
    rating: own ? row.rating : null,
    duplicateOf: row.duplicate_ticket,
    steps: ctx.store.feedback.steps(row.id).map((s) => ({
      status: s.status,
      at: s.at,
      by: s.actor_kind,
      ...(s.reply === null || !own ? {} : { reply: s.reply }),
      // Only the requester's own words: a staff note is internal (DESIGN.md, feedback loop).
      ...(s.note !== null && own && s.actor_kind === 'requester' ? { comment: s.note } : {}),
    })),
    follower: who,
    canRate:
      who === 'requester' &&
      row.rating === null &&
      (row.status === 'resolved' || row.status === 'closed'),
    reopenUntil: who === 'requester' ? reopenUntil(ctx, row) : null,
  };
}

export function openAtPlace(
  ctx: HubContext,
  placeId: number,
  category: FeedbackCategory | undefined,
): z.infer<typeof openFeedbackItem>[] {
  must(ctx.store.buildings.place(placeId), 'place');
  return ctx.store.feedback.openAtPlace(placeId, category ?? null, 20).map((r) => ({
    ticket: r.ticket,
    category: r.category,
    text: r.text,
    status: r.status,
    supporters: r.supporters,
    createdAt: r.created_at,
  }));
}

// Who says "me too": a kiosk for the people at it; a phone by its lobby_visitor id once the
// hub knows it (it gave it out, and it supported a ticket with it); any other phone by its
// address, and it gets a new id (`issued`, for the cookie).
function supporterOf(ctx: HubContext, from: Origin, visitor: string | null) {
  if (from.device) return { hash: null, issued: null, limit: { device: kioskKey(from) } };
  const hash = visitor ? hashSecret(visitor) : null;
  if (hash && ctx.store.feedback.knownVisitor(hash)) {
    return { hash, issued: null, limit: { supporter: hash } };
  }
  const issued = newVisitorId();
  return { hash: hashSecret(issued), issued, limit: { newSupporterFrom: from.address } };
}

// "Me too": one more voice on an open ticket that a place's QR page lists, once per
// supporter, and a private link to follow it.
export async function support(
  ctx: HubContext,
  ticket: string,
  input: z.infer<typeof supportInput>,
  from: Origin,
  visitor: string | null,
): Promise<{ created: z.infer<typeof supportCreated>; issued: string | null }> {
  const row = ctx.store.feedback.byTicket(ticket);
  // A ticket filed with no place is listed nowhere: as if it did not exist.
  if (!row || row.place_id === null) throw notFound('ticket');
  if (input?.website) {
    return { created: { ...decoy(ctx), ticket, supporters: row.supporters + 1 }, issued: null };
  }
  const phone = input?.contact ? normalizePhone(input.contact, 'contact') : null;
  const who = supporterOf(ctx, from, visitor);
  takeVisitorLimits(ctx, { phone, ...who.limit });
  const now = ctx.now().toISOString();
  const secret = newSecret();
  const supporters = await ctx.store.grouped(() => {
    const current = must(ctx.store.feedback.byTicket(ticket), 'ticket');
    if (!isOpen(current.status)) throw conflict('ticket', 'ticketNotOpen');
    if (phone && ctx.store.feedback.followedBy(current.id, phone)) {
      throw conflict('contact', 'alreadyFollowing');
    }
    if (who.hash && ctx.store.feedback.supportedBy(current.id, who.hash)) {
      throw conflict('ticket', 'alreadySupported');
    }
    const fb = ctx.store.feedback;
    fb.insertSupporter(current.id, hashSecret(secret), phone, null, now, who.hash);
    fb.addSupporters(current.id, 1, now);
    return current.supporters + 1;
  });
  ctx.changes.changed(row.building_id, 'board');
  const created = { ticket, secret, url: followUrl(ctx, ticket, secret), supporters };
  return { created, issued: who.issued };
}

// The requester's rating closes a resolved ticket; a ticket closed without one may still be rated.
export function rate(
  ctx: HubContext,
  ticket: string,
  input: z.infer<typeof ratingInput>,
): FeedbackView {
  const now = ctx.now().toISOString();
  const building = ctx.store.tx(() => {
    const row = requester(ctx, ticket, input.secret);
    if (row.rating !== null) throw conflict('rating', 'alreadyRated');
    const next: FeedbackState = { ...stateOf(row), rating: input.rating };
    if (row.status === 'resolved') {
      const check = checkStep({ from: row.status, to: 'closed', replied: row.replied === 1 });
      if (!check.ok) throw new ApiError('conflict', check.reason, check.field);
      next.status = 'closed';
      next.closedAt = now;
    } else if (row.status !== 'closed') {
      throw conflict('status', 'rateWhenResolved');
    }
    ctx.store.feedback.update(row.id, next, now);
    if (next.status !== row.status) {
      ctx.store.feedback.addStep(
        row.id,
        {
          status: 'closed',
          by: 'requester',
          actorId: null,
          actor: null,
          note: input.comment || null,
          reply: null,
        },
        now,
      );
    }
    return row.building_id;
  });
  ctx.changes.changed(building, 'board');
  return viewFeedback(ctx, ticket, input.secret);
}

// "Not fixed": within the window, a resolved ticket goes back to in_progress with a new deadline.
export function reopen(
  ctx: HubContext,
  ticket: string,
  input: z.infer<typeof reopenInput>,
): FeedbackView {
  const now = ctx.now();
  const building = ctx.store.tx(() => {
    const row = requester(ctx, ticket, input.secret);
    if (row.status !== 'resolved') {
      throw conflict('status', 'reopenOnlyResolved');
    }
    if (!reopenUntil(ctx, row)) {
      throw conflict('status', 'reopenWindow', { days: ctx.config.feedbackReopenDays });
    }
    const check = checkStep({ from: row.status, to: 'in_progress', replied: row.replied === 1 });
    if (!check.ok) throw new ApiError('conflict', check.reason, check.field);
    ctx.store.feedback.update(
      row.id,
      {
        ...stateOf(row),
        status: 'in_progress',
        resolvedAt: null,
        reopened: row.reopened + 1,
        dueAt: dueFrom(ctx, row.building_id, now),
      },
      now.toISOString(),
    );
    ctx.store.feedback.addStep(
      row.id,
      {
        status: 'in_progress',
        by: 'requester',
        actorId: null,
        actor: null,
        note: input.note || null,
        reply: null,
      },
      now.toISOString(),
    );
    return row.building_id;
  });
  ctx.changes.changed(building, 'board');
  return viewFeedback(ctx, ticket, input.secret);
}

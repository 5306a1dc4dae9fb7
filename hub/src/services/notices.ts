import type { z } from 'zod';
import type { noticeInput, noticePatch } from '#shared/schemas/notices';
import type { Actor, HubContext } from '../context.ts';
import { invalid, must } from '../errors.ts';
import type { NoticeFields } from '../store/notices.ts';
import { assertFits } from '../publish/budget.ts';
import { audit } from './audit.ts';
import { reviewOnWrite } from './notice-review.ts';

type NoticeInput = z.infer<typeof noticeInput>;
type NoticePatch = z.infer<typeof noticePatch>;

const iso = (t: string | undefined | null) => (t ? new Date(t).toISOString() : null);

export function createNotice(ctx: HubContext, actor: Actor, input: NoticeInput): number {
  must(ctx.store.buildings.get(input.building), 'building');
  const fields: NoticeFields = {
    title: input.title,
    body: input.body,
    category: input.category,
    priority: input.priority,
    validFrom: iso(input.validFrom),
    validTo: iso(input.validTo),
    floors: input.floors ?? [],
    groups: input.groups ?? [],
    image: input.image ?? null,
    link: input.link ?? null,
  };
  const id = ctx.store.tx(() => {
    const id = ctx.store.notices.insert(
      input.building,
      fields,
      ctx.now().toISOString(),
      reviewOnWrite(ctx, actor, input.building),
    );
    assertFits(ctx, input.building, 'notices', 'body');
    audit(ctx, actor, 'create', 'notice', id, null, ctx.store.notices.get(id));
    return id;
  });
  ctx.changes.changed(input.building, 'notices');
  return id;
}

export function updateNotice(ctx: HubContext, actor: Actor, id: number, patch: NoticePatch): void {
  const before = must(ctx.store.notices.get(id), 'notice');
  const fields: NoticeFields = {
    title: patch.title ?? before.title,
    body: patch.body ?? before.body,
    category: patch.category ?? before.category,
    priority: patch.priority ?? before.priority,
    validFrom: patch.validFrom !== undefined ? iso(patch.validFrom) : before.validFrom,
    validTo: patch.validTo !== undefined ? iso(patch.validTo) : before.validTo,
    floors: patch.floors ?? before.floors,
    groups: patch.groups ?? before.groups,
    image: patch.image !== undefined ? patch.image : before.image,
    link: patch.link !== undefined ? patch.link : before.link,
  };
  if (fields.validFrom && fields.validTo && fields.validFrom >= fields.validTo) {
    throw invalid('validTo', 'afterValidFrom');
  }
  ctx.store.tx(() => {
    const now = ctx.now().toISOString();
    ctx.store.notices.update(id, fields, now);
    // An editor's change needs approval again where approval is asked for: until then the
    // notice is off the screens, never shown with text nobody approved.
    if (reviewOnWrite(ctx, actor, before.building) === 'draft') {
      ctx.store.notices.setReview(id, 'draft', actor.username, null, now);
    }
    assertFits(ctx, before.building, 'notices', 'body');
    audit(ctx, actor, 'update', 'notice', id, before, ctx.store.notices.get(id));
  });
  ctx.changes.changed(before.building, 'notices');
}

export function deleteNotice(ctx: HubContext, actor: Actor, id: number): void {
  const before = must(ctx.store.notices.get(id), 'notice');
  ctx.store.tx(() => {
    ctx.store.notices.remove(id);
    audit(ctx, actor, 'delete', 'notice', id, before, null);
  });
  ctx.changes.changed(before.building, 'notices');
}

import type { Actor, HubContext } from '../context.ts';

// One audit row per staff write, in the same transaction as the write itself.
export function audit(
  ctx: HubContext,
  actor: Actor,
  action: 'create' | 'update' | 'delete' | string,
  entity: string,
  entityId: string | number | null,
  before: unknown,
  after: unknown,
): void {
  ctx.store.audit.write({
    at: ctx.now().toISOString(),
    actorId: actor.id,
    actor: actor.username,
    action,
    entity,
    entityId: entityId === null ? null : String(entityId),
    before: before ?? null,
    after: after ?? null,
  });
}

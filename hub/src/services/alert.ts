import type { AlertInput, AlertView } from '#shared/schemas/alert';
import { flushReports } from '../broker/reports.ts';
import type { Actor, HubContext } from '../context.ts';
import { must } from '../errors.ts';
import { assertFits } from '../publish/budget.ts';
import { audit } from './audit.ts';

// Raises the building's emergency alert, or changes its text; `since` stays the time it
// was first raised.
export function putAlert(ctx: HubContext, actor: Actor, building: string, input: AlertInput) {
  must(ctx.store.buildings.get(building), 'building');
  const now = ctx.now().toISOString();
  ctx.store.tx(() => {
    const before = ctx.store.alerts.get(building);
    const fields = { ...input, since: before?.since ?? now };
    ctx.store.alerts.put(building, fields, now);
    assertFits(ctx, building, 'alert', 'body');
    audit(ctx, actor, before ? 'update' : 'create', 'alert', building, before ?? null, fields);
  });
  ctx.changes.changed(building, 'alert');
}

// Clears it: the topic gets an empty retained payload.
export function clearAlert(ctx: HubContext, actor: Actor, building: string) {
  must(ctx.store.buildings.get(building), 'building');
  ctx.store.tx(() => {
    const before = must(ctx.store.alerts.get(building), 'alert');
    ctx.store.alerts.remove(building);
    audit(ctx, actor, 'delete', 'alert', building, before, null);
  });
  ctx.changes.changed(building, 'alert');
}

export function alertView(ctx: HubContext, building: string): AlertView {
  must(ctx.store.buildings.get(building), 'building');
  flushReports(ctx);
  const a = ctx.store.alerts.get(building);
  if (!a) return { alert: null, shownBy: [] };
  const rev = ctx.store.snapshots.get(building, 'alert')?.rev ?? 0;
  return {
    alert: { level: a.level, title: a.title, body: a.body, since: a.since, rev },
    shownBy: ctx.store.devices.showingAlert(building, rev),
  };
}

import { checkStep } from '#shared/feedback-lifecycle';
import type { HubContext } from '../context.ts';
import { stateOf } from '../store/feedback.ts';
import { settleWaitlists } from './waitlist.ts';

const DAY = 86_400_000;

// A resolved ticket the requester neither rated nor reopened closes once their window
// to reopen has passed and the auto-close days are up (DESIGN.md, Feedback loop).
// The scheduler runs it; returns in how many buildings tickets closed.
export function autoCloseFeedback(ctx: HubContext): number {
  const now = ctx.now();
  const at = now.toISOString();
  const days = Math.max(ctx.config.feedbackAutoCloseDays, ctx.config.feedbackReopenDays);
  const cutoff = new Date(now.getTime() - days * DAY).toISOString();
  const buildings = new Set<string>();
  ctx.store.tx(() => {
    for (const row of ctx.store.feedback.resolvedBefore(cutoff)) {
      if (!checkStep({ from: row.status, to: 'closed', replied: row.replied === 1 }).ok) continue;
      ctx.store.feedback.update(row.id, { ...stateOf(row), status: 'closed', closedAt: at }, at);
      ctx.store.feedback.addStep(
        row.id,
        { status: 'closed', by: 'system', actorId: null, actor: null, note: null, reply: null },
        at,
      );
      buildings.add(row.building_id);
    }
  });
  for (const b of buildings) ctx.changes.changed(b, 'board');
  return buildings.size;
}

// Seats also open without a cancellation: staff raise a capacity or release captain seats
// early. Every change of a building's events settles its waiting lists right after the
// change (the scheduler covers release hours that pass by themselves). Returns the stop.
export function settleOnEventChanges(ctx: HubContext): () => void {
  const pending = new Set<string>();
  let scheduled = false;
  let stopped = false;
  const off = ctx.changes.onChange((building, topic) => {
    if (topic !== 'events' || stopped) return;
    pending.add(building);
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (stopped) return;
      const buildings = [...pending];
      pending.clear();
      for (const b of buildings) {
        try {
          settleWaitlists(ctx, b);
        } catch (err) {
          ctx.log.error({ err, building: b }, 'waiting list not settled');
        }
      }
    });
  });
  return () => {
    stopped = true;
    off();
  };
}

import { SYSTEM, type HubContext } from '../context.ts';
import { audit } from '../services/audit.ts';

// Personal data has a shelf life: names, phone numbers and photos of closed tickets and
// of past events' attendees go after the retention period; counts and ratings stay.
export function purgePersonalData(ctx: HubContext, at: Date): string {
  const before = new Date(at.getTime() - ctx.config.retentionDays * 86_400_000).toISOString();
  const counts = ctx.store.tx(() => {
    const c = {
      tickets: ctx.store.jobs.purgeFeedback(before),
      supporters: ctx.store.jobs.purgeSupporters(before),
      registrations: ctx.store.jobs.purgeRegistrations(before),
      sessions: ctx.store.staff.purgeSessions(at.toISOString()).changes,
    };
    if (c.tickets + c.supporters + c.registrations > 0) {
      audit(ctx, SYSTEM, 'purge', 'personal_data', null, null, { before, ...c });
    }
    return c;
  });
  return `before ${before.slice(0, 10)}: ${counts.tickets} tickets, ${counts.supporters} supporters, ${counts.registrations} registrations, ${counts.sessions} expired sessions`;
}

import type { JobCounts } from '#shared/schemas/console';
import { SYSTEM, type HubContext } from '../context.ts';
import { audit } from '../services/audit.ts';
import { deletePhotoFiles } from '../services/feedback-photos.ts';

// Personal data has a shelf life: texts, names, phone numbers, notes, replies and photos of
// closed tickets and the names of past events' attendees go after the retention period;
// categories, places, dates, steps, counts and ratings stay.
export function purgePersonalData(ctx: HubContext, at: Date): JobCounts {
  const before = new Date(at.getTime() - ctx.config.retentionDays * 86_400_000).toISOString();
  let photos: string[] = [];
  const counts = ctx.store.tx(() => {
    const feedback = ctx.store.jobs.purgeFeedback(before, at.toISOString());
    photos = feedback.photos;
    const c = {
      tickets: feedback.tickets,
      photos: photos.length,
      supporters: ctx.store.jobs.purgeSupporters(before),
      registrations: ctx.store.jobs.purgeRegistrations(before),
      sessions: ctx.store.staff.purgeSessions(at.toISOString()).changes,
    };
    if (c.tickets + c.supporters + c.registrations > 0) {
      audit(ctx, SYSTEM, 'purge', 'personal_data', null, null, { before, ...c });
    }
    return c;
  });
  deletePhotoFiles(ctx, photos);
  // What was blanked lives on in the WAL's older frames until a checkpoint empties it;
  // secure_delete (store/db.ts) zeroed the freed space in the database file itself.
  ctx.store.checkpoint();
  return counts;
}

import type { PublicEvent } from '#shared/schemas/events';

export type Availability = 'open' | 'waitlist' | 'closed' | 'not-yet';

// Whether a visitor can register right now, and how.
export function availability(e: PublicEvent, now: Date): Availability {
  const at = now.toISOString();
  if (e.registrationOpens && at < new Date(e.registrationOpens).toISOString()) return 'not-yet';
  const closes = e.registrationCloses ?? e.start;
  if (at >= new Date(closes).toISOString()) return 'closed';
  return e.seatsLeft > 0 ? 'open' : 'waitlist';
}

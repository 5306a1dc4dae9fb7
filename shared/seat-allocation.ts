// Who gets a seat at an event (DESIGN.md, Events). Pure: the hub runs it inside the
// registration's write transaction; screens and the kiosk may run it to explain a result.

export interface SeatState {
  capacity: number;
  confirmed: number;
  // Confirmed registrations that came with a captain code.
  captainsConfirmed: number;
  captainSeats: number;
  // Reserved captain seats go to everyone once captainSeatsReleaseAt has passed.
  captainSeatsReleased: boolean;
}

export type Allocation = { status: 'confirmed' } | { status: 'waitlisted'; position: number };

// Reserved seats no captain has taken yet.
export function heldForCaptains(s: SeatState): number {
  return s.captainSeatsReleased ? 0 : Math.max(0, s.captainSeats - s.captainsConfirmed);
}

// Seats a person without a captain code can still take (the "seats left" of the screens).
export function publicSeatsLeft(s: SeatState): number {
  return Math.max(0, s.capacity - s.confirmed - heldForCaptains(s));
}

// A captain may take any free seat, reserved or not.
export function seatsLeftFor(s: SeatState, captain: boolean): number {
  return captain ? Math.max(0, s.capacity - s.confirmed) : publicSeatsLeft(s);
}

// A newcomer: a seat if one is open to them, else the end of the waiting list.
export function allocate(s: SeatState, captain: boolean, waitlisted: number): Allocation {
  return seatsLeftFor(s, captain) > 0
    ? { status: 'confirmed' }
    : { status: 'waitlisted', position: waitlisted + 1 };
}

// The next person to move up from the waiting list (in its order), or -1. A seat still
// reserved for captains goes to the first captain waiting; every other seat goes to the
// first person waiting, so nobody is ever passed over for a seat that was open to them.
export function nextToPromote(s: SeatState, queue: readonly { captain: boolean }[]): number {
  if (seatsLeftFor(s, false) > 0) return queue.length > 0 ? 0 : -1;
  if (seatsLeftFor(s, true) > 0) return queue.findIndex((q) => q.captain);
  return -1;
}

export interface RegistrationWindow {
  start: string;
  registrationOpens: string | null;
  registrationCloses: string | null;
  captainWindowOpens: string | null;
}

// open: anyone; captains: only a valid captain code; early: nobody yet; closed: too late.
export type RegistrationPhase = 'open' | 'captains' | 'early' | 'closed';

export function registrationPhase(w: RegistrationWindow, now: Date): RegistrationPhase {
  const t = now.getTime();
  const closes = Date.parse(w.registrationCloses ?? w.start);
  if (t >= closes || t >= Date.parse(w.start)) return 'closed';
  if (!w.registrationOpens || t >= Date.parse(w.registrationOpens)) return 'open';
  if (w.captainWindowOpens && t >= Date.parse(w.captainWindowOpens)) return 'captains';
  return 'early';
}

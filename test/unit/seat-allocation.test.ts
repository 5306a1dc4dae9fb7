import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  allocate,
  heldForCaptains,
  nextToPromote,
  publicSeatsLeft,
  registrationPhase,
  type SeatState,
} from '../../shared/seat-allocation.ts';
import { seatsLeft } from '../../hub/src/services/events.ts';
import type { EventWithCounts } from '../../hub/src/store/events.ts';

const state = (s: Partial<SeatState> = {}): SeatState => ({
  capacity: 10,
  confirmed: 0,
  captainsConfirmed: 0,
  captainSeats: 0,
  captainSeatsReleased: false,
  ...s,
});

describe('allocate', () => {
  test('confirms while seats are left, then waitlists at the end of the list', () => {
    assert.deepEqual(allocate(state({ confirmed: 9 }), false, 0), { status: 'confirmed' });
    assert.deepEqual(allocate(state({ confirmed: 10 }), false, 0), {
      status: 'waitlisted',
      position: 1,
    });
    assert.deepEqual(allocate(state({ confirmed: 10 }), false, 4), {
      status: 'waitlisted',
      position: 5,
    });
  });

  test('reserved captain seats are kept from the public until released', () => {
    const s = state({ confirmed: 7, captainSeats: 3 });
    assert.equal(heldForCaptains(s), 3);
    assert.equal(publicSeatsLeft(s), 0);
    assert.equal(allocate(s, false, 0).status, 'waitlisted');
    assert.equal(allocate(s, true, 0).status, 'confirmed');
    assert.equal(allocate({ ...s, captainSeatsReleased: true }, false, 0).status, 'confirmed');
  });

  test('captains who took seats use up the reservation', () => {
    const s = state({ confirmed: 8, captainSeats: 3, captainsConfirmed: 2 });
    assert.equal(heldForCaptains(s), 1);
    assert.equal(publicSeatsLeft(s), 1);
    const more = state({ confirmed: 8, captainSeats: 3, captainsConfirmed: 5 });
    assert.equal(heldForCaptains(more), 0);
    assert.equal(publicSeatsLeft(more), 2);
  });

  test('a captain is waitlisted only when the room is full', () => {
    assert.equal(allocate(state({ confirmed: 10, captainSeats: 2 }), true, 3).status, 'waitlisted');
  });

  test('property: never more confirmed than capacity, and the public never eats reserved seats', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.boolean(),
        fc.array(fc.boolean(), { maxLength: 120 }),
        (capacity, seats, released, arrivals) => {
          const captainSeats = Math.min(seats, capacity);
          const s = state({ capacity, captainSeats, captainSeatsReleased: released });
          let waiting = 0;
          let publicConfirmed = 0;
          for (const captain of arrivals) {
            const a = allocate(s, captain, waiting);
            if (a.status === 'waitlisted') {
              assert.equal(a.position, waiting + 1);
              waiting += 1;
              continue;
            }
            s.confirmed += 1;
            if (captain) s.captainsConfirmed += 1;
            else publicConfirmed += 1;
          }
          assert.ok(s.confirmed <= capacity);
          if (!released) assert.ok(publicConfirmed <= capacity - captainSeats);
        },
      ),
    );
  });

  test('property: agrees with the seats left the screens show', () => {
    const now = new Date('2026-11-21T08:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom(null, '2026-11-20T00:00:00.000Z', '2026-11-22T00:00:00.000Z'),
        (capacity, confirmed, captains, captainSeats, releaseAt) => {
          const captainsConfirmed = Math.min(captains, confirmed);
          const row = {
            capacity,
            confirmed,
            captains_confirmed: captainsConfirmed,
            captain_seats: captainSeats,
            captain_seats_release_at: releaseAt,
          } as EventWithCounts;
          const s = state({
            capacity,
            confirmed,
            captainsConfirmed,
            captainSeats,
            captainSeatsReleased: !releaseAt || now.toISOString() >= releaseAt,
          });
          assert.equal(publicSeatsLeft(s), seatsLeft(row, now));
        },
      ),
    );
  });
});

describe('nextToPromote', () => {
  const P = { captain: false };
  const C = { captain: true };

  test('a free public seat goes to the first in line', () => {
    assert.equal(nextToPromote(state({ confirmed: 9 }), [P, C, P]), 0);
    assert.equal(nextToPromote(state({ confirmed: 9 }), [C, P]), 0);
  });

  test('a seat still reserved for captains goes to the first captain in line', () => {
    const s = state({ confirmed: 9, captainSeats: 2, captainsConfirmed: 1 });
    assert.equal(publicSeatsLeft(s), 0);
    assert.equal(nextToPromote(s, [P, P, C, C]), 2);
    assert.equal(nextToPromote(s, [P, P]), -1);
  });

  test('nobody moves up into a full room or from an empty list', () => {
    assert.equal(nextToPromote(state({ confirmed: 10 }), [P, C]), -1);
    assert.equal(nextToPromote(state({ confirmed: 3 }), []), -1);
  });
});

describe('registrationPhase', () => {
  const w = {
    start: '2026-12-10T06:00:00Z',
    registrationOpens: '2026-12-01T00:00:00Z',
    registrationCloses: '2026-12-09T00:00:00Z',
    captainWindowOpens: '2026-11-28T00:00:00Z',
  };
  const at = (t: string) => registrationPhase(w, new Date(t));

  test('early, captains only, open, closed', () => {
    assert.equal(at('2026-11-27T23:59:59Z'), 'early');
    assert.equal(at('2026-11-28T00:00:00Z'), 'captains');
    assert.equal(at('2026-12-01T00:00:00Z'), 'open');
    assert.equal(at('2026-12-08T23:59:59Z'), 'open');
    assert.equal(at('2026-12-09T00:00:00Z'), 'closed');
  });

  test('without a window it is open until the start, and never after', () => {
    const open = { ...w, registrationOpens: null, registrationCloses: null };
    assert.equal(registrationPhase(open, new Date('2026-01-01T00:00:00Z')), 'open');
    assert.equal(registrationPhase(open, new Date('2026-12-10T06:00:00Z')), 'closed');
    const late = { ...w, registrationCloses: '2026-12-11T00:00:00Z' };
    assert.equal(registrationPhase(late, new Date('2026-12-10T07:00:00Z')), 'closed');
  });

  test('with no captain window, captains wait like everyone', () => {
    assert.equal(
      registrationPhase({ ...w, captainWindowOpens: null }, new Date('2026-11-29T00:00:00Z')),
      'early',
    );
  });
});

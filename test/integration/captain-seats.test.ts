import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestHub } from '../helpers/hub.ts';
import {
  type ErrorBody,
  HOUR,
  DAY,
  registrationCalls,
  startRegistrationHub,
} from '../helpers/registrations.ts';

type StaffContact = { id: number; role: string; captainCode: string | null };
type StaffEvent = {
  captainSeatsReleaseAt: string;
  captainSeatsReleased: boolean;
  captainSeatsHeld: number;
};

// The captain path from a captain's side: seats held until they come, a code that is asked
// for when they say they are one, and a place that becomes theirs when they bring it late.
describe('captain seats', () => {
  let hub: TestHub;
  let admin: string;
  let codes: string[];
  before(async () => {
    ({ hub, admin } = await startRegistrationHub());
    const contacts = await hub.api<StaffContact[]>(
      'GET',
      '/api/staff/buildings/demo/contacts',
      undefined,
      admin,
    );
    codes = contacts.body.filter((c) => c.captainCode).map((c) => c.captainCode as string);
    assert.ok(codes.length >= 2);
  });
  after(() => hub.stop());
  const { at, newEvent, register, view, nextPhone } = registrationCalls(() => ({ hub, admin }));
  const staffEvent = async (id: number) =>
    (await hub.api<StaffEvent>('GET', `/api/staff/events/${id}`, undefined, admin)).body;

  test('an event made less than a day ahead still holds its captain seats', async () => {
    const id = await newEvent({
      capacity: 3,
      captainSeats: 1,
      start: at(12 * HOUR),
      end: at(14 * HOUR),
    });
    const e = await staffEvent(id);
    assert.equal(e.captainSeatsReleased, false);
    assert.equal(e.captainSeatsHeld, 1);
    assert.ok(Date.parse(e.captainSeatsReleaseAt) > hub.ctx.now().getTime());
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await register(id)).body.status);
    assert.deepEqual(statuses, ['confirmed', 'confirmed', 'waitlisted']);
    const captain = await register(id, { captainCode: codes[0] });
    assert.equal(captain.body.status, 'confirmed');
  });

  test('a release time already past is refused when the event is made', async () => {
    const r = await hub.api<ErrorBody>(
      'POST',
      '/api/staff/events',
      {
        building: 'demo',
        title: 'Tea',
        kind: 'salon',
        place: 'Hall',
        start: at(5 * DAY),
        end: at(5 * DAY + HOUR),
        capacity: 3,
        captainSeats: 1,
        captainSeatsReleaseAt: at(-HOUR),
      },
      admin,
    );
    assert.equal(r.status, 400);
    assert.equal(r.body.error.field, 'captainSeatsReleaseAt');
    assert.match(r.body.error.message, /释放/);
  });

  test('saying one is a captain without a code is an error on the code, in Chinese', async () => {
    const id = await newEvent({ capacity: 3, captainSeats: 1 });
    const r = await register(id, { captain: true, captainCode: '' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.field, 'captainCode');
    assert.match(r.body.error.message, /楼长码/);
    const wrong = await register(id, { captain: true, captainCode: '00000000' });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.field, 'captainCode');
    assert.match(wrong.body.error.message, /楼长码/);
    const list = await hub.api<unknown[]>(
      'GET',
      `/api/staff/events/${id}/registrations`,
      undefined,
      admin,
    );
    assert.equal(list.body.length, 0, 'nothing is kept');
  });

  test('registered without the code, a captain upgrades in place and takes the held seat', async () => {
    const id = await newEvent({ capacity: 2, captainSeats: 1, captainSeatsReleaseAt: at(DAY) });
    assert.equal((await register(id)).body.status, 'confirmed');
    const phone = nextPhone();
    const first = await register(id, { phone });
    assert.deepEqual([first.body.status, first.body.position], ['waitlisted', 1]);
    const again = await register(id, { phone, captain: true, captainCode: codes[1] });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.ticket, first.body.ticket, 'the same place, not a second one');
    assert.equal(again.body.status, 'confirmed');
    const v = await view(again.body);
    assert.equal(v.body.captain, true);
    assert.equal(v.body.status, 'confirmed');
    assert.equal((await view(first.body)).status, 404, 'the old link gave way to the new one');
    const twice = await register(id, { phone, captainCode: codes[1] });
    assert.equal(twice.status, 409);
  });

  test('a seated person who brings their code frees the held seat for the waiting list', async () => {
    const id = await newEvent({ capacity: 2, captainSeats: 1, captainSeatsReleaseAt: at(DAY) });
    const phone = nextPhone();
    const seated = await register(id, { phone });
    const waiting = await register(id);
    assert.deepEqual([seated.body.status, waiting.body.status], ['confirmed', 'waitlisted']);
    const up = await register(id, { phone, captainCode: codes[0] });
    assert.equal(up.status, 200);
    assert.equal((await view(waiting.body)).body.status, 'confirmed');
  });

  test('a contact made a captain later gets a code', async () => {
    const made = await hub.api<{ id: number }>(
      'POST',
      '/api/staff/contacts',
      {
        building: 'demo',
        name: '李明',
        role: 'property_manager',
        floors: [],
        company: '',
        phone: '13900001111',
        hours: '',
      },
      admin,
    );
    assert.equal(made.status, 201, JSON.stringify(made.body));
    await hub.api(
      'PATCH',
      `/api/staff/contacts/${made.body.id}`,
      { role: 'captain', floors: [9] },
      admin,
    );
    const contacts = await hub.api<StaffContact[]>(
      'GET',
      '/api/staff/buildings/demo/contacts',
      undefined,
      admin,
    );
    const c = contacts.body.find((x) => x.id === made.body.id);
    assert.match(c?.captainCode ?? '', /^[0-9]{8}$/);
  });
});

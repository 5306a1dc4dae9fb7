import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ContentTopic } from '../../shared/topics.ts';
import { rowCount, type TestHub } from '../helpers/hub.ts';
import {
  type View,
  type Listed,
  type ErrorBody,
  HOUR,
  DAY,
  registrationCalls,
  startRegistrationHub,
} from '../helpers/registrations.ts';

describe('event registration', () => {
  let hub: TestHub;
  let admin: string;
  let tokens: Record<string, string>;
  before(async () => {
    ({ hub, admin, tokens } = await startRegistrationHub());
  });
  after(() => hub.stop());
  const { at, newEvent, register, view, cancel } = registrationCalls(() => ({ hub, admin }));
  // Resolves once the hub has announced `count` more changes of a topic.
  const announced = (topic: ContentTopic, count: number) =>
    new Promise<void>((resolve) => {
      let seen = 0;
      const off = hub.ctx.changes.onChange((_b, t) => {
        if (t === topic && ++seen === count) {
          off();
          resolve();
        }
      });
    });

  test('register until full, then a waiting list in order; cancelling moves it up in order', async () => {
    const id = await newEvent({ capacity: 3 });
    const events = announced('events', 5);
    const seated = [await register(id), await register(id), await register(id)];
    for (const s of seated) {
      assert.equal(s.status, 201);
      assert.equal(s.body.status, 'confirmed');
      assert.match(s.body.ticket, /^[0-9]{8}$/);
      assert.ok(s.body.secret.length >= 22);
      assert.equal(s.body.url, `${hub.url}/t/${s.body.ticket}?s=${s.body.secret}`);
    }
    const w1 = await register(id);
    const w2 = await register(id);
    assert.deepEqual([w1.body.status, w1.body.position], ['waitlisted', 1]);
    assert.deepEqual([w2.body.status, w2.body.position], ['waitlisted', 2]);
    await events;
    const pub = await hub.api<{ seatsLeft: number; waitlist: number }>(
      'GET',
      `/api/public/events/${id}`,
    );
    assert.deepEqual([pub.body.seatsLeft, pub.body.waitlist], [0, 2]);

    assert.equal((await cancel(seated[1]!.body)).status, 200);
    assert.equal((await view(w1.body)).body.status, 'confirmed');
    assert.deepEqual(
      [(await view(w2.body)).body.status, (await view(w2.body)).body.position],
      ['waitlisted', 1],
    );
    assert.equal((await view(seated[1]!.body)).body.status, 'cancelled');
    assert.equal((await cancel(seated[1]!.body)).status, 200, 'cancelling twice is harmless');
    assert.equal((await view(w2.body)).body.status, 'waitlisted', 'and moves nobody up');

    assert.equal((await cancel(seated[0]!.body)).status, 200);
    assert.equal((await view(w2.body)).body.status, 'confirmed');
    const list = await hub.api<Listed[]>(
      'GET',
      `/api/staff/events/${id}/registrations`,
      undefined,
      admin,
    );
    assert.deepEqual(
      list.body.map((r) => r.status),
      ['cancelled', 'cancelled', 'confirmed', 'confirmed', 'confirmed'],
    );
    const attendance = await hub.api<Record<string, number>>(
      'GET',
      `/api/staff/events/${id}/attendance`,
      undefined,
      tokens.viewer,
    );
    assert.equal(attendance.status, 200);
    assert.deepEqual(
      [attendance.body.confirmed, attendance.body.waitlisted, attendance.body.cancelled],
      [3, 0, 2],
    );
  });

  test('one live registration per phone: 409, however the number is written', async () => {
    const id = await newEvent();
    const first = await register(id, { phone: '138 0013 8000' });
    assert.equal(first.status, 201);
    const rows = rowCount(hub);
    for (const phone of ['13800138000', '138-0013-8000', '+8613800138000']) {
      const again = await register(id, { phone });
      assert.equal(again.status, 409, phone);
      assert.equal(again.body.error.field, 'phone');
    }
    assert.equal(rowCount(hub), rows);
    assert.equal((await cancel(first.body)).status, 200);
    assert.equal((await register(id, { phone: '13800138000' })).status, 201, 'again after cancel');
  });

  test('closed windows: not open yet, closed, started', async () => {
    const early = await newEvent({ registrationOpens: at(DAY) });
    const closed = await newEvent({ registrationOpens: at(-DAY), registrationCloses: at(-HOUR) });
    const started = await newEvent({ start: at(-HOUR), end: at(HOUR) });
    const rows = rowCount(hub);
    for (const id of [early, closed, started]) {
      const r = await register(id);
      assert.equal(r.status, 409, `event ${id}`);
      assert.equal(r.body.error.code, 'conflict');
    }
    assert.match((await register(early)).body.error.message, /报名将于 .* 开始/);
    assert.equal(rowCount(hub), rows);
    assert.equal((await register(999_999)).status, 404);
  });

  test('captains: the early window needs a valid code, one place per code, reserved seats', async () => {
    const contacts = await hub.api<{ role: string; captainCode: string | null }[]>(
      'GET',
      '/api/staff/buildings/demo/contacts',
      undefined,
      admin,
    );
    const codes = contacts.body
      .filter((c) => c.role === 'captain' && c.captainCode)
      .map((c) => c.captainCode as string);
    assert.ok(codes.length >= 3);

    const id = await newEvent({
      capacity: 3,
      captainSeats: 1,
      captainWindowOpens: at(-HOUR),
      registrationOpens: at(DAY),
      captainSeatsReleaseAt: at(2 * DAY),
    });
    const publicEarly = await register(id);
    assert.equal(publicEarly.status, 409);
    assert.match(publicEarly.body.error.message, /楼长码/);
    const wrong = await register(id, { captainCode: '00000000' });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.field, 'captainCode');
    const captain = await register(id, { captainCode: codes[0] });
    assert.equal(captain.status, 201);
    assert.equal(captain.body.status, 'confirmed');
    assert.equal((await view(captain.body)).body.captain, true);
    const reused = await register(id, { captainCode: codes[0] });
    assert.equal(reused.status, 409);
    assert.equal(reused.body.error.field, 'captainCode');

    // Two reserved seats, released in the future: the public gets only what is left.
    const reserved = await newEvent({
      capacity: 3,
      captainSeats: 2,
      captainSeatsReleaseAt: at(DAY),
    });
    assert.equal((await register(reserved)).body.status, 'confirmed');
    const waiting = await register(reserved);
    assert.deepEqual([waiting.body.status, waiting.body.position], ['waitlisted', 1]);
    assert.equal((await register(reserved, { captainCode: codes[1] })).body.status, 'confirmed');
    const seats = await hub.api<{ seatsLeft: number }>('GET', `/api/public/events/${reserved}`);
    assert.equal(seats.body.seatsLeft, 0, 'one seat still held for a captain');

    // Releasing the captain seats early moves the waiting list up at once.
    const moved = announced('events', 2);
    const patch = await hub.api(
      'PATCH',
      `/api/staff/events/${reserved}`,
      { captainSeatsReleaseAt: at(-HOUR) },
      admin,
    );
    assert.equal(patch.status, 200);
    await moved;
    assert.equal((await view(waiting.body)).body.status, 'confirmed');
  });

  test('a seat held for captains goes to the first captain waiting, not past them', async () => {
    const contacts = await hub.api<{ role: string; captainCode: string | null }[]>(
      'GET',
      '/api/staff/buildings/demo/contacts',
      undefined,
      admin,
    );
    const [c1, c2] = contacts.body.filter((c) => c.captainCode).map((c) => c.captainCode);
    const id = await newEvent({ capacity: 2, captainSeats: 1, captainSeatsReleaseAt: at(DAY) });
    const captain = await register(id, { captainCode: c1 });
    const pub = await register(id);
    const waitingPublic = await register(id);
    const waitingCaptain = await register(id, { captainCode: c2 });
    assert.deepEqual(
      [captain.body.status, pub.body.status, waitingPublic.body.status, waitingCaptain.body.status],
      ['confirmed', 'confirmed', 'waitlisted', 'waitlisted'],
    );
    await cancel(captain.body);
    assert.equal((await view(waitingCaptain.body)).body.status, 'confirmed');
    assert.equal((await view(waitingPublic.body)).body.status, 'waitlisted');
    await cancel(pub.body);
    assert.equal((await view(waitingPublic.body)).body.status, 'confirmed');
  });

  test('reconfirmation the day before: keep the seat, or release it to the waiting list', async () => {
    const later = await newEvent({ start: at(5 * DAY), end: at(5 * DAY + HOUR) });
    const tooEarly = await register(later);
    const r = await hub.api<ErrorBody>(
      'POST',
      `/api/public/registrations/${tooEarly.body.ticket}/reconfirm`,
      { secret: tooEarly.body.secret },
    );
    assert.equal(r.status, 409);
    assert.match(r.body.error.message, /起才能确认参加/);

    const soon = await newEvent({ capacity: 2, start: at(3 * HOUR), end: at(4 * HOUR) });
    const keep = await register(soon);
    const leave = await register(soon);
    const waiting = await register(soon);
    const kept = await hub.api<View>(
      'POST',
      `/api/public/registrations/${keep.body.ticket}/reconfirm`,
      { secret: keep.body.secret },
    );
    assert.equal(kept.status, 200);
    assert.ok(kept.body.reconfirmedAt);
    const notYours = await hub.api(
      'POST',
      `/api/public/registrations/${keep.body.ticket}/reconfirm`,
      { secret: leave.body.secret },
    );
    assert.equal(notYours.status, 404);
    const waitlisted = await hub.api(
      'POST',
      `/api/public/registrations/${waiting.body.ticket}/reconfirm`,
      { secret: waiting.body.secret },
    );
    assert.equal(waitlisted.status, 409);
    const released = await hub.api<View>(
      'POST',
      `/api/public/registrations/${leave.body.ticket}/release`,
      { secret: leave.body.secret },
    );
    assert.equal(released.status, 200);
    assert.equal(released.body.status, 'cancelled');
    assert.equal((await view(waiting.body)).body.status, 'confirmed');
    const att = await hub.api<{ reconfirmed: number }>(
      'GET',
      `/api/staff/events/${soon}/attendance`,
      undefined,
      admin,
    );
    assert.equal(att.body.reconfirmed, 1);
  });

  test('300 registrations at once for 50 seats: exactly 50 confirmed, no 5xx', async () => {
    const id = await newEvent({ capacity: 50 });
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        register(id, { phone: `135${String(i).padStart(8, '0')}` }),
      ),
    );
    assert.deepEqual(
      results.filter((r) => r.status >= 500),
      [],
    );
    assert.ok(results.every((r) => r.status === 201));
    const confirmed = results.filter((r) => r.body.status === 'confirmed');
    const waiting = results.filter((r) => r.body.status === 'waitlisted');
    assert.equal(confirmed.length, 50);
    assert.equal(waiting.length, 250);
    assert.deepEqual(
      waiting.map((r) => r.body.position).sort((a, b) => (a ?? 0) - (b ?? 0)),
      Array.from({ length: 250 }, (_, i) => i + 1),
    );
    const att = await hub.api<{ confirmed: number; waitlisted: number }>(
      'GET',
      `/api/staff/events/${id}/attendance`,
      undefined,
      admin,
    );
    assert.deepEqual([att.body.confirmed, att.body.waitlisted], [50, 250]);
  });
});

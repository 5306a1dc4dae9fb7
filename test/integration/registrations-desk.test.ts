import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rowCount, startTestHub, type TestHub } from '../helpers/hub.ts';
import { fieldLabel } from '#shared/i18n/fields';
import {
  type Created,
  type Listed,
  type ErrorBody,
  registrationCalls,
  startRegistrationHub,
} from '../helpers/registrations.ts';

describe('event registration: tickets, the door and abuse', () => {
  let hub: TestHub;
  let admin: string;
  let tokens: Record<string, string>;
  before(async () => {
    ({ hub, admin, tokens } = await startRegistrationHub());
  });
  after(() => hub.stop());
  const { nextPhone, newEvent, register, view, cancel } = registrationCalls(() => ({ hub, admin }));

  test('the ticket page: 404 for a wrong secret, phone masked, a calendar file', async () => {
    const id = await newEvent();
    const c = await register(id, { phone: '13912345678' });
    const v = await view(c.body);
    assert.equal(v.status, 200);
    assert.equal(v.body.phone, '139****5678');
    const wrong = await hub.api<ErrorBody>(
      'GET',
      `/api/public/registrations/${c.body.ticket}?secret=${'x'.repeat(24)}`,
    );
    const unknown = await hub.api<ErrorBody>(
      'GET',
      `/api/public/registrations/00000001?secret=${'x'.repeat(24)}`,
    );
    assert.equal(wrong.status, 404);
    assert.deepEqual(wrong.body, unknown.body, 'a wrong secret looks like no ticket');
    const rows = rowCount(hub);
    assert.equal(
      (
        await hub.api(
          'DELETE',
          `/api/public/registrations/${c.body.ticket}?secret=${'y'.repeat(24)}`,
        )
      ).status,
      404,
    );
    assert.equal((await view(c.body)).body.status, 'confirmed');
    assert.equal(rowCount(hub), rows);

    const ics = await fetch(
      `${hub.url}/api/public/registrations/${c.body.ticket}/ics?secret=${c.body.secret}`,
    );
    assert.equal(ics.status, 200);
    assert.match(ics.headers.get('content-type') ?? '', /^text\/calendar/);
    const text = await ics.text();
    assert.match(text, /BEGIN:VEVENT\r\n/);
    assert.match(text, /SUMMARY:Tax clinic\r\n/);
    assert.ok(text.includes(`/t/${c.body.ticket}?s=${c.body.secret}`.slice(0, 40)));
  });

  test('staff see phones unmasked only as admin or handler', async () => {
    const id = await newEvent();
    await register(id, { phone: '13712345678' });
    const phoneAs = async (token: string | undefined) =>
      (await hub.api<Listed[]>('GET', `/api/staff/events/${id}/registrations`, undefined, token))
        .body[0]?.phone;
    assert.equal(await phoneAs(admin), '13712345678');
    assert.equal(await phoneAs(tokens.handler), '13712345678');
    assert.equal(await phoneAs(tokens.editor), '137****5678');
    assert.equal(await phoneAs(tokens.viewer), '137****5678');
  });

  test('check-in by ticket: idempotent, 404 unknown, 409 cancelled, waitlisted or other event', async () => {
    const id = await newEvent({ capacity: 1 });
    const other = await newEvent();
    const seated = await register(id);
    const waiting = await register(id);
    const checkin = (ticket: string, event?: number) =>
      hub.api<{ already: boolean; checkedInAt: string } & ErrorBody>(
        'POST',
        '/api/staff/checkins',
        { ticket, event },
        tokens.editor,
      );
    const first = await checkin(seated.body.ticket, id);
    assert.equal(first.status, 200);
    assert.equal(first.body.already, false);
    const second = await checkin(seated.body.ticket);
    assert.equal(second.status, 200);
    assert.equal(second.body.already, true);
    assert.equal(second.body.checkedInAt, first.body.checkedInAt);
    assert.equal((await checkin('00000002')).status, 404);
    assert.equal((await checkin(waiting.body.ticket)).status, 409);
    assert.equal((await checkin(seated.body.ticket, other)).status, 409);
    const gone = await register(other);
    await cancel(gone.body);
    assert.equal((await checkin(gone.body.ticket)).status, 409);
    assert.equal(
      (await hub.api('POST', '/api/staff/checkins', { ticket: '1234' }, tokens.editor)).status,
      400,
    );
    assert.equal(
      (await hub.api('POST', '/api/staff/checkins', { ticket: seated.body.ticket }, tokens.viewer))
        .status,
      403,
    );

    // The room holds one; the seated person is in, so a walk-in waits for space.
    const full = await hub.api<ErrorBody>(
      'POST',
      `/api/staff/events/${id}/walkins`,
      { name: '赵立新', phone: nextPhone() },
      tokens.handler,
    );
    assert.equal(full.status, 409);
    const roomy = await hub.api<Created>(
      'POST',
      `/api/staff/events/${other}/walkins`,
      { name: '赵立新', phone: nextPhone() },
      tokens.handler,
    );
    assert.equal(roomy.status, 201);
    assert.equal(roomy.body.status, 'confirmed');
    const att = await hub.api<Record<string, number>>(
      'GET',
      `/api/staff/events/${other}/attendance`,
      undefined,
      admin,
    );
    assert.deepEqual([att.body.walkIns, att.body.checkedIn, att.body.confirmed], [1, 1, 1]);
    const audit = await hub.api<{ action: string }[]>(
      'GET',
      '/api/staff/audit?entity=registration&limit=5',
      undefined,
      admin,
    );
    assert.deepEqual(
      audit.body.map((a) => a.action),
      ['walkin', 'checkin'],
    );
  });

  test('bad input: 400 naming the field, nothing written; the honeypot keeps nothing', async () => {
    const id = await newEvent();
    const rows = rowCount(hub);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(61) }, 'name'],
      [{ phone: '12ab' }, 'phone'],
      [{ phone: undefined }, 'phone'],
      [{ floor: 'seven' }, 'floor'],
      [{ company: 'x'.repeat(201) }, 'company'],
      [{ captainCode: 'x'.repeat(33) }, 'captainCode'],
    ];
    for (const [body, field] of cases) {
      const r = await register(id, body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error.field, field);
      assert.ok(r.body.error.message.startsWith(`${fieldLabel(field, 'zh-CN')}：`));
    }
    const bot = await register(id, { website: 'http://spam.example' });
    assert.equal(bot.status, 201);
    assert.equal(bot.body.status, 'confirmed');
    assert.equal(rowCount(hub), rows);
    assert.equal((await view(bot.body)).status, 404);
  });

  test('one phone number may not hammer: the eleventh write in an hour is 429', async () => {
    const phone = '13600000001';
    const ids = await Promise.all([1, 2].map(() => newEvent({ capacity: 50 })));
    let last = 0;
    for (let i = 0; i < 10; i++) last = (await register(ids[i % 2]!, { phone })).status;
    assert.equal(last, 409, 'duplicates are refused, and counted');
    const rows = rowCount(hub);
    const r = await register(ids[0]!, { phone });
    assert.equal(r.status, 429);
    assert.equal(r.body.error.code, 'rate_limited');
    assert.equal(rowCount(hub), rows);
  });
});

describe('the per-address limit of public writes', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startTestHub({ publicRateLimit: 3 });
  });
  after(() => hub.stop());

  test('PUBLIC_RATE_LIMIT a minute per address, then 429 in the one error shape', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await hub.api('POST', '/api/public/feedback', {
        building: 'demo',
        category: 'other',
        text: `note ${i}`,
      });
      statuses.push(r.status);
    }
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    const r = await hub.api<ErrorBody>('POST', '/api/public/events/1/registrations', {
      name: 'x',
      phone: '13900000000',
    });
    assert.equal(r.status, 429);
    assert.equal(r.body.error.code, 'rate_limited');
    assert.equal((await hub.api('GET', '/api/public/buildings/demo/board')).status, 200);
  });
});

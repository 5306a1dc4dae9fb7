import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

type Created = { ticket: string; secret: string; supporters?: number };
type View = {
  text: string | null;
  rating: number | null;
  follower: string;
  steps: { status: string; reply?: string; note?: string }[];
};

// "Me too" and ticket numbers: what a number alone opens, who may join a ticket, and how
// joins are counted. Each test speaks from its own client address (X-Forwarded-For is
// believed from loopback) with the shipped address limits on.
describe('security: "me too" and ticket numbers', () => {
  let hub: TestHub;
  let admin: string;

  before(async () => {
    hub = await startTestHub({ publicRateLimit: 1200 });
    admin = await hub.login();
  });
  after(() => hub.stop());

  const call = (address: string, method: string, path: string, body?: unknown, cookie?: string) =>
    fetch(hub.url + path, {
      method,
      headers: {
        'x-forwarded-for': address,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const file = async (address: string, body: Record<string, unknown>) => {
    const r = await call(address, 'POST', '/api/public/feedback', {
      building: 'demo',
      category: 'facilities',
      text: 'The tap on 3F leaks',
      ...body,
    });
    assert.equal(r.status, 201);
    return (await r.json()) as Created;
  };
  const meToo = (address: string, ticket: string, cookie?: string) =>
    call(address, 'POST', `/api/public/feedback/${ticket}/support`, undefined, cookie);
  const view = async (c: Created) =>
    (await (
      await call('10.9.0.9', 'GET', `/api/public/feedback/${c.ticket}?secret=${c.secret}`)
    ).json()) as View;

  test('a ticket filed with no place cannot be joined; a supporter sees what the place page shows', async () => {
    const hidden = await file('10.3.0.1', {
      text: 'My manager shouts at me, please help',
      contact: '13912340001',
    });
    const r = await meToo('10.3.0.2', hidden.ticket);
    assert.equal(r.status, 404, 'a placeless ticket is listed nowhere');

    const listed = await file('10.3.0.1', { place: 1, text: 'Lift door on 1F sticks' });
    await hub.api(
      'PATCH',
      `/api/staff/feedback/${listed.ticket}`,
      {
        status: 'in_progress',
        note: 'call the lift firm',
        reply: 'Dear requester, we called them',
      },
      admin,
    );
    const joined = await meToo('10.3.0.2', listed.ticket);
    assert.equal(joined.status, 201);
    const theirs = await view((await joined.json()) as Created);
    assert.equal(theirs.follower, 'supporter');
    assert.equal(theirs.text, 'Lift door on 1F sticks', 'as the place page shows it');
    assert.deepEqual(
      theirs.steps.map((s) => [s.status, s.reply, s.note]),
      [
        ['received', undefined, undefined],
        ['in_progress', undefined, undefined],
      ],
      'replies are written for the requester',
    );
    const own = await view(listed);
    assert.equal(own.steps.at(-1)?.reply, 'Dear requester, we called them');

    // A placeless ticket merged into another: its requester follows the survivor, whose
    // text was never public.
    const survivor = await file('10.3.0.1', { text: 'Private: the 5F printer eats pages' });
    const dup = await file('10.3.0.1', { text: 'Printer again' });
    const merged = await hub.api(
      'PATCH',
      `/api/staff/feedback/${dup.ticket}`,
      { status: 'duplicate', duplicateOf: survivor.ticket },
      admin,
    );
    assert.equal(merged.status, 200);
    const follows = await view({ ticket: survivor.ticket, secret: dup.secret });
    assert.equal(follows.follower, 'supporter');
    assert.equal(follows.text, null);
  });

  test('ticket numbers looked up alone count toward the wrong-link limit', async () => {
    const a = '10.4.0.1';
    const real = await file('10.4.0.9', { place: 1 });
    for (let i = 0; i < 30; i++) {
      const n = String(10_000_000 + i * 7919).padStart(8, '0');
      const r = await call(a, 'GET', `/api/public/feedback/${n}/status`);
      assert.ok(r.status === 404 || r.status === 200, `try ${i}: ${r.status}`);
    }
    assert.equal((await call(a, 'GET', `/api/public/feedback/${real.ticket}/status`)).status, 429);
    assert.equal(
      (await call('10.4.0.2', 'GET', `/api/public/feedback/${real.ticket}/status`)).status,
      200,
    );
  });

  test('one client\'s body-less "me too"s do not close a place\'s QR for everyone', async () => {
    const tickets = [];
    for (let i = 0; i < 5; i++)
      tickets.push(await file('10.5.0.9', { place: 2, text: `Issue ${i}` }));
    const attacker = '10.5.0.1';
    let refused = 0;
    for (let i = 0; i < 70; i++) {
      const r = await meToo(attacker, tickets[i % tickets.length]!.ticket);
      if (r.status === 429) refused += 1;
      else assert.equal(r.status, 201, `try ${i}`);
    }
    assert.ok(refused > 0, 'the client is slowed');
    // Others at the same place are not.
    const other = await meToo('10.5.0.2', tickets[0]!.ticket);
    assert.equal(other.status, 201);
    await file('10.5.0.3', { place: 2, text: 'Another issue here' });
  });

  test('one supporter, one "me too" per ticket; the count follows the phone, not the place', async () => {
    const t1 = await file('10.6.0.9', { place: 3, text: 'Cold water only' });
    const t2 = await file('10.6.0.9', { place: 3, text: 'No soap' });
    const first = await meToo('10.6.0.1', t1.ticket);
    assert.equal(first.status, 201);
    const cookie = first.headers.get('set-cookie')?.split(';')[0];
    assert.match(cookie ?? '', /^lobby_visitor=/);
    assert.match(first.headers.get('set-cookie') ?? '', /HttpOnly/i);
    const again = await meToo('10.6.0.1', t1.ticket, cookie);
    assert.equal(again.status, 409);
    const fromElsewhere = await meToo('10.6.0.7', t1.ticket, cookie);
    assert.equal(fromElsewhere.status, 409, 'the same phone on another network');
    const otherTicket = await meToo('10.6.0.1', t2.ticket, cookie);
    assert.equal(otherTicket.status, 201);
    assert.equal(otherTicket.headers.get('set-cookie'), null, 'a known phone keeps its id');
    const board = (await (
      await call('10.6.0.9', 'GET', `/api/public/feedback/${t1.ticket}/status`)
    ).json()) as { ticket: string };
    assert.equal(board.ticket, t1.ticket);
    const detail = await hub.api<{ supporters: number }>(
      'GET',
      `/api/staff/feedback/${t1.ticket}`,
      undefined,
      admin,
    );
    assert.equal(detail.body.supporters, 2);

    // A made-up id is worth nothing: it counts as a new phone of its address.
    const forged = await meToo('10.6.0.2', t1.ticket, 'lobby_visitor=madeupmadeupmadeupmadeup');
    assert.equal(forged.status, 201);
    assert.notEqual(forged.headers.get('set-cookie'), null);
  });
});

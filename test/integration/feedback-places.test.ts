import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rowCount, startTestHub, type TestHub } from '../helpers/hub.ts';
import { type Created, type Staff, type ErrorBody, feedbackCalls } from '../helpers/feedback.ts';

type Board = {
  received: number;
  inProgress: number;
  done: number;
  declined: number;
  satisfaction: number | null;
  byCategory: Record<string, { received: number; inProgress: number; done: number }>;
  period: string;
};

const DAY = 86_400_000;

describe('feedback: places, staff lists, abuse and the board', () => {
  let hub: TestHub;
  let admin: string;
  let handler: string;
  let places: { id: number; building: string }[];

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
    handler = await hub.staff('handler');
    places = (
      await hub.api<{ id: number; building: string }[]>(
        'GET',
        '/api/staff/buildings/demo/places',
        undefined,
        admin,
      )
    ).body;
  });
  after(() => hub.stop());

  const { submit, view, step } = feedbackCalls(() => ({ hub, handler }));

  test('"already reported here": open tickets of a place, and "me too"', async () => {
    const place = places[3]!;
    const first = await submit({ place: place.id, category: 'environment', text: 'Bins overflow' });
    await submit({ place: place.id, category: 'parking', text: 'Bikes block the door' });
    const open = await hub.api<{ ticket: string; text: string; supporters: number }[]>(
      'GET',
      `/api/public/places/${place.id}/open-feedback?category=environment`,
    );
    assert.equal(open.status, 200);
    assert.deepEqual(
      open.body.map((o) => [o.ticket, o.text, o.supporters]),
      [[first.body.ticket, 'Bins overflow', 1]],
    );
    assert.ok(!JSON.stringify(open.body).match(/1371000/), 'no personal data');

    const joined = await hub.api<Created & { supporters: number }>(
      'POST',
      `/api/public/feedback/${first.body.ticket}/support`,
    );
    assert.equal(joined.status, 201);
    assert.equal(joined.body.supporters, 2);
    assert.equal(joined.body.url, `${hub.url}/f/${first.body.ticket}?s=${joined.body.secret}`);
    const theirs = await view(joined.body);
    assert.equal(theirs.body.follower, 'supporter');
    assert.equal(theirs.body.supporters, 2);
    const withPhone = await hub.api<ErrorBody>(
      'POST',
      `/api/public/feedback/${first.body.ticket}/support`,
      { contact: '13600001111' },
    );
    assert.equal(withPhone.status, 201);
    const twice = await hub.api<ErrorBody>(
      'POST',
      `/api/public/feedback/${first.body.ticket}/support`,
      { contact: '136 0000 1111' },
    );
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.field, 'contact');

    const closed = (await submit({ place: place.id })).body;
    await step(closed.ticket, { status: 'declined', note: 'not ours' });
    const late = await hub.api('POST', `/api/public/feedback/${closed.ticket}/support`, {});
    assert.equal(late.status, 409);
    assert.equal((await hub.api('POST', '/api/public/feedback/00000005/support', {})).status, 404);
  });

  test('staff filters: state, category, place and overdue', async () => {
    const place = places[5]!;
    const a = (await submit({ place: place.id, category: 'dining', text: 'Canteen queue' })).body;
    const b = (await submit({ place: place.id, category: 'dining', text: 'Cold rice' })).body;
    await step(b.ticket, { status: 'in_progress' });
    const q = (s: string) =>
      hub.api<Staff[]>('GET', `/api/staff/buildings/demo/feedback?${s}`, undefined, admin);
    const dining = await q(`category=dining&place=${place.id}`);
    assert.deepEqual(
      dining.body.map((s) => s.ticket),
      [b.ticket, a.ticket],
    );
    const received = await q(`category=dining&place=${place.id}&status=received`);
    assert.deepEqual(
      received.body.map((s) => s.ticket),
      [a.ticket],
    );
    assert.equal((await q(`place=${place.id}&overdue=true`)).body.length, 0);
    const realNow = hub.ctx.now;
    hub.ctx.now = () => new Date(realNow().getTime() + 10 * DAY);
    try {
      const late = await q(`place=${place.id}&overdue=true`);
      assert.deepEqual(
        late.body.map((s) => [s.ticket, s.overdue]).sort(),
        [
          [a.ticket, true],
          [b.ticket, true],
        ].sort(),
      );
    } finally {
      hub.ctx.now = realNow;
    }
    const badQuery = await q('status=lost');
    assert.equal(badQuery.status, 400);
  });

  test('bad input: 400 naming the field and nothing written; the honeypot keeps nothing', async () => {
    const other = await hub.api(
      'POST',
      '/api/staff/buildings',
      { id: 'annex', name: 'Annex' },
      admin,
    );
    assert.equal(other.status, 201);
    const rows = rowCount(hub);
    const cases: [Record<string, unknown>, string][] = [
      [{ text: 'x' }, 'text'],
      [{ text: 'x'.repeat(2001) }, 'text'],
      [{ category: 'gossip' }, 'category'],
      [{ building: 'nowhere' }, 'building'],
      [{ place: 999_999 }, 'place'],
      [{ building: 'annex', place: places[0]!.id }, 'place'],
      [{ contact: '12ab' }, 'contact'],
      [{ photo: 'x'.repeat(301) }, 'photo'],
    ];
    for (const [body, field] of cases) {
      const r = await submit(body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error.field, field, JSON.stringify(r.body));
    }
    const bot = await submit({ website: 'spam' });
    assert.equal(bot.status, 201);
    assert.equal(rowCount(hub), rows);
    assert.equal((await view(bot.body)).status, 404);
  });

  test('a QR place takes at most thirty new tickets in ten minutes', async () => {
    const place = places[8]!;
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await submit({ place: place.id, contact: undefined })).status);
    }
    assert.deepEqual(statuses.slice(0, 30), Array(30).fill(201));
    assert.equal(statuses[30], 429);
  });
});

describe('the public board', () => {
  let hub: TestHub;
  let handler: string;

  before(async () => {
    hub = await startTestHub();
    handler = await hub.staff('handler');
  });
  after(() => hub.stop());

  test('received, in progress, done, declined, satisfaction, by category; announced on change', async () => {
    let announced = 0;
    const off = hub.ctx.changes.onChange((b, topic) => {
      if (b === 'demo' && topic === 'board') announced += 1;
    });
    const submit = async (category: string) =>
      (
        await hub.api<Created>('POST', '/api/public/feedback', {
          building: 'demo',
          category,
          text: 'Something to fix',
        })
      ).body;
    const step = (t: string, body: Record<string, unknown>) =>
      hub.api('PATCH', `/api/staff/feedback/${t}`, body, handler);
    const [open1, open2, done1, done2, declined, dup] = [
      await submit('parking'),
      await submit('parking'),
      await submit('elevator'),
      await submit('elevator'),
      await submit('dining'),
      await submit('parking'),
    ];
    for (const t of [done1, done2]) {
      await step(t!.ticket, { status: 'in_progress' });
      await step(t!.ticket, { status: 'resolved', reply: 'Done.' });
    }
    await hub.api('POST', `/api/public/feedback/${done2!.ticket}/rating`, {
      secret: done2!.secret,
      rating: 4,
    });
    await step(declined!.ticket, { status: 'declined', note: 'not the station' });
    await step(dup!.ticket, { status: 'duplicate', duplicateOf: open1!.ticket });
    await step(open2!.ticket, { status: 'discussing' });
    off();
    assert.ok(announced >= 13, `announced ${announced}`);

    const board = await hub.api<Board>('GET', '/api/public/buildings/demo/board');
    assert.equal(board.status, 200);
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' });
    assert.equal(board.body.period, year.format(new Date()));
    assert.deepEqual(
      [
        board.body.received,
        board.body.inProgress,
        board.body.done,
        board.body.declined,
        board.body.satisfaction,
      ],
      [5, 2, 2, 1, 4],
    );
    assert.deepEqual(board.body.byCategory, {
      parking: { received: 2, inProgress: 2, done: 0 },
      elevator: { received: 2, inProgress: 0, done: 2 },
      dining: { received: 1, inProgress: 0, done: 0 },
    });

    await hub.api('POST', `/api/public/feedback/${done1!.ticket}/reopen`, {
      secret: done1!.secret,
    });
    const after = await hub.api<Board>('GET', '/api/public/buildings/demo/board');
    assert.deepEqual(
      [after.body.received, after.body.inProgress, after.body.done],
      [5, 3, 1],
      'a reopened ticket leaves "done"',
    );
    assert.equal((await hub.api('GET', '/api/public/buildings/nowhere/board')).status, 404);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { autoCloseFeedback } from '../../hub/src/services/visitor-jobs.ts';
import { rowCount, startTestHub, type TestHub } from '../helpers/hub.ts';
import {
  type Created,
  type View,
  type Staff,
  type ErrorBody,
  feedbackCalls,
} from '../helpers/feedback.ts';

const DAY = 86_400_000;
const PASSWORD = 'a-long-test-password';

describe('the feedback loop', () => {
  let hub: TestHub;
  let admin: string;
  let handler: string;
  let editor: string;
  let places: { id: number; building: string }[];

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
    for (const role of ['editor', 'handler'] as const) {
      await hub.api(
        'POST',
        '/api/staff/users',
        { username: role, displayName: role, role, password: PASSWORD },
        admin,
      );
    }
    handler = await hub.login('handler', PASSWORD);
    editor = await hub.login('editor', PASSWORD);
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
  async function resolved(extra: Record<string, unknown> = {}): Promise<Created> {
    const c = (await submit(extra)).body;
    assert.equal((await step(c.ticket, { status: 'in_progress' })).status, 200);
    const r = await step(c.ticket, { status: 'resolved', reply: 'Fixed the door sensor.' });
    assert.equal(r.status, 200);
    return c;
  }

  test('intake: a ticket, a private link, and the steps behind it', async () => {
    const place = places[1]!;
    const r = await submit({ place: place.id, contact: { name: '李静', phone: '13912345678' } });
    assert.equal(r.status, 201);
    assert.match(r.body.ticket, /^[0-9]{8}$/);
    assert.equal(r.body.url, `${hub.url}/f/${r.body.ticket}?s=${r.body.secret}`);
    const v = await view(r.body);
    assert.equal(v.status, 200);
    assert.equal(v.body.status, 'received');
    assert.equal(v.body.place, '1F A 梯厅');
    assert.deepEqual(
      v.body.steps.map((s) => [s.status, s.by]),
      [['received', 'requester']],
    );
    assert.equal(v.body.follower, 'requester');
    assert.ok(!JSON.stringify(v.body).includes('13912345678'), 'no phone on the public page');

    const wrong = await hub.api<ErrorBody>(
      'GET',
      `/api/public/feedback/${r.body.ticket}?secret=${'z'.repeat(24)}`,
    );
    const none = await hub.api<ErrorBody>(
      'GET',
      `/api/public/feedback/00000003?secret=${'z'.repeat(24)}`,
    );
    assert.equal(wrong.status, 404);
    assert.deepEqual(wrong.body, none.body);

    const asHandler = await hub.api<Staff>(
      'GET',
      `/api/staff/feedback/${r.body.ticket}`,
      undefined,
      handler,
    );
    assert.equal(asHandler.body.contactPhone, '13912345678');
    const asEditor = await hub.api<Staff>(
      'GET',
      `/api/staff/feedback/${r.body.ticket}`,
      undefined,
      editor,
    );
    assert.equal(asEditor.body.contactPhone, '139****5678');
    const list = await hub.api<Staff[]>(
      'GET',
      `/api/staff/buildings/demo/feedback?place=${place.id}`,
      undefined,
      editor,
    );
    assert.ok(
      list.body.some((s) => s.ticket === r.body.ticket && s.contactPhone === '139****5678'),
    );
  });

  test('a kiosk opens a ticket by number: status and dates only, nothing personal', async () => {
    const c = (await submit({ text: 'Private words about the canteen', contact: '13955556666' }))
      .body;
    assert.equal(
      (await step(c.ticket, { status: 'in_progress', note: 'internal note' })).status,
      200,
    );
    const r = await hub.api<{
      ticket: string;
      status: string;
      steps: { status: string; at: string }[];
    }>('GET', `/api/public/feedback/${c.ticket}/status`);
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'in_progress');
    assert.deepEqual(
      r.body.steps.map((s) => s.status),
      ['received', 'in_progress'],
    );
    const text = JSON.stringify(r.body);
    for (const secret of ['Private words', '13955556666', 'internal note', c.secret]) {
      assert.ok(!text.includes(secret), secret);
    }
    assert.equal((await hub.api('GET', '/api/public/feedback/00000001/status')).status, 404);
  });

  test('the lifecycle through the API: forbidden steps are 409, every step is kept', async () => {
    const c = (await submit()).body;
    const t = c.ticket;
    assert.equal((await step(t, { status: 'discussing', note: 'on Thursday agenda' })).status, 200);
    const noParty = await step(t, { status: 'assigned' });
    assert.equal(noParty.status, 409);
    assert.equal(noParty.body.error.field, 'assignee');
    assert.equal(
      (await step(t, { status: 'assigned', assignee: 'Property management' })).status,
      200,
    );
    const skip = await step(t, { status: 'closed', reply: 'done' });
    assert.equal(skip.status, 409, 'assigned cannot jump to closed');
    assert.equal(skip.body.error.field, 'status');
    assert.equal((await step(t, { status: 'in_progress' })).status, 200);
    const silent = await step(t, { status: 'resolved' });
    assert.equal(silent.status, 409, 'resolving needs a reply to the requester');
    assert.equal(silent.body.error.field, 'reply');
    const comment = await step(t, { status: 'in_progress', reply: 'Parts ordered, Monday.' });
    assert.equal(comment.status, 200, 'a reply on the current status');
    assert.equal((await step(t, { status: 'in_progress' })).status, 409, 'nothing to record');
    assert.equal((await step(t, { status: 'resolved', note: 'sensor replaced' })).status, 200);
    const back = await step(t, { status: 'discussing' });
    assert.equal(back.status, 409);
    assert.equal((await step(t, { status: 'closed' })).status, 200);
    assert.equal((await step(t, { status: 'in_progress' })).status, 409, 'closed is final');
    assert.equal((await step(t, { status: 'closed', note: 'x' })).status, 409);

    const v = await view(c);
    assert.deepEqual(
      v.body.steps.map((s) => s.status),
      ['received', 'discussing', 'assigned', 'in_progress', 'in_progress', 'resolved', 'closed'],
    );
    assert.equal(v.body.steps[4]?.reply, 'Parts ordered, Monday.');
    assert.ok(
      v.body.steps.every((s) => s.note === undefined),
      'staff notes are internal',
    );
    const detail = await hub.api<{ steps: { actor: string | null }[] }>(
      'GET',
      `/api/staff/feedback/${t}`,
      undefined,
      admin,
    );
    assert.equal(detail.body.steps[1]?.actor, 'handler');
    const audit = await hub.api<{ entityId: string }[]>(
      'GET',
      '/api/staff/audit?entity=feedback&limit=100',
      undefined,
      admin,
    );
    assert.equal(audit.body.filter((a) => a.entityId === t).length, 6);

    const rows = rowCount(hub);
    const d = (await submit()).body;
    const noReason = await step(d.ticket, { status: 'declined' });
    assert.equal(noReason.status, 409);
    assert.equal(noReason.body.error.field, 'note');
    assert.equal(
      (await step(d.ticket, { status: 'declined', note: 'a tenant matter' })).status,
      200,
    );
    assert.equal((await view(d)).body.steps.at(-1)?.status, 'declined');
    assert.equal(rowCount(hub), rows + 4, 'the ticket, two steps and one audit row');
    assert.equal(
      (await step(d.ticket, { status: 'in_progress' }, editor)).status,
      403,
      'editors do not work the feedback loop',
    );
    assert.equal((await step('00000004', { status: 'discussing' })).status, 404);
    const bad = await step(d.ticket, { status: 'gossip' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'status');
  });

  test('a duplicate is merged: its requester and supporters follow the survivor', async () => {
    const survivor = (await submit({ text: 'Lift A door slams' })).body;
    // Only a ticket a place's QR page lists can be joined.
    const dup = (await submit({ text: 'Lift A door closes too fast', place: places[2]!.id })).body;
    const joiner = (
      await hub.api<Created>('POST', `/api/public/feedback/${dup.ticket}/support`, {})
    ).body;
    const noTarget = await step(dup.ticket, { status: 'duplicate' });
    assert.equal(noTarget.status, 409);
    assert.equal(noTarget.body.error.field, 'duplicateOf');
    const self = await step(dup.ticket, { status: 'duplicate', duplicateOf: dup.ticket });
    assert.equal(self.status, 400);
    assert.equal(self.body.error.field, 'duplicateOf');
    const ghost = await step(dup.ticket, { status: 'duplicate', duplicateOf: '00000006' });
    assert.equal(ghost.status, 400);
    assert.equal(
      (await step(dup.ticket, { status: 'duplicate', duplicateOf: survivor.ticket })).status,
      200,
    );
    const merged = await view(dup);
    assert.equal(merged.body.status, 'duplicate');
    assert.equal(merged.body.duplicateOf, survivor.ticket);
    const followed = await view({ ...survivor, secret: dup.secret });
    assert.equal(followed.status, 200, "the duplicate's requester opens the survivor");
    assert.equal(followed.body.follower, 'supporter');
    assert.equal(followed.body.supporters, 3);
    assert.equal((await view({ ...survivor, secret: joiner.secret })).status, 200);
  });

  test('the requester rates a resolved ticket (closing it) or says "not fixed" in time', async () => {
    const unresolved = (await submit()).body;
    const early = await hub.api<ErrorBody>(
      'POST',
      `/api/public/feedback/${unresolved.ticket}/rating`,
      { secret: unresolved.secret, rating: 5 },
    );
    assert.equal(early.status, 409);

    const rated = await resolved({ place: places[2]!.id });
    const supporter = await hub.api('POST', `/api/public/feedback/${rated.ticket}/support`, {});
    assert.equal(supporter.status, 409, 'a resolved ticket takes no more supporters');
    const before = await view(rated);
    assert.equal(before.body.canRate, true);
    assert.ok(before.body.reopenUntil);
    const outOfRange = await hub.api<ErrorBody>(
      'POST',
      `/api/public/feedback/${rated.ticket}/rating`,
      { secret: rated.secret, rating: 6 },
    );
    assert.equal(outOfRange.status, 400);
    assert.equal(outOfRange.body.error.field, 'rating');
    const r = await hub.api<View>('POST', `/api/public/feedback/${rated.ticket}/rating`, {
      secret: rated.secret,
      rating: 4,
      comment: 'quick, thanks',
    });
    assert.equal(r.status, 200);
    assert.deepEqual([r.body.status, r.body.rating, r.body.canRate], ['closed', 4, false]);
    assert.equal(r.body.steps.at(-1)?.by, 'requester');
    const again = await hub.api('POST', `/api/public/feedback/${rated.ticket}/rating`, {
      secret: rated.secret,
      rating: 1,
    });
    assert.equal(again.status, 409);

    const notFixed = await resolved();
    const reopened = await hub.api<View>('POST', `/api/public/feedback/${notFixed.ticket}/reopen`, {
      secret: notFixed.secret,
      note: 'still stuck on 7F',
    });
    assert.equal(reopened.status, 200);
    assert.equal(reopened.body.status, 'in_progress');
    assert.deepEqual(reopened.body.steps.at(-1), {
      status: 'in_progress',
      at: reopened.body.steps.at(-1)?.at,
      by: 'requester',
      comment: 'still stuck on 7F',
    });
    const detail = await hub.api<Staff>(
      'GET',
      `/api/staff/feedback/${notFixed.ticket}`,
      undefined,
      admin,
    );
    assert.equal(detail.body.reopened, 1);

    const stale = await resolved();
    const realNow = hub.ctx.now;
    hub.ctx.now = () => new Date(realNow().getTime() + 15 * DAY);
    try {
      const tooLate = await hub.api<ErrorBody>(
        'POST',
        `/api/public/feedback/${stale.ticket}/reopen`,
        { secret: stale.secret },
      );
      assert.equal(tooLate.status, 409);
      assert.match(tooLate.body.error.message, /14 天内/);
      assert.ok(autoCloseFeedback(hub.ctx) >= 1);
      const closed = await view(stale);
      assert.equal(closed.body.status, 'closed');
      assert.equal(closed.body.steps.at(-1)?.by, 'system');
      assert.equal(closed.body.canRate, true, 'closed unrated: the rating is still welcome');
    } finally {
      hub.ctx.now = realNow;
    }
  });

  test('a supporter follows but may not rate or reopen', async () => {
    const c = (await submit({ place: places[2]!.id })).body;
    const s = (await hub.api<Created>('POST', `/api/public/feedback/${c.ticket}/support`, {})).body;
    await step(c.ticket, { status: 'in_progress' });
    await step(c.ticket, { status: 'resolved', reply: 'done' });
    const r = await hub.api('POST', `/api/public/feedback/${c.ticket}/rating`, {
      secret: s.secret,
      rating: 5,
    });
    assert.equal(r.status, 403);
    const o = await hub.api('POST', `/api/public/feedback/${c.ticket}/reopen`, {
      secret: s.secret,
    });
    assert.equal(o.status, 403);
  });
});

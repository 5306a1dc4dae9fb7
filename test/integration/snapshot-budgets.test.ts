import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CONTENT_BUDGETS } from '#shared/budgets';
import { contentPayload } from '#shared/payloads';
import type { TopicFill } from '#shared/schemas/snapshots';
import { topics } from '#shared/topics';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { connectDevice, nextMessage, pairDevice, subscribe } from '../helpers/mqtt.ts';
import { buildTallTower, noticeBody, TALL } from '../helpers/tall-tower.ts';

interface ApiError {
  error: { code: string; message: string; field?: string };
}

describe('snapshot budgets on a 127-floor tower', () => {
  let hub: TestHub;
  let admin: string;
  let b: string;

  before(async () => {
    hub = await startTestHub({ demo: false });
    admin = await hub.login();
    b = await buildTallTower(hub, admin);
  });
  after(() => hub.stop());

  const fill = async () =>
    (await hub.api<TopicFill[]>('GET', `/api/staff/buildings/${b}/snapshots`, undefined, admin))
      .body;

  test('the tallest tower fits every topic with room to spare; a screen on floor 120 gets its captain', async () => {
    const topicsFill = await fill();
    console.log(
      topicsFill.map((t) => `${t.topic} ${(t.bytes / 1024).toFixed(1)}/${t.budget / 1024} KB`),
    );
    for (const t of topicsFill) {
      assert.equal(t.budget, CONTENT_BUDGETS[t.topic]);
      assert.ok(t.bytes <= t.budget * 0.6, `${t.topic}: ${t.bytes} of ${t.budget}`);
    }
    const screen = await pairDevice(hub, { building: b, floor: 120, staff: admin });
    const client = await connectDevice(screen);
    try {
      const contacts = nextMessage(client, topics.content(b, 'contacts'));
      const notices = nextMessage(client, topics.content(b, 'notices'));
      await subscribe(client, topics.buildingContent(b));
      const got = contentPayload.contacts.parse(JSON.parse((await contacts).payload.toString()));
      assert.ok(got.data.some((c) => c.role === 'captain' && c.floors.includes(120)));
      assert.equal(got.data.length, TALL.floors + 5);
      const n = contentPayload.notices.parse(JSON.parse((await notices).payload.toString()));
      assert.equal(n.data.length, TALL.notices);
      for (const t of topicsFill) assert.ok((await fill()).find((f) => f.topic === t.topic));
    } finally {
      await client.endAsync();
    }
  });

  test('a notice that would overflow the budget is refused, named and explained, and nothing is written', async () => {
    const before = await hub.api<{ id: number; body: string }[]>(
      'GET',
      `/api/staff/buildings/${b}/notices`,
      undefined,
      admin,
    );
    const base = {
      building: b,
      title: '超长通知',
      category: 'affairs',
      priority: 'urgent',
    };
    const post = async (body: string, lang = 'en') => {
      const r = await fetch(`${hub.url}/api/staff/notices`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${admin}`,
          'accept-language': lang,
        },
        body: JSON.stringify({ ...base, body }),
      });
      return { status: r.status, body: (await r.json()) as { id: number } & ApiError };
    };
    // 5,000 characters each, as the API allows: the budget runs out after a few dozen.
    let refused: ApiError | null = null;
    const written: number[] = [];
    for (let i = 0; i < 40 && !refused; i++) {
      const r = await post(noticeBody(i, 5000));
      if (r.status === 201) written.push(r.body.id);
      else {
        assert.equal(r.status, 409);
        refused = r.body;
      }
    }
    assert.ok(refused, 'a notice was refused');
    assert.equal(refused.error.field, 'body');
    assert.match(
      refused.error.message,
      /over their 192 KB .*shorten this notice or end an older one/,
    );
    const zh = await post(noticeBody(99, 5000), 'zh-CN');
    assert.equal(zh.status, 409);
    assert.match(zh.body.error.message, /超过上限 192 KB.*请缩短这条通知/);
    const after = await hub.api<unknown[]>(
      'GET',
      `/api/staff/buildings/${b}/notices`,
      undefined,
      admin,
    );
    assert.equal(after.body.length, before.body.length + written.length);
    const notices = (await fill()).find((t) => t.topic === 'notices');
    assert.ok(notices && notices.bytes <= notices.budget);

    // Making an ordinary notice long is refused the same way, and leaves it as it was.
    const ordinary = before.body[0];
    assert.ok(ordinary);
    const longer = await hub.api<ApiError>(
      'PATCH',
      `/api/staff/notices/${ordinary.id}`,
      { body: noticeBody(7, 5000) },
      admin,
    );
    assert.equal(longer.status, 409);
    assert.equal(longer.body.error.field, 'body');
    const kept = await hub.api<{ body: string }>(
      'GET',
      `/api/staff/notices/${ordinary.id}`,
      undefined,
      admin,
    );
    assert.equal(kept.body.body, ordinary.body);
    for (const id of written) {
      const r = await hub.api('DELETE', `/api/staff/notices/${id}`, undefined, admin);
      assert.equal(r.status, 200);
    }
  });

  test('an event description too long for the kiosks is refused on its field', async () => {
    const texts = (await fill()).find((t) => t.topic === 'event-texts');
    assert.ok(texts);
    const start = Date.now() + 3 * 86_400_000;
    let status = 0;
    let field: string | undefined;
    for (let i = 0; i < 60 && status !== 409; i++) {
      const r = await hub.api<ApiError>(
        'POST',
        '/api/staff/events',
        {
          building: b,
          title: `长介绍活动 ${i}`,
          kind: 'lecture',
          place: '一层大厅',
          description: noticeBody(i, 5000),
          start: new Date(start + i * 3600_000).toISOString(),
          end: new Date(start + i * 3600_000 + 1800_000).toISOString(),
          capacity: 10,
        },
        admin,
      );
      status = r.status;
      field = r.body.error?.field;
    }
    assert.equal(status, 409);
    assert.equal(field, 'description');
    // Screens' events stayed small: descriptions travel apart.
    const events = (await fill()).find((t) => t.topic === 'events');
    assert.ok(events && events.bytes < events.budget / 2);
  });
});

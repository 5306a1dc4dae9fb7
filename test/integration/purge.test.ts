import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

const DAY = 86_400_000;
const PASSWORD = 'a-long-test-password';
const T0 = Date.parse('2026-03-02T02:00:00Z');

// Every string a person could be found by, each unique to this test.
const PERSONAL = {
  text: '电梯困人 Q7Z-TEXT 张三丰 身份证 310101199001011234',
  name: '李Q7Z四',
  phone: '13912349876',
  supporter: '13787654321',
  note: 'Q7Z-NOTE call 李四 at home',
  reply: 'Q7Z-REPLY we called you',
  comment: 'Q7Z-COMMENT 谢谢 王五',
};

describe('retention purge: nothing that identifies a person is left on disk', () => {
  let hub: TestHub;
  let handler: string;
  let admin: string;
  let placeId: number;

  before(async () => {
    hub = await startTestHub();
    hub.ctx.now = () => new Date(T0);
    admin = await hub.login();
    await hub.api(
      'POST',
      '/api/staff/users',
      { username: 'handler', displayName: 'H', role: 'handler', password: PASSWORD },
      admin,
    );
    handler = await hub.login('handler', PASSWORD);
    placeId = (
      await hub.api<{ id: number }[]>('GET', '/api/staff/buildings/demo/places', undefined, admin)
    ).body[0]!.id;
  });
  after(() => hub.stop());

  const grep = (file: string, needles: (string | Buffer)[]) => {
    if (!existsSync(file)) return [];
    const bytes = readFileSync(file);
    return needles.filter((n) => bytes.includes(n)).map((n) => `${file}: ${String(n)}`);
  };
  const everyFile = (dir: string): string[] =>
    existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : [];

  test('texts, names, phones, notes, replies, comments and the photo go; counters stay', async () => {
    const image = await sharp({
      create: { width: 32, height: 32, channels: 3, background: '#5a7' },
    })
      .jpeg()
      .toBuffer();
    const up = await fetch(`${hub.url}/api/public/feedback/photos`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg' },
      body: new Uint8Array(image),
    });
    const { photo } = (await up.json()) as { photo: string };
    const fb = (
      await hub.api<{ ticket: string; secret: string }>('POST', '/api/public/feedback', {
        building: 'demo',
        place: placeId,
        category: 'elevator',
        text: PERSONAL.text,
        contact: { name: PERSONAL.name, phone: PERSONAL.phone },
        photo,
      })
    ).body;
    assert.equal(
      (
        await hub.api('POST', `/api/public/feedback/${fb.ticket}/support`, {
          contact: PERSONAL.supporter,
        })
      ).status,
      201,
    );
    const step = async (body: Record<string, unknown>) =>
      assert.equal(
        (await hub.api('PATCH', `/api/staff/feedback/${fb.ticket}`, body, handler)).status,
        200,
      );
    await step({ status: 'in_progress', note: PERSONAL.note });
    await step({ status: 'resolved', note: PERSONAL.note, reply: PERSONAL.reply });
    const rated = await hub.api('POST', `/api/public/feedback/${fb.ticket}/rating`, {
      secret: fb.secret,
      rating: 5,
      comment: PERSONAL.comment,
    });
    assert.equal(rated.status, 200);

    const photoFile = join(hub.dataDir, 'feedback-photos', `${photo}.jpg`);
    const stored = readFileSync(photoFile);
    // A stretch of the photo's own pixels (past the standard JPEG headers).
    const pixels = stored.subarray(stored.length - 64, stored.length - 2);
    const needles: (string | Buffer)[] = [...Object.values(PERSONAL), photo, pixels];
    const db = join(hub.dataDir, 'lobby.db');
    const before = [
      ...grep(db, needles),
      ...grep(`${db}-wal`, needles),
      ...grep(photoFile, [pixels]),
    ];
    assert.ok(before.length >= needles.length, 'every string is on disk before the purge');
    const detailBefore = await staffDetail(fb.ticket);
    const boardBefore = await hub.api('GET', '/api/public/buildings/demo/board');

    // A year and a day after it closed.
    hub.ctx.now = () => new Date(T0 + 366 * DAY);
    admin = await hub.login();
    const run = await hub.api<{ status: string; message: string }>(
      'POST',
      '/api/staff/jobs/purge/run',
      undefined,
      admin,
    );
    assert.equal(run.status, 200);
    assert.equal(run.body.status, 'ok', run.body.message);

    const left = [
      ...grep(db, needles),
      ...grep(`${db}-wal`, needles),
      ...everyFile(join(hub.dataDir, 'feedback-photos')).flatMap((f) => grep(f, [pixels])),
      ...everyFile(join(hub.dataDir, 'media')).flatMap((f) => grep(f, [pixels])),
    ];
    assert.deepEqual(left, []);
    assert.ok(!existsSync(photoFile));
    // The supporter's phone and the hash of their visitor cookie identify them too.
    const supporters = hub.ctx.store.db
      .prepare<[], { n: number }>(
        'SELECT COUNT(*) AS n FROM feedback_supporters WHERE contact_phone IS NOT NULL OR visitor_hash IS NOT NULL',
      )
      .get();
    assert.equal(supporters?.n, 0);

    // What the counters and reports need is still there.
    const detail = await staffDetail(fb.ticket);
    assert.equal(detail.text, '');
    assert.equal(detail.contactName, null);
    assert.equal(detail.contactPhone, null);
    assert.equal(detail.photo, null);
    for (const k of ['category', 'placeId', 'status', 'createdAt', 'rating'] as const) {
      assert.deepEqual(detail[k], detailBefore[k], k);
    }
    assert.deepEqual(
      detail.steps.map((s) => [s.status, s.at, s.note, s.reply]),
      detailBefore.steps.map((s) => [s.status, s.at, undefined, undefined]),
    );
    hub.ctx.now = () => new Date(T0);
    assert.deepEqual(
      (await hub.api('GET', '/api/public/buildings/demo/board')).body,
      boardBefore.body,
    );
  });

  type Detail = {
    text: string;
    category: string;
    placeId: number | null;
    status: string;
    createdAt: string;
    rating: number | null;
    contactName: string | null;
    contactPhone: string | null;
    photo: string | null;
    steps: { status: string; at: string; note?: string; reply?: string }[];
  };
  async function staffDetail(ticket: string): Promise<Detail> {
    const r = await hub.api<Detail>('GET', `/api/staff/feedback/${ticket}`, undefined, admin);
    assert.equal(r.status, 200);
    return r.body;
  }
});

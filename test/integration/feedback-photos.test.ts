import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { rowCount, startTestHub, type TestHub } from '../helpers/hub.ts';

type ErrorBody = { error: { code: string; message: string; field?: string } };
const PASSWORD = 'a-long-test-password';
const HOUR = 3_600_000;

// A phone photo as cameras write them: EXIF with where it was taken (31°14'N).
const withGps = (colour: string) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: colour } })
    .jpeg()
    .withMetadata({
      exif: { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1' } },
    })
    .toBuffer();

describe("citizens' photos: kept with their ticket, without metadata, for handlers only", () => {
  let hub: TestHub;
  let admin: string;
  const tokens: Record<string, string> = {};
  let address = 0;

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
    await hub.api('POST', '/api/staff/buildings', { id: 'tower-b', name: 'Tower B' }, admin);
    const users: [string, string, string[]?][] = [
      ['handler', 'handler'],
      ['editor', 'editor'],
      ['viewer', 'viewer'],
      ['b-handler', 'handler', ['tower-b']],
    ];
    for (const [username, role, buildings] of users) {
      const r = await hub.api(
        'POST',
        '/api/staff/users',
        { username, displayName: username, role, password: PASSWORD, buildings },
        admin,
      );
      assert.equal(r.status, 201);
      tokens[username] = await hub.login(username, PASSWORD);
    }
  });
  after(() => hub.stop());

  // Each test uploads from its own address, so the daily limit of one does not spill over.
  const upload = async (body: Buffer, from = `10.9.0.${++address}`, lang = 'en') => {
    const res = await fetch(`${hub.url}/api/public/feedback/photos`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', 'x-forwarded-for': from, 'accept-language': lang },
      body: new Uint8Array(body),
    });
    return { status: res.status, body: (await res.json()) as { photo: string } & ErrorBody };
  };
  const submit = (photo: string) =>
    hub.api<{ ticket: string } & ErrorBody>('POST', '/api/public/feedback', {
      building: 'demo',
      category: 'facilities',
      text: 'Broken tile by the lift',
      photo,
    });
  const photoOf = (ticket: string, token?: string) =>
    fetch(`${hub.url}/api/staff/feedback/${ticket}/photo`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const files = () => {
    const dir = join(hub.dataDir, 'feedback-photos');
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  test('GPS and every other EXIF field are gone from what is stored and served', async () => {
    const original = await withGps('#c33');
    assert.ok((await sharp(original).metadata()).exif, 'the test photo carries EXIF');
    const media = await hub.api<unknown[]>('GET', '/api/staff/media', undefined, admin);
    const up = await upload(original);
    assert.equal(up.status, 201);
    assert.match(up.body.photo, /^[a-f0-9]{32}$/);
    const fb = await submit(up.body.photo);
    assert.equal(fb.status, 201);

    const detail = await hub.api<{ photo: string | null }>(
      'GET',
      `/api/staff/feedback/${fb.body.ticket}`,
      undefined,
      tokens.handler,
    );
    assert.equal(detail.body.photo, `/api/staff/feedback/${fb.body.ticket}/photo`);
    const res = await photoOf(fb.body.ticket, tokens.handler);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    const served = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(served).metadata();
    assert.equal(meta.exif, undefined, 'no EXIF');
    assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 64, 48]);
    assert.ok(!served.includes('Exif'), 'no EXIF segment in the bytes');
    // The same bytes on disk.
    const onDisk = files().filter((f) => f.startsWith(up.body.photo));
    assert.deepEqual(onDisk, [`${up.body.photo}.jpg`]);

    // Not signage media: not in the library, nothing under /media.
    const after = await hub.api<unknown[]>('GET', '/api/staff/media', undefined, admin);
    assert.equal(after.body.length, media.body.length);
    const mediaDir = join(hub.dataDir, 'media');
    assert.equal(existsSync(mediaDir) ? readdirSync(mediaDir).length : 0, 0);
  });

  test('only the admin and handlers of its building read a photo; others see none', async () => {
    const fb = await submit((await upload(await withGps('#3c3'))).body.photo);
    const t = fb.body.ticket;
    assert.equal((await photoOf(t)).status, 401);
    assert.equal((await photoOf(t, tokens.viewer)).status, 403);
    assert.equal((await photoOf(t, tokens.editor)).status, 403);
    assert.equal((await photoOf(t, tokens['b-handler'])).status, 404, 'another building');
    const elsewhere = await hub.api(
      'GET',
      `/api/staff/feedback/${t}`,
      undefined,
      tokens['b-handler'],
    );
    assert.equal(elsewhere.status, 404, "nor its ticket's details");
    const step = { status: 'in_progress' };
    const patch = await hub.api('PATCH', `/api/staff/feedback/${t}`, step, tokens['b-handler']);
    assert.equal(patch.status, 404);
    assert.equal((await photoOf(t, admin)).status, 200);
    for (const role of ['viewer', 'editor']) {
      const d = await hub.api<{ photo: string | null }>(
        'GET',
        `/api/staff/feedback/${t}`,
        undefined,
        tokens[role],
      );
      assert.equal(d.body.photo, null, role);
    }
  });

  test('a photo belongs to one ticket; an unknown one is refused naming the field', async () => {
    const up = await upload(await withGps('#33c'));
    assert.equal((await submit(up.body.photo)).status, 201);
    const again = await submit(up.body.photo);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.field, 'photo');
    const unknown = await submit('0123456789abcdef0123456789abcdef');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.field, 'photo');
    const path = await submit('/media/' + 'a'.repeat(64) + '.jpg');
    assert.equal(path.status, 400);
    assert.equal(path.body.error.field, 'photo');
  });

  test('junk behind an image header is refused, in the reader’s language; nothing kept', async () => {
    const rows = rowCount(hub);
    const before = files().length;
    const junk = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
      Buffer.from('JFIF not really an image '.repeat(40)),
    ]);
    const en = await upload(junk);
    assert.equal(en.status, 400);
    assert.equal(en.body.error.field, 'photo');
    assert.match(en.body.error.message, /photo cannot be read/);
    const zh = await upload(junk, undefined, 'zh-CN');
    assert.match(zh.body.error.message, /照片无法读取/);
    const text = await upload(Buffer.from('<svg onload=alert(1)>'));
    assert.equal(text.status, 400);
    assert.equal(text.body.error.field, 'photo');
    assert.equal(rowCount(hub), rows);
    assert.equal(files().length, before);
  });

  test('uploads are limited per client and per day', async () => {
    const photo = await withGps('#999');
    const from = '10.8.0.1';
    let status = 201;
    let n = 0;
    for (; n < 100 && status === 201; n++) status = (await upload(photo, from)).status;
    assert.equal(status, 429);
    assert.equal(n, 61, '60 a day from one client');
    const refused = await upload(photo, from, 'zh-CN');
    assert.match(refused.body.error.message, /照片太多/);
    assert.equal((await upload(photo, '10.8.0.2')).status, 201, 'another client is not held up');
    // A day later the client may send again.
    const realNow = hub.ctx.now;
    hub.ctx.now = () => new Date(realNow().getTime() + 25 * HOUR);
    try {
      assert.equal((await upload(photo, from)).status, 201);
    } finally {
      hub.ctx.now = realNow;
    }
  });

  test('photos no ticket took, and stray files, are removed by the hourly job', async () => {
    const kept = await upload(await withGps('#abc'));
    const fb = await submit(kept.body.photo);
    const orphan = await upload(await withGps('#def'));
    writeFileSync(join(hub.dataDir, 'feedback-photos', 'leftover.jpg.part'), 'x');
    const run = () =>
      hub.api<{ status: string; message: string }>(
        'POST',
        '/api/staff/jobs/photo-cleanup/run',
        undefined,
        admin,
      );
    // Within the hour the phone may still submit.
    assert.equal((await run()).status, 200);
    assert.ok(files().includes(`${orphan.body.photo}.jpg`));
    const realNow = hub.ctx.now;
    hub.ctx.now = () => new Date(realNow().getTime() + 2 * HOUR);
    try {
      const r = await run();
      assert.equal(r.status, 200);
      assert.equal(r.body.status, 'ok');
    } finally {
      hub.ctx.now = realNow;
    }
    const left = files();
    assert.ok(!left.includes(`${orphan.body.photo}.jpg`), 'the orphan is gone');
    assert.ok(!left.includes('leftover.jpg.part'), 'the stray file is gone');
    assert.ok(left.includes(`${kept.body.photo}.jpg`), 'an attached photo stays');
    assert.equal(hub.ctx.store.feedbackPhotos.get(orphan.body.photo), undefined);
    assert.equal((await photoOf(fb.body.ticket, admin)).status, 200);
    assert.equal((await submit(orphan.body.photo)).status, 400, 'too late to attach');
  });
});

test('a photo stored as signage media before is moved to its ticket, without EXIF', async () => {
  const first = await startTestHub();
  const dataDir = first.dataDir;
  let hub: TestHub | undefined;
  try {
    const admin = await first.login();
    const res = await fetch(`${first.url}/api/staff/media`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${admin}` },
      body: new Uint8Array(await withGps('#c33')),
    });
    const media = (await res.json()) as { path: string; hash: string };
    const fb = await first.api<{ ticket: string }>('POST', '/api/public/feedback', {
      building: 'demo',
      category: 'facilities',
      text: 'Broken tile by the lift',
    });
    // As a ticket filed before migration 008 kept it.
    first.ctx.store.db
      .prepare('UPDATE feedback SET photo = ? WHERE ticket = ?')
      .run(media.path, fb.body.ticket);
    await first.close();
    hub = await startTestHub({ dataDir });
    const token = await hub.login();
    const photo = await fetch(`${hub.url}/api/staff/feedback/${fb.body.ticket}/photo`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(photo.status, 200);
    assert.equal((await sharp(Buffer.from(await photo.arrayBuffer())).metadata()).exif, undefined);
    assert.equal((await fetch(hub.url + media.path)).status, 404);
    assert.equal(hub.ctx.store.media.get(media.hash), undefined);
  } finally {
    await hub?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

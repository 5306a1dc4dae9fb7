import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rowCount, startTestHub, type TestHub } from '../helpers/hub.ts';

type ErrorBody = { error: { code: string; field?: string } };

// A JPEG as far as its start-of-frame: enough for the type and the size (640×480).
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
  0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0x01, 0x22,
  0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
]);

describe('a photo from the phone, attached to feedback', () => {
  let hub: TestHub;
  before(async () => {
    hub = await startTestHub();
  });
  after(() => hub.stop());

  const upload = async (body: Uint8Array<ArrayBuffer> | string, type: string) => {
    const res = await fetch(`${hub.url}/api/public/feedback/photos`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    return { status: res.status, body: (await res.json()) as { path: string } & ErrorBody };
  };

  test('is stored by content hash without a login and served back', async () => {
    const r = await upload(new Uint8Array(JPEG), 'image/jpeg');
    assert.equal(r.status, 201);
    assert.match(r.body.path, /^\/media\/[a-f0-9]{64}\.jpg$/);
    const served = await fetch(hub.url + r.body.path);
    assert.equal(served.status, 200);
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), JPEG);

    const fb = await hub.api<{ ticket: string }>('POST', '/api/public/feedback', {
      building: 'demo',
      category: 'facilities',
      text: 'Broken tile by the lift',
      photo: r.body.path,
    });
    assert.equal(fb.status, 201);
    const admin = await hub.login();
    const staff = await hub.api<{ photo: string | null }>(
      'GET',
      `/api/staff/feedback/${fb.body.ticket}`,
      undefined,
      admin,
    );
    assert.equal(staff.body.photo, r.body.path);
  });

  test('anything but an image is refused and nothing is written', async () => {
    const rows = rowCount(hub);
    const text = await upload('<svg onload=alert(1)>', 'image/png');
    assert.equal(text.status, 400);
    assert.equal(text.body.error.field, 'body');
    assert.equal((await upload('hello', 'text/plain')).status, 400);
    assert.equal(rowCount(hub), rows);
  });

  test('feedback may only point at a stored photo path', async () => {
    for (const photo of [
      'javascript:alert(1)',
      'https://evil.example/x.jpg',
      '/media/../../etc/passwd',
    ]) {
      const r = await hub.api<ErrorBody>('POST', '/api/public/feedback', {
        building: 'demo',
        category: 'facilities',
        text: 'Broken tile by the lift',
        photo,
      });
      assert.equal(r.status, 400, photo);
      assert.equal(r.body.error.field, 'photo');
    }
  });
});

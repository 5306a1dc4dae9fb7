import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import QRCode from 'qrcode';
import { rowCount, startTestHub, type TestHub } from '../helpers/hub.ts';

type Media = {
  hash: string;
  ext: string;
  path: string;
  size: number;
  width: number | null;
  height: number | null;
  name: string;
};
type ErrorBody = { error: { code: string; field?: string } };

// A JPEG as far as its start-of-frame: enough for the type and the size (640×480).
const JPEG_HEAD = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
  0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0x01, 0x22,
  0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
]);

describe('media: uploads by content hash, served at /media', () => {
  let hub: TestHub;
  let editor: string;
  let viewer: string;
  let png: Buffer;

  const upload = async (body: Buffer | string, type: string, token = editor, name?: string) => {
    const headers: Record<string, string> = {
      'content-type': type,
      authorization: `Bearer ${token}`,
    };
    if (name) headers['x-file-name'] = encodeURIComponent(name);
    const payload = typeof body === 'string' ? body : new Uint8Array(body);
    const res = await fetch(`${hub.url}/api/staff/media`, {
      method: 'POST',
      headers,
      body: payload,
    });
    return { status: res.status, body: (await res.json()) as Media & ErrorBody };
  };

  before(async () => {
    hub = await startTestHub();
    const admin = await hub.login();
    for (const [username, role] of [
      ['ed', 'editor'],
      ['vi', 'viewer'],
    ] as const) {
      await hub.api(
        'POST',
        '/api/staff/users',
        { username, displayName: username, role, password: 'a-long-password' },
        admin,
      );
    }
    editor = await hub.login('ed', 'a-long-password');
    viewer = await hub.login('vi', 'a-long-password');
    png = await QRCode.toBuffer('https://example.org/q/abc', { width: 200 });
  });
  after(() => hub.stop());

  test('an editor uploads a PNG; it is stored once and served with its type', async () => {
    const first = await upload(png, 'image/png', editor, '海报 1.png');
    assert.equal(first.status, 201);
    assert.match(first.body.hash, /^[a-f0-9]{64}$/);
    assert.equal(first.body.path, `/media/${first.body.hash}.png`);
    assert.equal(first.body.width, 200);
    assert.equal(first.body.name, '海报 1.png');
    assert.ok(existsSync(join(hub.dataDir, 'media', `${first.body.hash}.png`)));

    const rows = rowCount(hub);
    const again = await upload(png, 'application/octet-stream');
    assert.equal(again.status, 201);
    assert.equal(again.body.hash, first.body.hash);
    assert.equal(rowCount(hub), rows, 'the same bytes make no new row');

    const served = await fetch(hub.url + first.body.path);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.match(served.headers.get('cache-control') ?? '', /immutable/);
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), png);
  });

  test('the type comes from the bytes: a JPEG sent as PNG is a JPEG, text is refused', async () => {
    const jpg = await upload(JPEG_HEAD, 'image/png');
    assert.equal(jpg.status, 201);
    assert.equal(jpg.body.ext, 'jpg');
    assert.deepEqual([jpg.body.width, jpg.body.height], [640, 480]);
    const rows = rowCount(hub);
    const text = await upload('<svg onload="alert(1)"></svg>', 'image/png');
    assert.equal(text.status, 400);
    assert.equal(text.body.error.field, 'body');
    const svg = await upload('<svg/>', 'image/svg+xml');
    assert.equal(svg.status, 400);
    const json = await upload(JSON.stringify({ a: 1 }), 'application/json');
    assert.equal(json.status, 400);
    assert.equal(rowCount(hub), rows);
  });

  test('over 5 MB is 413; a viewer may not upload; no session, no upload', async () => {
    const big = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]);
    const res = await upload(big, 'image/png');
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'too_large');
    assert.equal((await upload(png, 'image/png', viewer)).status, 403);
    const anon = await fetch(`${hub.url}/api/staff/media`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array(png),
    });
    assert.equal(anon.status, 401);
  });

  test('only hash names are served: no traversal, no other extensions', async () => {
    for (const path of [
      '/media/..%2f..%2fetc%2fpasswd',
      '/media/../lobby.db',
      `/media/${'a'.repeat(64)}.svg`,
      '/media/lobby.db',
    ]) {
      const res = await fetch(hub.url + path);
      assert.ok([400, 404].includes(res.status), `${path} → ${res.status}`);
      assert.notEqual(res.headers.get('content-type'), 'application/octet-stream');
    }
    assert.equal((await fetch(`${hub.url}/media/${'b'.repeat(64)}.png`)).status, 404);
  });

  test('the list shows uploads; an image a notice shows cannot be deleted, an unused one can', async () => {
    const list = await hub.api<Media[]>('GET', '/api/staff/media', undefined, viewer);
    assert.equal(list.status, 200);
    assert.equal(list.body.length, 2);
    const [used, unused] = [
      list.body.find((m) => m.ext === 'png'),
      list.body.find((m) => m.ext === 'jpg'),
    ];
    assert.ok(used && unused);
    const notice = await hub.api(
      'POST',
      '/api/staff/notices',
      {
        building: 'demo',
        title: 'With a picture',
        body: 'x',
        category: 'service',
        priority: 'normal',
        image: used.path,
      },
      editor,
    );
    assert.equal(notice.status, 201);
    const refused = await hub.api<ErrorBody>(
      'DELETE',
      `/api/staff/media/${used.hash}`,
      undefined,
      editor,
    );
    assert.equal(refused.status, 409);
    const gone = await hub.api('DELETE', `/api/staff/media/${unused.hash}`, undefined, editor);
    assert.equal(gone.status, 200);
    assert.ok(!existsSync(join(hub.dataDir, 'media', `${unused.hash}.jpg`)));
    assert.equal((await fetch(hub.url + unused.path)).status, 404);
    const audit = await hub.api<{ action: string; entity: string }[]>(
      'GET',
      '/api/staff/audit?entity=media',
      undefined,
      await hub.login(),
    );
    assert.deepEqual(
      audit.body.map((a) => a.action),
      ['delete', 'create', 'create'],
    );
  });

  test('an image a playlist slide shows cannot be deleted either', async () => {
    const other = await upload(await QRCode.toBuffer('another image', { width: 120 }), 'image/png');
    assert.equal(other.status, 201);
    const playlist = await hub.api(
      'POST',
      '/api/staff/playlists',
      {
        building: 'demo',
        name: 'Pictures',
        slides: [{ id: 'pic', kind: 'image', image: other.body.path, duration: 10 }],
      },
      editor,
    );
    assert.equal(playlist.status, 201);
    const refused = await hub.api<ErrorBody & { error: { message: string } }>(
      'DELETE',
      `/api/staff/media/${other.body.hash}`,
      undefined,
      editor,
    );
    assert.equal(refused.status, 409);
    assert.match(refused.body.error.message, /播放列表/);
  });
});

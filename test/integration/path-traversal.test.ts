import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { APPS } from '../../hub/src/http/routes/apps.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

// Written next to the database, outside every served folder.
const SENTINEL = 'LOBBY-SENTINEL-7f3a';
// What any of the files a traversal aims at would show.
const LEAKS = [SENTINEL, 'root:x:0:', 'SQLite format 3', '"name": "lobby"'];
const TARGETS = ['etc/passwd', 'secret.txt', 'lobby.db', 'package.json'];
// "../" as clients spell it: plain, percent-encoded, double-encoded, backslashes, overlong
// UTF-8, and the tricks that defeat naive filters.
const UP = [
  '../',
  '..%2f',
  '..%2F',
  '%2e%2e/',
  '%2e%2e%2f',
  '.%2e/',
  '%2e./',
  '..%252f',
  '%252e%252e%252f',
  '..\\',
  '..%5c',
  '%2e%2e%5c',
  '....//',
  '..;/',
  '%c0%ae%c0%ae/',
  '..%c0%af',
  '..%u2216',
];
const PREFIXES = [
  '/media/',
  ...APPS.flatMap((a) => [a.prefix, `${a.prefix}assets/`]),
  '/q/',
  '/f/',
  '/t/',
  '/e/',
  '/c/',
];
// Other names that must not reach a file: NUL bytes, absolute paths, drive letters, over-long.
const ODD = [
  '%00',
  'index.html%00.png',
  `${'a'.repeat(64)}.png%00.txt`,
  '/etc/passwd',
  '%2fetc%2fpasswd',
  '//etc/passwd',
  'C:%5cWindows%5cwin.ini',
  'C:\\Windows\\win.ini',
  'file:///etc/passwd',
  '%',
  '%zz',
  'a'.repeat(5000),
  '../'.repeat(1000) + 'etc/passwd',
];

interface Answer {
  status: number;
  body: string;
}

// One request exactly as written: fetch() and URL would resolve the dot segments first.
function rawGet(port: number, path: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    // Not end(): Node aborts the requests of a client that half-closes its side.
    socket.write(
      Buffer.concat([
        Buffer.from('GET '),
        Buffer.from(path),
        Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      ]),
    );
  });
}

// Every file under `dir`, relative to it.
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const PNG_HEAD = '89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61';
const png = (seed: string) => Buffer.concat([Buffer.from(PNG_HEAD, 'hex'), Buffer.from(seed)]);

describe('path traversal: names in paths never reach a file outside the served folders', () => {
  let hub: TestHub;
  let admin: string;
  const indexOf = new Map<string, Buffer>(
    APPS.map((a) => [a.prefix, readFileSync(join(a.dist, 'index.html'))]),
  );

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
    writeFileSync(join(hub.dataDir, 'secret.txt'), SENTINEL);
  });
  after(() => hub.stop());

  // 400 or 404; under an app's prefix a path that is not a file may also get the app
  // itself (client routing), byte for byte. Nothing else, and never a file's contents.
  const check = (prefix: string, path: string | Buffer, a: Answer) => {
    const shown = typeof path === 'string' ? path.slice(0, 120) : path.toString('latin1');
    for (const leak of LEAKS) assert.ok(!a.body.includes(leak), `${shown} leaked ${leak}`);
    if ([400, 404].includes(a.status)) return;
    const app = indexOf.get(prefix.replace(/assets\/$/, ''));
    assert.ok(app && a.status === 200, `${shown} → ${a.status}`);
    assert.equal(a.body, app.toString('latin1'), `${shown}: 200 but not the app`);
  };

  test('dot segments in every spelling, at every depth, under every served prefix', async () => {
    let asked = 0;
    for (const prefix of PREFIXES) {
      const paths = UP.flatMap((up) =>
        [1, 6].flatMap((depth) => TARGETS.map((t) => prefix + up.repeat(depth) + t)),
      );
      const answers = await Promise.all(paths.map((p) => rawGet(hub.port, p)));
      answers.forEach((a, i) => check(prefix, paths[i] ?? '', a));
      asked += paths.length;
    }
    assert.ok(asked > 1500);
  });

  test('NUL bytes, absolute paths, drive letters, bad escapes and over-long names', async () => {
    for (const prefix of PREFIXES) {
      for (const odd of ODD) check(prefix, prefix + odd, await rawGet(hub.port, prefix + odd));
      // A raw NUL and a raw backslash, not escaped at all.
      const nul = Buffer.from(`${prefix}index.html\u0000.png`);
      check(prefix, nul, await rawGet(hub.port, nul));
      const back = `${prefix}..\\..\\..\\secret.txt`;
      check(prefix, back, await rawGet(hub.port, back));
    }
    // A request line past Node's header limit is refused before any route sees it.
    const huge = await rawGet(hub.port, `/media/${'a'.repeat(20_000)}`);
    assert.equal(huge.status, 431);
  });

  test('media deletion refuses any name that is not a content hash, and touches no file', async () => {
    const saved = await fetch(`${hub.url}/api/staff/media`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${admin}` },
      body: png('kept'),
    });
    assert.equal(saved.status, 201);
    const before = files(hub.dataDir);
    const names = [
      ...UP.map((up) => `${up.repeat(3)}secret.txt`),
      ...UP.map((up) => `${up.repeat(2)}media`),
      '%00',
      `${'a'.repeat(64)}%00`,
      `${'a'.repeat(64)}.png`,
      'A'.repeat(64),
      'a'.repeat(5000),
      '*',
    ];
    for (const name of names) {
      const path = `/api/staff/media/${name}`;
      const res = await fetch(hub.url + path, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${admin}` },
      });
      assert.ok([400, 404].includes(res.status), `${path} → ${res.status}`);
      await res.arrayBuffer();
    }
    assert.deepEqual(files(hub.dataDir), before);
  });

  test('uploaded files are named by their bytes, never by the client', async () => {
    const before = files(hub.dataDir).filter(
      (f) => !f.startsWith('media/') && !f.startsWith('feedback-photos/'),
    );
    const lies = [
      '../../../secret.txt',
      '..%2f..%2fsecret.txt',
      '/etc/passwd',
      'C:\\Windows\\evil.png',
      'evil.svg',
      'a\u0000b.png',
      '\r\nx-injected: 1',
      'x'.repeat(2000),
    ];
    // A citizen's photo is decoded and re-encoded, so it must be a real image.
    const photo = (i: number) =>
      sharp({ create: { width: 4, height: 4, channels: 3, background: { r: i, g: 0, b: 0 } } })
        .png()
        .toBuffer();
    const uploads = [
      ...lies.map((name, i) => ({ route: '/api/staff/media', name, body: png(`staff ${i}`) })),
      ...(await Promise.all(
        lies.map(async (name, i) => ({
          route: '/api/public/feedback/photos',
          name,
          body: await photo(i),
        })),
      )),
    ];
    for (const u of uploads) {
      const res = await fetch(hub.url + u.route, {
        method: 'POST',
        headers: {
          // The type and the name are the client's claims; only the bytes count.
          'content-type': 'image/gif',
          'x-file-name': encodeURIComponent(u.name),
          authorization: `Bearer ${admin}`,
        },
        body: new Uint8Array(u.body),
      });
      assert.equal(res.status, 201, `${u.route} ${JSON.stringify(u.name)}`);
      const answer = (await res.json()) as { path?: string; photo?: string };
      if (u.route === '/api/staff/media') {
        const hash = createHash('sha256').update(u.body).digest('hex');
        assert.equal(answer.path, `/media/${hash}.png`);
      } else {
        assert.match(answer.photo ?? '', /^[a-f0-9]{32}$/);
      }
    }
    // Nothing new outside media/ and feedback-photos/, which hold names the hub made only.
    const made = (f: string) => f.startsWith('media/') || f.startsWith('feedback-photos/');
    assert.deepEqual(
      files(hub.dataDir).filter((f) => !made(f)),
      before,
    );
    for (const f of files(join(hub.dataDir, 'media'))) {
      assert.match(f, /^[a-f0-9]{64}\.(png|jpg|webp|gif)$/);
    }
    for (const f of files(join(hub.dataDir, 'feedback-photos'))) {
      assert.match(f, /^[a-f0-9]{32}\.jpg$/);
    }
    // What staff see as the name keeps no separators or control characters.
    const list = await hub.api<{ name: string }[]>('GET', '/api/staff/media', undefined, admin);
    assert.equal(list.status, 200);
    for (const m of list.body) {
      assert.ok(![...m.name].some((ch) => ch === '/' || ch === '\\' || ch < ' '), m.name);
    }
    assert.equal(readFileSync(join(hub.dataDir, 'secret.txt'), 'utf8'), SENTINEL);
  });
});

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { MqttClient } from 'mqtt';
import { WebSocket } from 'ws';
import { contentPayload } from '#shared/payloads';
import { topics } from '#shared/topics';
import { rowCount, startTestHub, type TestHub } from '../helpers/hub.ts';
import {
  closed,
  connectDevice,
  liveClient,
  nextLive,
  nextMessage,
  pairDevice,
  subscribe,
  type LiveSocket,
} from '../helpers/mqtt.ts';

// Small limits so the test is quick; the shipped ones are in hub/src/http/server.ts. Not
// too small: with the suite running files side by side, the hub's event loop (which this
// test shares) can stall for most of a second, and a well-behaved request must not be cut.
const HEADERS_MS = 2000;
const REQUEST_MS = 4000;
const IDLE_MS = 2500;
// How long a cut may take at most: the limit, Node's check interval, a loaded machine.
const CUT_WITHIN_MS = 12000;

const FLOOD_MAX = 32 * 1024 * 1024;
// Sends `header` and then 16 KB pieces until the other side hangs up (or FLOOD_MAX);
// returns how much was sent.
async function flood(
  opened: Promise<unknown>,
  hungUp: Promise<unknown>,
  send: (b: Buffer) => Promise<void>,
  header: Buffer,
): Promise<number> {
  await opened;
  let done = false;
  void hungUp.then(() => (done = true));
  const piece = Buffer.alloc(16 * 1024, 0x61);
  await send(header);
  let sent = 0;
  while (!done && sent < FLOOD_MAX) {
    await Promise.race([send(piece), hungUp]);
    sent += piece.length;
    // The hub shares this event loop: let it read.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return sent;
}

interface RawClient {
  socket: Socket;
  // What the hub sent, as text.
  received(): string;
  bytes(): number;
  // Resolves when the hub has closed the connection; rejects after CUT_WITHIN_MS.
  cut: Promise<void>;
  isOpen(): boolean;
}

async function raw(port: number): Promise<RawClient> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  const chunks: Buffer[] = [];
  let bytes = 0;
  socket.on('data', (d: Buffer) => {
    bytes += d.length;
    if (chunks.length < 4) chunks.push(d);
  });
  let open = true;
  const cut = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the hub never cut it off')), CUT_WITHIN_MS);
    socket.once('close', () => {
      open = false;
      clearTimeout(timer);
      resolve();
    });
  });
  await new Promise((resolve) => socket.once('connect', resolve));
  return {
    socket,
    received: () => Buffer.concat(chunks).toString('latin1'),
    bytes: () => bytes,
    cut,
    isOpen: () => open,
  };
}

// Writes `text` one byte per `everyMs` until the socket closes: the slowloris client.
function trickle(c: RawClient, text: string, everyMs = 100): void {
  let i = 0;
  const timer = setInterval(() => {
    if (!c.isOpen() || i >= text.length) return clearInterval(timer);
    c.socket.write(text[i++] ?? '');
  }, everyMs);
  void c.cut.finally(() => clearInterval(timer));
}

describe('slow and silent clients', () => {
  let hub: TestHub;
  let admin: string;
  const sockets: Socket[] = [];
  const track = async (port = hub.port) => {
    const c = await raw(port);
    sockets.push(c.socket);
    return c;
  };
  // A normal visitor's request, answered while the slow ones are still connected.
  const normal = async () => {
    const res = await hub.api<{ id: number }[]>('GET', '/api/public/buildings/demo/events');
    assert.equal(res.status, 200);
  };

  before(async () => {
    hub = await startTestHub({
      httpHeadersTimeoutMs: HEADERS_MS,
      httpRequestTimeoutMs: REQUEST_MS,
      httpIdleTimeoutMs: IDLE_MS,
    });
    admin = await hub.login();
  });
  after(async () => {
    for (const s of sockets) s.destroy();
    await hub.stop();
  });

  test('headers trickled a byte at a time get 408 and are cut; others are served meanwhile', async () => {
    const slow = await Promise.all([1, 2, 3, 4, 5].map(() => track()));
    for (const c of slow)
      trickle(c, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ${'a'.repeat(100)}`);
    await normal();
    assert.ok(slow.every((c) => c.isOpen()));
    await Promise.all(slow.map((c) => c.cut));
    for (const c of slow) assert.match(c.received(), /^HTTP\/1\.1 408 /);
  });

  test('a body trickled a byte at a time is cut off and nothing is written', async () => {
    const rows = rowCount(hub);
    const body = JSON.stringify({ building: 'demo', category: 'other', text: 'x'.repeat(4000) });
    const c = await track();
    c.socket.write(
      'POST /api/public/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    );
    trickle(c, body);
    await normal();
    assert.ok(c.isOpen());
    await c.cut;
    assert.match(c.received(), /^HTTP\/1\.1 408 /);
    assert.equal(rowCount(hub), rows);
  });

  test('sockets opened and left silent, before or between requests, are closed', async () => {
    // A screen on /mqtt and a console on its live channel, as quiet as the rest but opened
    // first: upgraded connections keep their own heartbeats and are not cut.
    const screen = await connectDevice(await pairDevice(hub, { staff: admin }), {
      transport: 'ws',
    });
    const staffLive = await liveClient(hub, admin);
    try {
      const silent = await Promise.all(Array.from({ length: 150 }, () => track()));
      const kept = await Promise.all(Array.from({ length: 50 }, () => track()));
      for (const c of kept) c.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      await normal();
      assert.ok([...silent, ...kept].every((c) => c.isOpen()));
      await Promise.all([...silent, ...kept].map((c) => c.cut));
      for (const c of kept) assert.match(c.received(), /^HTTP\/1\.1 200 /);
      assert.ok(screen.connected && staffLive.connected);
    } finally {
      screen.end(true);
      staffLive.close();
    }
  });

  test('a client that stops reading large answers is cut off; others are served meanwhile', async () => {
    // A 3 MB image, asked for 20 times on one connection (pipelined), never read: far more
    // than the kernel's socket buffers hold, so the hub's writes stall.
    const png = Buffer.alloc(3 * 1024 * 1024, 7);
    Buffer.from('89504e470d0a1a0a0000000d4948445200000010', 'hex').copy(png);
    png.writeUInt32BE(16, 16);
    png.writeUInt32BE(16, 20);
    const upload = await fetch(`${hub.url}/api/staff/media`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${admin}` },
      body: png,
    });
    assert.equal(upload.status, 201);
    const { path } = (await upload.json()) as { path: string };
    const c = await track();
    c.socket.pause();
    c.socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`.repeat(20));
    await normal();
    assert.ok(c.isOpen());
    // The client's part: it reads nothing for a while (four times the idle limit), then
    // takes what is there. A hub that had not cut it off would send all 60 MB.
    await new Promise((resolve) => setTimeout(resolve, 4 * IDLE_MS));
    c.socket.resume();
    await c.cut;
    assert.ok(c.bytes() < 20 * png.length, `${c.bytes()} bytes: the hub never gave up`);
    await normal();
  });
});

describe('MQTT clients that hold the broker up', () => {
  let hub: TestHub;
  let admin: string;
  let live: LiveSocket;
  const clients: MqttClient[] = [];

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
    live = await liveClient(hub, admin);
  });
  after(async () => {
    for (const c of clients) c.end(true);
    live.close();
    await hub.stop();
  });

  test('a screen that stops reading does not hold up the others, and is cut off', async () => {
    const noticesTopic = topics.content('demo', 'notices');
    // Ten notices of 5,000 CJK characters make every snapshot ~150 KB.
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await hub.api<{ id: number }>(
        'POST',
        '/api/staff/notices',
        {
          building: 'demo',
          title: `Big notice ${i}`,
          body: '楼'.repeat(5000),
          category: 'service',
          priority: 'normal',
        },
        admin,
      );
      assert.equal(res.status, 201);
      ids.push(res.body.id);
    }
    const healthy = await connectDevice(await pairDevice(hub, { staff: admin }));
    const stuckDevice = await pairDevice(hub, { staff: admin });
    const stuck = await connectDevice(stuckDevice);
    clients.push(healthy, stuck);
    await subscribe(healthy, noticesTopic);
    await subscribe(stuck, noticesTopic);
    const offline = nextLive(
      live,
      'device.presence',
      (p) => p.deviceId === stuckDevice.deviceId && !p.online,
      20_000,
    );
    // A hung browser: its socket is still open, and nothing is read from it.
    stuck.stream.pause();
    let rounds = 0;
    let cutOff = false;
    void offline.then(() => (cutOff = true));
    // Each edit reaches the healthy screen while the stuck one fills its buffers, until
    // the hub cuts the stuck one off (aedes' drainTimeout, 2 s).
    while (!cutOff) {
      const marker = `Round ${rounds}`;
      const got = nextMessage(healthy, noticesTopic, (m) =>
        contentPayload.notices
          .parse(JSON.parse(m.payload.toString()))
          .data.some((n) => n.title === marker),
      );
      const patched = await hub.api(
        'PATCH',
        `/api/staff/notices/${ids[rounds % ids.length]}`,
        { title: marker },
        admin,
      );
      assert.equal(patched.status, 200);
      await got;
      rounds++;
      assert.ok(rounds < 500, 'the stuck screen was never cut off');
    }
    await offline;
    assert.ok(rounds >= 10, `only ${rounds} rounds before the cut`);
    assert.ok(healthy.connected);
  });

  test('a packet past the broker limit ends only that connection, before it is buffered', async () => {
    // A paired screen sending one WebSocket frame larger than the limit.
    const d = await pairDevice(hub, { staff: admin });
    const screen = await connectDevice(d, { transport: 'ws' });
    clients.push(screen);
    const cut = closed(screen);
    screen.publish(topics.device('demo', d.deviceId, 'state'), Buffer.alloc(300 * 1024, 0x20));
    await cut;
    // Strangers, before any login: a CONNECT that announces 200 MB, then a stream of
    // small pieces of it, over TCP and over /mqtt in 16 KB frames.
    const header = Buffer.from([0x10, 0x80, 0x80, 0x80, 0x64]);
    const tcp = connect(hub.mqttPort, '127.0.0.1').on('error', () => {});
    const tcpSent = await flood(
      once(tcp, 'connect'),
      new Promise((resolve) => tcp.once('close', resolve)),
      (b) =>
        new Promise<void>((resolve) => (tcp.write(b) ? resolve() : tcp.once('drain', resolve))),
      header,
    );
    const socket = new WebSocket(hub.mqttWsUrl, 'mqtt').on('error', () => {});
    const wsSent = await flood(
      once(socket, 'open'),
      new Promise((resolve) => socket.once('close', resolve)),
      (b) => new Promise<void>((resolve) => socket.send(b, () => resolve())),
      header,
    );
    assert.ok(tcpSent < FLOOD_MAX && wsSent < FLOOD_MAX, `taken: ${tcpSent}, ${wsSent} bytes`);
    // The screen comes back and carries on.
    const again = await connectDevice(d, { transport: 'ws' });
    clients.push(again);
    assert.ok(again.connected);
    assert.equal((await hub.api('GET', '/healthz')).status, 200);
  });
});

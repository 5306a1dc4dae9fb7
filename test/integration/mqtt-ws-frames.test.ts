import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { pairDevice, type PairedDevice } from '../helpers/mqtt.ts';

// A screen's browser may cut one MQTT packet over several WebSocket frames, and one TCP
// segment may carry them all. Node 26's read() hands over one buffered chunk at a time
// (nodejs/node#60441) while aedes reads once per 'readable': the hub's stream adapter has to
// give it whole runs of frames. The frames are written by hand, in one write, so they reach
// the hub in one read whatever the client library would do.

const utf8 = (s: string) => {
  const b = Buffer.from(s);
  return Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
};

// MQTT 3.1.1 CONNECT with a clean session, username and password.
function connectPacket(clientId: string, username: string, password: string): Buffer {
  const body = Buffer.concat([
    utf8('MQTT'),
    Buffer.from([4, 0b1100_0010, 0, 30]),
    utf8(clientId),
    utf8(username),
    utf8(password),
  ]);
  assert.ok(body.length < 16_384, 'two-byte remaining length');
  return Buffer.concat([Buffer.from([0x10, (body.length & 0x7f) | 0x80, body.length >> 7]), body]);
}

// SUBSCRIBE (packet id 1, QoS 1) to one topic.
const subscribePacket = (topic: string) => {
  const body = Buffer.concat([Buffer.from([0, 1]), utf8(topic), Buffer.from([1])]);
  return Buffer.concat([Buffer.from([0x82, body.length]), body]);
};

// One masked binary frame, as a browser sends it.
function clientFrame(payload: Buffer): Buffer {
  assert.ok(payload.length < 126);
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ (mask[i % 4] ?? 0)));
  return Buffer.concat([Buffer.from([0x82, 0x80 | payload.length]), mask, masked]);
}

function splitInto(packet: Buffer, parts: number): Buffer[] {
  const size = Math.ceil(packet.length / parts);
  return Array.from({ length: parts }, (_, i) => packet.subarray(i * size, (i + 1) * size));
}

interface Upgraded {
  socket: Socket;
  // The MQTT bytes the hub sent, in order, over every binary frame so far.
  received(): Buffer;
}

async function upgrade(port: number): Promise<Upgraded> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.write(
    'GET /mqtt HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
      'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n',
  );
  let raw = Buffer.alloc(0);
  let upgraded = false;
  const payload: Buffer[] = [];
  socket.on('data', (d: Buffer) => {
    raw = Buffer.concat([raw, d]);
    if (!upgraded) {
      const end = raw.indexOf('\r\n\r\n');
      if (end < 0) return;
      assert.match(raw.subarray(0, end).toString(), /^HTTP\/1\.1 101 /);
      raw = raw.subarray(end + 4);
      upgraded = true;
    }
    // Server frames are unmasked; MQTT answers here are short (7-bit lengths).
    while (raw.length >= 2 && raw.length >= 2 + ((raw[1] ?? 0) & 0x7f)) {
      const length = (raw[1] ?? 0) & 0x7f;
      payload.push(raw.subarray(2, 2 + length));
      raw = raw.subarray(2 + length);
    }
  });
  const deadline = Date.now() + 5000;
  while (!upgraded) {
    if (Date.now() > deadline) throw new Error('no WebSocket upgrade');
    await once(socket, 'data');
  }
  return { socket, received: () => Buffer.concat(payload) };
}

async function receivedAtLeast(conn: Upgraded, bytes: number): Promise<Buffer> {
  const deadline = Date.now() + 5000;
  while (conn.received().length < bytes) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    await Promise.race([once(conn.socket, 'data'), new Promise((r) => setTimeout(r, left))]);
  }
  return conn.received();
}

const CONNACK_OK = Buffer.from([0x20, 0x02, 0x00, 0x00]);

describe('MQTT over WebSocket, packets split over frames', () => {
  let hub: TestHub;
  let port: number;
  let devices: PairedDevice[];
  const sockets: Socket[] = [];

  before(async () => {
    hub = await startTestHub();
    port = Number(new URL(hub.url).port);
    const staff = await hub.login();
    devices = [];
    for (let i = 0; i < 3; i++) devices.push(await pairDevice(hub, { staff }));
  });
  after(async () => {
    for (const s of sockets) s.destroy();
    await hub.stop();
  });

  const open = async () => {
    const conn = await upgrade(port);
    sockets.push(conn.socket);
    return conn;
  };
  const connectOf = (d: PairedDevice) => connectPacket(d.deviceId, d.deviceId, d.token);

  test('a CONNECT in four frames of one TCP write is answered', async () => {
    const conn = await open();
    const [device] = devices;
    assert.ok(device);
    conn.socket.write(Buffer.concat(splitInto(connectOf(device), 4).map(clientFrame)));
    assert.deepEqual((await receivedAtLeast(conn, 4)).subarray(0, 4), CONNACK_OK);
  });

  test('a CONNECT cut byte by byte after its header, then a SUBSCRIBE, one write', async () => {
    const conn = await open();
    const device = devices[1];
    assert.ok(device);
    const packet = connectOf(device);
    const frames = [
      packet.subarray(0, 1),
      packet.subarray(1, 2),
      packet.subarray(2, 3),
      ...splitInto(packet.subarray(3), 5),
      ...splitInto(subscribePacket(`lobby/v1/${device.building}/notices`), 2),
    ];
    conn.socket.write(Buffer.concat(frames.map(clientFrame)));
    const got = await receivedAtLeast(conn, 9);
    assert.deepEqual(got.subarray(0, 4), CONNACK_OK);
    // SUBACK for packet 1, QoS 1 granted.
    assert.deepEqual(got.subarray(4, 9), Buffer.from([0x90, 0x03, 0x00, 0x01, 0x01]));
  });

  test('frames that arrive in separate writes are still answered', async () => {
    const conn = await open();
    const device = devices[2];
    assert.ok(device);
    for (const part of splitInto(connectOf(device), 3)) {
      conn.socket.write(clientFrame(part));
      await new Promise((r) => setImmediate(r));
    }
    assert.deepEqual((await receivedAtLeast(conn, 4)).subarray(0, 4), CONNACK_OK);
  });
});

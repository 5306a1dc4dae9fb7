import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { io } from 'socket.io-client';
import { LIVE_UNAUTHENTICATED, liveEvents } from '#shared/live-events';
import { topics } from '#shared/topics';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import {
  connectDevice,
  liveClient,
  nextLive,
  pairDevice,
  type LiveSocket,
} from '../helpers/mqtt.ts';

describe('the console live channel (socket.io)', () => {
  let hub: TestHub;
  let admin: string;
  const sockets: LiveSocket[] = [];

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
  });
  after(async () => {
    for (const s of sockets) s.close();
    await hub.stop();
  });

  const refusal = (options: Parameters<typeof io>[1]) =>
    new Promise<string>((resolve, reject) => {
      const socket = io(hub.url, { transports: ['websocket'], reconnection: false, ...options });
      socket.once('connect', () => {
        socket.close();
        reject(new Error('connected without a session'));
      });
      socket.once('connect_error', (err) => {
        socket.close();
        resolve(err.message);
      });
    });

  test('is refused without a staff session', async () => {
    assert.equal(await refusal({}), LIVE_UNAUTHENTICATED);
    assert.equal(await refusal({ auth: { token: 'not-a-session' } }), LIVE_UNAUTHENTICATED);
    assert.equal(
      await refusal({ extraHeaders: { cookie: 'lobby_session=forged' } }),
      LIVE_UNAUTHENTICATED,
    );
  });

  test('takes the session cookie as a browser sends it', async () => {
    const socket = io(hub.url, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: `theme=dark; lobby_session=${encodeURIComponent(admin)}` },
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
  });

  test('device presence, published content and alert acknowledgements arrive', async () => {
    const live = await liveClient(hub, admin);
    sockets.push(live);
    const d = await pairDevice(hub, { staff: admin });
    const online = nextLive(live, 'device.presence', (p) => p.deviceId === d.deviceId && p.online);
    const c = await connectDevice(d);
    liveEvents['device.presence'].parse(await online);

    const published = nextLive(live, 'content.published', (p) => p.topic === 'alert');
    const put = await hub.api(
      'PUT',
      '/api/staff/buildings/demo/alert',
      { level: 'emergency', title: 'Evacuate', body: 'Use the east stairs.' },
      admin,
    );
    assert.equal(put.status, 200);
    const { rev } = await published;
    const ack = nextLive(live, 'alert.ack', (p) => p.deviceId === d.deviceId);
    await c.publishAsync(
      topics.device('demo', d.deviceId, 'state'),
      JSON.stringify({
        version: '1.0.0',
        revs: { alert: rev },
        alertRev: rev,
        screen: { width: 1080, height: 1920 },
        uptime: 5,
        lastError: null,
      }),
      { qos: 1, retain: true },
    );
    assert.deepEqual(
      { ...(await ack), at: 'x' },
      { building: 'demo', deviceId: d.deviceId, rev, at: 'x' },
    );

    const offline = nextLive(
      live,
      'device.presence',
      (p) => p.deviceId === d.deviceId && !p.online,
    );
    c.stream.destroy();
    await offline;
    await hub.api('DELETE', '/api/staff/buildings/demo/alert', undefined, admin);
  });

  test('what other parts emit through ctx.live reaches every console', async () => {
    const a = await liveClient(hub, admin);
    const b = await liveClient(hub, admin);
    sockets.push(a, b);
    const payload = {
      building: 'demo',
      ticket: 'T-0001',
      category: 'elevator' as const,
      placeId: null,
      at: new Date().toISOString(),
    };
    const got = [nextLive(a, 'feedback.created'), nextLive(b, 'feedback.created')];
    hub.ctx.live?.emit('feedback.created', payload);
    assert.deepEqual(await Promise.all(got), [payload, payload]);
  });
});

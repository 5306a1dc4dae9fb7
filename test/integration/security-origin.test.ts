import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { configFromEnv } from '../../hub/src/config.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

const EVIL = 'http://evil.example';
const PUBLIC = 'http://lobby.example.internal:8080';
const METRICS_TOKEN = 'metrics-token-for-the-scraper';

// Defence in depth behind the SameSite cookie: staff writes and WebSocket upgrades from a
// page of another site are refused; tools with a bearer token and no Origin are not.
// /metrics is limited to METRICS_ALLOW or METRICS_TOKEN when they are set.
describe('security: own origins only, and a closed /metrics', () => {
  let hub: TestHub;
  let admin: string;

  before(async () => {
    hub = await startTestHub({
      publicUrl: PUBLIC,
      metricsAllow: '10.20.0.0/16, 10.30.0.7',
      metricsToken: METRICS_TOKEN,
    });
    admin = await hub.login();
  });
  after(() => hub.stop());

  const notice = (headers: Record<string, string>) =>
    fetch(`${hub.url}/api/staff/notices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        building: 'demo',
        title: 'Origin check',
        body: '',
        category: 'affairs',
        priority: 'normal',
      }),
    });

  test('a staff write from another site is refused, with the cookie or a token', async () => {
    const cookie = `lobby_session=${admin}`;
    const host = new URL(hub.url).origin;
    assert.equal((await notice({ cookie, origin: EVIL })).status, 403);
    assert.equal((await notice({ cookie, referer: `${EVIL}/page` })).status, 403);
    assert.equal((await notice({ cookie, origin: 'null' })).status, 403);
    assert.equal((await notice({ authorization: `Bearer ${admin}`, origin: EVIL })).status, 403);
    assert.equal((await notice({ cookie })).status, 403, 'a cookie alone, with no Origin');
    const login = await fetch(`${hub.url}/api/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: EVIL },
      body: JSON.stringify({ username: 'admin', password: 'anything-at-all' }),
    });
    assert.equal(login.status, 403, 'no logging a browser into an account from elsewhere');

    assert.equal(
      (await notice({ cookie, origin: host })).status,
      201,
      'the host it was reached at',
    );
    assert.equal((await notice({ cookie, origin: PUBLIC })).status, 201, 'PUBLIC_URL');
    assert.equal((await notice({ authorization: `Bearer ${admin}` })).status, 201, 'an API tool');
    const read = await fetch(`${hub.url}/api/staff/me`, { headers: { cookie, origin: EVIL } });
    assert.equal(read.status, 200, 'reads are not writes');
  });

  const upgrade = (path: string, origin?: string) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(`${hub.url.replace('http', 'ws')}${path}`, ['mqtt'], {
        ...(origin ? { origin } : {}),
      });
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('error', () => resolve(0));
    });

  test('WebSocket upgrades from another site are refused (/mqtt and the live channel)', async () => {
    assert.equal(await upgrade('/mqtt', EVIL), 403);
    assert.equal(await upgrade('/mqtt', new URL(hub.url).origin), 101);
    assert.equal(await upgrade('/mqtt'), 101, 'a device or tool that names no page');
    const live = '/socket.io/?EIO=4&transport=websocket';
    // engine.io answers a refused upgrade with 400 whatever the reason.
    assert.ok([400, 403].includes(await upgrade(live, EVIL)));
    assert.equal(await upgrade(live, PUBLIC), 101);
    const polling = await fetch(`${hub.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: EVIL },
    });
    assert.equal(polling.status, 403);
  });

  test('/metrics answers the listed addresses and the token holder only', async () => {
    const get = (headers: Record<string, string>) =>
      fetch(`${hub.url}/metrics`, { headers }).then((r) => r.status);
    assert.equal(await get({}), 403, 'loopback is not listed');
    assert.equal(await get({ 'x-forwarded-for': '10.9.9.9' }), 403);
    assert.equal(await get({ 'x-forwarded-for': '10.20.4.5' }), 200);
    assert.equal(await get({ 'x-forwarded-for': '10.30.0.7' }), 200);
    assert.equal(await get({ authorization: `Bearer ${METRICS_TOKEN}` }), 200);
    assert.equal(await get({ authorization: 'Bearer not-the-metrics-token' }), 403);
    assert.throws(() => configFromEnv({ METRICS_ALLOW: '999.1.1.1' }), /METRICS_ALLOW/);
    assert.throws(() => configFromEnv({ METRICS_ALLOW: '10.0.0.0/33' }), /METRICS_ALLOW/);
    assert.equal(
      configFromEnv({ METRICS_ALLOW: '10.0.0.0/8, ::1' }).metricsAllow,
      '10.0.0.0/8, ::1',
    );
  });
});

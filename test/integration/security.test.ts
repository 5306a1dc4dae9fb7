import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { io } from 'socket.io-client';
import { LIVE_UNAUTHENTICATED } from '#shared/live-events';
import { configFromEnv } from '../../hub/src/config.ts';
import { newSecret } from '../../hub/src/services/tickets.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { pairDevice, type LiveSocket } from '../helpers/mqtt.ts';

const PASSWORD = 'a-long-test-password';
const DAY = 86_400_000;

// Revoked credentials, ticket secrets and kiosk names, as a stranger would try them. The
// hub trusts X-Forwarded-For from loopback only, so each test speaks from its own address.
describe('security: revoked credentials, ticket secrets, kiosk names', () => {
  let hub: TestHub;
  let admin: string;
  const sockets: LiveSocket[] = [];
  let users = 0;

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
  });
  after(async () => {
    for (const s of sockets) s.close();
    await hub.stop();
  });

  // A call as a phone or browser at `address` makes it, with any headers.
  const from = (address: string, path: string, init: RequestInit = {}) =>
    fetch(hub.url + path, {
      ...init,
      headers: {
        'x-forwarded-for': address,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.headers as Record<string, string>),
      },
    });
  const post = (address: string, path: string, body: unknown, headers = {}) =>
    from(address, path, { method: 'POST', body: JSON.stringify(body), headers });

  async function newUser(): Promise<{ id: number; username: string }> {
    const username = `staff${++users}`;
    const r = await hub.api<{ id: number }>(
      'POST',
      '/api/staff/users',
      { username, displayName: username, role: 'editor', password: PASSWORD },
      admin,
    );
    assert.equal(r.status, 201);
    return { id: r.body.id, username };
  }

  const live = (auth: { token: string } | { cookie: string }) => {
    const socket: LiveSocket = io(hub.url, {
      transports: ['websocket'],
      reconnection: false,
      ...('token' in auth
        ? { auth }
        : { extraHeaders: { cookie: `lobby_session=${auth.cookie}` } }),
    });
    sockets.push(socket);
    return new Promise<LiveSocket>((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  };
  const dropped = (socket: LiveSocket) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the live socket was not cut off')), 5000);
      socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });
  const me = (token: string, via: 'bearer' | 'cookie') =>
    fetch(`${hub.url}/api/staff/me`, {
      headers:
        via === 'bearer'
          ? { authorization: `Bearer ${token}` }
          : { cookie: `lobby_session=${token}` },
    }).then((r) => r.status);

  // Every way a staff session ends; `keep` is a session of the same user that must survive.
  const endings: {
    how: string;
    end: (u: { id: number }, victim: string, keep: string) => Promise<{ status: number }>;
    keeps: boolean;
  }[] = [
    {
      how: 'logout',
      end: (_u, victim) => hub.api('DELETE', '/api/staff/session', undefined, victim),
      keeps: true,
    },
    {
      how: 'a password change from another session',
      end: (_u, _victim, keep) =>
        hub.api(
          'POST',
          '/api/staff/password',
          { current: PASSWORD, next: 'a-new-long-password' },
          keep,
        ),
      keeps: true,
    },
    {
      how: 'an admin setting a new password',
      end: (u) =>
        hub.api('PATCH', `/api/staff/users/${u.id}`, { password: 'a-new-long-password' }, admin),
      keeps: false,
    },
    {
      how: 'the account disabled',
      end: (u) => hub.api('PATCH', `/api/staff/users/${u.id}`, { disabled: true }, admin),
      keeps: false,
    },
  ];
  for (const e of endings) {
    test(`a session ended by ${e.how} is refused on bearer, cookie and the live channel`, async () => {
      const u = await newUser();
      const victim = await hub.login(u.username, PASSWORD);
      const keep = await hub.login(u.username, PASSWORD);
      const [bySocketAuth, byCookie, kept] = await Promise.all([
        live({ token: victim }),
        live({ cookie: victim }),
        live({ token: keep }),
      ]);
      assert.equal(await me(victim, 'bearer'), 200);
      const cut = Promise.all([dropped(bySocketAuth), dropped(byCookie)]);
      assert.equal((await e.end(u, victim, keep)).status, 200);

      assert.equal(await me(victim, 'bearer'), 401);
      assert.equal(await me(victim, 'cookie'), 401);
      // Already-connected consoles are cut off by the hub, not left listening.
      assert.deepEqual(await cut, ['io server disconnect', 'io server disconnect']);
      await assert.rejects(live({ token: victim }), { message: LIVE_UNAUTHENTICATED });
      await assert.rejects(live({ cookie: victim }), { message: LIVE_UNAUTHENTICATED });

      if (e.keeps) {
        assert.equal(await me(keep, 'bearer'), 200);
        // The other session's console still gets events.
        const heard = new Promise((resolve) => kept.once('feedback.created', resolve));
        await post('10.9.0.1', '/api/public/feedback', {
          building: 'demo',
          category: 'other',
          text: 'The survivor hears this',
        });
        await heard;
        assert.equal(kept.connected, true);
      } else {
        assert.equal(await me(keep, 'bearer'), 401);
      }
    });
  }

  test('an expired session is refused on bearer, cookie and a new live connection', async () => {
    const u = await newUser();
    const token = await hub.login(u.username, PASSWORD);
    const realNow = hub.ctx.now;
    hub.ctx.now = () => new Date(Date.now() + 15 * DAY);
    try {
      assert.equal(await me(token, 'bearer'), 401);
      assert.equal(await me(token, 'cookie'), 401);
      await assert.rejects(live({ token }), { message: LIVE_UNAUTHENTICATED });
    } finally {
      hub.ctx.now = realNow;
    }
  });

  test('the session cookie is Secure behind an HTTPS proxy, and always httpOnly and SameSite', async () => {
    const login = (proto?: string) =>
      from('127.0.0.1', '/api/staff/session', {
        method: 'POST',
        body: JSON.stringify({ username: 'admin', password: 'test-admin-password' }),
        headers: proto ? { 'x-forwarded-proto': proto } : {},
      }).then((r) => r.headers.get('set-cookie') ?? '');
    const tls = await login('https');
    assert.match(tls, /;\s*Secure/i);
    assert.match(tls, /HttpOnly/i);
    assert.match(tls, /SameSite=Strict/i);
    const plain = await login();
    assert.doesNotMatch(plain, /;\s*Secure/i);
    assert.match(plain, /HttpOnly/i);
  });

  test('a kiosk name counts only for a paired kiosk, and only from its own address', async () => {
    const kiosk = await pairDevice(hub, { kind: 'kiosk', staff: admin });
    const revoked = await pairDevice(hub, { kind: 'kiosk', staff: admin });
    const signage = await pairDevice(hub, { kind: 'signage', staff: admin });
    const r = await hub.api('POST', `/api/staff/devices/${revoked.deviceId}/revoke`, {}, admin);
    assert.equal(r.status, 200);
    // A revoked screen cannot collect a token again either.
    assert.equal((await hub.api('GET', `/api/devices/pairing/${revoked.deviceId}`)).status, 410);

    let phone = 0;
    const submit = (address: string, device: string) =>
      post(
        address,
        '/api/public/feedback',
        {
          building: 'demo',
          category: 'facilities',
          text: 'The lobby door sticks',
          contact: `1350000${String(phone++).padStart(4, '0')}`,
        },
        { 'x-lobby-device': device },
      ).then(async (res) => ({
        status: res.status,
        body: (await res.json()) as { ticket: string },
      }));
    const recorded = (ticket: string) =>
      hub.ctx.store.db
        .prepare<[string], { device_id: string | null }>(
          'SELECT device_id FROM feedback WHERE ticket = ?',
        )
        .get(ticket)?.device_id;

    const named = await submit('10.1.0.1', kiosk.deviceId);
    assert.equal(named.status, 201);
    assert.equal(recorded(named.body.ticket), kiosk.deviceId);
    for (const stranger of [revoked.deviceId, signage.deviceId, 'd-unknown000']) {
      const s = await submit('10.1.0.2', stranger);
      assert.equal(s.status, 201);
      assert.equal(recorded(s.body.ticket), null, stranger);
    }
    // The kiosk's own budget (60 in ten minutes) runs out at its address only.
    for (let i = 1; i < 60; i++)
      assert.equal((await submit('10.1.0.1', kiosk.deviceId)).status, 201);
    assert.equal((await submit('10.1.0.1', kiosk.deviceId)).status, 429);
    assert.equal((await submit('10.1.0.3', kiosk.deviceId)).status, 201);
  });

  test('ticket secrets carry 144 bits: 24 characters of base64url, uniform in every position', () => {
    const n = 20_000;
    const counts = Array.from({ length: 24 }, () => new Map<string, number>());
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const s = newSecret();
      assert.match(s, /^[A-Za-z0-9_-]{24}$/);
      seen.add(s);
      [...s].forEach((c, p) => counts[p]?.set(c, (counts[p]?.get(c) ?? 0) + 1));
    }
    assert.equal(seen.size, n);
    // Shannon entropy measured per position, summed: 6 bits each at most.
    const bits = counts.reduce(
      (sum, m) => sum - [...m.values()].reduce((h, c) => h + (c / n) * Math.log2(c / n), 0),
      0,
    );
    assert.ok(bits > 143 && bits <= 144, `${bits.toFixed(2)} bits`);
  });
});

describe('security: only a trusted proxy speaks for the client', () => {
  test('with TRUST_PROXY naming another host, forwarded headers from here are ignored', async () => {
    const hub = await startTestHub({ trustProxy: '10.9.8.7' });
    try {
      const r = await fetch(`${hub.url}/api/staff/session`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-proto': 'https',
          'x-forwarded-for': '203.0.113.9',
        },
        body: JSON.stringify({ username: 'admin', password: 'test-admin-password' }),
      });
      assert.equal(r.status, 200);
      assert.doesNotMatch(r.headers.get('set-cookie') ?? '', /;\s*Secure/i);
    } finally {
      await hub.stop();
    }
  });

  test('a TRUST_PROXY that is not a list of addresses stops the hub at start, naming it', () => {
    assert.throws(() => configFromEnv({ TRUST_PROXY: 'loopback; rm -rf' }), /TRUST_PROXY/);
    assert.equal(
      configFromEnv({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy,
      '10.0.0.0/8, loopback',
    );
  });
});

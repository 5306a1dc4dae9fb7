import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { concretePath, documentedRoutes, type RouteInfo } from '../helpers/openapi.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

const PASSWORD = 'a-long-test-password';
const isWrite = (r: RouteInfo) => r.method !== 'GET';
const isOwnSession = (r: RouteInfo) =>
  r.path === '/api/staff/session' || r.path === '/api/staff/password';

describe('staff authentication and roles', () => {
  let hub: TestHub;
  let admin: string;
  const tokens: Record<string, string> = {};
  let staffRoutes: RouteInfo[];

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
    for (const role of ['editor', 'handler', 'viewer'] as const) {
      const r = await hub.api(
        'POST',
        '/api/staff/users',
        { username: role, displayName: role, role, password: PASSWORD },
        admin,
      );
      assert.equal(r.status, 201);
      tokens[role] = await hub.login(role, PASSWORD);
    }
    staffRoutes = (await documentedRoutes(hub)).filter(
      (r) => r.path.startsWith('/api/staff/') && !isOwnSession(r),
    );
    assert.ok(staffRoutes.length > 20, 'the OpenAPI document lists the staff routes');
  });
  after(() => hub.stop());

  test('login answers token and role, and sets an httpOnly SameSite cookie', async () => {
    const r = await hub.api<{ token: string; role: string }>('POST', '/api/staff/session', {
      username: 'viewer',
      password: PASSWORD,
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.role, 'viewer');
    assert.ok(r.body.token.length >= 32);
    const cookie = r.headers.get('set-cookie') ?? '';
    assert.match(cookie, /lobby_session=/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
  });

  test('the session cookie works like the bearer token', async () => {
    const login = await fetch(`${hub.url}/api/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'editor', password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = await fetch(`${hub.url}/api/staff/me`, { headers: { cookie } });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { role: string }).role, 'editor');
  });

  test('wrong passwords get 401 and the same message for unknown users', async () => {
    const a = await hub.api<{ error: { message: string } }>('POST', '/api/staff/session', {
      username: 'viewer',
      password: 'wrong-password',
    });
    const b = await hub.api<{ error: { message: string } }>('POST', '/api/staff/session', {
      username: 'nobody',
      password: 'wrong-password',
    });
    assert.equal(a.status, 401);
    assert.equal(b.status, 401);
    assert.equal(a.body.error.message, b.body.error.message);
  });

  test('every staff route refuses a caller without a session with 401', async () => {
    for (const r of staffRoutes) {
      const res = await hub.api(r.method, concretePath(r.path), isWrite(r) ? {} : undefined);
      assert.equal(res.status, 401, `${r.method} ${r.path}`);
    }
  });

  test('a viewer can read but every staff write is 403', async () => {
    for (const r of staffRoutes) {
      const res = await hub.api(
        r.method,
        concretePath(r.path),
        isWrite(r) ? {} : undefined,
        tokens.viewer,
      );
      if (isWrite(r)) assert.equal(res.status, 403, `${r.method} ${r.path}`);
      else assert.notEqual(res.status, 401, `${r.method} ${r.path}`);
    }
  });

  test('a handler cannot touch content; an editor cannot manage users', async () => {
    const notice = {
      building: 'demo',
      title: 't',
      body: 'b',
      category: 'affairs',
      priority: 'normal',
    };
    assert.equal((await hub.api('POST', '/api/staff/notices', notice, tokens.handler)).status, 403);
    assert.equal((await hub.api('POST', '/api/staff/contacts', {}, tokens.handler)).status, 403);
    assert.equal((await hub.api('POST', '/api/staff/notices', notice, tokens.editor)).status, 201);
    assert.equal((await hub.api('GET', '/api/staff/users', undefined, tokens.editor)).status, 403);
    assert.equal((await hub.api('GET', '/api/staff/audit', undefined, tokens.editor)).status, 403);
  });

  test('logout ends the session', async () => {
    const token = await hub.login('viewer', PASSWORD);
    assert.equal((await hub.api('GET', '/api/staff/me', undefined, token)).status, 200);
    assert.equal((await hub.api('DELETE', '/api/staff/session', undefined, token)).status, 200);
    assert.equal((await hub.api('GET', '/api/staff/me', undefined, token)).status, 401);
  });

  test('changing the password ends other sessions and needs the current one', async () => {
    const r = await hub.api(
      'POST',
      '/api/staff/users',
      { username: 'changer', displayName: 'C', role: 'viewer', password: PASSWORD },
      admin,
    );
    assert.equal(r.status, 201);
    const first = await hub.login('changer', PASSWORD);
    const second = await hub.login('changer', PASSWORD);
    const wrong = await hub.api<{ error: { field: string } }>(
      'POST',
      '/api/staff/password',
      { current: 'nope-nope-nope', next: 'another-long-password' },
      first,
    );
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.field, 'current');
    const ok = await hub.api(
      'POST',
      '/api/staff/password',
      { current: PASSWORD, next: 'another-long-password' },
      first,
    );
    assert.equal(ok.status, 200);
    assert.equal((await hub.api('GET', '/api/staff/me', undefined, first)).status, 200);
    assert.equal((await hub.api('GET', '/api/staff/me', undefined, second)).status, 401);
    await hub.login('changer', 'another-long-password');
  });

  test('wrong passwords slow their address down, not the account for everyone', async () => {
    await hub.api(
      'POST',
      '/api/staff/users',
      { username: 'locked', displayName: 'L', role: 'viewer', password: PASSWORD },
      admin,
    );
    const statuses = [];
    for (let i = 0; i < 10; i++) {
      const r = await hub.api('POST', '/api/staff/session', {
        username: 'locked',
        password: `wrong-${i}-password`,
      });
      statuses.push(r.status);
    }
    assert.deepEqual(statuses.slice(0, 6), [401, 401, 401, 401, 401, 401]);
    assert.ok(statuses.slice(6).every((s) => s === 429 || s === 401));
    const r = await hub.api('POST', '/api/staff/session', {
      username: 'locked',
      password: PASSWORD,
    });
    assert.equal(r.status, 429, 'this address waits, even with the right password');
    assert.ok(Number(r.headers.get('retry-after')) >= 1);
  });

  test('a disabled user is logged out and cannot log in', async () => {
    const created = await hub.api<{ id: number }>(
      'POST',
      '/api/staff/users',
      { username: 'leaver', displayName: 'L', role: 'editor', password: PASSWORD },
      admin,
    );
    const token = await hub.login('leaver', PASSWORD);
    assert.equal(
      (await hub.api('PATCH', `/api/staff/users/${created.body.id}`, { disabled: true }, admin))
        .status,
      200,
    );
    assert.equal((await hub.api('GET', '/api/staff/me', undefined, token)).status, 401);
    assert.equal(
      (await hub.api('POST', '/api/staff/session', { username: 'leaver', password: PASSWORD }))
        .status,
      401,
    );
  });
});

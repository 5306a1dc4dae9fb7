import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rowCount, startTestHub, type TestHub } from '../helpers/hub.ts';

const PASSWORD = 'a-long-test-password';

// The scope primitive: accounts carry buildings, the HTTP layer checks every building a
// request names, and a building's admin manages only its own staff.
describe('staff accounts scoped to buildings', () => {
  let hub: TestHub;
  let admin: string;
  let localAdmin: string;
  let handler: string;

  const user = async (token: string, username: string, role: string, buildings?: string[]) =>
    hub.api<{ id: number; error?: { field?: string } }>(
      'POST',
      '/api/staff/users',
      { username, displayName: username, role, password: PASSWORD, buildings },
      token,
    );

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
    const b = await hub.api(
      'POST',
      '/api/staff/buildings',
      { id: 'tower-b', name: 'Tower B' },
      admin,
    );
    assert.equal(b.status, 201);
    assert.equal((await user(admin, 'demo-admin', 'admin', ['demo'])).status, 201);
    assert.equal((await user(admin, 'demo-handler', 'handler', ['demo'])).status, 201);
    localAdmin = await hub.login('demo-admin', PASSWORD);
    handler = await hub.login('demo-handler', PASSWORD);
  });
  after(() => hub.stop());

  test('me and the user list carry the buildings; [] is district-wide', async () => {
    const me = await hub.api<{ buildings: string[] }>('GET', '/api/staff/me', undefined, handler);
    assert.deepEqual(me.body.buildings, ['demo']);
    const root = await hub.api<{ buildings: string[] }>('GET', '/api/staff/me', undefined, admin);
    assert.deepEqual(root.body.buildings, []);
  });

  test('another building named in path, query or body is 404 and writes nothing', async () => {
    const rows = rowCount(hub);
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/staff/buildings/tower-b/notices'],
      ['GET', '/api/staff/devices?building=tower-b'],
      ['PUT', '/api/staff/buildings/tower-b/alert', { level: 'info', title: 't', body: '' }],
      [
        'POST',
        '/api/staff/notices',
        { building: 'tower-b', title: 't', body: 'b', category: 'affairs', priority: 'normal' },
      ],
    ];
    for (const [method, path, body] of calls) {
      const r = await hub.api<{ error: { code: string } }>(method, path, body, localAdmin);
      assert.equal(r.status, 404, `${method} ${path}`);
      assert.equal(r.body.error.code, 'not_found');
    }
    const own = await hub.api('GET', '/api/staff/buildings/demo/notices', undefined, handler);
    assert.equal(own.status, 200);
    assert.equal(rowCount(hub), rows);
  });

  test('an unknown building looks the same as another one', async () => {
    const a = await hub.api('GET', '/api/staff/buildings/tower-b/notices', undefined, handler);
    const b = await hub.api('GET', '/api/staff/buildings/no-such/notices', undefined, handler);
    assert.deepEqual([a.status, a.body], [b.status, b.body]);
  });

  test("a building's admin creates staff for its building only", async () => {
    const rows = rowCount(hub);
    const wide = await user(localAdmin, 'wide', 'viewer');
    assert.equal(wide.status, 403);
    assert.equal(wide.body.error?.field, 'buildings');
    assert.equal((await user(localAdmin, 'wide2', 'viewer', [])).status, 403);
    assert.equal((await user(localAdmin, 'other', 'viewer', ['tower-b'])).status, 404);
    assert.equal((await user(localAdmin, 'mixed', 'viewer', ['demo', 'tower-b'])).status, 404);
    assert.equal(rowCount(hub), rows);
    assert.equal((await user(localAdmin, 'demo-viewer', 'viewer', ['demo'])).status, 201);
  });

  test('a district admin naming an unknown building gets 400 naming it', async () => {
    const r = await user(admin, 'ghost', 'viewer', ['demo', 'no-such']);
    assert.equal(r.status, 400);
    assert.equal(r.body.error?.field, 'buildings.1');
  });

  test("a building's admin lists and changes only its own staff", async () => {
    const other = await user(admin, 'b-viewer', 'viewer', ['tower-b']);
    const list = await hub.api<{ username: string }[]>(
      'GET',
      '/api/staff/users',
      undefined,
      localAdmin,
    );
    const names = list.body.map((u) => u.username);
    assert.ok(names.includes('demo-handler'));
    assert.ok(!names.includes('b-viewer') && !names.includes('admin'));
    const patch = (id: number, body: unknown) =>
      hub.api('PATCH', `/api/staff/users/${id}`, body, localAdmin);
    assert.equal((await patch(other.body.id, { displayName: 'x' })).status, 404);
    assert.equal((await patch(1, { disabled: true })).status, 404, 'the district admin');
  });

  test('a changed scope ends the sessions of that account', async () => {
    const made = await user(admin, 'mover', 'viewer', ['demo']);
    const token = await hub.login('mover', PASSWORD);
    const moved = await hub.api(
      'PATCH',
      `/api/staff/users/${made.body.id}`,
      { buildings: ['tower-b'] },
      admin,
    );
    assert.equal(moved.status, 200);
    assert.equal((await hub.api('GET', '/api/staff/me', undefined, token)).status, 401);
    const again = await hub.login('mover', PASSWORD);
    const me = await hub.api<{ buildings: string[] }>('GET', '/api/staff/me', undefined, again);
    assert.deepEqual(me.body.buildings, ['tower-b']);
  });

  test('a building that staff are scoped to cannot be deleted', async () => {
    const r = await hub.api<{ error: { message: string } }>(
      'DELETE',
      '/api/staff/buildings/tower-b',
      undefined,
      admin,
    );
    assert.equal(r.status, 409);
    assert.match(r.body.error.message, /b-viewer/);
  });
});

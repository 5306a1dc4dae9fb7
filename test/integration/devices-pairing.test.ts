import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { deviceIdParams } from '#shared/schemas/devices';
import { rowCount, startTestHub, type TestHub } from '../helpers/hub.ts';

type Audit = { action: string; entity: string; entityId: string; actor: string };
type Summary = {
  id: string;
  kind: string;
  name: string;
  building: string | null;
  floor: number | null;
  bank: { id: number; name: string } | null;
  group: string | null;
  status: string;
  online: boolean;
};

describe('pairing and managing devices over the stable API', () => {
  let hub: TestHub;
  let admin: string;
  const realNow = () => new Date();

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
  });
  after(() => hub.stop());

  const request = (kind = 'signage') =>
    hub.api<{ deviceId: string; code: string }>('POST', '/api/devices/pairing', { kind });
  const claim = (body: Record<string, unknown>, token = admin) =>
    hub.api<{ deviceId: string; error?: { field?: string } }>(
      'POST',
      '/api/staff/devices',
      body,
      token,
    );
  const poll = (id: string) =>
    hub.api<{ token?: string; building?: string; mqtt?: { tcp: string; ws: string } }>(
      'GET',
      `/api/devices/pairing/${id}`,
    );
  const lastAudit = async (entity: string) =>
    (await hub.api<Audit[]>('GET', `/api/staff/audit?entity=${entity}&limit=1`, undefined, admin))
      .body[0];

  test('a screen asks, staff claim its code, the screen collects its token once', async () => {
    const asked = await request('signage');
    assert.equal(asked.status, 201);
    assert.ok(deviceIdParams.safeParse({ deviceId: asked.body.deviceId }).success);
    assert.match(asked.body.code, /^[0-9]{6}$/);

    const waiting = await poll(asked.body.deviceId);
    assert.equal(waiting.status, 202);

    const claimed = await claim({
      code: asked.body.code,
      building: 'demo',
      kind: 'signage',
      floor: 1,
      bank: 'B',
    });
    assert.equal(claimed.status, 201);
    assert.equal(claimed.body.deviceId, asked.body.deviceId);
    assert.equal((await lastAudit('device'))?.action, 'pair');

    const done = await poll(asked.body.deviceId);
    assert.equal(done.status, 200);
    assert.equal(done.body.building, 'demo');
    assert.ok((done.body.token ?? '').length >= 24);
    assert.equal(done.body.mqtt?.tcp, `mqtt://127.0.0.1:${hub.mqttPort}`);
    assert.equal(done.body.mqtt?.ws, `${hub.url.replace('http', 'ws')}/mqtt`);
    assert.equal((await poll(asked.body.deviceId)).status, 410);
    // The token is kept as a hash only.
    const row = hub.ctx.store.devices.get(asked.body.deviceId);
    assert.notEqual(row?.token_hash, done.body.token);
    assert.equal(row?.token_hash?.length, 64);

    const list = await hub.api<Summary[]>(
      'GET',
      '/api/staff/devices?building=demo',
      undefined,
      admin,
    );
    const mine = list.body.find((d) => d.id === asked.body.deviceId);
    assert.deepEqual(
      { floor: mine?.floor, bank: mine?.bank?.name, group: mine?.group, status: mine?.status },
      { floor: 1, bank: 'B', group: 'lobby', status: 'paired' },
    );
    assert.equal(mine?.online, false);
  });

  test('a bank is named by id or by name; the group follows it unless given', async () => {
    const detail = await hub.api<{ banks: { id: number; floor: number; group: string }[] }>(
      'GET',
      '/api/public/buildings/demo',
    );
    const high = detail.body.banks.find((b) => b.floor === 20);
    assert.ok(high);
    const a = await request('kiosk');
    const byId = await claim({
      code: a.body.code,
      building: 'demo',
      kind: 'kiosk',
      bank: high.id,
      name: 'Lobby kiosk',
    });
    assert.equal(byId.status, 201);
    const b = await request();
    const grouped = await claim({
      code: b.body.code,
      building: 'demo',
      kind: 'signage',
      bank: 'A',
      floor: 5,
      group: 'special',
    });
    assert.equal(grouped.status, 201);
    const list = await hub.api<Summary[]>('GET', '/api/staff/devices', undefined, admin);
    const kiosk = list.body.find((d) => d.id === a.body.deviceId);
    assert.deepEqual(
      [kiosk?.floor, kiosk?.group, kiosk?.name, kiosk?.kind],
      [20, high.group, 'Lobby kiosk', 'kiosk'],
    );
    const screen = list.body.find((d) => d.id === b.body.deviceId);
    assert.deepEqual([screen?.floor, screen?.group], [5, 'special']);

    const c = await request();
    const rows = rowCount(hub);
    const wrongBank = await claim({
      code: c.body.code,
      building: 'demo',
      kind: 'signage',
      bank: 'Z',
    });
    assert.equal(wrongBank.status, 400);
    assert.equal(wrongBank.body.error?.field, 'bank');
    assert.equal(rowCount(hub), rows);
  });

  test('codes expire after ten minutes', async () => {
    const asked = await request();
    const later = Date.now() + 10 * 60_000 + 1000;
    hub.ctx.now = () => new Date(later);
    try {
      assert.equal((await poll(asked.body.deviceId)).status, 410);
      const late = await claim({ code: asked.body.code, building: 'demo', kind: 'signage' });
      assert.equal(late.status, 404);
      assert.equal(late.body.error?.field, 'code');
    } finally {
      hub.ctx.now = realNow;
    }
    // A claimed screen that never collects its token loses it the same way.
    const slow = await request();
    assert.equal(
      (await claim({ code: slow.body.code, building: 'demo', kind: 'signage' })).status,
      201,
    );
    hub.ctx.now = () => new Date(later);
    try {
      assert.equal((await poll(slow.body.deviceId)).status, 410);
    } finally {
      hub.ctx.now = realNow;
    }
  });

  test('guessing codes is stopped after ten wrong ones', async () => {
    await hub.api(
      'POST',
      '/api/staff/users',
      { username: 'guesser', displayName: 'G', role: 'editor', password: 'guesser-password' },
      admin,
    );
    const guesser = await hub.login('guesser', 'guesser-password');
    const real = await request();
    const wrong = real.body.code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 10; i++) {
      assert.equal(
        (await claim({ code: wrong, building: 'demo', kind: 'signage' }, guesser)).status,
        404,
      );
    }
    const blocked = await claim(
      { code: real.body.code, building: 'demo', kind: 'signage' },
      guesser,
    );
    assert.equal(blocked.status, 429);
    // Another account is not held up by it.
    assert.equal(
      (await claim({ code: real.body.code, building: 'demo', kind: 'signage' })).status,
      201,
    );
  });

  test('a viewer cannot pair, move, revoke or command; anyone but staff gets 401', async () => {
    await hub.api(
      'POST',
      '/api/staff/users',
      { username: 'watcher', displayName: 'W', role: 'viewer', password: 'watcher-password' },
      admin,
    );
    const viewer = await hub.login('watcher', 'watcher-password');
    const asked = await request();
    assert.equal(
      (await claim({ code: asked.body.code, building: 'demo', kind: 'signage' }, viewer)).status,
      403,
    );
    assert.equal((await hub.api('GET', '/api/staff/devices', undefined, viewer)).status, 200);
    assert.equal((await hub.api('GET', '/api/staff/devices')).status, 401);
    assert.equal(
      (await hub.api('GET', '/api/staff/mqtt/mosquitto-config', undefined, viewer)).status,
      403,
    );
  });

  test('staff move, rename, command and revoke a device; each leaves an audit row', async () => {
    const asked = await request();
    await claim({ code: asked.body.code, building: 'demo', kind: 'signage', floor: 3, bank: 'A' });
    await poll(asked.body.deviceId);
    const id = asked.body.deviceId;

    const moved = await hub.api(
      'PATCH',
      `/api/staff/devices/${id}`,
      { floor: 9, name: '9F east' },
      admin,
    );
    assert.equal(moved.status, 200);
    assert.equal((await lastAudit('device'))?.action, 'update');
    const after = await hub.api<Summary>('GET', `/api/staff/devices/${id}`, undefined, admin);
    // Another floor without a bank named: the old bank is not there.
    assert.deepEqual([after.body.floor, after.body.bank, after.body.name], [9, null, '9F east']);

    const sent = await hub.api<{ id: string }>(
      'POST',
      `/api/staff/devices/${id}/commands`,
      { cmd: 'reload' },
      admin,
    );
    assert.equal(sent.status, 202);
    assert.equal((await lastAudit('device'))?.action, 'command');
    const badCmd = await hub.api(
      'POST',
      `/api/staff/devices/${id}/commands`,
      { cmd: 'format' },
      admin,
    );
    assert.equal(badCmd.status, 400);

    assert.equal(
      (await hub.api('POST', `/api/staff/devices/${id}/revoke`, undefined, admin)).status,
      200,
    );
    assert.equal((await lastAudit('device'))?.action, 'revoke');
    assert.equal(
      (await hub.api('POST', `/api/staff/devices/${id}/revoke`, undefined, admin)).status,
      409,
    );
    assert.equal(
      (await hub.api('PATCH', `/api/staff/devices/${id}`, { floor: 2 }, admin)).status,
      409,
    );
    const revoked = await hub.api<Summary>('GET', `/api/staff/devices/${id}`, undefined, admin);
    assert.equal(revoked.body.status, 'revoked');
    assert.equal(hub.ctx.store.devices.get(id)?.token_hash, null);
    assert.equal(
      (await hub.api('GET', '/api/staff/devices/d-0000000000', undefined, admin)).status,
      404,
    );
  });

  test('the Mosquitto files list every working device and the hub, nobody else', async () => {
    const res = await hub.api<{ files: { 'mosquitto.conf': string; passwd: string; acl: string } }>(
      'GET',
      '/api/staff/mqtt/mosquitto-config',
      undefined,
      admin,
    );
    assert.equal(res.status, 200);
    const { passwd, acl } = res.body.files;
    const users = passwd
      .trim()
      .split('\n')
      .map((l) => l.split(':')[0]);
    const working = hub.ctx.store.devices.active().map((d) => d.id);
    assert.deepEqual(users, ['lobby-hub', ...working]);
    for (const line of passwd.trim().split('\n'))
      assert.match(line, /^[a-z0-9-]+:\$7\$101\$[A-Za-z0-9+/=]{16}\$[A-Za-z0-9+/=]{88}$/);
    for (const id of working) {
      assert.ok(acl.includes(`user ${id}\ntopic read lobby/v1/demo/+\n`), id);
      assert.ok(acl.includes(`topic write lobby/v1/demo/device/${id}/state\n`), id);
    }
    assert.match(res.body.files['mosquitto.conf'], /^allow_anonymous false$/m);
    assert.match(res.body.files['mosquitto.conf'], /^max_queued_messages \d+$/m);
  });
});

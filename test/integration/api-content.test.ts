import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

type Audit = {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: Record<string, unknown> | null;
};

describe('content API, audit and the demo building', () => {
  let hub: TestHub;
  let admin: string;

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
  });
  after(() => hub.stop());

  const lastAudit = async (entity: string) =>
    (await hub.api<Audit[]>('GET', `/api/staff/audit?entity=${entity}&limit=1`, undefined, admin))
      .body[0];

  test('the demo building: 24 floors, lobby banks, a captain per floor, the liaisons, notices and events', async () => {
    const buildings = await hub.api<{ id: string; name: string; timezone: string }[]>(
      'GET',
      '/api/public/buildings',
    );
    assert.deepEqual(
      buildings.body.map((b) => b.id),
      ['demo'],
    );
    assert.equal(buildings.body[0]?.timezone, 'Asia/Shanghai');
    const detail = await hub.api<{ floors: unknown[]; banks: { floor: number }[] }>(
      'GET',
      '/api/public/buildings/demo',
    );
    assert.equal(detail.body.floors.length, 24);
    assert.equal(detail.body.banks.filter((b) => b.floor === 1).length, 4);
    assert.equal(detail.body.banks.length, 4 + 23);
    const contacts = await hub.api<{ role: string; floors: number[] }[]>(
      'GET',
      '/api/public/buildings/demo/contacts',
    );
    for (let f = 1; f <= 24; f++) {
      assert.ok(
        contacts.body.some((c) => c.role === 'captain' && c.floors.includes(f)),
        `captain of floor ${f}`,
      );
    }
    for (const role of [
      'party_supervisor',
      'economic_liaison',
      'market_supervisor',
      'police_liaison',
      'fire_adviser',
    ]) {
      assert.ok(
        contacts.body.some((c) => c.role === role),
        role,
      );
    }
    const floor7 = await hub.api<{ role: string }[]>(
      'GET',
      '/api/public/buildings/demo/contacts?floor=7',
    );
    assert.equal(floor7.body.filter((c) => c.role === 'captain').length, 1);
    const notices = await hub.api<unknown[]>('GET', '/api/public/buildings/demo/notices');
    assert.ok(notices.body.length >= 10);
    const events = await hub.api<
      { seatsLeft: number; capacity: number; waitlist: number; start: string }[]
    >('GET', '/api/public/buildings/demo/events');
    assert.ok(events.body.length >= 10);
    const sorted = [...events.body].sort((a, b) => a.start.localeCompare(b.start));
    assert.deepEqual(events.body, sorted);
    for (const e of events.body) assert.ok(e.seatsLeft <= e.capacity && e.waitlist === 0);
  });

  test('a notice is created, read, updated and deleted, with an audit row each time', async () => {
    const created = await hub.api<{ id: number }>(
      'POST',
      '/api/staff/notices',
      {
        building: 'demo',
        title: '停水通知',
        body: '周六 9:00-12:00 停水',
        category: 'affairs',
        priority: 'high',
        floors: [3, 4],
      },
      admin,
    );
    assert.equal(created.status, 201);
    const id = created.body.id;
    let a = await lastAudit('notice');
    assert.equal(a?.action, 'create');
    assert.equal(a?.actor, 'admin');
    assert.equal(a?.entityId, String(id));
    assert.equal(a?.after?.title, '停水通知');

    assert.equal(
      (await hub.api('PATCH', `/api/staff/notices/${id}`, { priority: 'urgent' }, admin)).status,
      200,
    );
    a = await lastAudit('notice');
    assert.equal(a?.action, 'update');
    assert.equal((a?.before as { priority: string }).priority, 'high');
    assert.equal(a?.after?.priority, 'urgent');
    const read = await hub.api<{ priority: string; floors: number[] }>(
      'GET',
      `/api/staff/notices/${id}`,
      undefined,
      admin,
    );
    assert.equal(read.body.priority, 'urgent');
    assert.deepEqual(read.body.floors, [3, 4]);

    assert.equal(
      (await hub.api('DELETE', `/api/staff/notices/${id}`, undefined, admin)).status,
      200,
    );
    assert.equal((await lastAudit('notice'))?.action, 'delete');
    assert.equal((await hub.api('GET', `/api/staff/notices/${id}`, undefined, admin)).status, 404);
  });

  test('an expired notice leaves the public list; an upcoming one is in it', async () => {
    const past = {
      building: 'demo',
      title: 'Past',
      body: '',
      category: 'affairs',
      priority: 'normal',
      validFrom: '2020-01-01T00:00:00Z',
      validTo: '2020-01-02T00:00:00Z',
    };
    const soon = {
      ...past,
      title: 'Soon',
      validFrom: '2099-01-01T00:00:00Z',
      validTo: '2099-01-02T00:00:00Z',
    };
    await hub.api('POST', '/api/staff/notices', past, admin);
    await hub.api('POST', '/api/staff/notices', soon, admin);
    const list = await hub.api<{ title: string }[]>('GET', '/api/public/buildings/demo/notices');
    assert.ok(!list.body.some((n) => n.title === 'Past'));
    assert.ok(list.body.some((n) => n.title === 'Soon'));
  });

  test('contacts, events, floors, banks and places round-trip through the staff API', async () => {
    const c = await hub.api<{ id: number }>(
      'POST',
      '/api/staff/contacts',
      {
        building: 'demo',
        name: '周楼长',
        role: 'captain',
        floors: [25],
        company: '新公司',
        phone: '13800001111',
        wechat: 'zhou_lz25',
      },
      admin,
    );
    assert.equal(c.status, 201);
    const staffList = await hub.api<{ id: number; captainCode: string | null }[]>(
      'GET',
      '/api/staff/buildings/demo/contacts?floor=25',
      undefined,
      admin,
    );
    assert.match(staffList.body.find((x) => x.id === c.body.id)?.captainCode ?? '', /^\d{8}$/);
    const publicList = await hub.api<Record<string, unknown>[]>(
      'GET',
      '/api/public/buildings/demo/contacts?floor=25',
    );
    assert.ok(
      publicList.body.every((x) => !('captainCode' in x)),
      'captain codes stay out of public views',
    );

    const e = await hub.api<{ id: number }>(
      'POST',
      '/api/staff/events',
      {
        building: 'demo',
        title: '消防演练',
        kind: 'other',
        place: '大堂',
        start: '2099-03-01T02:00:00Z',
        end: '2099-03-01T03:00:00Z',
        capacity: 50,
        captainSeats: 5,
      },
      admin,
    );
    assert.equal(e.status, 201);
    assert.equal(
      (await hub.api('PATCH', `/api/staff/events/${e.body.id}`, { capacity: 60 }, admin)).status,
      200,
    );
    const ev = await hub.api<{ capacity: number; captainSeats: number }>(
      'GET',
      `/api/staff/events/${e.body.id}`,
      undefined,
      admin,
    );
    assert.equal(ev.body.capacity, 60);
    const tooFew = await hub.api<{ error: { field: string } }>(
      'PATCH',
      `/api/staff/events/${e.body.id}`,
      { captainSeats: 61 },
      admin,
    );
    assert.equal(tooFew.body.error.field, 'captainSeats');

    assert.equal(
      (
        await hub.api(
          'PUT',
          '/api/staff/buildings/demo/floors',
          { number: 25, companies: ['新公司'] },
          admin,
        )
      ).status,
      200,
    );
    const bank = await hub.api<{ id: number }>(
      'POST',
      '/api/staff/buildings/demo/banks',
      { floor: 25, name: 'A', group: 'high' },
      admin,
    );
    assert.equal(bank.status, 201);
    const dup = await hub.api(
      'POST',
      '/api/staff/buildings/demo/banks',
      { floor: 25, name: 'A', group: 'high' },
      admin,
    );
    assert.equal(dup.status, 409);
    const place = await hub.api<{ id: number }>(
      'POST',
      '/api/staff/buildings/demo/places',
      { floor: 25, bankId: bank.body.id, name: '25F 梯厅' },
      admin,
    );
    assert.equal(place.status, 201);
    const places = await hub.api<{ id: number; codes: { intent: string }[] }[]>(
      'GET',
      '/api/staff/buildings/demo/places',
      undefined,
      admin,
    );
    const codes = places.body
      .find((p) => p.id === place.body.id)
      ?.codes.map((x) => x.intent)
      .sort();
    assert.deepEqual(codes, ['contact', 'feedback', 'home']);
  });

  test('a second building can be created by an admin and listed publicly', async () => {
    const r = await hub.api(
      'POST',
      '/api/staff/buildings',
      { id: 'east', name: '东塔', timezone: 'Asia/Shanghai' },
      admin,
    );
    assert.equal(r.status, 201);
    assert.equal(
      (await hub.api('POST', '/api/staff/buildings', { id: 'east', name: '东塔' }, admin)).status,
      409,
    );
    const bad = await hub.api<{ error: { field: string } }>(
      'POST',
      '/api/staff/buildings',
      { id: 'west', name: 'W', timezone: 'Mars/Base' },
      admin,
    );
    assert.equal(bad.body.error.field, 'timezone');
    const list = await hub.api<{ id: string }[]>('GET', '/api/public/buildings');
    assert.deepEqual(
      list.body.map((b) => b.id),
      ['demo', 'east'],
    );
  });

  test('health, metrics and the OpenAPI document are served', async () => {
    assert.deepEqual((await hub.api('GET', '/healthz')).body, { ok: true });
    const metrics = await hub.api<string>('GET', '/metrics');
    assert.match(metrics.body, /lobby_http_requests_total\{/);
    assert.match(metrics.body, /lobby_http_request_duration_seconds_bucket/);
    assert.match(metrics.body, /lobby_sqlite_file_bytes \d+/);
    assert.match(metrics.body, /process_resident_memory_bytes/);
    const doc = await hub.api<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/api/openapi.json',
    );
    assert.match(doc.body.openapi, /^3\./);
    assert.ok(doc.body.paths['/api/staff/notices']);
    assert.ok(doc.body.paths['/api/public/buildings/{b}/events']);
  });

  test('every response carries a request id and security headers', async () => {
    const r = await hub.api('GET', '/api/public/buildings');
    assert.match(r.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  });
});

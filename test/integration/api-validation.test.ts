import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { concretePath, documentedRoutes, type RouteInfo } from '../helpers/openapi.ts';
import { rowCount, startTestHub, type TestHub } from '../helpers/hub.ts';
import { fieldLabel } from '#shared/i18n/fields';

type ErrorBody = { error: { code: string; message: string; field?: string } };

describe('validation at the HTTP boundary', () => {
  let hub: TestHub;
  let admin: string;
  let writes: RouteInfo[];

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
    writes = (await documentedRoutes(hub)).filter(
      (r) => r.hasBody && r.path !== '/api/staff/session',
    );
    assert.ok(writes.length >= 10);
  });
  after(() => hub.stop());

  const send = async (r: RouteInfo, body: string, contentType = 'application/json') => {
    const res = await fetch(hub.url + concretePath(r.path), {
      method: r.method,
      headers: { 'content-type': contentType, authorization: `Bearer ${admin}` },
      body,
    });
    return { status: res.status, body: (await res.json()) as ErrorBody };
  };

  test('malformed JSON on every route with a body: 400 naming the body, nothing written', async () => {
    const rows = rowCount(hub);
    for (const r of writes) {
      const res = await send(r, '{"title": ');
      assert.equal(res.status, 400, `${r.method} ${r.path}`);
      assert.equal(res.body.error.code, 'invalid');
      assert.equal(res.body.error.field, 'body', `${r.method} ${r.path}`);
    }
    assert.equal(rowCount(hub), rows);
  });

  test('a body that is not JSON: 400 naming the content type', async () => {
    for (const r of writes) {
      const res = await send(r, 'title=x', 'application/x-www-form-urlencoded');
      assert.equal(res.status, 400, `${r.method} ${r.path}`);
      assert.equal(res.body.error.field, 'content-type');
      const text = await send(r, 'hello', 'text/plain');
      assert.equal(text.status, 400, `${r.method} ${r.path}`);
    }
  });

  test('a JSON array where an object belongs: 400 with a field, nothing written', async () => {
    const rows = rowCount(hub);
    for (const r of writes) {
      const res = await send(r, '[1, 2]');
      assert.equal(res.status, 400, `${r.method} ${r.path}: ${JSON.stringify(res.body)}`);
      assert.ok(res.body.error.field, `${r.method} ${r.path} names a field`);
    }
    assert.equal(rowCount(hub), rows);
  });

  test('oversized bodies get 413', async () => {
    const res = await send(
      writes[0] as RouteInfo,
      JSON.stringify({ text: 'x'.repeat(300 * 1024) }),
    );
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'too_large');
  });

  const notice = {
    building: 'demo',
    title: 'Lift maintenance',
    body: 'Bank B stops at 22:00.',
    category: 'affairs',
    priority: 'high',
  };
  const cases: [string, Record<string, unknown>, string][] = [
    ['missing field', { ...notice, title: undefined }, 'title'],
    ['title over 120 characters', { ...notice, title: 'x'.repeat(121) }, 'title'],
    ['body over 5,000 characters', { ...notice, body: 'x'.repeat(5001) }, 'body'],
    ['unknown enum value', { ...notice, category: 'gossip' }, 'category'],
    ['wrong type', { ...notice, priority: 3 }, 'priority'],
    [
      'window out of order',
      { ...notice, validFrom: '2026-12-02T00:00:00Z', validTo: '2026-12-01T00:00:00Z' },
      'validTo',
    ],
    ['bad time', { ...notice, validFrom: 'tomorrow' }, 'validFrom'],
    ['nested field', { ...notice, floors: [1, 'two'] }, 'floors.1'],
    ['bad building id', { ...notice, building: 'Not A Building!' }, 'building'],
  ];
  for (const [name, body, field] of cases) {
    test(`notice with ${name}: 400 naming ${field}`, async () => {
      const rows = rowCount(hub);
      const r = await hub.api<ErrorBody>('POST', '/api/staff/notices', body, admin);
      assert.equal(r.status, 400);
      assert.equal(r.body.error.field, field);
      assert.ok(r.body.error.message.startsWith(`${fieldLabel(field, 'zh-CN')}：`));
      assert.equal(rowCount(hub), rows);
    });
  }

  test('event rules: end after start, captain seats within capacity', async () => {
    const event = {
      building: 'demo',
      title: 'Talk',
      kind: 'lecture',
      place: 'Hall',
      start: '2026-12-01T06:00:00Z',
      end: '2026-12-01T07:00:00Z',
      capacity: 10,
    };
    const swapped = await hub.api<ErrorBody>(
      'POST',
      '/api/staff/events',
      { ...event, end: event.start },
      admin,
    );
    assert.equal(swapped.body.error.field, 'end');
    const seats = await hub.api<ErrorBody>(
      'POST',
      '/api/staff/events',
      { ...event, captainSeats: 11 },
      admin,
    );
    assert.equal(seats.body.error.field, 'captainSeats');
    const zero = await hub.api<ErrorBody>(
      'POST',
      '/api/staff/events',
      { ...event, capacity: 0 },
      admin,
    );
    assert.equal(zero.body.error.field, 'capacity');
  });

  test('unknown ids are 404 and a building that does not exist is 404', async () => {
    assert.equal((await hub.api('GET', '/api/staff/notices/999999', undefined, admin)).status, 404);
    assert.equal(
      (await hub.api('PATCH', '/api/staff/notices/999999', { title: 'x' }, admin)).status,
      404,
    );
    assert.equal(
      (await hub.api('DELETE', '/api/staff/events/999999', undefined, admin)).status,
      404,
    );
    assert.equal((await hub.api('GET', '/api/public/buildings/nowhere/events')).status, 404);
    const r = await hub.api<ErrorBody>(
      'POST',
      '/api/staff/notices',
      { ...notice, building: 'nowhere' },
      admin,
    );
    assert.equal(r.status, 404);
    assert.equal((await hub.api('GET', '/api/no/such/route')).status, 404);
  });

  test('a bad id in the path is 400 naming it', async () => {
    const r = await hub.api<ErrorBody>('GET', '/api/staff/notices/abc', undefined, admin);
    assert.equal(r.status, 400);
    assert.equal(r.body.error.field, 'id');
  });

  // The same refusals, worded by Accept-Language: Chinese unless the page asks for English.
  const inLanguage = async (path: string, body: unknown, language?: string) => {
    const res = await fetch(hub.url + path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${admin}`,
        ...(language ? { 'accept-language': language } : {}),
      },
      body: JSON.stringify(body),
    });
    return ((await res.json()) as ErrorBody).error;
  };

  test('refusals are in the language the request asks for, Chinese by default', async () => {
    const missing = { ...notice, title: undefined };
    assert.deepEqual(await inLanguage('/api/staff/notices', missing), {
      code: 'invalid',
      message: '标题：必填',
      field: 'title',
    });
    assert.equal(
      (await inLanguage('/api/staff/notices', missing, 'en-US,en;q=0.9')).message,
      'Title: Required',
    );
    const unknown = { ...notice, building: 'nowhere' };
    assert.equal(
      (await inLanguage('/api/staff/notices', unknown, 'zh-CN')).message,
      '找不到该楼宇',
    );
    assert.equal(
      (await inLanguage('/api/staff/notices', unknown, 'en')).message,
      'No such building',
    );
    const res = await fetch(`${hub.url}/api/no/such/route`);
    assert.deepEqual(await res.json(), { error: { code: 'not_found', message: '没有这个接口' } });
    const broken = await send(writes[0] as RouteInfo, '{"title": ');
    assert.equal(broken.body.error.message, '提交的内容无法读取');
  });

  test('every documented input field has a name in both languages', async () => {
    type Schema = { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[] };
    const doc = await hub.api<{
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content?: Record<string, { schema?: Schema }> };
            parameters?: { in: string; name: string }[];
          }
        >
      >;
    }>('GET', '/api/openapi.json');
    const names = new Set<string>();
    const walk = (s: Schema | undefined): void => {
      if (!s) return;
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        names.add(k);
        walk(v);
      }
      walk(s.items);
      s.anyOf?.forEach(walk);
    };
    for (const ops of Object.values(doc.body.paths)) {
      for (const op of Object.values(ops)) {
        walk(op.requestBody?.content?.['application/json']?.schema);
        for (const p of op.parameters ?? []) if (p.in === 'query') names.add(p.name);
      }
    }
    assert.ok(names.size > 50);
    const unnamed = [...names].filter((n) => !fieldLabel(n, 'zh-CN') || !fieldLabel(n, 'en'));
    assert.deepEqual(unnamed, []);
  });

  test('the hub is still healthy after all of the above', async () => {
    assert.equal((await hub.api('GET', '/healthz')).status, 200);
  });
});

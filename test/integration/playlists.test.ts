import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MqttClient } from 'mqtt';
import { contentPayload } from '#shared/payloads';
import type { Preview } from '#shared/schemas/playlists';
import { topics } from '#shared/topics';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { connectAs, hubCredential, nextMessage, subscribe } from '../helpers/mqtt.ts';

type Audit = { action: string; entity: string; entityId: string };
type ErrorBody = { error: { code: string; field?: string } };

// Staff schedule what the screens play: playlists, rules, the default; every write is
// audited and goes out on the retained `playlists` topic; the preview runs the resolver.
describe('playlists and schedule rules', () => {
  let hub: TestHub;
  let admin: string;
  let watcher: MqttClient;
  const topic = topics.content('demo', 'playlists');

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
    watcher = await connectAs(`mqtt://127.0.0.1:${hub.mqttPort}`, hubCredential(hub));
    await subscribe(watcher, topic);
  });
  after(async () => {
    await watcher.endAsync();
    await hub.stop();
  });

  const call = <T>(method: string, path: string, body?: unknown) =>
    hub.api<T>(method, path, body, admin);
  const audits = async (entity: string) =>
    (await call<Audit[]>('GET', `/api/staff/audit?entity=${entity}&limit=50`)).body;
  const published = (accept: (data: ReturnType<typeof parse>) => boolean) =>
    nextMessage(watcher, topic, (m) => accept(parse(m.payload)));
  const parse = (payload: Buffer) => contentPayload.playlists.parse(JSON.parse(payload.toString()));

  test('create, default, edit and delete, each audited and published', async () => {
    const auditsBefore = (await audits('playlist')).length;
    const out = published((p) => p.data.playlists.some((x) => x.name === '大堂'));
    const lobby = await call<{ id: number }>('POST', '/api/staff/playlists', {
      building: 'demo',
      name: '大堂',
      isDefault: true,
      slides: [{ id: 'n', kind: 'notices', duration: 20 }],
    });
    assert.equal(lobby.status, 201);
    const first = parse((await out).payload);
    assert.equal(first.data.defaultPlaylistId, lobby.body.id);

    const second = await call<{ id: number }>('POST', '/api/staff/playlists', {
      building: 'demo',
      name: '夜间',
      isDefault: true,
      slides: [{ id: 'f', kind: 'feedback', duration: 30 }],
    });
    const list = await call<{
      playlists: { id: number; isDefault: boolean }[];
      defaultPlaylistId: number;
    }>('GET', '/api/staff/buildings/demo/playlists');
    assert.equal(list.body.defaultPlaylistId, second.body.id);
    assert.deepEqual(
      list.body.playlists.filter((p) => p.isDefault).map((p) => p.id),
      [second.body.id],
    );

    const edited = published((p) =>
      p.data.playlists.some((x) => x.id === lobby.body.id && x.slides.length === 2),
    );
    const patch = await call('PATCH', `/api/staff/playlists/${lobby.body.id}`, {
      slides: [
        { id: 'n', kind: 'notices', duration: 20 },
        { id: 'c', kind: 'contacts', duration: 20 },
      ],
    });
    assert.equal(patch.status, 200);
    const after = parse((await edited).payload);
    assert.ok(after.rev > first.rev);
    const kept = await call<{ name: string }>('GET', `/api/staff/playlists/${lobby.body.id}`);
    assert.equal(kept.body.name, '大堂');

    assert.equal((await call('DELETE', `/api/staff/playlists/${second.body.id}`)).status, 200);
    const rows = await audits('playlist');
    assert.equal(rows.length - auditsBefore, 4);
    assert.deepEqual(
      rows.slice(0, 4).map((r) => r.action),
      ['delete', 'update', 'create', 'create'],
    );
  });

  test('rules: validated, audited, and a playlist in use cannot be deleted', async () => {
    const p = await call<{ id: number }>('POST', '/api/staff/playlists', {
      building: 'demo',
      name: '午间',
      slides: [{ id: 'e', kind: 'events', duration: 15 }],
    });
    const rule = await call<{ id: number }>('POST', '/api/staff/schedule-rules', {
      building: 'demo',
      playlistId: p.body.id,
      weekdays: [1, 2, 3, 4, 5],
      from: '11:30',
      to: '13:30',
      priority: 10,
    });
    assert.equal(rule.status, 201);
    const bad = await call<ErrorBody>('PATCH', `/api/staff/schedule-rules/${rule.body.id}`, {
      dateFrom: '2026-12-10',
      dateTo: '2026-12-01',
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'dateTo');
    const inUse = await call<ErrorBody>('DELETE', `/api/staff/playlists/${p.body.id}`);
    assert.equal(inUse.status, 409);
    assert.equal(
      (await call('PATCH', `/api/staff/schedule-rules/${rule.body.id}`, { priority: 20 })).status,
      200,
    );
    const saved = await call<{ priority: number; weekdays: number[]; from: string }>(
      'GET',
      `/api/staff/schedule-rules/${rule.body.id}`,
    );
    assert.deepEqual(
      [saved.body.priority, saved.body.weekdays.length, saved.body.from],
      [20, 5, '11:30'],
    );
    assert.equal((await call('DELETE', `/api/staff/schedule-rules/${rule.body.id}`)).status, 200);
    assert.equal((await call('DELETE', `/api/staff/playlists/${p.body.id}`)).status, 200);
    assert.deepEqual(
      (await audits('schedule_rule')).slice(0, 3).map((r) => r.action),
      ['delete', 'update', 'create'],
    );
  });

  test('refused writes name the field', async () => {
    const cases: [string, unknown, string][] = [
      [
        '/api/staff/playlists',
        { building: 'demo', name: 'x', slides: [{ id: 'a', kind: 'notice', duration: 10 }] },
        'slides.0.noticeId',
      ],
      [
        '/api/staff/playlists',
        {
          building: 'demo',
          name: 'x',
          slides: [{ id: 'a', kind: 'notice', duration: 10, noticeId: 99999 }],
        },
        'slides.0.noticeId',
      ],
      [
        '/api/staff/playlists',
        {
          building: 'demo',
          name: 'x',
          slides: [
            { id: 'a', kind: 'feedback', duration: 10 },
            { id: 'a', kind: 'events', duration: 10 },
          ],
        },
        'slides',
      ],
      ['/api/staff/schedule-rules', { building: 'demo', playlistId: 99999 }, 'playlistId'],
      ['/api/staff/schedule-rules', { building: 'demo', playlistId: 1, from: '25:00' }, 'from'],
    ];
    for (const [path, body, field] of cases) {
      const res = await call<ErrorBody>('POST', path, body);
      assert.equal(res.status, 400, `${path} ${JSON.stringify(body)}`);
      assert.equal(res.body.error.field, field);
    }
  });

  test('the preview says what a placement shows at a moment, conflicts included', async () => {
    const mk = async (name: string) =>
      (
        await call<{ id: number }>('POST', '/api/staff/playlists', {
          building: 'demo',
          name,
          slides: [{ id: 'fb', kind: 'feedback', duration: 10 }],
        })
      ).body.id;
    const a = await mk('甲');
    const b = await mk('乙');
    const rule = (playlistId: number, groups: string[]) =>
      call<{ id: number }>('POST', '/api/staff/schedule-rules', {
        building: 'demo',
        playlistId,
        groups,
        from: '18:00',
        to: '20:00',
        priority: 50,
      });
    const ra = (await rule(a, [])).body.id;
    const rb = (await rule(b, ['lobby'])).body.id;
    // 19:00 in Shanghai.
    const at = encodeURIComponent('2026-11-23T11:00:00Z');
    const lobby = await call<Preview>(
      'GET',
      `/api/staff/buildings/demo/preview?group=lobby&floor=1&at=${at}`,
    );
    assert.equal(lobby.status, 200);
    assert.equal(lobby.body.playlistId, b);
    assert.deepEqual(lobby.body.conflicts, [{ priority: 50, ruleIds: [rb, ra] }]);
    const high = await call<Preview>(
      'GET',
      `/api/staff/buildings/demo/preview?group=high&floor=20&at=${at}`,
    );
    assert.equal(high.body.playlistId, a);
    assert.deepEqual(high.body.conflicts, []);
    assert.equal(high.body.timezone, 'Asia/Shanghai');
    const unknown = await call<ErrorBody>(
      'GET',
      '/api/staff/buildings/demo/preview?device=d-0000000000',
    );
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.field, 'device');
  });
});

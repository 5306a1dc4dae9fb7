import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MqttClient } from 'mqtt';
import {
  contentPayload,
  deviceConfig,
  type DeviceState,
  type PlayedReport,
} from '#shared/payloads';
import { topics } from '#shared/topics';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import {
  closed,
  connectAs,
  connectDevice,
  envelopeOf,
  hubCredential,
  nextMessage,
  pairDevice,
  subscribe,
  type PairedDevice,
} from '../helpers/mqtt.ts';

const state: DeviceState = {
  version: '1.2.0',
  revs: { notices: 3 },
  alertRev: null,
  screen: { width: 1920, height: 1080 },
  uptime: 60,
  lastError: null,
};

// What the embedded broker and the publisher do beyond the contract suite: coalescing,
// dropping bad reports, cutting off repeat offenders, moving devices, proof of play.
describe('the embedded broker and the publisher', () => {
  let hub: TestHub;
  let admin: string;
  const clients: MqttClient[] = [];

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
  });
  after(async () => {
    for (const c of clients) c.end(true);
    await hub.stop();
  });

  const connect = async (d: PairedDevice, announce = true) => {
    const c = await connectDevice(d, { announce });
    clients.push(c);
    return c;
  };
  const staff = async () => {
    const c = await connectAs(`mqtt://127.0.0.1:${hub.mqttPort}`, hubCredential(hub));
    clients.push(c);
    return c;
  };
  const metric = async (name: string, labels: string) => {
    const text = (await hub.api<string>('GET', '/metrics')).body;
    const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
    return line ? Number(line.split(' ').pop()) : 0;
  };
  const noticesTopic = topics.content('demo', 'notices');

  test('a burst of 100 edits makes fewer publishes, and the last state goes out', async () => {
    const c = await connect(await pairDevice(hub, { staff: admin }));
    let publishes = 0;
    c.on('message', (t, _p, packet) => {
      if (t === noticesTopic && !packet.retain) publishes += 1;
    });
    await subscribe(c, noticesTopic);
    const titles = Array.from({ length: 100 }, (_, i) => `Burst notice ${i}`);
    const complete = nextMessage(c, noticesTopic, (m) => {
      const data = contentPayload.notices.parse(JSON.parse(m.payload.toString())).data;
      return titles.every((t) => data.some((n) => n.title === t));
    });
    const before = await metric('lobby_mqtt_snapshots_published_total', 'topic="notices"');
    const results = await Promise.all(
      titles.map((title) =>
        hub.api(
          'POST',
          '/api/staff/notices',
          { building: 'demo', title, body: '', category: 'service', priority: 'normal' },
          admin,
        ),
      ),
    );
    assert.ok(results.every((r) => r.status === 201));
    await complete;
    assert.ok(publishes >= 1 && publishes < 100, `${publishes} publishes for 100 edits`);
    const counted =
      (await metric('lobby_mqtt_snapshots_published_total', 'topic="notices"')) - before;
    assert.equal(counted, publishes);
  });

  test('malformed and oversized reports are dropped, counted, and never passed on', async () => {
    const d = await pairDevice(hub, { staff: admin });
    const c = await connect(d);
    const watcher = await staff();
    const stateTopic = topics.device('demo', d.deviceId, 'state');
    const seen: string[] = [];
    watcher.on('message', (t, payload) => t === stateTopic && seen.push(payload.toString()));
    await subscribe(watcher, stateTopic);
    const malformed = await metric(
      'lobby_mqtt_dropped_payloads_total',
      'topic="state",reason="malformed"',
    );
    const oversized = await metric(
      'lobby_mqtt_dropped_payloads_total',
      'topic="state",reason="oversized"',
    );

    const good = nextMessage(watcher, stateTopic);
    await c.publishAsync(stateTopic, '{"version": "1.0", "revs": ', { qos: 1, retain: true });
    await c.publishAsync(stateTopic, JSON.stringify({ ...state, lastError: 'x'.repeat(20_000) }), {
      qos: 1,
      retain: true,
    });
    await c.publishAsync(stateTopic, JSON.stringify({ ...state, uptime: -1 }), {
      qos: 1,
      retain: true,
    });
    await c.publishAsync(stateTopic, JSON.stringify(state), { qos: 1, retain: true });
    await good;
    assert.deepEqual(seen, [JSON.stringify(state)]);
    assert.ok(c.connected);
    assert.equal(
      await metric('lobby_mqtt_dropped_payloads_total', 'topic="state",reason="malformed"'),
      malformed + 2,
    );
    assert.equal(
      await metric('lobby_mqtt_dropped_payloads_total', 'topic="state",reason="oversized"'),
      oversized + 1,
    );
    const detail = await hub.api<{ state: DeviceState }>(
      'GET',
      `/api/staff/devices/${d.deviceId}`,
      undefined,
      admin,
    );
    assert.deepEqual(detail.body.state, state);
    // A late subscriber finds the good report retained, not a bad one.
    const late = await staff();
    const retained = nextMessage(late, stateTopic);
    await subscribe(late, stateTopic);
    assert.equal((await retained).payload.toString(), JSON.stringify(state));
    assert.equal((await hub.api('GET', '/healthz')).status, 200);
  });

  test('proof of play sent twice counts once', async () => {
    const d = await pairDevice(hub, { staff: admin });
    const c = await connect(d);
    const plays: PlayedReport[] = [1, 2, 3].map((n) => ({
      id: `play-${d.deviceId}-${n}`,
      slide: `slide-${n}`,
      playlist: null,
      start: new Date(Date.now() - n * 10_000).toISOString(),
      duration: 10,
    }));
    const playedTopic = topics.device('demo', d.deviceId, 'played');
    await c.publishAsync(playedTopic, JSON.stringify(plays), { qos: 1 });
    await c.publishAsync(playedTopic, JSON.stringify(plays), { qos: 1 });
    await c.publishAsync(playedTopic, JSON.stringify(plays[0]), { qos: 1 });
    const detail = await hub.api<{ plays: number }>(
      'GET',
      `/api/staff/devices/${d.deviceId}`,
      undefined,
      admin,
    );
    assert.equal(detail.body.plays, 3);
  });

  test('a first publish outside the ACL is dropped; the next one ends the connection', async () => {
    const d = await pairDevice(hub, { staff: admin });
    const c = await connect(d);
    const refusals = await metric('lobby_mqtt_refusals_total', 'action="publish"');
    await c.publishAsync(topics.content('demo', 'alert'), 'fake alert', { qos: 1 });
    assert.ok(c.connected);
    const cut = closed(c);
    c.publish(topics.device('demo', 'd-0000000000', 'state'), JSON.stringify(state), { qos: 1 });
    await cut;
    assert.equal(await metric('lobby_mqtt_refusals_total', 'action="publish"'), refusals + 2);
    // Nothing it tried is retained.
    const watcher = await staff();
    const marker = nextMessage(watcher, noticesTopic);
    const seen: string[] = [];
    watcher.on('message', (t) => seen.push(t));
    await subscribe(watcher, topics.content('demo', 'alert'), noticesTopic);
    await marker;
    assert.ok(!seen.includes(topics.content('demo', 'alert')));
  });

  test("a device cannot take over another device's session with its client id", async () => {
    const a = await pairDevice(hub, { staff: admin });
    const b = await pairDevice(hub, { staff: admin });
    const cb = await connect(b);
    await assert.rejects(connectDevice(a, { clientId: b.deviceId }));
    assert.ok(cb.connected);
    const ok = await connectDevice(a, { clientId: 'screen-of-a' });
    clients.push(ok);
    assert.ok(ok.connected);
  });

  test('a device moved to another building is told, reconnects, and is granted only the new one', async () => {
    assert.equal(
      (await hub.api('POST', '/api/staff/buildings', { id: 'west', name: 'West wing' }, admin))
        .status,
      201,
    );
    const d = await pairDevice(hub, { staff: admin, floor: 3, bank: 'A' });
    const c = await connect(d);
    await subscribe(c, topics.deviceAnywhere(d.deviceId), topics.buildingContent('demo'));
    const cut = closed(c);
    const moved = await hub.api(
      'PATCH',
      `/api/staff/devices/${d.deviceId}`,
      { building: 'west' },
      admin,
    );
    assert.equal(moved.status, 200);
    await cut;

    const again = await connect(d, false);
    const configs: string[] = [];
    again.on('message', (t) => t.endsWith('/config') && configs.push(t));
    const config = nextMessage(again, topics.device('west', d.deviceId, 'config'));
    await subscribe(again, topics.deviceAnywhere(d.deviceId));
    const placed = deviceConfig.parse(JSON.parse((await config).payload.toString()));
    assert.equal(placed.data.building, 'west');
    assert.equal(placed.data.bank, null);
    assert.ok(placed.rev >= 2);
    assert.deepEqual(
      await subscribe(again, topics.buildingContent('west'), topics.buildingContent('demo')),
      [1, 128],
    );
    const moved2 = { ...d, building: 'west' };
    await again.publishAsync(topics.device('west', d.deviceId, 'availability'), 'online', {
      qos: 1,
      retain: true,
    });
    const detail = await hub.api<{ online: boolean; building: string }>(
      'GET',
      `/api/staff/devices/${moved2.deviceId}`,
      undefined,
      admin,
    );
    assert.deepEqual([detail.body.building, detail.body.online], ['west', true]);
    // The old building's retained config is gone: only the new one arrived.
    assert.deepEqual(configs, [topics.device('west', d.deviceId, 'config')]);
  });

  test('wildcard subscriptions find retained messages at every level', async () => {
    const a = await pairDevice(hub, { staff: admin });
    const b = await pairDevice(hub, { staff: admin });
    const watcher = await staff();
    const wanted = [a, b].map((d) => topics.device('demo', d.deviceId, 'config'));
    const arrivals = wanted.map((t) => nextMessage(watcher, t));
    const notices = nextMessage(watcher, noticesTopic);
    await subscribe(watcher, topics.allDeviceReports('config'), topics.buildingAll('demo'));
    await Promise.all([...arrivals, notices]);
    assert.ok(envelopeOf(await notices).rev >= 1);
  });
});

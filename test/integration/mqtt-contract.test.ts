import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { MqttClient } from 'mqtt';
import { contentPayload, deviceConfig, type DeviceState } from '#shared/payloads';
import { topics, type ContentTopic } from '#shared/topics';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import {
  closed,
  connectAs,
  connectDevice,
  envelopeOf,
  freePort,
  hubCredential,
  liveClient,
  nextLive,
  nextMessage,
  pairDevice,
  startMosquitto,
  subscribe,
  type ConnectOptions,
  type LiveSocket,
  type PairOptions,
  type PairedDevice,
  type Received,
} from '../helpers/mqtt.ts';

const run = promisify(execFile);

// One broker under test, with the hub that drives it.
interface Setup {
  hub: TestHub;
  port: number;
  // After the device table changed: the external broker re-reads its files.
  reload(): Promise<void>;
  stop(): Promise<void>;
}

interface Target {
  name: string;
  transports: ('tcp' | 'ws')[];
  // aedes refuses a forbidden subscription in its SUBACK; Mosquitto 2.0 grants it and
  // delivers nothing. Either way the device gets nothing.
  subackRefuses: boolean;
  start(): Promise<Setup>;
}

const targets: Target[] = [
  {
    name: 'the embedded broker',
    transports: ['tcp', 'ws'],
    subackRefuses: true,
    async start() {
      const hub = await startTestHub();
      return { hub, port: hub.mqttPort, reload: async () => {}, stop: () => hub.stop() };
    },
  },
  {
    // Debian's Mosquitto 2.0.11 ignores a WebSocket listener's bind address: TCP only.
    name: 'an external Mosquitto with the exported config',
    transports: ['tcp'],
    subackRefuses: false,
    async start() {
      const port = await freePort();
      const hub = await startTestHub({ mqttUrl: `mqtt://127.0.0.1:${port}` });
      const mosquitto = await startMosquitto(join(hub.dataDir, 'mosquitto', 'mosquitto.conf'));
      // The hub connects on its next retry and re-publishes every snapshot.
      const staff = await connectAs(`mqtt://127.0.0.1:${port}`, hubCredential(hub));
      const ready = nextMessage(staff, topics.content('demo', 'notices'));
      await subscribe(staff, topics.content('demo', 'notices'));
      await ready;
      await staff.endAsync();
      return {
        hub,
        port,
        reload: () => mosquitto.reload(),
        async stop() {
          await hub.stop();
          await mosquitto.stop();
        },
      };
    },
  },
];

const SNAPSHOT_TOPICS: ContentTopic[] = ['notices', 'events', 'contacts', 'playlists', 'board'];

const state = (alertRev: number | null = null): DeviceState => ({
  version: '1.0.0',
  revs: { notices: 1 },
  alertRev,
  screen: { width: 1080, height: 1920 },
  uptime: 12,
  lastError: null,
});

for (const target of targets) {
  describe(`MQTT contract over ${target.name}`, () => {
    let env: Setup;
    let hub: TestHub;
    let admin: string;
    let live: LiveSocket;
    let url: string;
    const clients: MqttClient[] = [];

    before(async () => {
      env = await target.start();
      hub = env.hub;
      url = `mqtt://127.0.0.1:${env.port}`;
      admin = await hub.login();
      live = await liveClient(hub, admin);
    });
    after(async () => {
      for (const c of clients) c.end(true);
      live.close();
      await env.stop();
    });

    const device = async (opts: PairOptions = {}) => {
      const d = await pairDevice(hub, { staff: admin, ...opts });
      await env.reload();
      return d;
    };
    const connect = async (d: PairedDevice, opts: ConnectOptions = {}) => {
      const c = await connectDevice(d, opts);
      clients.push(c);
      return c;
    };
    const staffClient = async () => {
      const c = await connectAs(url, hubCredential(hub));
      clients.push(c);
      return c;
    };
    const postNotice = async (title: string, building = 'demo') => {
      const res = await hub.api<{ id: number }>(
        'POST',
        '/api/staff/notices',
        {
          building,
          title,
          body: 'Details at the service station.',
          category: 'affairs',
          priority: 'normal',
        },
        admin,
      );
      assert.equal(res.status, 201);
      return res.body.id;
    };
    const has = (text: string) => (m: Received) => m.payload.includes(text);
    const noticesTopic = topics.content('demo', 'notices');

    test('a device that connects later gets every retained snapshot and its own config', async () => {
      const d = await device({ floor: 1, bank: 'A' });
      const c = await connect(d);
      const arrivals = SNAPSHOT_TOPICS.map((t) => nextMessage(c, topics.content('demo', t)));
      const config = nextMessage(c, topics.device('demo', d.deviceId, 'config'));
      const granted = await subscribe(
        c,
        topics.buildingContent('demo'),
        topics.deviceAnywhere(d.deviceId),
      );
      assert.deepEqual(granted, [1, 1]);
      const messages = await Promise.all(arrivals);
      messages.forEach((m, i) => {
        const topic = SNAPSHOT_TOPICS[i] as ContentTopic;
        assert.ok(m.retain, `${topic} is retained`);
        contentPayload[topic].parse(JSON.parse(m.payload.toString()));
      });
      const notices = contentPayload.notices.parse(JSON.parse(String(messages[0]?.payload)));
      const listed = await hub.api<{ id: number }[]>('GET', '/api/public/buildings/demo/notices');
      assert.deepEqual(
        notices.data.map((n) => n.id),
        listed.body.map((n) => n.id),
      );
      const placed = deviceConfig.parse(JSON.parse((await config).payload.toString())).data;
      assert.equal(placed.building, 'demo');
      assert.equal(placed.floor, 1);
      assert.equal(placed.bank, 'A');
      assert.equal(placed.group, 'lobby');
      assert.match(placed.feedbackUrl ?? '', /\/q\/[A-Za-z0-9_-]+$/);
    });

    test('a new notice reaches a subscribed device within a second, with a higher rev', async () => {
      for (const transport of target.transports) {
        const c = await connect(await device(), { transport });
        const retained = nextMessage(c, noticesTopic);
        await subscribe(c, topics.buildingContent('demo'));
        const before = envelopeOf(await retained).rev;
        const title = `Lift B closed for service (${transport})`;
        const arrival = nextMessage(c, noticesTopic, has(title));
        const sent = performance.now();
        await postNotice(title);
        const m = await arrival;
        assert.ok(m.at - sent < 1000, `${transport}: ${Math.round(m.at - sent)} ms`);
        assert.ok(!m.retain);
        assert.ok(envelopeOf(m).rev > before);
      }
    });

    test('rev grows with every snapshot and the last change always goes out', async () => {
      const c = await connect(await device());
      const revs: number[] = [];
      c.on('message', (t, payload, packet) => {
        if (t === noticesTopic && !packet.retain)
          revs.push(envelopeOf({ topic: t, payload, retain: false, at: 0 }).rev);
      });
      await subscribe(c, noticesTopic);
      const last = nextMessage(c, noticesTopic, has('burst 5'));
      for (let i = 1; i <= 5; i++) await postNotice(`burst ${i}`);
      const final = envelopeOf(await last);
      assert.ok(revs.length >= 1);
      revs.forEach((rev, i) => i > 0 && assert.ok(rev > (revs[i - 1] as number), `${revs}`));
      const titles = contentPayload.notices.shape.data.parse(final.data).map((n) => n.title);
      for (let i = 1; i <= 5; i++) assert.ok(titles.includes(`burst ${i}`));
    });

    test('anonymous clients, wrong tokens and strangers are refused', async () => {
      const d = await device();
      await assert.rejects(connectAs(url));
      await assert.rejects(connectAs(url, { username: d.deviceId, password: 'not-the-token' }));
      await assert.rejects(connectAs(url, { username: 'd-0000000000', password: d.token }));
      await assert.rejects(connectAs(url, { username: 'lobby-hub', password: d.token }));
      await assert.rejects(connectAs(url, { username: 'guest', password: 'guest' }));
    });

    test("a device gets nothing of another building's topics", async () => {
      const created = await hub.api(
        'POST',
        '/api/staff/buildings',
        { id: 'annex', name: 'Annex' },
        admin,
      );
      assert.equal(created.status, 201);
      await postNotice('Annex opening hours', 'annex');
      const c = await connect(await device());
      const seen: string[] = [];
      c.on('message', (t) => seen.push(t));
      const granted = await subscribe(
        c,
        topics.buildingContent('annex'),
        topics.content('annex', 'notices'),
        topics.buildingAll('annex'),
      );
      if (target.subackRefuses) assert.deepEqual(granted, [128, 128, 128]);
      await subscribe(c, noticesTopic);
      // A change in each building; the demo one arriving means the annex one had its chance.
      const marker = nextMessage(c, noticesTopic, has('after the annex'));
      await postNotice('Annex lift closed', 'annex');
      await postNotice('after the annex');
      await marker;
      assert.deepEqual(
        seen.filter((t) => t.includes('/annex/')),
        [],
      );
    });

    test('a device cannot publish content; what it sends there reaches nobody', async () => {
      const a = await connect(await device());
      const forged = JSON.stringify({ v: 1, rev: 999_999, at: new Date().toISOString(), data: [] });
      await a.publishAsync(noticesTopic, forged, { qos: 1, retain: true });
      const b = await connect(await device());
      const retained = nextMessage(b, noticesTopic);
      await subscribe(b, noticesTopic);
      const e = envelopeOf(await retained);
      assert.ok(e.rev < 999_999);
      assert.ok(contentPayload.notices.shape.data.parse(e.data).length > 0);
    });

    test('a device can neither read nor speak for another device', async () => {
      const a = await device();
      const b = await device();
      const ca = await connect(a);
      const seen: string[] = [];
      ca.on('message', (t) => seen.push(t));
      const granted = await subscribe(
        ca,
        topics.deviceAll('demo', b.deviceId),
        topics.deviceAnywhere(b.deviceId),
        topics.device('demo', b.deviceId, 'cmd'),
      );
      if (target.subackRefuses) assert.deepEqual(granted, [128, 128, 128]);
      await subscribe(ca, topics.deviceAnywhere(a.deviceId));

      const staff = await staffClient();
      const reports: string[] = [];
      staff.on('message', (t) => reports.push(t));
      await subscribe(staff, topics.allDeviceReports('state'));
      const ownState = topics.device('demo', a.deviceId, 'state');
      const marker = nextMessage(staff, ownState);
      await ca.publishAsync(topics.device('demo', b.deviceId, 'state'), JSON.stringify(state()), {
        qos: 1,
      });
      await ca.publishAsync(ownState, JSON.stringify(state()), { qos: 1 });
      await marker;
      assert.deepEqual(
        reports.filter((t) => t.includes(b.deviceId)),
        [],
      );

      const ownCmd = nextMessage(ca, topics.device('demo', a.deviceId, 'cmd'));
      for (const id of [b.deviceId, a.deviceId]) {
        const sent = await hub.api(
          'POST',
          `/api/staff/devices/${id}/commands`,
          { cmd: 'identify' },
          admin,
        );
        assert.equal(sent.status, 202);
      }
      assert.equal(JSON.parse((await ownCmd).payload.toString()).cmd, 'identify');
      assert.deepEqual(
        seen.filter((t) => t.includes(b.deviceId)),
        [],
      );
      const detail = await hub.api<{ state: unknown }>(
        'GET',
        `/api/staff/devices/${b.deviceId}`,
        undefined,
        admin,
      );
      assert.equal(detail.body.state, null);
    });

    test('a revoked device is cut off and refused', async () => {
      const d = await device();
      const c = await connect(d);
      const cut = closed(c);
      const revoked = await hub.api(
        'POST',
        `/api/staff/devices/${d.deviceId}/revoke`,
        undefined,
        admin,
      );
      assert.equal(revoked.status, 200);
      await env.reload();
      await cut;
      await assert.rejects(connectDevice(d));
    });

    test('a device killed without a goodbye is marked offline by its will', async () => {
      const d = await device();
      const online = nextLive(
        live,
        'device.presence',
        (p) => p.deviceId === d.deviceId && p.online,
      );
      const c = await connect(d);
      await online;
      const offline = nextLive(
        live,
        'device.presence',
        (p) => p.deviceId === d.deviceId && !p.online,
      );
      c.stream.destroy();
      await offline;
      const detail = await hub.api<{ online: boolean; presence: { online: boolean }[] }>(
        'GET',
        `/api/staff/devices/${d.deviceId}`,
        undefined,
        admin,
      );
      assert.equal(detail.body.online, false);
      assert.deepEqual(
        detail.body.presence.map((p) => p.online),
        [false, true],
      );
    });

    test('an alert is set and cleared on the alert topic, and its rev keeps growing', async () => {
      const alertTopic = topics.content('demo', 'alert');
      const c = await connect(await device());
      await subscribe(c, alertTopic);
      const raised = nextMessage(c, alertTopic, (m) => m.payload.length > 0);
      const body = { level: 'emergency', title: 'Fire drill', body: 'Leave by the stairs.' };
      assert.equal(
        (await hub.api('PUT', '/api/staff/buildings/demo/alert', body, admin)).status,
        200,
      );
      const first = contentPayload.alert.parse(JSON.parse((await raised).payload.toString()));
      assert.equal(first.data.level, 'emergency');
      const cleared = nextMessage(c, alertTopic, (m) => m.payload.length === 0);
      assert.equal(
        (await hub.api('DELETE', '/api/staff/buildings/demo/alert', undefined, admin)).status,
        200,
      );
      await cleared;
      assert.equal(
        (await hub.api('DELETE', '/api/staff/buildings/demo/alert', undefined, admin)).status,
        404,
      );
      const again = nextMessage(c, alertTopic, (m) => m.payload.length > 0);
      await hub.api('PUT', '/api/staff/buildings/demo/alert', { ...body, level: 'info' }, admin);
      assert.ok(envelopeOf(await again).rev > first.rev);
      await hub.api('DELETE', '/api/staff/buildings/demo/alert', undefined, admin);
    });

    test('mosquitto_sub and mosquitto_pub speak the contract', async () => {
      const cli = ['-h', '127.0.0.1', '-p', String(env.port), '-V', 'mqttv311'];
      const hubLogin = hubCredential(hub);
      const sub = await run('mosquitto_sub', [
        ...cli,
        ...['-u', hubLogin.username, '-P', hubLogin.password],
        ...['-t', noticesTopic, '-C', '1', '-W', '5'],
      ]);
      contentPayload.notices.parse(JSON.parse(sub.stdout));
      await assert.rejects(
        run('mosquitto_sub', [...cli, '-t', noticesTopic, '-C', '1', '-W', '5']),
      );

      // A screen acknowledges the alert it renders, through its state report.
      const d = await device();
      const body = { level: 'warning', title: 'Water off', body: 'Until 14:00.' };
      assert.equal(
        (await hub.api('PUT', '/api/staff/buildings/demo/alert', body, admin)).status,
        200,
      );
      const view = await hub.api<{ alert: { rev: number } }>(
        'GET',
        '/api/staff/buildings/demo/alert',
        undefined,
        admin,
      );
      const ack = nextLive(live, 'alert.ack', (p) => p.deviceId === d.deviceId);
      await run('mosquitto_pub', [
        ...cli,
        ...['-i', d.deviceId, '-u', d.deviceId, '-P', d.token, '-q', '1', '-r'],
        ...['-t', topics.device('demo', d.deviceId, 'state')],
        ...['-m', JSON.stringify(state(view.body.alert.rev))],
      ]);
      assert.equal((await ack).rev, view.body.alert.rev);
      const shown = await hub.api<{ shownBy: string[] }>(
        'GET',
        '/api/staff/buildings/demo/alert',
        undefined,
        admin,
      );
      assert.ok(shown.body.shownBy.includes(d.deviceId));
      await hub.api('DELETE', '/api/staff/buildings/demo/alert', undefined, admin);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { MqttClient } from 'mqtt';
import { pino } from 'pino';
import { contentPayload, deviceState, playedBatch } from '#shared/payloads';
import { topics } from '#shared/topics';
import { flushReports } from '../../hub/src/broker/reports.ts';
import { rowCount, startTestHub, type TestHub } from '../helpers/hub.ts';
import {
  BROKER_TARGETS,
  connectAs,
  connectDevice,
  hubCredential,
  nextLive,
  nextMessage,
  pairDevice,
  startRig,
  subscribe,
  type BrokerRig,
  type PairedDevice,
} from '../helpers/mqtt.ts';
import {
  REPORTS,
  garbage,
  schemaValid,
  valid,
  validPayload,
  type Report,
} from '../helpers/report-arbitraries.ts';

interface Sender {
  device: PairedDevice;
  client: MqttClient;
}

// Devices publish reports of every shape as real paired screens (TCP and /mqtt WebSocket):
// the hub takes exactly what the contract allows, writes nothing for the rest, passes only
// good reports on, logs no error, and keeps serving everyone else.
describe('property: MQTT reports of any shape', () => {
  let hub: TestHub;
  let admin: string;
  let watcher: MqttClient;
  let bystander: Sender;
  const senders: Sender[] = [];
  const clients: MqttClient[] = [];
  const logged: { level: number; msg: string }[] = [];
  // Every report that reached a subscriber: each must be one the contract allows.
  const passedOn: { topic: string; payload: Buffer }[] = [];

  const device = async (transport: 'tcp' | 'ws'): Promise<Sender> => {
    const d = await pairDevice(hub, { staff: admin });
    const client = await connectDevice(d, { transport });
    clients.push(client);
    return { device: d, client };
  };
  const senderAt = (i: number) => {
    const s = senders[i];
    assert.ok(s);
    return s;
  };
  const row = (s: Sender) => hub.ctx.store.devices.get(s.device.deviceId);
  const plays = (s: Sender) => hub.ctx.store.plays.count(s.device.deviceId);
  const publish = (s: Sender, name: Report, payload: Buffer, retain: boolean) =>
    s.client.publishAsync(topics.device('demo', s.device.deviceId, name), payload, {
      qos: 1,
      retain,
    });
  // Whatever the broker forwarded before this point has reached the watcher.
  const marker = topics.device('demo', 'fuzz-marker', 'cmd');
  const settle = async () => {
    const seen = nextMessage(watcher, marker, (m) => m.payload.toString() === 'marker');
    // QoS 0: mqtt.js' Nagle-delayed PUBACK made a QoS 1 round trip take 40 ms here.
    await watcher.publishAsync(marker, 'marker', { qos: 0 });
    await seen;
    flushReports(hub.ctx);
  };

  before(async () => {
    hub = await startTestHub({ logLevel: 'warn' });
    // The hub's log lines (a shared stream for every child logger), kept instead of printed.
    const stream: unknown = Reflect.get(hub.ctx.log, pino.symbols.streamSym);
    assert.ok(stream && typeof stream === 'object');
    Reflect.set(stream, 'write', (line: string) => {
      const parsed = JSON.parse(line) as { level: number; msg: string };
      logged.push({ level: parsed.level, msg: parsed.msg });
      return true;
    });
    admin = await hub.login();
    senders.push(await device('tcp'), await device('ws'));
    bystander = await device('ws');
    await subscribe(bystander.client, topics.buildingContent('demo'));
    watcher = await connectAs(`mqtt://127.0.0.1:${hub.mqttPort}`, hubCredential(hub));
    clients.push(watcher);
    // Live forwards only: what subscribing brings back retained was checked when it came in.
    watcher.on('message', (topic, payload, packet) => {
      if (!packet.retain && REPORTS.some((r) => topic.endsWith(`/${r}`))) {
        passedOn.push({ topic, payload });
      }
    });
    await subscribe(watcher, marker, ...REPORTS.map((r) => topics.allDeviceReports(r)));
    await settle();
  });
  after(async () => {
    for (const c of clients) c.end(true);
    await hub.stop();
  });

  test('garbage is dropped: nothing written, nothing passed on, the sender stays', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1 }),
        fc.constantFrom(...REPORTS).chain((name) =>
          fc.tuple(
            fc.constant(name),
            garbage(name).filter((p) => !valid(name, p)),
          ),
        ),
        fc.boolean(),
        async (which, [name, payload], retain) => {
          const sender = senderAt(which);
          runs++;
          await settle();
          const rowsBefore = rowCount(hub);
          const deviceBefore = row(sender);
          const passedBefore = passedOn.length;
          await publish(sender, name, payload, retain);
          await settle();
          assert.deepEqual(row(sender), deviceBefore);
          assert.equal(rowCount(hub), rowsBefore);
          assert.equal(passedOn.length, passedBefore, 'a dropped report reached a subscriber');
          assert.ok(sender.client.connected, 'a bad report must not cost the device its link');
        },
      ),
      { numRuns: 250 },
    );
    assert.equal(runs, 250);
  });

  // Publishes a stream of reports (pipelined, as a screen sends its backlog after an
  // outage) and checks the device ends as the contract says: the last valid presence and
  // state, every valid play counted once, exactly the valid reports passed on.
  const sendStream = async (sender: Sender, stream: [Report, Buffer][]) => {
    await settle();
    const start = row(sender);
    let online = start?.online;
    let state = start?.state ?? null;
    const known = new Set(
      hub.ctx.store.db
        .prepare<[string], { play_id: string }>('SELECT play_id FROM plays WHERE device_id = ?')
        .all(sender.device.deviceId)
        .map((p) => p.play_id),
    );
    const passedBefore = passedOn.length;
    await Promise.all(stream.map(([name, payload]) => publish(sender, name, payload, false)));
    const good = stream.filter(([name, payload]) => valid(name, payload));
    for (const [name, payload] of good) {
      const text = payload.toString('utf8');
      if (name === 'availability') online = text === 'online' ? 1 : 0;
      else if (name === 'state') state = JSON.stringify(deviceState.parse(JSON.parse(text)));
      else for (const p of [playedBatch.parse(JSON.parse(text))].flat()) known.add(p.id);
    }
    await settle();
    const end = row(sender);
    assert.equal(end?.online, online);
    assert.equal(end?.state ?? null, state);
    assert.equal(plays(sender), known.size);
    assert.deepEqual(
      passedOn.slice(passedBefore).map((m) => m.payload),
      good.map(([, payload]) => payload),
    );
    assert.ok(sender.client.connected);
    return good.length;
  };

  test('valid reports are taken: presence, state and plays are recorded and passed on', async () => {
    const report = fc
      .constantFrom(...REPORTS)
      .chain((name) => fc.tuple(fc.constant(name), validPayload(name)));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1 }),
        fc.array(report, { minLength: 1, maxLength: 4 }),
        async (which, stream) => {
          assert.equal(await sendStream(senderAt(which), stream), stream.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a mixed stream ends in the last valid state, with every valid play counted once', async () => {
    const report = fc
      .constantFrom(...REPORTS)
      .chain((name) => fc.tuple(fc.constant(name), fc.oneof(validPayload(name), garbage(name))));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1 }),
        fc.array(report, { maxLength: 25 }),
        async (which, stream) => {
          await sendStream(senderAt(which), stream);
        },
      ),
      { numRuns: 40 },
    );
  });

  test('afterwards the hub is healthy, logged no error, and other screens get their content', async () => {
    assert.equal((await hub.api('GET', '/healthz')).status, 200);
    const title = 'After the fuzzing';
    const got = nextMessage(bystander.client, topics.content('demo', 'notices'), (m) => {
      const parsed = contentPayload.notices.safeParse(JSON.parse(m.payload.toString()));
      return parsed.success && parsed.data.data.some((n) => n.title === title);
    });
    const created = await hub.api(
      'POST',
      '/api/staff/notices',
      { building: 'demo', title, body: '', category: 'service', priority: 'normal' },
      admin,
    );
    assert.equal(created.status, 201);
    await got;
    assert.ok(bystander.client.connected && senders.every((s) => s.client.connected));
    assert.deepEqual(
      logged.filter((l) => l.level >= 50),
      [],
    );
    for (const m of passedOn) {
      const name = REPORTS.find((r) => m.topic.endsWith(`/${r}`));
      assert.ok(name && valid(name, m.payload), `passed on: ${m.topic}`);
    }
  });
});

// With an external broker the hub cannot refuse a publish: Mosquitto passes every report
// on and the hub must ignore the bad ones as it reads them.
describe('property: MQTT reports of any shape, through an external Mosquitto', () => {
  let rig: BrokerRig | undefined;
  before(async () => {
    const target = BROKER_TARGETS.find((t) => !t.subackRefuses);
    assert.ok(target);
    rig = await startRig(target);
  });
  after(() => rig?.stop());

  test('the hub writes nothing for garbage and takes the valid reports', async () => {
    assert.ok(rig);
    const { hub, live } = rig;
    const d = await rig.device();
    // The hub has read everything before a presence change, which it announces live.
    const presence = (online: boolean) =>
      nextLive(live, 'device.presence', (p) => p.deviceId === d.deviceId && p.online === online);
    const up = presence(true);
    const client = await rig.connect(d);
    await up;
    const send = (name: Report, payload: Buffer) =>
      client.publishAsync(topics.device('demo', d.deviceId, name), payload, { qos: 1 });

    const bad = fc.sample(
      fc.constantFrom(...REPORTS).chain((name) =>
        fc.tuple(
          fc.constant(name),
          garbage(name).filter((p) => !valid(name, p)),
        ),
      ),
      { numRuns: 150, seed: 7 },
    );
    const rows = rowCount(hub);
    const before = hub.ctx.store.devices.get(d.deviceId);
    for (const [name, payload] of bad) await send(name, payload);
    const down = presence(false);
    await send('availability', Buffer.from('offline'));
    await down;
    const after = hub.ctx.store.devices.get(d.deviceId);
    assert.equal(rowCount(hub), rows + 1, 'only the presence change is written');
    assert.deepEqual([after?.state, after?.state_at], [before?.state, before?.state_at]);
    assert.equal(hub.ctx.store.plays.count(d.deviceId), 0);

    const good = fc.sample(
      fc
        .constantFrom<Report>('state', 'played')
        .chain((name) => fc.tuple(fc.constant(name), schemaValid(name))),
      { numRuns: 30, seed: 7 },
    );
    const ids = new Set<string>();
    let state: string | null = null;
    for (const [name, payload] of good) {
      await send(name, payload);
      const json: unknown = JSON.parse(payload.toString());
      if (name === 'state') state = JSON.stringify(deviceState.parse(json));
      else for (const p of [playedBatch.parse(json)].flat()) ids.add(p.id);
    }
    const back = presence(true);
    await send('availability', Buffer.from('online'));
    await back;
    assert.equal(hub.ctx.store.devices.get(d.deviceId)?.state ?? null, state);
    assert.equal(hub.ctx.store.plays.count(d.deviceId), ids.size);
    assert.equal((await hub.api('GET', '/healthz')).status, 200);
  });
});

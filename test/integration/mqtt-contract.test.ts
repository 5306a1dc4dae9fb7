import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { contentPayload, deviceConfig } from '#shared/payloads';
import { topics, type ContentTopic } from '#shared/topics';
import {
  BROKER_TARGETS,
  envelopeOf,
  hubCredential,
  nextLive,
  nextMessage,
  sampleState,
  startRig,
  subscribe,
  type BrokerRig,
  type Received,
} from '../helpers/mqtt.ts';

const run = promisify(execFile);
const SNAPSHOT_TOPICS: ContentTopic[] = ['notices', 'events', 'contacts', 'playlists', 'board'];
const noticesTopic = topics.content('demo', 'notices');
const has = (text: string) => (m: Received) => m.payload.includes(text);

// What reaches the screens, run over the embedded broker and over an external Mosquitto.
for (const target of BROKER_TARGETS) {
  describe(`MQTT contract, delivery, over ${target.name}`, () => {
    let rig: BrokerRig;
    before(async () => {
      rig = await startRig(target);
    });
    after(() => rig.stop());

    test('a device that connects later gets every retained snapshot and its own config', async () => {
      const d = await rig.device({ floor: 1, bank: 'A' });
      const c = await rig.connect(d);
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
      const listed = await rig.hub.api<{ id: number }[]>(
        'GET',
        '/api/public/buildings/demo/notices',
      );
      assert.deepEqual(
        notices.data.map((n) => n.id),
        listed.body.map((n) => n.id),
      );
      // Published at start, yet its links name the hub's address.
      const events = contentPayload.events.parse(JSON.parse(String(messages[1]?.payload)));
      assert.ok(events.data.length > 0);
      for (const e of events.data) assert.ok(e.registrationUrl.startsWith(`${rig.hub.url}/`));
      const placed = deviceConfig.parse(JSON.parse((await config).payload.toString())).data;
      assert.deepEqual(
        [placed.building, placed.floor, placed.bank, placed.group],
        ['demo', 1, 'A', 'lobby'],
      );
      assert.match(placed.feedbackUrl ?? '', /\/q\/[A-Za-z0-9_-]+$/);
    });

    test('a new notice reaches a subscribed device within a second, with a higher rev', async () => {
      for (const transport of target.transports) {
        const c = await rig.connect(await rig.device(), { transport });
        const retained = nextMessage(c, noticesTopic);
        await subscribe(c, topics.buildingContent('demo'));
        const before = envelopeOf(await retained).rev;
        const title = `Lift B closed for service (${transport})`;
        const arrival = nextMessage(c, noticesTopic, has(title));
        const sent = performance.now();
        await rig.notice(title);
        const m = await arrival;
        assert.ok(m.at - sent < 1000, `${transport}: ${Math.round(m.at - sent)} ms`);
        assert.ok(!m.retain);
        assert.ok(envelopeOf(m).rev > before);
      }
    });

    test('rev grows with every snapshot and the last change always goes out', async () => {
      const c = await rig.connect(await rig.device());
      const received: Received[] = [];
      c.on('message', (topic, payload, packet) => {
        if (topic === noticesTopic && !packet.retain)
          received.push({ topic, payload, retain: false, at: 0 });
      });
      await subscribe(c, noticesTopic);
      const last = nextMessage(c, noticesTopic, has('burst 5'));
      for (let i = 1; i <= 5; i++) await rig.notice(`burst ${i}`);
      const final = envelopeOf(await last);
      const revs = received.map((m) => envelopeOf(m).rev);
      assert.ok(revs.length >= 1);
      revs.forEach((rev, i) => i > 0 && assert.ok(rev > (revs[i - 1] as number), `${revs}`));
      const titles = contentPayload.notices.shape.data.parse(final.data).map((n) => n.title);
      for (let i = 1; i <= 5; i++) assert.ok(titles.includes(`burst ${i}`));
    });

    test('an alert is set and cleared on the alert topic, and its rev keeps growing', async () => {
      const alertTopic = topics.content('demo', 'alert');
      const c = await rig.connect(await rig.device());
      await subscribe(c, alertTopic);
      const alert = (body: unknown) =>
        rig.hub.api('PUT', '/api/staff/buildings/demo/alert', body, rig.admin);
      const clear = () =>
        rig.hub.api('DELETE', '/api/staff/buildings/demo/alert', undefined, rig.admin);
      const raised = nextMessage(c, alertTopic, (m) => m.payload.length > 0);
      const body = { level: 'emergency', title: 'Fire drill', body: 'Leave by the stairs.' };
      assert.equal((await alert(body)).status, 200);
      const first = contentPayload.alert.parse(JSON.parse((await raised).payload.toString()));
      assert.equal(first.data.level, 'emergency');
      const cleared = nextMessage(c, alertTopic, (m) => m.payload.length === 0);
      assert.equal((await clear()).status, 200);
      await cleared;
      assert.equal((await clear()).status, 404);
      const again = nextMessage(c, alertTopic, (m) => m.payload.length > 0);
      await alert({ ...body, level: 'info' });
      assert.ok(envelopeOf(await again).rev > first.rev);
      await clear();
    });

    test('mosquitto_sub and mosquitto_pub speak the contract', async () => {
      const cli = ['-h', '127.0.0.1', '-p', new URL(rig.url).port, '-V', 'mqttv311'];
      const login = hubCredential(rig.hub);
      const sub = await run('mosquitto_sub', [
        ...cli,
        ...['-u', login.username, '-P', login.password, '-t', noticesTopic, '-C', '1', '-W', '5'],
      ]);
      contentPayload.notices.parse(JSON.parse(sub.stdout));
      await assert.rejects(
        run('mosquitto_sub', [...cli, '-t', noticesTopic, '-C', '1', '-W', '5']),
      );

      // A screen acknowledges the alert it renders, through its state report.
      const d = await rig.device();
      const body = { level: 'warning', title: 'Water off', body: 'Until 14:00.' };
      // The alert's rev is taken when its snapshot goes out, which may be a coalescing
      // window after the answer to the PUT: wait for that publish, not the answer.
      const published = nextLive(
        rig.live,
        'content.published',
        (p) => p.topic === 'alert' && p.building === 'demo',
      );
      assert.equal(
        (await rig.hub.api('PUT', '/api/staff/buildings/demo/alert', body, rig.admin)).status,
        200,
      );
      const { rev } = await published;
      const view = () =>
        rig.hub.api<{ alert: { rev: number }; shownBy: string[] }>(
          'GET',
          '/api/staff/buildings/demo/alert',
          undefined,
          rig.admin,
        );
      assert.equal((await view()).body.alert.rev, rev);
      const ack = nextLive(rig.live, 'alert.ack', (p) => p.deviceId === d.deviceId);
      await run('mosquitto_pub', [
        ...cli,
        ...['-i', d.deviceId, '-u', d.deviceId, '-P', d.token, '-q', '1', '-r'],
        ...[
          '-t',
          topics.device('demo', d.deviceId, 'state'),
          '-m',
          JSON.stringify(sampleState(rev)),
        ],
      ]);
      assert.equal((await ack).rev, rev);
      assert.ok((await view()).body.shownBy.includes(d.deviceId));
      await rig.hub.api('DELETE', '/api/staff/buildings/demo/alert', undefined, rig.admin);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { contentPayload } from '#shared/payloads';
import { topics } from '#shared/topics';
import {
  BROKER_TARGETS,
  closed,
  connectAs,
  connectDevice,
  envelopeOf,
  nextLive,
  nextMessage,
  sampleState,
  startRig,
  subscribe,
  type BrokerRig,
} from '../helpers/mqtt.ts';

const noticesTopic = topics.content('demo', 'notices');

// Who gets in and what they get, run over the embedded broker and over an external Mosquitto.
for (const target of BROKER_TARGETS) {
  describe(`MQTT contract, access, over ${target.name}`, () => {
    let rig: BrokerRig;
    before(async () => {
      rig = await startRig(target);
    });
    after(() => rig.stop());

    test('anonymous clients, wrong tokens and strangers are refused', async () => {
      const d = await rig.device();
      await assert.rejects(connectAs(rig.url));
      await assert.rejects(connectAs(rig.url, { username: d.deviceId, password: 'not-the-token' }));
      await assert.rejects(connectAs(rig.url, { username: 'd-0000000000', password: d.token }));
      await assert.rejects(connectAs(rig.url, { username: 'lobby-hub', password: d.token }));
      await assert.rejects(connectAs(rig.url, { username: 'guest', password: 'guest' }));
    });

    test("a device gets nothing of another building's topics", async () => {
      const created = await rig.hub.api(
        'POST',
        '/api/staff/buildings',
        { id: 'annex', name: 'Annex' },
        rig.admin,
      );
      assert.equal(created.status, 201);
      await rig.notice('Annex opening hours', 'annex');
      const c = await rig.connect(await rig.device());
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
      const marker = nextMessage(c, noticesTopic, (m) => m.payload.includes('after the annex'));
      await rig.notice('Annex lift closed', 'annex');
      await rig.notice('after the annex');
      await marker;
      assert.deepEqual(
        seen.filter((t) => t.includes('/annex/')),
        [],
      );
    });

    test('a device cannot publish content; what it sends there reaches nobody', async () => {
      const a = await rig.connect(await rig.device());
      const forged = JSON.stringify({ v: 1, rev: 999_999, at: new Date().toISOString(), data: [] });
      await a.publishAsync(noticesTopic, forged, { qos: 1, retain: true });
      const b = await rig.connect(await rig.device());
      const retained = nextMessage(b, noticesTopic);
      await subscribe(b, noticesTopic);
      const e = envelopeOf(await retained);
      assert.ok(e.rev < 999_999);
      assert.ok(contentPayload.notices.shape.data.parse(e.data).length > 0);
    });

    test('a device can neither read nor speak for another device', async () => {
      const a = await rig.device();
      const b = await rig.device();
      const ca = await rig.connect(a);
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

      // Its reports go out in order: its own one arriving means the forged one had its chance.
      const staff = await rig.staff();
      const reports: string[] = [];
      staff.on('message', (t) => reports.push(t));
      await subscribe(staff, topics.allDeviceReports('state'));
      const ownState = topics.device('demo', a.deviceId, 'state');
      const marker = nextMessage(staff, ownState);
      const report = JSON.stringify(sampleState());
      await ca.publishAsync(topics.device('demo', b.deviceId, 'state'), report, { qos: 1 });
      await ca.publishAsync(ownState, report, { qos: 1 });
      await marker;
      assert.deepEqual(
        reports.filter((t) => t.includes(b.deviceId)),
        [],
      );

      const ownCmd = nextMessage(ca, topics.device('demo', a.deviceId, 'cmd'));
      for (const id of [b.deviceId, a.deviceId]) {
        const sent = await rig.hub.api(
          'POST',
          `/api/staff/devices/${id}/commands`,
          { cmd: 'identify' },
          rig.admin,
        );
        assert.equal(sent.status, 202);
      }
      assert.equal(JSON.parse((await ownCmd).payload.toString()).cmd, 'identify');
      assert.deepEqual(
        seen.filter((t) => t.includes(b.deviceId)),
        [],
      );
      const detail = await rig.hub.api<{ state: unknown }>(
        'GET',
        `/api/staff/devices/${b.deviceId}`,
        undefined,
        rig.admin,
      );
      assert.equal(detail.body.state, null);
    });

    test('a revoked device is cut off and refused', async () => {
      const d = await rig.device();
      const c = await rig.connect(d);
      const cut = closed(c);
      const revoked = await rig.hub.api(
        'POST',
        `/api/staff/devices/${d.deviceId}/revoke`,
        undefined,
        rig.admin,
      );
      assert.equal(revoked.status, 200);
      await rig.reload();
      await cut;
      await assert.rejects(connectDevice(d));
    });

    test('a device killed without a goodbye is marked offline by its will', async () => {
      const d = await rig.device();
      const online = nextLive(
        rig.live,
        'device.presence',
        (p) => p.deviceId === d.deviceId && p.online,
      );
      const c = await rig.connect(d);
      await online;
      const offline = nextLive(
        rig.live,
        'device.presence',
        (p) => p.deviceId === d.deviceId && !p.online,
      );
      c.stream.destroy();
      await offline;
      const detail = await rig.hub.api<{ online: boolean; presence: { online: boolean }[] }>(
        'GET',
        `/api/staff/devices/${d.deviceId}`,
        undefined,
        rig.admin,
      );
      assert.equal(detail.body.online, false);
      assert.deepEqual(
        detail.body.presence.map((p) => p.online),
        [false, true],
      );
    });
  });
}

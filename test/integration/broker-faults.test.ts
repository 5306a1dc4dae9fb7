import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { MqttClient } from 'mqtt';
import type { PlayedReport } from '#shared/payloads';
import { CONTENT_TOPICS, topics } from '#shared/topics';
import { recordedPlays, startExternalBroker } from '../helpers/faults.ts';
import { apiClient, startTestHub } from '../helpers/hub.ts';
import { spawnHub } from '../helpers/hub-process.ts';
import {
  BROKER_TARGETS,
  connectDevice,
  envelopeOf,
  nextMessage,
  pairDevice,
  startRig,
  subscribe,
  type PairedDevice,
} from '../helpers/mqtt.ts';

// The broker goes away under real mqtt.js clients: what a screen's proof of play and
// retained state go through. The browser app over the same faults: e2e/signage-faults.
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

let plays = 0;
const play = (slide = 'broker-faults'): PlayedReport => ({
  id: `${Date.now().toString(36)}-faults-${++plays}`,
  slide,
  playlist: null,
  start: new Date().toISOString(),
  duration: 5,
});

const report = (client: MqttClient, device: PairedDevice, batch: PlayedReport[]) =>
  client.publishAsync(
    topics.device(device.building, device.deviceId, 'played'),
    JSON.stringify(batch),
    { qos: 1 },
  );

// Waits on the hub's database, which has no event to await; false when it never came.
async function recordedWithin(
  dataDir: string,
  deviceId: string,
  ids: string[],
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const have = new Set(recordedPlays(dataDir, deviceId));
    if (ids.every((id) => have.has(id))) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Reports are written in batches (up to 25 ms later, hub/src/broker/reports.ts) and a
// screen drops an acknowledged play from its outbox: the embedded broker must hold the
// PUBACK until the batch is on disk, or a crash in between loses the play.
test('a play the embedded broker acknowledged is on disk though the hub dies right after', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lobby-broker-faults-'));
  const hub = await spawnHub(dataDir);
  cleanups.push(async () => {
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const device = await pairDevice(apiClient(hub.url));
  const client = await connectDevice(device);
  const acked = play();
  await report(client, device, [acked]);
  await hub.kill();
  client.end(true);
  assert.deepEqual(recordedPlays(dataDir, device.deviceId), [acked.id]);
});

// Screens retry after 0.5-1 s, the hub after 1 s: after a Mosquitto restart a screen is
// often back first. Its play must wait in the hub's session (persistent, and saved over
// the restart) instead of being acknowledged and dropped for want of a subscriber.
test('external Mosquitto restarted: a play sent before the hub is back still reaches it', async () => {
  const broker = await startExternalBroker();
  cleanups.push(() => broker.stop());
  const device = await pairDevice(broker.hub);
  await broker.mosquitto.reload();
  await broker.mosquitto.stop();
  await broker.start();
  const client = await connectDevice(device);
  const early = play();
  await report(client, device, [early]);
  await broker.hubBack();
  client.end(true);
  assert.ok(
    await recordedWithin(broker.hub.dataDir, device.deviceId, [early.id], 1500),
    'the play sent first',
  );
});

test('external Mosquitto: plays sent while the hub restarts reach it when it is back', async () => {
  const broker = await startExternalBroker();
  let hub = broker.hub;
  const dataDir = hub.dataDir;
  cleanups.push(async () => {
    await hub.close();
    await broker.mosquitto.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const device = await pairDevice(hub);
  await broker.mosquitto.reload();
  const client = await connectDevice(device, { url: broker.url });
  cleanups.push(async () => void client.end(true));
  // The hub goes (an upgrade, a crash); Mosquitto and the screen stay.
  await hub.close();
  const meanwhile = play();
  await report(client, device, [meanwhile]);
  hub = await startTestHub({ dataDir, mqttUrl: broker.url });
  assert.ok(
    await recordedWithin(dataDir, device.deviceId, [meanwhile.id], 1500),
    'the play sent while the hub was away',
  );
});

for (const target of BROKER_TARGETS) {
  test(`${target.name}: reports sent again after a dropped connection count once`, async () => {
    const rig = await startRig(target);
    cleanups.push(() => rig.stop());
    const device = await rig.device();
    const batch = [play(), play(), play()];
    const first = await rig.connect(device);
    await report(first, device, batch);
    first.end(true);
    // Its outbox did not hear the acknowledgement: the same three again, and a new one.
    const again = await rig.connect(device);
    await report(again, device, [...batch, play()]);
    const last = play();
    await report(again, device, [last]);
    assert.ok(await recordedWithin(rig.hub.dataDir, device.deviceId, [last.id], 5000));
    assert.equal(recordedPlays(rig.hub.dataDir, device.deviceId).length, 5);
  });
}

test('external Mosquitto restarted: a screen gets all its retained state again, same revs', async () => {
  const broker = await startExternalBroker();
  cleanups.push(() => broker.stop());
  const device = await pairDevice(broker.hub, { floor: 3, bank: 'A' });
  await broker.mosquitto.reload();
  const wanted = [
    ...CONTENT_TOPICS.filter((t) => t !== 'alert').map((t) => topics.content('demo', t)),
    topics.device('demo', device.deviceId, 'config'),
  ];
  const revs = async () => {
    const client = await connectDevice(device);
    const messages = wanted.map((t) => nextMessage(client, t, (m) => m.retain, 10_000));
    await subscribe(client, topics.buildingContent('demo'), topics.deviceAnywhere(device.deviceId));
    const got = await Promise.all(messages);
    await client.endAsync();
    return got.map((m) => envelopeOf(m).rev);
  };
  const before = await revs();
  await broker.mosquitto.stop();
  await broker.start();
  await broker.hubBack();
  assert.deepEqual(await revs(), before);
});

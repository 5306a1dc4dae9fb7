import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { topics } from '#shared/topics';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { connectDevice, nextMessage, pairDevice, subscribe } from '../helpers/mqtt.ts';

let hub: TestHub;
before(async () => {
  hub = await startTestHub();
});
after(() => hub.stop());

// The retained alert is removed by the all-clear, so a screen that was offline then gets
// nothing about it on reconnect; its state report gives it away, and the hub answers.
test('a screen still showing an alert after the all-clear is sent the clear again', async () => {
  const device = await pairDevice(hub, { floor: 1, bank: 'A' });
  const client = await connectDevice(device);
  try {
    const alertTopic = topics.content('demo', 'alert');
    await subscribe(client, alertTopic);
    const cleared = nextMessage(client, alertTopic, (m) => m.payload.length === 0);
    const state = {
      version: 'test',
      revs: {},
      alertRev: 7,
      screen: { width: 1920, height: 1080 },
      uptime: 5,
      lastError: null,
    };
    await client.publishAsync(
      topics.device('demo', device.deviceId, 'state'),
      JSON.stringify(state),
      {
        qos: 1,
        retain: true,
      },
    );
    const m = await cleared;
    assert.equal(m.payload.length, 0, 'an empty alert payload is the all-clear');
  } finally {
    await client.endAsync();
  }
});

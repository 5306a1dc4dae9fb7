import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { contentPayload, deviceConfig } from '#shared/payloads';
import { topics } from '#shared/topics';
import { startTestHub } from '../helpers/hub.ts';
import { closed, connectDevice, nextMessage, pairDevice, subscribe } from '../helpers/mqtt.ts';

test('a hub restart keeps every retained snapshot and its rev, and revs keep growing', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lobby-restart-'));
  const noticesTopic = topics.content('demo', 'notices');
  const notice = { building: 'demo', body: '', category: 'safety', priority: 'urgent' };
  try {
    const first = await startTestHub({ dataDir });
    const admin = await first.login();
    const d = await pairDevice(first, { staff: admin, floor: 2, bank: 'A' });
    await first.api(
      'POST',
      '/api/staff/notices',
      { ...notice, title: 'Before the restart' },
      admin,
    );
    await first.api(
      'PUT',
      '/api/staff/buildings/demo/alert',
      { level: 'warning', title: 'Drill', body: '' },
      admin,
    );
    const c = await connectDevice(d);
    const wanted = [
      noticesTopic,
      topics.content('demo', 'alert'),
      topics.device('demo', d.deviceId, 'config'),
    ];
    const before = wanted.map((t) =>
      nextMessage(c, t, (m) => !t.endsWith('notices') || m.payload.includes('Before the restart')),
    );
    await subscribe(c, topics.buildingContent('demo'), topics.deviceAnywhere(d.deviceId));
    const revsBefore = (await Promise.all(before)).map(
      (m) => JSON.parse(m.payload.toString()).rev as number,
    );
    const cut = closed(c);
    await first.close();
    await cut;

    const second = await startTestHub({ dataDir });
    try {
      // Nobody is connected to a broker that just started.
      const listed = second.ctx.store.devices.get(d.deviceId);
      assert.equal(listed?.online, 0);
      const again = await connectDevice(d, { url: `mqtt://127.0.0.1:${second.mqttPort}` });
      const after = wanted.map((t) => nextMessage(again, t));
      await subscribe(again, topics.buildingContent('demo'), topics.deviceAnywhere(d.deviceId));
      const messages = await Promise.all(after);
      assert.deepEqual(
        messages.map((m) => JSON.parse(m.payload.toString()).rev),
        revsBefore,
      );
      const notices = contentPayload.notices.parse(JSON.parse(String(messages[0]?.payload)));
      assert.ok(notices.data.some((n) => n.title === 'Before the restart'));
      assert.equal(
        contentPayload.alert.parse(JSON.parse(String(messages[1]?.payload))).data.title,
        'Drill',
      );
      assert.equal(deviceConfig.parse(JSON.parse(String(messages[2]?.payload))).data.floor, 2);

      const admin2 = await second.login();
      const fresh = nextMessage(again, noticesTopic, (m) =>
        m.payload.includes('After the restart'),
      );
      await second.api(
        'POST',
        '/api/staff/notices',
        { ...notice, title: 'After the restart' },
        admin2,
      );
      const rev = JSON.parse((await fresh).payload.toString()).rev as number;
      assert.ok(rev > (revsBefore[0] as number), `${rev} > ${revsBefore[0]}`);
      await again.endAsync();
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

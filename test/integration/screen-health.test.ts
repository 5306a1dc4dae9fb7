import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { MqttClient } from 'mqtt';
import type { ScreenHealthReport } from '#shared/schemas/screen-health';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { closed, connectDevice, pairDevice, type PairedDevice } from '../helpers/mqtt.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// Screens go online and offline over real MQTT (the offline from the will a dropped
// connection leaves); the hub's clock is moved to lay the history over days.
describe('screen health: uptime history and screens offline too long', () => {
  let dataDir: string;
  let hub: TestHub;
  let admin: string;
  let steady: PairedDevice;
  let flaky: PairedDevice;
  let silent: PairedDevice;
  const clients: MqttClient[] = [];
  const real = Date.now();
  const at = (ms: number) => (hub.ctx.now = () => new Date(real + ms));

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lobby-screen-health-'));
    hub = await startTestHub({ dataDir });
    admin = await hub.login();
    steady = await pairDevice(hub, { staff: admin, name: 'Steady' });
    flaky = await pairDevice(hub, { staff: admin, name: 'Flaky' });
    // Paired two days ago, never connected since.
    at(-2 * DAY);
    silent = await pairDevice(hub, { staff: admin, name: 'Silent' });
    at(0);
  });
  after(async () => {
    for (const c of clients) c.end(true);
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const health = async (days?: number) => {
    const r = await hub.api<ScreenHealthReport>(
      'GET',
      `/api/staff/buildings/demo/screen-health${days ? `?days=${days}` : ''}`,
      undefined,
      admin,
    );
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body;
  };
  const screen = (report: ScreenHealthReport, d: PairedDevice) => {
    const s = report.screens.find((x) => x.id === d.deviceId);
    assert.ok(s, `${d.deviceId} in the report`);
    return s;
  };
  const connect = async (d: PairedDevice) => {
    const c = await connectDevice(d);
    clients.push(c);
    return c;
  };
  // Waits until the hub has recorded a device's availability.
  const until = async (d: PairedDevice, online: boolean) => {
    const deadline = Date.now() + 10_000;
    while (hub.ctx.store.devices.get(d.deviceId)?.online !== (online ? 1 : 0)) {
      if (Date.now() > deadline) throw new Error(`${d.deviceId} never ${online}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  test('spans over 30 days from real reports; offline past the limit is flagged', async () => {
    // Ten days ago both come online; the flaky one drops nine days ago and is back a day later.
    at(-10 * DAY);
    await connect(steady);
    const flakyClient = await connect(flaky);
    await until(flaky, true);
    at(-9 * DAY);
    flakyClient.stream.destroy();
    await closed(flakyClient);
    await until(flaky, false);
    at(-8 * DAY);
    const back = await connect(flaky);
    await until(flaky, true);
    // Now it drops again, 45 minutes before "now".
    at(-45 * MINUTE);
    back.stream.destroy();
    await closed(back);
    await until(flaky, false);
    at(0);

    const report = await health();
    assert.equal(report.offlineAfterMinutes, 30);
    assert.equal(Date.parse(report.to) - Date.parse(report.from), 30 * DAY);

    const s = screen(report, steady);
    assert.equal(s.online, true);
    assert.equal(s.flagged, false);
    assert.equal(s.uptime, 1);
    assert.deepEqual(
      s.spans.map((x) => x.state),
      ['unknown', 'online'],
    );

    const f = screen(report, flaky);
    assert.equal(f.online, false);
    assert.equal(f.flagged, true, 'offline 45 minutes, past the 30-minute limit');
    assert.deepEqual(
      f.spans.map((x) => x.state),
      ['unknown', 'online', 'offline', 'online', 'offline'],
    );
    const offline = f.spans[2];
    assert.ok(offline);
    assert.equal(Date.parse(offline.to) - Date.parse(offline.from), DAY);
    assert.ok(f.uptime !== null && f.uptime > 0.88 && f.uptime < 0.9, `uptime ${f.uptime}`);

    const q = screen(report, silent);
    assert.equal(q.online, false);
    assert.equal(q.flagged, true, 'paired and never seen');
    assert.equal(q.uptime, null);
    assert.deepEqual(
      q.spans.map((x) => x.state),
      ['unknown'],
    );

    // The last day only: the flaky screen entered it online.
    const lastDay = screen(await health(1), flaky);
    assert.deepEqual(
      lastDay.spans.map((x) => x.state),
      ['online', 'offline'],
    );
  });

  test('the limit is set per building; a bad one is refused and changes nothing', async () => {
    const bad = await hub.api(
      'PUT',
      '/api/staff/buildings/demo/screen-health',
      { offlineAfterMinutes: 0 },
      admin,
    );
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /offlineAfterMinutes/);
    assert.equal((await health()).offlineAfterMinutes, 30);

    const ok = await hub.api(
      'PUT',
      '/api/staff/buildings/demo/screen-health',
      { offlineAfterMinutes: 60 },
      admin,
    );
    assert.equal(ok.status, 200);
    const report = await health();
    assert.equal(report.offlineAfterMinutes, 60);
    assert.equal(screen(report, flaky).flagged, false, '45 minutes is within an hour');

    const unknown = await hub.api(
      'GET',
      '/api/staff/buildings/nowhere/screen-health',
      undefined,
      admin,
    );
    assert.equal(unknown.status, 404);
    const days = await hub.api(
      'GET',
      '/api/staff/buildings/demo/screen-health?days=400',
      undefined,
      admin,
    );
    assert.equal(days.status, 400);
  });

  test('a hub restart ends the online spans of the screens its broker had', async () => {
    for (const c of clients) c.end(true);
    clients.length = 0;
    await until(steady, true);
    await hub.stop();
    hub = await startTestHub({ dataDir });
    admin = await hub.login();
    const s = screen(await health(), steady);
    assert.equal(s.online, false);
    assert.equal(s.spans.at(-1)?.state, 'offline');
  });
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { MqttClient } from 'mqtt';
import { deviceState } from '#shared/payloads';
import type { Preview } from '#shared/schemas/playlists';
import { topics } from '#shared/topics';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { connectAs, envelopeOf, hubCredential, nextMessage, subscribe } from '../helpers/mqtt.ts';
import { SignageScreen } from './pages/signage.ts';

// The schedule runs on the screen's own clock, in the building's time zone; an alert
// overrides it and the all-clear gives it back.
let hub: TestHub;
let browser: Browser;
let staff: string;
let watcher: MqttClient;

before(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
  staff = await hub.login();
  watcher = await connectAs(`mqtt://127.0.0.1:${hub.mqttPort}`, hubCredential(hub));
});
after(async () => {
  await watcher.endAsync();
  await browser.close();
  await hub.stop();
});

async function created(path: string, body: unknown): Promise<number> {
  const res = await hub.api<{ id: number }>('POST', path, body, staff);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

test('the lunch-hour playlist takes over at 11:30 on a weekday, on the screen and in the preview', async () => {
  const day = await created('/api/staff/playlists', {
    building: 'demo',
    name: '日间',
    isDefault: true,
    slides: [
      { id: 'day-notices', kind: 'notices', duration: 20 },
      { id: 'day-feedback', kind: 'feedback', duration: 20 },
    ],
  });
  const lunch = await created('/api/staff/playlists', {
    building: 'demo',
    name: '午间',
    slides: [
      { id: 'lunch-events', kind: 'events', duration: 20 },
      { id: 'lunch-board', kind: 'board', duration: 20 },
    ],
  });
  // Above anything the demo's own schedule may hold.
  await created('/api/staff/schedule-rules', {
    building: 'demo',
    playlistId: lunch,
    weekdays: [1, 2, 3, 4, 5],
    from: '11:30',
    to: '13:30',
    priority: 90,
  });

  // Paired on the real clock; then the screen restarts on Monday 23 November 2026, 11:29
  // in Shanghai (03:29 UTC), from the token and snapshots it keeps.
  const screen = await SignageScreen.open(browser, hub);
  const deviceId = await screen.pair(staff, { floor: 9, bank: 'A' });
  await screen.page.clock.install({ time: new Date('2026-11-23T03:29:00Z') });
  await screen.page.reload();
  const dayOn = screen.page.locator(`.layer.is-on[data-playlist="${day}"]`);
  await dayOn.waitFor();
  // Paused before the minute, once the rotation runs (its timers must exist to be advanced).
  await screen.page.clock.pauseAt(new Date('2026-11-23T03:29:50Z'));
  await dayOn.waitFor();

  await screen.page.clock.runFor(11_000);
  await screen.page.locator(`.layer.is-on[data-playlist="${lunch}"]`).waitFor();
  assert.equal(await screen.page.getByTestId('clock').textContent(), '11:30');

  const preview = (at: string) =>
    hub.api<Preview>(
      'GET',
      `/api/staff/buildings/demo/preview?device=${deviceId}&at=${encodeURIComponent(at)}`,
      undefined,
      staff,
    );
  const before1130 = await preview('2026-11-23T03:29:59Z');
  assert.equal(before1130.body.playlistId, day);
  const at1130 = await preview('2026-11-23T03:30:00Z');
  assert.equal(at1130.status, 200);
  assert.equal(at1130.body.playlistId, lunch);
  assert.equal(at1130.body.source, 'rule');
  assert.deepEqual(at1130.body.placement, { group: 'mid', floor: 9 });
  // Saturday lunch: the weekday rule does not apply.
  assert.equal((await preview('2026-11-28T04:00:00Z')).body.playlistId, day);

  // 13:30 hands the screen back to the day playlist.
  await screen.page.clock.runFor(2 * 3600_000);
  await screen.page.locator(`.layer.is-on[data-playlist="${day}"]`).waitFor();
  await screen.close();
});

test('an alert replaces everything within a second, survives a reload, and clears on the all-clear', async () => {
  const screen = await SignageScreen.open(browser, hub);
  const deviceId = await screen.pair(staff, { floor: 5, bank: 'A' });
  const stateTopic = topics.device('demo', deviceId, 'state');
  await subscribe(watcher, stateTopic, topics.content('demo', 'alert'));

  // Listening before the alert goes up: the screen answers within a second.
  const alertMsg = nextMessage(
    watcher,
    topics.content('demo', 'alert'),
    (m) => m.payload.length > 0,
  );
  const stateWith = (accept: (alertRev: number | null) => boolean) =>
    nextMessage(
      watcher,
      stateTopic,
      (m) => {
        const s = deviceState.safeParse(JSON.parse(m.payload.toString()));
        return s.success && accept(s.data.alertRev);
      },
      10_000,
    );
  const painted = stateWith((rev) => rev !== null);
  const raised = Date.now();
  const put = await hub.api(
    'PUT',
    '/api/staff/buildings/demo/alert',
    { level: 'emergency', title: '火警：请勿乘坐电梯', body: '请沿疏散指示从楼梯撤离。' },
    staff,
  );
  assert.equal(put.status, 200, JSON.stringify(put.body));
  await screen.alert().getByText('火警：请勿乘坐电梯').waitFor({ timeout: 1000 });
  console.log(`alert on screen ${Date.now() - raised} ms after the PUT`);
  assert.equal(await screen.page.locator('.stage').count(), 0);

  // The screen says which alert it painted: the rev of the alert snapshot.
  const alert = envelopeOf(await alertMsg);
  const state = deviceState.parse(JSON.parse((await painted).payload.toString()));
  assert.equal(state.alertRev, alert.rev);

  await screen.page.reload();
  await screen.alert().getByText('火警：请勿乘坐电梯').waitFor();

  const released = stateWith((rev) => rev === null);
  const cleared = await hub.api('DELETE', '/api/staff/buildings/demo/alert', undefined, staff);
  assert.equal(cleared.status, 200);
  await screen.alert().waitFor({ state: 'detached' });
  await screen.current().waitFor();
  await released;
  await screen.close();
});

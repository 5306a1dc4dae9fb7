import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { playedReport } from '#shared/payloads';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { playOnly, SignageScreen, withoutUrgentNotices } from './pages/signage.ts';

// The hub goes away and comes back on the same data and port: the screen keeps playing
// from what it holds, reloads from its service worker, and catches up on its own.
let browser: Browser;
let dataDir: string;
let hub: TestHub | null = null;

before(async () => {
  browser = await launchBrowser();
  dataDir = mkdtempSync(join(tmpdir(), 'lobby-signage-offline-'));
});
after(async () => {
  await hub?.stop();
  await browser.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function restart(port = 0): Promise<TestHub> {
  await hub?.stop();
  hub = await startTestHub({ dataDir, port });
  return hub;
}

// Waits on a condition of the hub's own database, which has no event to await.
async function until(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const playsOf = (h: TestHub, deviceId: string, ids: string[]) =>
  h.ctx.store.db
    .prepare<unknown[], { n: number }>(
      `SELECT COUNT(*) AS n FROM plays WHERE device_id = ? AND play_id IN (${ids.map(() => '?').join(',')})`,
    )
    .get(deviceId, ...ids)?.n ?? 0;

test('with the hub gone the screen keeps playing, reloads from its cache, and catches up', async () => {
  const first = await restart();
  const port = first.port;
  const staff = await first.login();
  await withoutUrgentNotices(first, staff);
  await playOnly(first, staff, 'demo', [
    { id: 'off-feedback', kind: 'feedback', duration: 3 },
    { id: 'off-notices', kind: 'notices', duration: 3 },
    { id: 'off-contacts', kind: 'contacts', duration: 3 },
  ]);
  const screen = await SignageScreen.open(browser, first);
  const deviceId = await screen.pair(staff, { floor: 18, bank: 'A' });
  await screen.waitForSlide('off-contacts');
  await screen.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await until('a first proof of play', () => first.ctx.store.plays.count(deviceId) > 0);

  await first.stop();
  hub = null;
  await screen.offlineMark().waitFor();
  // Still rotating with nobody to talk to.
  await screen.waitForSlide('off-feedback');
  await screen.waitForSlide('off-notices');

  // A reload with no hub: the app shell comes from the service worker, content from storage.
  await screen.page.reload();
  await screen.offlineMark().waitFor();
  await screen.waitForSlide('off-feedback');
  const outbox = await screen.page.evaluate(() => localStorage.getItem('lobby.signage.v1.outbox'));
  const pending = playedReport.array().parse(JSON.parse(outbox ?? '[]'));
  assert.ok(pending.length >= 2, `${pending.length} plays waiting`);
  const ids = pending.map((p) => p.id);

  // A hub again, same data and port; staff post while the screen is still backing off.
  const second = await restart(port);
  const posted = await second.api(
    'POST',
    '/api/staff/notices',
    {
      building: 'demo',
      title: '恢复供电后请重启工位电脑',
      body: '请知悉。',
      category: 'affairs',
      priority: 'urgent',
    },
    await second.login(),
  );
  assert.equal(posted.status, 201);
  await screen.current().getByText('恢复供电后请重启工位电脑').first().waitFor({ timeout: 30_000 });
  await screen.offlineMark().waitFor({ state: 'detached' });
  await until('the plays made offline', () => playsOf(second, deviceId, ids) === ids.length);

  // The same reports sent again (as after a crash between send and acknowledgement) count once.
  const before = second.ctx.store.plays.count(deviceId);
  await screen.page.evaluate((again) => {
    const key = 'lobby.signage.v1.outbox';
    const now = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown[];
    localStorage.setItem(key, JSON.stringify([...again, ...now]));
  }, pending);
  await screen.page.reload();
  await screen.offlineMark().waitFor({ state: 'detached' });
  await screen.page.waitForFunction(
    () =>
      (JSON.parse(localStorage.getItem('lobby.signage.v1.outbox') ?? '[]') as unknown[]).length ===
      0,
  );
  assert.equal(playsOf(second, deviceId, ids), ids.length);
  assert.ok(second.ctx.store.plays.count(deviceId) - before < ids.length);
  await screen.close();
});

test('an alert stays on screen through a reload with the hub gone, until the all-clear', async () => {
  const first = await restart();
  const port = first.port;
  const staff = await first.login();
  const screen = await SignageScreen.open(browser, first);
  await screen.pair(staff, { floor: 3, bank: 'A' });
  await screen.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const put = await first.api(
    'PUT',
    '/api/staff/buildings/demo/alert',
    { level: 'warning', title: '暴雨预警：地库暂停使用', body: '请将车辆移至地面。' },
    staff,
  );
  assert.equal(put.status, 200);
  await screen.alert().waitFor();

  await first.stop();
  hub = null;
  await screen.page.reload();
  await screen.alert().getByText('暴雨预警：地库暂停使用').waitFor();

  const second = await restart(port);
  const cleared = await second.api(
    'DELETE',
    '/api/staff/buildings/demo/alert',
    undefined,
    await second.login(),
  );
  assert.equal(cleared.status, 200);
  await screen.alert().waitFor({ state: 'detached', timeout: 30_000 });
  await screen.current().waitFor();
  await screen.close();
});

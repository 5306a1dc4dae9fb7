import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { freePort } from '../helpers/hub-process.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { KioskPage } from './pages/kiosk.ts';

// The kiosk on the shared device runtime: it starts from its stored snapshots and its
// service worker when the hub is down, comes back by itself, and finds the broker at the
// address it was opened through.
let browser: Browser;
let dataDir: string;
let hub: TestHub | null = null;

before(async () => {
  browser = await launchBrowser();
  dataDir = mkdtempSync(join(tmpdir(), 'lobby-kiosk-offline-'));
});
after(async () => {
  await hub?.stop();
  await browser.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function restart(overrides: { port?: number; host?: string } = {}): Promise<TestHub> {
  await hub?.stop();
  hub = await startTestHub({ dataDir, ...overrides });
  return hub;
}

async function pair(k: KioskPage, h: TestHub, staff: string): Promise<void> {
  const code = await k.page.getByTestId('pairing-code').getAttribute('aria-label');
  assert.match(code ?? '', /^[0-9]{6}$/);
  const claim = await h.api(
    'POST',
    '/api/staff/devices',
    { code, building: 'demo', kind: 'kiosk', floor: 1, group: 'lobby' },
    staff,
  );
  assert.equal(claim.status, 201, JSON.stringify(claim.body));
}

test('a paired kiosk reloaded with the hub stopped shows its home with content, and recovers by itself', async () => {
  const first = await restart();
  const port = first.port;
  const staff = await first.login();
  const k = await KioskPage.open(browser, `${first.url}/kiosk/`);
  await pair(k, first, staff);
  await k.tile('notices').getByText('大堂消防通道禁止堆放物品').waitFor();
  await k.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Every slice of the shipped Chinese font is kept, so any new text draws with no hub.
  const slices = readdirSync(join(import.meta.dirname, '../../kiosk/dist/assets')).filter((f) =>
    f.endsWith('.woff2'),
  ).length;
  assert.ok(slices > 0);
  await k.page.waitForFunction(
    async (n) => (await (await caches.open('kiosk-fonts')).keys()).length === n,
    slices,
    { polling: 250, timeout: 60_000 },
  );

  await first.stop();
  hub = null;
  await k.page.locator('.link-offline').waitFor();

  // A reload with no hub: the shell from the service worker, content from storage.
  await k.page.reload();
  await k.tile('notices').getByText('大堂消防通道禁止堆放物品').waitFor();
  await k.page.locator('.link-offline').waitFor();
  assert.equal(await k.page.getByTestId('pairing').count(), 0);

  // The hub comes back on the same port: the kiosk reconnects without anyone touching it.
  const second = await restart({ port });
  const again = await second.login();
  await k.page.locator('.link-offline').waitFor({ state: 'detached', timeout: 30_000 });
  const notice = await second.api(
    'POST',
    '/api/staff/notices',
    {
      building: 'demo',
      title: '恢复连接后的新通知',
      body: '服务器已恢复。',
      category: 'affairs',
      priority: 'urgent',
    },
    again,
  );
  assert.equal(notice.status, 201);
  await k.tile('notices').getByText('恢复连接后的新通知').waitFor();
  await k.close();
});

test('a hub on 0.0.0.0 without PUBLIC_URL: a kiosk opened through 127.0.0.2 reaches the broker', async () => {
  const port = await freePort();
  const h = await restart({ host: '0.0.0.0', port });
  const staff = await h.login();
  const k = await KioskPage.open(browser, `http://127.0.0.2:${port}/kiosk/`);
  await pair(k, h, staff);
  await k.tile('notices').getByText('大堂消防通道禁止堆放物品').waitFor();
  // Live over MQTT: a new notice arrives without a reload.
  const notice = await h.api(
    'POST',
    '/api/staff/notices',
    {
      building: 'demo',
      title: '经由本机地址送达',
      body: '。',
      category: 'affairs',
      priority: 'urgent',
    },
    staff,
  );
  assert.equal(notice.status, 201);
  await k.tile('notices').getByText('经由本机地址送达').waitFor();
  await k.close();
});

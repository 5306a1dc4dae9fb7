import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { MqttClient } from 'mqtt';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { connectDevice, pairDevice } from '../helpers/mqtt.ts';
import { ConsoleApp, addStaff } from './pages/console.ts';

// The console's live channel as staff live with it: a colleague's alert shows on an open
// dashboard without a reload, and after the hub restarts the console reconnects by itself
// and shows what changed meanwhile.
let dataDir: string;
let hub: TestHub;
let browser: Browser;
let app: ConsoleApp;
let screen: MqttClient | null = null;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lobby-live-'));
  hub = await startTestHub({ dataDir });
  browser = await launchBrowser();
  await addStaff(hub, 'handler');
  app = await ConsoleApp.open(browser, hub);
  await app.login();
  // Marks this document: a reload would lose it.
  await app.page.evaluate(() => ((window as { stillHere?: boolean }).stillHere = true));
});
after(async () => {
  await screen?.endAsync();
  await app.close();
  await browser.close();
  await hub.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const liveDot = () => app.page.locator('.live-dot');
const notReloaded = async () =>
  assert.equal(
    await app.page.evaluate(() => (window as { stillHere?: boolean }).stillHere),
    true,
    'the page was reloaded',
  );

test('an alert a colleague raises appears on the open dashboard', async () => {
  const card = app.page.getByTestId('dash-alert');
  await card.getByText('No alert is up.').waitFor();
  await liveDot().and(app.page.locator('.up')).waitFor();
  const colleague = await ConsoleApp.open(browser, hub);
  try {
    await colleague.login('handler');
    await colleague.page.getByRole('button', { name: 'Emergency alert' }).click();
    await colleague.page.getByRole('button', { name: 'Elevators stopped' }).click();
    const form = colleague.page.getByRole('form', { name: 'Raise the alert' });
    await form.getByRole('button', { name: 'Raise the alert' }).click();
    const dialog = colleague.page.getByRole('dialog', { name: 'Raise the alert' });
    await dialog.getByRole('button', { name: 'Raise the alert' }).click();
    await colleague.page.getByTestId('current-alert').waitFor();
  } finally {
    await colleague.close();
  }
  await card.getByRole('heading', { name: 'Elevators stopped' }).waitFor();
  await notReloaded();
});

test('after a hub restart the console reconnects without a reload and shows what changed', async () => {
  const { port } = new URL(hub.url);
  const devices = app.page.getByTestId('dash-devices');
  await devices.getByText('No paired devices yet.').waitFor();
  await hub.close();
  await liveDot().and(app.page.locator('.down')).waitFor();
  hub = await startTestHub({ dataDir, port: Number(port) });
  // Changed while the console may still be away: it must fetch again once it is back.
  const admin = await hub.login();
  const cleared = await hub.api('DELETE', '/api/staff/buildings/demo/alert', undefined, admin);
  assert.equal(cleared.status, 200);
  const device = await pairDevice(hub, { name: '大堂 B 梯', floor: 1, group: 'lobby' });
  await liveDot().and(app.page.locator('.up')).waitFor({ timeout: 30_000 });
  await app.page.getByTestId('dash-alert').getByText('No alert is up.').waitFor();
  // And events flow again on the new channel: a screen coming online is counted.
  screen = await connectDevice(device);
  await devices.getByText('1 online').waitFor();
  await app.shot('live-after-restart');
  await notReloaded();
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { MqttClient } from 'mqtt';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { connectDevice, pairDevice, type PairedDevice } from '../helpers/mqtt.ts';
import { ConsoleApp, STAFF_PASSWORD, addStaff } from './pages/console.ts';

// Staff open Screen health: a screen that is up shows a green bar, one paired a day ago that
// never came online is flagged, and raising the limit past its time clears the flag.
const DAY = 24 * 60 * 60_000;
let hub: TestHub;
let browser: Browser;
let up: PairedDevice;
let lost: PairedDevice;
let client: MqttClient;

before(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
  await addStaff(hub, 'editor');
  up = await pairDevice(hub, { name: '大堂 A 梯', floor: 1 });
  client = await connectDevice(up);
  const real = hub.ctx.now;
  hub.ctx.now = () => new Date(Date.now() - DAY);
  lost = await pairDevice(hub, { name: '二十层 B 梯', floor: 20 });
  hub.ctx.now = real;
});
after(async () => {
  await client.endAsync();
  await browser.close();
  await hub.stop();
});

test('uptime bars, the flagged screen, and the limit (English)', async () => {
  const app = await ConsoleApp.open(browser, hub);
  await app.login('editor');
  await app.go('Screen health');
  await app.page
    .getByTestId('health-flagged')
    .getByText('1 screens offline for more than 30 minutes')
    .waitFor();

  await app.shot('screen-health');
  const upRow = app.page.getByTestId(`health-${up.deviceId}`);
  await upRow.getByText('Online', { exact: true }).waitFor();
  assert.equal(await upRow.getByText('Offline too long').count(), 0);
  const bar = app.page.getByTestId(`timeline-${up.deviceId}`);
  assert.deepEqual(
    await bar.locator('.span').evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))),
    ['unknown', 'online'],
  );

  const lostRow = app.page.getByTestId(`health-${lost.deviceId}`);
  await lostRow.getByText('Offline too long').waitFor();
  await lostRow.getByText('Never online since pairing').waitFor();

  const form = app.page.getByRole('form', {
    name: 'Flag a screen offline for more than (minutes)',
  });
  await app.field('Flag a screen offline for more than (minutes)', form).fill('0');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByText('Please fix the marked fields first.').waitFor();
  assert.equal(
    (
      await hub.api<{ offlineAfterMinutes: number }>(
        'GET',
        '/api/staff/buildings/demo/screen-health',
        undefined,
        await hub.login(),
      )
    ).body.offlineAfterMinutes,
    30,
  );
  await app.field('Flag a screen offline for more than (minutes)', form).fill('2880');
  await form.getByRole('button', { name: 'Save' }).click();
  await app.page
    .getByTestId('health-flagged')
    .getByText('No screen has been offline too long')
    .waitFor();
  await app.close();
});

test('the page in Chinese', async () => {
  const app = await ConsoleApp.open(browser, hub, { locale: 'zh-CN' });
  await app.page.getByLabel('用户名').fill('editor');
  await app.page.getByLabel('密码').fill(STAFF_PASSWORD);
  await app.page.getByRole('button', { name: '登录' }).click();
  await app.sidebar.getByRole('link', { name: '屏幕健康' }).click();
  await app.page.getByTestId(`health-${lost.deviceId}`).getByText('配对后从未上线').waitFor();
  await app.shot('screen-health-zh');
  await app.close();
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { ConsoleApp } from './pages/console.ts';

// QR codes phones can open: while they hold an address of the hub's own machine the console
// says so on every page; with a reachable address the warning is gone and posters carry it.
let browser: Browser;
const hubs: TestHub[] = [];

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
  for (const hub of hubs) await hub.stop();
});

test('a hub whose links name 127.0.0.1 gets a warning banner on every console page', async () => {
  const hub = await startTestHub();
  hubs.push(hub);
  const app = await ConsoleApp.open(browser, hub, { locale: 'zh-CN' });
  try {
    await app.page.getByLabel('用户名').fill('admin');
    await app.page.getByLabel('密码').fill('test-admin-password');
    await app.page.getByRole('button', { name: '登录' }).click();
    const banner = app.page.getByTestId('loopback-banner');
    await banner.getByText('手机扫码打不开').waitFor();
    assert.match(await banner.innerText(), /http:\/\/127\.0\.0\.1:\d+/);
    await app.page.getByRole('link', { name: '点位与二维码' }).click();
    await banner.waitFor();
    await app.shot('loopback-banner');
  } finally {
    await app.close();
  }
});

test('with a reachable address there is no banner and posters carry that address', async () => {
  const hub = await startTestHub({ publicUrl: 'http://192.168.31.20:8080' });
  hubs.push(hub);
  const app = await ConsoleApp.open(browser, hub);
  try {
    await app.login();
    await app.go('Places & QR codes');
    await app.page
      .getByRole('row')
      .filter({ has: app.page.getByRole('cell', { name: '2F 梯厅', exact: true }) })
      .getByRole('link', { name: 'Print poster' })
      .click();
    const qr = app.page.getByTestId('poster').getByRole('img', { name: 'Feedback' });
    assert.match(
      (await qr.getAttribute('data-qr-text')) ?? '',
      /^http:\/\/192\.168\.31\.20:8080\/q\//,
    );
    assert.equal(await app.page.getByTestId('loopback-banner').count(), 0);
  } finally {
    await app.close();
  }
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { buildTallTower, noticeBody, person } from '../helpers/tall-tower.ts';
import { ConsoleApp } from './pages/console.ts';
import { playOnly, SignageScreen } from './pages/signage.ts';

// The tallest tower Lobby is sized for, built through the API: a screen high up shows its
// floor's captain and new notices, and the console refuses a notice that would not fit.
let hub: TestHub;
let browser: Browser;
let staff: string;
let b: string;

before(async () => {
  hub = await startTestHub({ demo: false });
  browser = await launchBrowser();
  staff = await hub.login();
  b = await buildTallTower(hub, staff);
});
after(async () => {
  await browser.close();
  await hub.stop();
});

test('a screen on floor 120 of 127 shows its captain and a newly posted notice', async () => {
  await playOnly(hub, staff, b, [
    { id: 'tall-contacts', kind: 'contacts', duration: 4 },
    { id: 'tall-notices', kind: 'notices', duration: 4 },
  ]);
  const screen = await SignageScreen.open(browser, hub);
  await screen.pair(staff, { building: b, floor: 120 });
  await screen.waitForSlide('tall-contacts', 30_000);
  await screen.page.getByTestId('captain').getByText(person(119)).waitFor();

  const posted = await hub.api(
    'POST',
    '/api/staff/notices',
    {
      building: b,
      title: '120 层今晚停水',
      body: '今晚 22:00 至次日 6:00 停水检修。',
      category: 'affairs',
      priority: 'urgent',
    },
    staff,
  );
  assert.equal(posted.status, 201);
  await screen.page.getByText('120 层今晚停水').first().waitFor({ timeout: 30_000 });
  await screen.context.close();
});

test('a notice that would overflow the screens is refused in the console form, saying what to do', async () => {
  // Long notices until the next one no longer fits.
  for (let i = 0; ; i++) {
    const r = await hub.api(
      'POST',
      '/api/staff/notices',
      {
        building: b,
        title: `长通知 ${i}`,
        body: noticeBody(i, 5000),
        category: 'affairs',
        priority: 'normal',
      },
      staff,
    );
    if (r.status === 409) break;
    assert.equal(r.status, 201);
    assert.ok(i < 40);
  }
  const app = await ConsoleApp.open(browser, hub);
  await app.page.evaluate((building) => {
    localStorage.setItem('lobby.console.prefs', JSON.stringify({ locale: 'en', building }));
  }, b);
  await app.page.reload();
  await app.login();
  await app.go('Notices');
  await app.page.getByRole('button', { name: 'New notice' }).click();
  const form = app.page.getByRole('form', { name: 'New notice' });
  await app.field('Title', form).fill('一条放不下的通知');
  await app.field('Text', form).fill(noticeBody(77, 5000));
  await form.getByRole('button', { name: 'Save' }).click();
  await form
    .locator('.field.has-error', { has: app.page.getByLabel('Text') })
    .getByText(/over their 192 KB .*shorten this notice or end an older one/)
    .waitFor();
  await app.go('Devices');
  await app.page.getByTestId('fill-notices').waitFor();
  await app.close();
});

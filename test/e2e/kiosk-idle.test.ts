import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { KioskPage } from './pages/kiosk.ts';
import { setup, type Setup } from './pages/phone-setup.ts';

// The kiosk as a visitor meets it in portrait: a countdown before it forgets them, a clean
// browser console (no missing favicon, no worker the page's CSP blocks), and a waiting-list
// receipt that does not send them to the door.
let s: Setup;
before(async () => {
  s = await setup();
});
after(async () => {
  await s.stop();
});

const consoleErrors = (page: Page) => {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.push(m.text());
  });
  page.on('pageerror', (e) => seen.push(e.message));
  return seen;
};

test('a visitor left idle sees "继续使用？" counting down; a tap keeps them, silence sends the kiosk home', async () => {
  const k = await KioskPage.open(s.browser, `${s.hub.url}/kiosk/?building=demo`, {
    size: 'portrait',
    clock: true,
  });
  await k.tile('notices').waitFor();
  await k.open('events');
  await k.page.getByTestId('seats').first().waitFor();
  const warning = k.page.getByTestId('idle-warning');
  await k.page.clock.runFor(45_000);
  assert.equal(await warning.count(), 0, 'no warning before the last ten seconds');
  await k.page.clock.runFor(6_000);
  await warning.getByRole('heading', { name: '继续使用？' }).waitFor();
  assert.match((await warning.textContent()) ?? '', /[0-9]+ 秒后返回首页/);
  await k.shot('kiosk-portrait-idle-warning');
  await k.page.getByTestId('idle-continue').tap();
  await warning.waitFor({ state: 'detached' });
  await k.page.getByTestId('seats').first().waitFor();

  await k.page.clock.runFor(61_000);
  await k.tile('events').waitFor();
  assert.equal(await warning.count(), 0);
  // At home nothing is counted down: there is nothing to forget.
  await k.page.clock.runFor(55_000);
  assert.equal(await warning.count(), 0);
  await k.context.close();
});

test('a paired kiosk logs no errors: a favicon, and no blocked worker', async () => {
  const k = await KioskPage.open(s.browser, 'about:blank', { size: 'portrait' });
  const errors = consoleErrors(k.page);
  await k.page.goto(`${s.hub.url}/kiosk/`);
  const code = await k.page.getByTestId('pairing-code').getAttribute('aria-label');
  const claim = await s.hub.api(
    'POST',
    '/api/staff/devices',
    { code, building: 'demo', kind: 'kiosk', floor: 1, group: 'lobby', name: 'Idle kiosk' },
    s.token,
  );
  assert.equal(claim.status, 201, JSON.stringify(claim.body));
  await k.tile('notices').getByText('大堂消防通道禁止堆放物品').waitFor();
  // The keepalive timer would start its worker once connected; give it a round trip.
  await k.page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  const icon = await k.page.locator('link[rel="icon"]').getAttribute('href');
  assert.match(icon ?? '', /^data:image\/svg\+xml/);
  assert.deepEqual(errors, []);
  await k.context.close();
});

test('a waiting-list registration on the kiosk is not told to show its QR at the door', async () => {
  const start = new Date(Date.now() + 5 * 86_400_000);
  const made = await s.hub.api<{ id: number }>(
    'POST',
    '/api/staff/events',
    {
      building: 'demo',
      title: '0 午间书法体验',
      kind: 'culture',
      place: '二楼多功能厅',
      start: start.toISOString(),
      end: new Date(start.getTime() + 3600_000).toISOString(),
      capacity: 1,
    },
    s.token,
  );
  assert.equal(made.status, 201);
  const id = made.body.id;
  await s.hub.api('POST', `/api/public/events/${id}/registrations`, {
    name: '先到者',
    phone: '13700009999',
  });
  const k = await KioskPage.open(s.browser, `${s.hub.url}/kiosk/?building=demo`, {
    size: 'portrait',
  });
  await k.open('events');
  await k.page.getByTestId(`event-${id}`).tap();
  await k.page.getByTestId('register-here').tap();
  await k.type('Wang Wu');
  await k.field('手机号');
  await k.type('13700001235');
  await k.page.getByTestId('key-done').tap();
  await k.page.getByRole('button', { name: '12F', exact: true }).tap();
  await k.page.getByRole('group', { name: '所在公司' }).getByRole('button').first().tap();
  await k.page.getByTestId('register-submit').tap();
  const done = k.page.getByTestId('registration-done');
  await done.getByText('已加入候补名单').waitFor();
  assert.doesNotMatch((await done.textContent()) ?? '', /入场时出示/);
  await done.getByText(/递补成功后页面会显示签到二维码/).waitFor();
  await k.shot('kiosk-portrait-waitlisted');
  await k.context.close();
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { JOB_NAMES } from '#shared/schemas/console';
import { ADMIN_PASSWORD, startTestHub, type TestHub } from '../helpers/hub.ts';
import { pairDevice } from '../helpers/mqtt.ts';
import { ConsoleApp } from './pages/console.ts';
import { KioskPage } from './pages/kiosk.ts';
import { PhoneFeedback, PhonePage } from './pages/phone.ts';
import { SignageScreen } from './pages/signage.ts';

// One language at a time: every page in Chinese shows Chinese only, its refusals included,
// even where the browser itself asks for English (a kiosk's Chromium on a system with no
// Chinese locale). Latin words on screen are the allow-list below, addresses and codes.
const ALLOWED = new Set([
  'English', // the language switch, in its own language
  'QR',
  // File formats and sizes, named as such in Chinese too.
  'CSV',
  'PNG',
  'JPEG',
  'WebP',
  'GIF',
  'KB',
  'MB',
  'ID',
  'vCard',
  'WeChat',
  'PUBLIC_URL',
  'admin', // a username, as typed at the login
]);

let hub: TestHub;
let browser: Browser;
let staff: string;

// Latin words a person reads on the page: text, options of every list, placeholders.
async function englishOn(page: Page): Promise<string[]> {
  const text = await page.evaluate(() =>
    [
      document.body.innerText,
      ...[...document.querySelectorAll('option')].map((o) => o.textContent ?? ''),
      ...[...document.querySelectorAll('[placeholder]')].map(
        (e) => e.getAttribute('placeholder') ?? '',
      ),
    ].join('\n'),
  );
  // Addresses and paths (/q/Abc…), codes, ids and file names (anything with a digit or an
  // underscore) are not words.
  const words = text
    .replace(/(https?|mqtt|wss?):\/\/\S+/g, ' ')
    .replace(/(^|\s)\/\S*/g, ' ')
    .replace(/[\w.-]*[\d_][\w.-]*/g, ' ')
    .match(/[A-Za-z][A-Za-z'’]+/g);
  return [...new Set((words ?? []).filter((w) => !ALLOWED.has(w)))];
}

async function assertChinese(page: Page, where: string) {
  assert.deepEqual(await englishOn(page), [], `${where}: English in the Chinese page`);
}

before(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
  staff = await hub.login();
  // Screens in the usual groups, plays to report, targeted content: every name on show.
  const device = await pairDevice(hub, { name: '大堂屏', floor: 1, group: 'lobby', staff });
  for (const [i, slide] of ['notices', 'builtin-events', 'urgent-1'].entries())
    hub.ctx.store.plays.record(
      device.deviceId,
      'demo',
      {
        id: `play-${i}-aaaaaaaa`,
        slide,
        playlist: null,
        start: new Date(Date.now() - i * 60_000).toISOString(),
        duration: 20,
      },
      new Date().toISOString(),
    );
  const notice = await hub.api(
    'POST',
    '/api/staff/notices',
    {
      building: 'demo',
      title: '高区电梯检修',
      body: '周六上午检修。',
      category: 'affairs',
      priority: 'normal',
      groups: ['high', 'mid'],
    },
    staff,
  );
  assert.equal(notice.status, 201, JSON.stringify(notice.body));
  // Every job has run, so the jobs page shows what each did (CI's hubs live long enough to).
  for (const job of JOB_NAMES) {
    const run = await hub.api('POST', `/api/staff/jobs/${job}/run`, {}, staff);
    assert.equal(run.status, 200, JSON.stringify(run.body));
  }
});
after(async () => {
  await browser.close();
  await hub.stop();
});

test('the console in Chinese: lists, forms, the audit log and reports', async () => {
  const app = await ConsoleApp.open(browser, hub, { locale: 'zh-CN' });
  try {
    await app.page.getByLabel('用户名').fill('admin');
    await app.page.getByLabel('密码').fill(ADMIN_PASSWORD);
    await app.page.getByRole('button', { name: '登录' }).click();
    await app.sidebar.waitFor();
    // Every page of the sidebar; some wait for a name that must be there.
    const shows: Record<string, string> = {
      通知公告: '高区电梯检修',
      设备: '大堂屏',
      审计日志: '配对',
      报表: '大堂屏',
    };
    const links = await app.sidebar.getByRole('link').allInnerTexts();
    assert.ok(links.length > 15, `sidebar: ${links.join(', ')}`);
    for (const link of links) {
      await app.sidebar.getByRole('link', { name: link, exact: true }).click();
      await app.page.getByRole('heading', { level: 1 }).first().waitFor();
      await app.page
        .locator('main')
        .getByText(shows[link] ?? /./)
        .first()
        .waitFor();
      await assertChinese(app.page, link);
    }
    await app.shot('zh-audit-reports');
    // A form with the groups to pick from, and a refusal from the hub.
    await app.sidebar.getByRole('link', { name: '通知公告', exact: true }).click();
    await app.page.getByRole('button', { name: '新建通知' }).click();
    await app.page.getByRole('button', { name: '保存' }).first().click();
    await app.page.getByRole('alert').first().waitFor();
    await assertChinese(app.page, 'notice form');
  } finally {
    await app.close();
  }
});

test('the kiosk in Chinese under an English browser: a refused registration', async () => {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    hasTouch: true,
    locale: 'en-US',
  });
  const page = await context.newPage();
  try {
    await page.goto(`${hub.url}/kiosk/?building=demo`);
    const k = { page } as unknown as KioskPage;
    for (const tile of ['notices', 'directory', 'events', 'feedback', 'service']) {
      await page.getByTestId(`tile-${tile}`).tap();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await assertChinese(page, `kiosk ${tile}`);
      await page.getByTestId('home').tap();
    }
    await page.getByTestId('tile-events').tap();
    const first = page.locator('[data-testid^="event-"]').first();
    const id = ((await first.getAttribute('data-testid')) ?? '').replace('event-', '');
    // The same phone is already in: the hub refuses, in the kiosk's language.
    const before = await hub.api('POST', `/api/public/events/${id}/registrations`, {
      name: '李娜',
      company: '华信科技',
      phone: '13700001234',
    });
    assert.equal(before.status, 201, JSON.stringify(before.body));
    await first.tap();
    await page.getByTestId('register-here').tap();
    await KioskPage.prototype.type.call(k, 'Li Na');
    await page.getByLabel('手机号').tap();
    await KioskPage.prototype.type.call(k, '13700001234');
    await page.getByTestId('key-done').tap();
    await page.getByRole('button', { name: '12F', exact: true }).tap();
    await page.getByRole('group', { name: '所在公司' }).getByRole('button').first().tap();
    await page.getByTestId('register-submit').tap();
    await page
      .getByText(/报名未成功/)
      .first()
      .waitFor();
    await page.screenshot({ path: 'test-results/kiosk/zh-register-refused.png' });
    await assertChinese(page, 'kiosk registration');
  } finally {
    await context.close();
  }
});

test('phone pages in Chinese: refusals of the event, ticket and follow pages', async () => {
  const events = await hub.api<{ id: number }[]>('GET', '/api/public/buildings/demo/events');
  const id = events.body[0]?.id;
  const p = await PhonePage.open(browser, `${hub.url}/e/${id}`);
  try {
    await p.page.getByRole('textbox', { name: /姓名/ }).fill('孙八');
    await p.page.getByRole('textbox', { name: /手机号/ }).fill('1');
    await p.page.getByRole('button', { name: /报名/ }).last().tap();
    await p.page.locator('#reg-phone-error').waitFor();
    await assertChinese(p.page, 'event page');
    const r = await hub.api<{ url: string; ticket: string; secret: string }>(
      'POST',
      `/api/public/events/${id}/registrations`,
      { name: '孙八', company: '华信科技', phone: '13700009999' },
    );
    assert.equal(r.status, 201, JSON.stringify(r.body));
    await hub.api('DELETE', `/api/public/registrations/${r.body.ticket}?secret=${r.body.secret}`);
    await p.goto(r.body.url);
    await p.page.getByText('已取消').first().waitFor();
    await assertChinese(p.page, 'cancelled ticket');
    // A place's QR: the feedback form, sent with nothing in it; its captain's card.
    const places = await hub.api<{ codes: { intent: string; code: string }[] }[]>(
      'GET',
      '/api/staff/buildings/demo/places',
      undefined,
      staff,
    );
    const codes = places.body[1]?.codes ?? [];
    for (const intent of ['feedback', 'contact']) {
      const code = codes.find((c) => c.intent === intent)?.code;
      assert.ok(code, `a ${intent} code`);
      await p.goto(`${hub.url}/q/${code}`);
      await p.page.getByRole('heading').first().waitFor();
      if (intent === 'feedback') {
        await new PhoneFeedback(p.page).submit().tap();
        await p.page.getByRole('alert').first().waitFor();
      }
      await assertChinese(p.page, `phone ${intent} page`);
    }
    await p.goto(`${hub.url}/f/00000000?s=wrong`);
    await p.page.getByRole('heading').first().waitFor();
    await assertChinese(p.page, 'follow page with a wrong link');
  } finally {
    await p.close();
  }
});

test('signage in Chinese: the identify overlay names the group', async () => {
  const s = await SignageScreen.open(browser, hub);
  try {
    await s.pair(staff, { floor: 1, group: 'lobby', name: 'A 梯屏' });
    const place = s.page.getByTestId('identify').locator('.identify-place');
    // A command is not retained: sent again until the screen, subscribed by then, shows it.
    for (let tries = 0; !(await place.isVisible()); tries++) {
      assert.ok(tries < 10, 'the screen never showed identify');
      const sent = await hub.api(
        'POST',
        `/api/staff/devices/${s.deviceId}/commands`,
        { cmd: 'identify' },
        staff,
      );
      assert.equal(sent.status, 202);
      await place.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    // Read at once: the overlay goes away by itself after a few seconds.
    const [text, english] = await Promise.all([place.innerText(), englishOn(s.page)]);
    assert.match(text, /大堂/);
    assert.deepEqual(english, [], 'identify overlay: English in the Chinese page');
  } finally {
    await s.close();
  }
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { ROOT } from '../helpers/docs.ts';
import { ADMIN_PASSWORD, startTestHub, type TestHub } from '../helpers/hub.ts';
import { ConsoleApp } from './pages/console.ts';

// Walks the staff handbook's daily work (docs/staff-handbook.md) in the Chinese console and
// takes the handbook's screenshots on the way, so its pictures show the console as it is.
const SHOTS = join(ROOT, 'docs/handbook');
let hub: TestHub;
let browser: Browser;
let app: ConsoleApp;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  hub = await startTestHub();
  await someFeedback();
  browser = await launchBrowser();
  app = await ConsoleApp.open(browser, hub, { locale: 'zh-CN' });
  await app.page.getByLabel('用户名').fill('admin');
  await app.page.getByLabel('密码').fill(ADMIN_PASSWORD);
  await app.page.getByRole('button', { name: '登录' }).click();
  await app.sidebar.waitFor();
});
after(async () => {
  await app.close();
  await browser.close();
  await hub.stop();
});

const shot = (name: string) =>
  app.page.screenshot({ path: join(SHOTS, `${name}.jpg`), type: 'jpeg', quality: 70 });

// What a morning brings: a few tickets from phones, one already on the committee's agenda.
async function someFeedback() {
  const admin = await hub.login();
  const texts = [
    '地下车库B2照明坏了两盏',
    '食堂午餐排队太久，希望增加窗口',
    '3号电梯经常停在12楼不动',
  ];
  const categories = ['parking', 'dining', 'elevator'];
  for (const [i, text] of texts.entries()) {
    const res = await hub.api<{ ticket: string }>('POST', '/api/public/feedback', {
      building: 'demo',
      category: categories[i],
      text,
    });
    if (i === 0) {
      await hub.api(
        'PATCH',
        `/api/staff/feedback/${res.body.ticket}`,
        { status: 'discussing' },
        admin,
      );
    }
  }
}

// Each step of the handbook: the sidebar entry staff click, and the picture it shows.
const STEPS: [link: string, picture: string][] = [
  ['概览', 'dashboard'],
  ['通知公告', 'notices'],
  ['周历', 'calendar'],
  ['诉求看板', 'feedback-board'],
  ['报表', 'reports'],
];

for (const [link, picture] of STEPS) {
  test(`handbook: ${link}`, async () => {
    await app.go(link);
    await app.page.waitForLoadState('networkidle');
    await shot(picture);
  });
}

test('handbook: the emergency alert, from the top bar', async () => {
  await app.page.getByRole('button', { name: '紧急通知' }).click();
  await app.page.getByRole('heading', { name: '紧急通知', level: 1 }).waitFor();
  await shot('alert');
});

test('handbook: checking people in at the door', async () => {
  const events = await hub.api<{ id: number }[]>('GET', '/api/public/buildings/demo/events');
  const first = events.body[0];
  if (!first) throw new Error('the demo building has no event');
  await app.page.goto(`${hub.url}/console/events/${first.id}/checkin`);
  await app.page.getByRole('heading', { level: 1 }).first().waitFor();
  await app.page.waitForLoadState('networkidle');
  await shot('checkin');
});

test('handbook: a ticket, worked through the loop', async () => {
  await app.go('诉求看板');
  await app.page.locator('a[href*="/feedback/"]').first().click();
  await app.page.getByRole('heading', { level: 1 }).first().waitFor();
  await app.page.waitForLoadState('networkidle');
  await shot('ticket');
});

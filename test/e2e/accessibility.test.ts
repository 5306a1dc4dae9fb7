import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD } from '../helpers/hub.ts';
import { ConsoleApp } from './pages/console.ts';
import { KioskPage } from './pages/kiosk.ts';
import { PhonePage } from './pages/phone.ts';
import { setup, type Setup } from './pages/phone-setup.ts';

// axe-core over every kiosk, phone and console page, in Chinese as people use them: no
// serious or critical violation. Each finding names the rule and the first elements.
let s: Setup;
before(async () => {
  s = await setup();
});
after(() => s.stop());

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

const found: Record<string, string[]> = {};
const check = async (name: string, page: Page) => {
  await page.getByRole('heading').first().waitFor();
  const v = await violations(page);
  if (v.length) found[name] = v;
  if (process.env.AXE_DEBUG) console.log(name, v);
};

test('kiosk pages', async () => {
  const kiosk = await KioskPage.open(s.browser, `${s.hub.url}/kiosk/?building=demo`, {
    size: 'portrait',
  });
  await kiosk.tile('notices').waitFor();
  await check('kiosk home', kiosk.page);
  for (const tile of ['notices', 'directory', 'events', 'feedback', 'service'] as const) {
    await kiosk.open(tile);
    await check(`kiosk ${tile}`, kiosk.page);
    await kiosk.home();
  }
  await kiosk.context.close();
});

test('phone pages', async () => {
  const events = await s.hub.api<{ id: number }[]>('GET', '/api/public/buildings/demo/events');
  const eventId = events.body[0]?.id;
  const reg = await s.hub.api<{ url: string }>(
    'POST',
    `/api/public/events/${eventId}/registrations`,
    {
      name: '张三',
      company: '测试公司',
      phone: '13800001111',
    },
  );
  const fb = await s.hub.api<{ url: string }>('POST', '/api/public/feedback', {
    building: 'demo',
    category: 'elevator',
    text: '电梯门关得太快',
  });
  const pages: [string, string][] = [
    ['phone place feedback', `${s.hub.url}/q/${s.code(1, 'feedback')}`],
    ['phone event', `${s.hub.url}/e/${eventId}`],
    ['phone ticket', reg.body.url],
    ['phone follow', fb.body.url],
  ];
  for (const [name, url] of pages) {
    const phone = await PhonePage.open(s.browser, url);
    await check(name, phone.page);
    await phone.close();
  }
});

test('console pages', async () => {
  const app = await ConsoleApp.open(s.browser, s.hub, { locale: 'zh-CN' });
  await check('console login', app.page);
  await app.page.getByLabel('用户名').fill('admin');
  await app.page.getByLabel('密码').fill(ADMIN_PASSWORD);
  await app.page.getByRole('button', { name: '登录' }).click();
  await app.sidebar.waitFor();
  const links = await app.sidebar.getByRole('link').allInnerTexts();
  for (const link of links) {
    await app.go(link);
    await check(`console ${link}`, app.page);
  }
  await app.close();
});

test('no serious or critical violations', () => {
  assert.deepEqual(found, {});
});

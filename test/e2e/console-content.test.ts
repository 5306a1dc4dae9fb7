import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import QRCode from 'qrcode';
import type { Notice } from '#shared/schemas/notices';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { ConsoleApp, addStaff } from './pages/console.ts';

// An editor writes notices in the console: windows in the building's time, targets,
// an uploaded image, a preview as a screen shows it, and errors next to their fields.
let hub: TestHub;
let browser: Browser;
let app: ConsoleApp;
// Friday 20 November 2026, 10:00 in Shanghai.
const NOW = new Date('2026-11-20T02:00:00Z');

before(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
  await addStaff(hub, 'editor');
  app = await ConsoleApp.open(browser, hub, { clock: NOW });
  await app.login('editor');
  await app.go('Notices');
});
after(async () => {
  await app.close();
  await browser.close();
  await hub.stop();
});

test('a form refuses what the API would, next to the field: empty title, window out of order', async () => {
  await app.page.getByRole('button', { name: 'New notice' }).click();
  const form = app.page.getByRole('form', { name: 'New notice' });
  await app.field('Shown from', form).fill('2026-11-24T08:00');
  await app.field('Shown until', form).fill('2026-11-23T18:00');
  await app.field('Floors', form).fill('3, five');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByText('Please fix the marked fields first.').waitFor();
  assert.equal(await app.field('Floors', form).getAttribute('aria-invalid'), 'true');
  await app.field('Floors', form).fill('');
  await form.getByRole('button', { name: 'Save' }).click();
  await form
    .locator('.field.has-error', { has: app.page.getByLabel('Title') })
    .getByText('Required')
    .waitFor();
  await form
    .locator('.field.has-error', { has: app.page.getByLabel('Shown until') })
    .getByText('must be after validFrom')
    .waitFor();
  await app.shot('notice-errors');
});

test('an editor publishes a notice with a validity window, targets and an image; the list shows it upcoming', async () => {
  const form = app.page.getByRole('form', { name: 'New notice' });
  await app.field('Title', form).fill('B 梯周二停运检修');
  await app.field('Text', form).fill('11 月 24 日 8:00–18:00，B 梯停运检修，请使用 A、C 梯。');
  await app.field('Category', form).selectOption('affairs');
  await app.field('Priority', form).selectOption('high');
  await app.field('Shown from', form).fill('2026-11-23T18:00');
  await app.field('Shown until', form).fill('2026-11-24T18:00');
  await app.field('Floors', form).fill('1, 10-12');
  await form.getByRole('checkbox', { name: 'lobby' }).check();
  const png = await QRCode.toBuffer('lift B', { width: 240 });
  await form
    .locator('input[type=file]')
    .setInputFiles({ name: 'lift.png', mimeType: 'image/png', buffer: png });
  await form.locator('img.thumb').waitFor();
  const preview = app.page.getByTestId('notice-preview');
  await preview.getByRole('heading', { name: 'B 梯周二停运检修' }).waitFor();
  assert.ok(await preview.locator('img').isVisible());
  await app.shot('notice-editor');
  await form.getByRole('button', { name: 'Save' }).click();

  const row = app.page.getByRole('row').filter({ hasText: 'B 梯周二停运检修' });
  await row.getByText('Upcoming').waitFor();
  await row.getByText('2026-11-23 18:00 – 2026-11-24 18:00').waitFor();
  await row.getByText('1, 10-12 · lobby').waitFor();
  await app.shot('notices-list');

  const admin = await hub.login();
  const list = await hub.api<Notice[]>(
    'GET',
    '/api/staff/buildings/demo/notices',
    undefined,
    admin,
  );
  const saved = list.body.find((n) => n.title === 'B 梯周二停运检修');
  assert.ok(saved);
  assert.equal(
    saved.validFrom,
    '2026-11-23T10:00:00.000Z',
    'the window is read in the building time zone',
  );
  assert.equal(saved.validTo, '2026-11-24T10:00:00.000Z');
  assert.deepEqual(saved.floors, [1, 10, 11, 12]);
  assert.deepEqual(saved.groups, ['lobby']);
  assert.match(saved.image ?? '', /^\/media\/[a-f0-9]{64}\.png$/);
});

test('editing shows the saved window in building time and keeps it', async () => {
  const row = app.page.getByRole('row').filter({ hasText: 'B 梯周二停运检修' });
  await row.getByRole('button', { name: 'Edit' }).click();
  const form = app.page.getByRole('form', { name: 'Edit notice' });
  assert.equal(await app.field('Shown from', form).inputValue(), '2026-11-23T18:00');
  await app.field('Priority', form).selectOption('urgent');
  await form.getByText('Urgent notices open every loop').waitFor();
  await form.getByRole('button', { name: 'Save' }).click();
  await row.getByText('Urgent').waitFor();
});

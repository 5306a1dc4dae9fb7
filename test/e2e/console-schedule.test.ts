import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { playlistsData } from '#shared/payloads';
import type { Notice } from '#shared/schemas/notices';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { ConsoleApp, addStaff } from './pages/console.ts';

// An editor schedules a lunch-hour playlist for the lobby screens, and the preview (the
// screens' own resolver, run in the console) shows it at 12:00 and not at 14:00.
let hub: TestHub;
let browser: Browser;
let app: ConsoleApp;
// Friday 20 November 2026, 09:00 in Shanghai.
const NOW = new Date('2026-11-20T01:00:00Z');
const URGENT = '电梯检修期间请走东侧楼梯';

// The demo's notices are dated from the real today; the pinned week gets its own urgent
// notice, and no demo notice may reach into it, whatever day the suite runs.
async function urgentNoticeForThePinnedWeek(): Promise<void> {
  const admin = await hub.login();
  const notices = (
    await hub.api<Notice[]>('GET', '/api/staff/buildings/demo/notices', undefined, admin)
  ).body;
  for (const n of notices.filter((x) => x.priority === 'urgent')) {
    await hub.api('DELETE', `/api/staff/notices/${n.id}`, undefined, admin);
  }
  const created = await hub.api(
    'POST',
    '/api/staff/notices',
    {
      building: 'demo',
      title: URGENT,
      body: '11月19日至22日东区电梯检修，请走东侧楼梯。',
      category: 'safety',
      priority: 'urgent',
      validFrom: '2026-11-19T00:00:00.000Z',
      validTo: '2026-11-22T16:00:00.000Z',
    },
    admin,
  );
  assert.equal(created.status, 201);
}

before(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
  await addStaff(hub, 'editor');
  await urgentNoticeForThePinnedWeek();
  app = await ConsoleApp.open(browser, hub, { clock: NOW });
  await app.login('editor');
});
after(async () => {
  await app.close();
  await browser.close();
  await hub.stop();
});

test('an editor builds the lunch playlist and drags its slides into order', async () => {
  await app.go('Playlists');
  await app.page.getByRole('button', { name: 'New playlist' }).click();
  const panel = app.page.getByRole('region', { name: 'New playlist' });
  await app.field('Name', panel).fill('大堂午餐');
  for (const kind of ['Notices', 'Events', 'Feedback QR']) {
    await panel.getByLabel('Add a slide').selectOption({ label: kind });
    await panel.getByRole('button', { name: 'Add a slide' }).click();
  }
  const slides = panel.getByTestId('slide');
  await slides.nth(2).waitFor();
  await slides.nth(2).locator('.grip').dragTo(slides.nth(0));
  await panel.getByRole('button', { name: 'Move down' }).nth(1).click();
  const order = await slides.locator('strong').allTextContents();
  assert.deepEqual(order, ['Feedback QR', 'Events', 'Notices']);
  await slides.nth(1).getByLabel('Seconds').fill('30');
  await panel.getByText('One loop: 60 s').waitFor();
  await app.shot('playlist-editor');
  await panel.getByRole('button', { name: 'Save' }).click();
  await app.page
    .getByRole('row')
    .filter({ hasText: '大堂午餐' })
    .getByText('Feedback QR → Events → Notices')
    .waitFor();
});

test('a rule for the lobby group on weekdays, 12:00 to 13:00; the page says how precedence works', async () => {
  await app.go('Schedule rules');
  await app.page.getByTestId('precedence').getByText('emergency alert > urgent notices').waitFor();
  await app.page.getByRole('button', { name: 'New rule' }).click();
  const panel = app.page.getByRole('region', { name: 'New rule' });
  await app.field('Playlist', panel).selectOption({ label: '大堂午餐' });
  await panel.getByRole('checkbox', { name: 'lobby' }).check();
  await app.field('From', panel).fill('12:00');
  await app.field('To', panel).fill('13:00');
  // Above the demo's building-wide lunch rule (priority 10), as a lobby override would be.
  await app.field('Priority (0–100)', panel).fill('20');
  await panel.getByRole('button', { name: 'Save' }).click();
  const row = app.page.getByRole('row').filter({ hasText: '大堂午餐' });
  await row.getByText('12:00–13:00').waitFor();
  await app.page.getByTestId('conflicts').getByText('No conflicts.').waitFor();

  const admin = await hub.login();
  const data = playlistsData.parse(
    (await hub.api('GET', '/api/staff/buildings/demo/playlists', undefined, admin)).body,
  );
  const rule = data.rules.find((r) => r.groups.includes('lobby'));
  assert.deepEqual(
    [rule?.groups, rule?.weekdays, rule?.from, rule?.to, rule?.priority],
    [['lobby'], [1, 2, 3, 4, 5], '12:00', '13:00', 20],
  );
});

test('the preview shows the lunch playlist at 12:00 and not at 14:00 on a lobby screen', async () => {
  await app.go('Screen preview');
  const form = app.page.getByRole('form', { name: 'What this screen shows at this time' });
  await app.field('Group', form).selectOption('lobby');
  await app.field('Moment', form).fill('2026-11-20T12:00');
  await form.getByRole('button', { name: 'Show' }).click();
  const result = app.page.getByTestId('preview-result');
  await result.getByText('2026-11-20 12:00').waitFor();
  assert.equal(
    await app.page.getByTestId('preview-playlist').textContent(),
    'Playlist: 大堂午餐 · Rule #2 (priority 20)',
  );
  // The week's urgent notice opens the loop as its own slide, ahead of the schedule.
  assert.deepEqual(await app.page.getByTestId('preview-slides').locator('li').allTextContents(), [
    `One notice · ${URGENT} (15s)`,
    'Feedback QR (15s)',
    'Events (30s)',
    'Notices (15s)',
  ]);
  assert.equal(await app.page.getByTestId('preview-layer').textContent(), 'Urgent notices');
  await app.shot('preview-1200');

  await app.field('Moment', form).fill('2026-11-20T14:00');
  await form.getByRole('button', { name: 'Show' }).click();
  await result.getByText('2026-11-20 14:00').waitFor();
  const text = (await app.page.getByTestId('preview-playlist').textContent()) ?? '';
  assert.ok(!text.includes('大堂午餐'), text);
  assert.equal(text, 'Playlist: 日常轮播', 'the demo building has a default playlist');

  // Saturday lunch is not a weekday.
  await app.field('Moment', form).fill('2026-11-21T12:00');
  await form.getByRole('button', { name: 'Show' }).click();
  await result.getByText('2026-11-21 12:00').waitFor();
  assert.ok(
    !((await app.page.getByTestId('preview-playlist').textContent()) ?? '').includes('大堂午餐'),
  );
});

test('the week calendar shows the lunch hour on weekdays for the lobby', async () => {
  await app.go('Week calendar');
  await app.page.getByText('Week of 2026-11-16').waitFor();
  const blocks = app.page.getByTestId('block').filter({ hasText: '大堂午餐' });
  assert.equal(await blocks.count(), 5);
  await app.shot('week-calendar');
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Download } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { pairDevice } from '../helpers/mqtt.ts';
import { ConsoleApp } from './pages/console.ts';
import { parseCsv } from './pages/console-csv.ts';

// Reports as tables, charts and CSV files that parse; the committee's agenda export; a
// poster for an elevator bank, as printed.
let hub: TestHub;
let browser: Browser;
let app: ConsoleApp;

const csvOf = async (d: Download) => parseCsv(readFileSync(await d.path(), 'utf8'));

before(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
  const admin = await hub.login();
  const device = await pairDevice(hub, { name: '2F 梯厅屏', floor: 2, group: 'low', staff: admin });
  const now = Date.now();
  for (let i = 0; i < 6; i++) {
    hub.ctx.store.plays.record(
      device.deviceId,
      'demo',
      {
        id: `play-${i}-aaaaaaaa`,
        slide: i % 2 ? 'events' : 'notices',
        playlist: null,
        start: new Date(now - i * 3600_000).toISOString(),
        duration: 20,
      },
      new Date().toISOString(),
    );
  }
  for (const [category, text] of [
    ['parking', '访客车位太少，希望增加临时车位'],
    ['dining', '食堂能否增加素食窗口，"少油少盐"'],
    ['dining', '=SUM(1) 餐厅排队太长'],
  ]) {
    const r = await hub.api('POST', '/api/public/feedback', {
      building: 'demo',
      category,
      text,
      place: 6,
    });
    assert.equal(r.status, 201);
  }
  app = await ConsoleApp.open(browser, hub, { downloads: true });
  await app.login();
  await app.go('Reports');
});
after(async () => {
  await app.close();
  await browser.close();
  await hub.stop();
});

test('proof of play: a chart, a table by slide and device, and a CSV with the same rows', async () => {
  const table = app.page.getByRole('table', { name: 'Proof of play' });
  await table.getByRole('row').filter({ hasText: '2F 梯厅屏' }).first().waitFor();
  assert.ok(await app.page.getByRole('img', { name: 'Plays per day' }).isVisible());
  const rows = (await table.getByRole('row').count()) - 1;
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByTestId('csv-link').click(),
  ]);
  assert.match(
    download.suggestedFilename(),
    /^plays-demo-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = await csvOf(download);
  assert.deepEqual(csv[0], ['Slide', 'Device', 'Device id', 'Plays', 'Seconds']);
  assert.equal(csv.length, rows + 1);
  assert.deepEqual(
    csv
      .slice(1)
      .map((r) => Number(r[3]))
      .reduce((a, b) => a + b, 0),
    6,
  );
  await app.shot('report-plays');
});

test('feedback and attendance export too; cells with commas, quotes and formulas survive', async () => {
  await app.page.getByRole('tab', { name: 'Feedback' }).click();
  const table = app.page.getByRole('table', { name: 'Feedback' });
  await table.getByRole('cell', { name: 'Dining' }).waitFor();
  const [fb] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByTestId('csv-link').click(),
  ]);
  const csv = await csvOf(fb);
  assert.equal(csv[0]?.length, 8);
  assert.equal(csv.find((r) => r[1] === 'Dining')?.[2], '2');
  await app.shot('report-feedback');

  await app.page.getByRole('tab', { name: 'Attendance' }).click();
  await app.page.getByRole('table', { name: 'Attendance' }).waitFor();
  const [att] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByTestId('csv-link').click(),
  ]);
  const rows = await csvOf(att);
  assert.equal(rows[0]?.[0], 'Event');
  assert.ok(rows.every((r) => r.length === rows[0]?.length));
});

test('the three lists export the agenda as CSV, formulas defused', async () => {
  await app.go('Three lists');
  const needs = app.page.getByTestId('needs');
  await needs.getByText('访客车位太少').waitFor();
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByRole('button', { name: 'Export the agenda (CSV)' }).click(),
  ]);
  const csv = await csvOf(download);
  assert.equal(csv.length, 4);
  assert.ok(csv.some((r) => r[4] === '食堂能否增加素食窗口，"少油少盐"'));
  assert.ok(csv.some((r) => r[4] === "'=SUM(1) 餐厅排队太长"));
  await app.shot('three-lists');
});

test('a poster for an elevator bank prints on one A4 page with its QR codes and the captain', async () => {
  await app.go('Places & QR codes');
  await app.page
    .getByRole('row')
    .filter({ has: app.page.getByRole('cell', { name: '2F 梯厅', exact: true }) })
    .getByRole('link', { name: 'Print poster' })
    .click();
  const poster = app.page.getByTestId('poster');
  await poster.getByRole('img', { name: 'Feedback' }).waitFor();
  await poster.getByRole('img', { name: 'Floor captain' }).waitFor();
  await poster.getByText(/^1[0-9]{10}$/).waitFor();
  await app.page.emulateMedia({ media: 'print' });
  assert.equal(
    await app.page.getByRole('button', { name: 'Print' }).isVisible(),
    false,
    'the controls do not print',
  );
  const box = await poster.boundingBox();
  assert.ok(box && Math.abs(box.width - (210 / 25.4) * 96) < 2, `A4 wide: ${box?.width}`);
  await app.shot('poster-print');
  await app.page.emulateMedia({ media: 'screen' });
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Attendance } from '#shared/schemas/events';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { ConsoleApp, addStaff } from './pages/console.ts';

// At the door of an event: a handler checks people in by typing their ticket, registers
// a walk-in, and watches the attendance count; an API refusal shows beside its field.
let hub: TestHub;
let browser: Browser;
let app: ConsoleApp;
let eventId = 0;
const tickets: string[] = [];

before(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
  await addStaff(hub, 'handler');
  const admin = await hub.login();
  const start = Date.now() + 2 * 3600_000;
  const e = await hub.api<{ id: number }>(
    'POST',
    '/api/staff/events',
    {
      building: 'demo',
      title: '急救知识讲座',
      kind: 'health',
      place: '二楼多功能厅',
      capacity: 30,
      start: new Date(start).toISOString(),
      end: new Date(start + 3600_000).toISOString(),
    },
    admin,
  );
  eventId = e.body.id;
  for (const [name, phone] of [
    ['张三', '13800000001'],
    ['李四', '13800000002'],
    ['王五', '13800000003'],
  ]) {
    const r = await hub.api<{ ticket: string }>(
      'POST',
      `/api/public/events/${eventId}/registrations`,
      { name, phone, company: '滨江科技' },
    );
    assert.equal(r.status, 201, JSON.stringify(r.body));
    tickets.push(r.body.ticket);
  }
  app = await ConsoleApp.open(browser, hub);
  await app.login('handler');
});
after(async () => {
  await app.close();
  await browser.close();
  await hub.stop();
});

test('a handler opens the door list from the events page', async () => {
  await app.go('Events');
  await app.page
    .getByRole('row')
    .filter({ hasText: '急救知识讲座' })
    .getByRole('link', { name: 'Check-in' })
    .click();
  await app.page.getByRole('heading', { name: 'Check-in: 急救知识讲座' }).waitFor();
  await app.page.getByTestId('attendance').getByText('0/3 here').waitFor();
});

test('typing a ticket checks its holder in; typing it again says when', async () => {
  const ticket = app.field('Ticket (8 digits)');
  await ticket.fill(tickets[0] ?? '');
  await app.page.getByRole('button', { name: 'Check in', exact: true }).click();
  await app.page.getByTestId('checkin-result').getByText('张三 is checked in').waitFor();
  await app.page.getByTestId('attendance').getByText('1/3 here').waitFor();
  assert.equal(await ticket.inputValue(), '', 'ready for the next one');
  await ticket.fill(tickets[0] ?? '');
  await ticket.press('Enter');
  await app.page
    .getByTestId('checkin-result')
    .getByText(/张三 was already checked in/)
    .waitFor();
  // A scanned ticket link works as well as the digits.
  await ticket.fill(`${hub.url}/t/${tickets[1]}?s=whatever`);
  await ticket.press('Enter');
  await app.page.getByTestId('checkin-result').getByText('李四 is checked in').waitFor();
  await ticket.fill('12');
  await ticket.press('Enter');
  await app.page.getByText('Not in the right format').waitFor();
  await ticket.fill('00000000');
  await ticket.press('Enter');
  await app.page
    .getByTestId('checkin-result')
    .getByText(/^00000000: /)
    .waitFor();
  const row = app.page.getByRole('row').filter({ hasText: tickets[0] ?? '' });
  assert.ok(await row.locator('.badge.ok').isVisible());
});

test('a walk-in is registered and checked in at once; the form checks the phone first', async () => {
  const form = app.page.getByRole('form', { name: 'Walk-in' });
  await app.field('Name', form).fill('赵六');
  await app.field('Phone', form).fill('12');
  await form.getByRole('button', { name: 'Register and check in' }).click();
  await form
    .locator('.field.has-error', { has: app.page.getByLabel('Phone', { exact: true }) })
    .waitFor();
  await app.field('Phone', form).fill('13800000004');
  await form.getByRole('button', { name: 'Register and check in' }).click();
  await app.page.getByTestId('checkin-result').getByText('赵六 is checked in').waitFor();
  await app.page.getByTestId('attendance').getByText('3/4 here, 1 walk-ins').waitFor();
  await app.shot('checkin');
  const counts = await hub.api<Attendance>(
    'GET',
    `/api/staff/events/${eventId}/attendance`,
    undefined,
    await hub.login(),
  );
  assert.deepEqual([counts.body.checkedIn, counts.body.walkIns, counts.body.confirmed], [3, 1, 4]);
});

test('the API refuses a capacity below the confirmed count, beside the capacity field', async () => {
  const admin = await ConsoleApp.open(browser, hub);
  try {
    await admin.login();
    await admin.go('Events');
    await admin.page
      .getByRole('row')
      .filter({ hasText: '急救知识讲座' })
      .getByRole('button', { name: 'Edit' })
      .click();
    const panel = admin.page.getByRole('region', { name: '急救知识讲座' });
    await admin.field('Capacity', panel).fill('2');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel
      .locator('.field.has-error', { has: admin.page.getByLabel('Capacity', { exact: true }) })
      .getByText('4 people are already confirmed')
      .waitFor();
    await admin.shot('event-capacity-refused');
  } finally {
    await admin.close();
  }
});

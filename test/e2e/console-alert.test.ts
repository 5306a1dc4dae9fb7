import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { MqttClient } from 'mqtt';
import type { Browser } from 'playwright-core';
import type { AlertView } from '#shared/schemas/alert';
import { topics } from '#shared/topics';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { connectDevice, pairDevice, type PairedDevice } from '../helpers/mqtt.ts';
import { ConsoleApp, addStaff } from './pages/console.ts';

// An emergency: a handler raises the building's alert from the console in two clicks
// with a confirmation, watches a screen report that it renders it, and clears it.
let hub: TestHub;
let browser: Browser;
let app: ConsoleApp;
let device: PairedDevice;
let client: MqttClient;

before(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
  await addStaff(hub, 'handler');
  device = await pairDevice(hub, { name: '大堂 A 梯', floor: 1, group: 'lobby' });
  client = await connectDevice(device);
  app = await ConsoleApp.open(browser, hub);
  await app.login('handler');
});
after(async () => {
  await client.endAsync();
  await app.close();
  await browser.close();
  await hub.stop();
});

test('the dashboard lists the paired screen as online', async () => {
  const card = app.page.getByTestId('dash-devices');
  await card.getByText('1 online').waitFor();
  await card.getByRole('cell', { name: '大堂 A 梯' }).waitFor();
});

test('raise: the top bar button, a template, raise, confirm', async () => {
  await app.page.getByRole('button', { name: 'Emergency alert' }).click();
  await app.page.getByRole('heading', { name: 'Emergency alert', level: 1 }).waitFor();
  await app.page.getByRole('button', { name: 'Elevators stopped' }).click();
  const form = app.page.getByRole('form', { name: 'Raise the alert' });
  assert.equal(await app.field('Title', form).inputValue(), 'Elevators stopped');
  await form.getByRole('button', { name: 'Raise the alert' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Raise the alert' });
  await dialog.getByText('Every screen will show this alert at once').waitFor();
  await app.shot('alert-confirm');
  await dialog.getByRole('button', { name: 'Raise the alert' }).click();
  const current = app.page.getByTestId('current-alert');
  await current.getByRole('heading', { name: 'Elevators stopped' }).waitFor();
  await app.page.getByTestId('alert-rendered').getByText('Showing on 0 of 1 screens').waitFor();
  const admin = await hub.login();
  const view = await hub.api<AlertView>('GET', '/api/staff/buildings/demo/alert', undefined, admin);
  assert.equal(view.body.alert?.title, 'Elevators stopped');
  assert.equal(view.body.alert?.level, 'warning');
});

test('a screen that renders the alert says so, and the console shows it without a reload', async () => {
  const admin = await hub.login();
  const view = await hub.api<AlertView>('GET', '/api/staff/buildings/demo/alert', undefined, admin);
  const state = {
    version: 'test',
    revs: { alert: view.body.alert?.rev ?? 0 },
    alertRev: view.body.alert?.rev ?? 0,
    screen: { width: 1920, height: 1080 },
    uptime: 60,
    lastError: null,
  };
  await client.publishAsync(
    topics.device('demo', device.deviceId, 'state'),
    JSON.stringify(state),
    { qos: 1, retain: true },
  );
  await app.page.getByTestId('alert-rendered').getByText('Showing on 1 of 1 screens').waitFor();
  await app.page.getByTestId('current-alert').getByText('Shows the alert').waitFor();
  await app.shot('alert-rendered');
});

test('clearing asks first, then the screens go back to their programme', async () => {
  await app.page.getByRole('button', { name: 'Clear the alert' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Clear the alert' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await app.page
    .getByTestId('current-alert')
    .getByRole('heading', { name: 'Elevators stopped' })
    .waitFor();
  await app.page.getByRole('button', { name: 'Clear the alert' }).click();
  await dialog.getByRole('button', { name: 'Clear the alert' }).click();
  await app.page.getByTestId('current-alert').getByText('No alert is up.').waitFor();
  const view = await hub.api<AlertView>(
    'GET',
    '/api/staff/buildings/demo/alert',
    undefined,
    await hub.login(),
  );
  assert.equal(view.body.alert, null);
});

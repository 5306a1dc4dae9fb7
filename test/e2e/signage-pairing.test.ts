import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { MqttClient } from 'mqtt';
import { deviceState } from '#shared/payloads';
import { topics } from '#shared/topics';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { connectAs, hubCredential, nextMessage, subscribe } from '../helpers/mqtt.ts';
import { playOnly, SignageScreen, withoutUrgentNotices } from './pages/signage.ts';

// Pairing through the screen and the staff API, then what a paired screen does live:
// new notices, its floor's captain, its feedback QR, and the console's commands.
let hub: TestHub;
let browser: Browser;
let staff: string;
let watcher: MqttClient;

before(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
  staff = await hub.login();
  await withoutUrgentNotices(hub, staff);
  watcher = await connectAs(`mqtt://127.0.0.1:${hub.mqttPort}`, hubCredential(hub));
});
after(async () => {
  await watcher.endAsync();
  await browser.close();
  await hub.stop();
});

test('an unpaired screen shows its code; once claimed it keeps its token and reports in', async () => {
  const screen = await SignageScreen.open(browser, hub);
  const code = await screen.pairingCode();
  assert.match(code, /^[0-9]{6}$/);
  const qr = await screen.page.locator('.pairing svg.qr').getAttribute('data-qr');
  assert.ok(qr?.endsWith(`pair=${code}`), qr ?? '');

  const availability = (id: string) => topics.device('demo', id, 'availability');
  const deviceId = await screen.pair(staff, { floor: 18, bank: 'A', name: '18F 电梯厅' });
  await screen.page.getByTestId('building-name').getByText('滨江中心大厦').waitFor();

  // Retained presence and state, as Home Assistant-style tools read them.
  await subscribe(watcher, availability(deviceId), topics.device('demo', deviceId, 'state'));
  const online = await nextMessage(watcher, availability(deviceId), (m) => m.retain);
  assert.equal(online.payload.toString(), 'online');
  const stateMsg = await nextMessage(watcher, topics.device('demo', deviceId, 'state'), (m) => {
    const s = deviceState.safeParse(JSON.parse(m.payload.toString()));
    return s.success && s.data.revs.playlists !== undefined && s.data.revs.config !== undefined;
  });
  const state = deviceState.parse(JSON.parse(stateMsg.payload.toString()));
  assert.deepEqual(state.screen, { width: 1920, height: 1080 });
  assert.match(state.version, /^\d+\.\d+\.\d+\+/);

  // The token is kept: a reload goes straight back to playing, with no code on screen.
  await screen.page.reload();
  await screen.page.getByTestId('building-name').getByText('滨江中心大厦').waitFor();
  assert.equal(await screen.page.getByTestId('pairing').count(), 0);
  await screen.close();
});

test('a notice posted by staff is on screen within two seconds', async () => {
  // A quiet building of its own, so the new notice is the one on the first page.
  const created = await hub.api(
    'POST',
    '/api/staff/buildings',
    { id: 'annex', name: '滨江中心副楼', timezone: 'Asia/Shanghai' },
    staff,
  );
  assert.equal(created.status, 201, JSON.stringify(created.body));
  await hub.api('PUT', '/api/staff/buildings/annex/floors', { number: 3 }, staff);
  await hub.api(
    'POST',
    '/api/staff/buildings/annex/banks',
    { floor: 3, name: 'A', group: 'annex' },
    staff,
  );
  await playOnly(hub, staff, 'annex', [{ id: 'all-notices', kind: 'notices', duration: 600 }]);
  const post = (title: string) =>
    hub.api(
      'POST',
      '/api/staff/notices',
      { building: 'annex', title, body: '请知悉。', category: 'affairs', priority: 'normal' },
      staff,
    );
  assert.equal((await post('副楼门禁系统升级')).status, 201);

  const screen = await SignageScreen.open(browser, hub);
  await screen.pair(staff, { building: 'annex', floor: 3, bank: 'A' });
  const slide = await screen.waitForKind('notices');
  await slide.getByText('副楼门禁系统升级').waitFor();

  const sent = Date.now();
  assert.equal((await post('本周五下午消防演练')).status, 201);
  await slide.getByText('本周五下午消防演练').waitFor({ timeout: 2000 });
  console.log(`notice on screen ${Date.now() - sent} ms after the POST`);
  await screen.close();
});

test("the floor card shows this floor's captain, with a vCard QR; feedback points at the place", async () => {
  const contacts = await hub.api<{ name: string; role: string; phone: string }[]>(
    'GET',
    '/api/public/buildings/demo/contacts?floor=7',
  );
  const captain = contacts.body.find((c) => c.role === 'captain');
  assert.ok(captain);
  const playlist = await playOnly(hub, staff, 'demo', [
    { id: 'card', kind: 'contacts', duration: 600 },
  ]);

  const screen = await SignageScreen.open(browser, hub);
  await screen.pair(staff, { floor: 7, bank: 'A' });
  const card = (await screen.waitForKind('contacts')).getByTestId('captain');
  await card.getByText(captain.name, { exact: true }).waitFor();
  await card.getByText(captain.phone).waitFor();
  const vcard = (await card.locator('svg.qr').getAttribute('data-qr')) ?? '';
  assert.match(vcard, /^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
  assert.ok(vcard.includes(`FN:${captain.name}\r\n`));
  assert.ok(vcard.includes(`TEL;TYPE=CELL,VOICE:${captain.phone.replace(/\D/g, '')}`));

  // The feedback QR names the place of this screen (its bank on floor 7).
  const places = await hub.api<
    { floor: number; name: string; codes: { code: string; intent: string }[] }[]
  >('GET', '/api/staff/buildings/demo/places', undefined, staff);
  const place = places.body.find((p) => p.floor === 7);
  const code = place?.codes.find((c) => c.intent === 'feedback')?.code;
  assert.ok(code);
  await hub.api(
    'PATCH',
    `/api/staff/playlists/${playlist}`,
    {
      slides: [{ id: 'fb', kind: 'feedback', duration: 600 }],
    },
    staff,
  );
  const feedback = await screen.waitForKind('feedback');
  assert.equal(await feedback.locator('svg.qr').getAttribute('data-qr'), `${hub.url}/q/${code}`);
  await screen.close();
});

test('identify flashes the screen with its name and id; reload reloads it', async () => {
  const screen = await SignageScreen.open(browser, hub);
  const deviceId = await screen.pair(staff, { floor: 12, bank: 'A', name: '12F 电梯厅' });
  const command = (cmd: string) =>
    hub.api('POST', `/api/staff/devices/${deviceId}/commands`, { cmd }, staff);

  // As staff do: Identify once the console lists the screen as online.
  while (!hub.ctx.store.devices.get(deviceId)?.online) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal((await command('identify')).status, 202);
  const overlay = screen.page.getByTestId('identify');
  await overlay.getByText(deviceId).waitFor();
  await overlay.getByText('12F 电梯厅').waitFor();
  await overlay.waitFor({ state: 'detached', timeout: 15_000 });

  const reloaded = screen.page.waitForEvent('load');
  assert.equal((await command('reload')).status, 202);
  await reloaded;
  await screen.page.getByTestId('building-name').waitFor();
  await screen.close();
});

test('a revoked screen forgets its token and shows a new pairing code', async () => {
  const screen = await SignageScreen.open(browser, hub);
  const deviceId = await screen.pair(staff, { floor: 4, bank: 'A' });
  const revoked = await hub.api('POST', `/api/staff/devices/${deviceId}/revoke`, undefined, staff);
  assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
  await screen.page.getByTestId('pairing-code').waitFor({ timeout: 30_000 });
  const stored = await screen.page.evaluate(() =>
    localStorage.getItem('lobby.signage.v1.credentials'),
  );
  assert.equal(stored, null);
  await screen.close();
});

test('corrupt storage is dropped on load: the screen starts clean instead of crashing', async () => {
  const screen = await SignageScreen.open(browser, hub);
  await screen.pair(staff, { floor: 6, bank: 'A' });
  const errors: string[] = [];
  screen.page.on('pageerror', (e) => errors.push(e.message));
  await screen.page.evaluate(() => {
    for (const key of ['notices', 'events', 'contacts', 'playlists', 'board', 'alert'])
      localStorage.setItem(`lobby.signage.v1.content.${key}`, '{"v":1,"rev":"x"');
    localStorage.setItem('lobby.signage.v1.config', '[]');
    localStorage.setItem('lobby.signage.v1.outbox', '{"not":"a list"}');
  });
  await screen.page.reload();
  await screen.page.getByTestId('building-name').getByText('滨江中心大厦').waitFor();
  await screen.current().waitFor();

  await screen.page.evaluate(() =>
    localStorage.setItem('lobby.signage.v1.credentials', '{"deviceId":42}'),
  );
  await screen.page.reload();
  await screen.page.getByTestId('pairing-code').waitFor();
  assert.deepEqual(errors, []);
  await screen.close();
});

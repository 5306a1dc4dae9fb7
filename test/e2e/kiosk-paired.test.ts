import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KioskPage } from './pages/kiosk.ts';
import { setup, type Setup } from './pages/phone-setup.ts';

// The real path: an unpaired kiosk shows its code, staff claim it, and from then on it
// lives on MQTT over WebSocket (/mqtt) with the token it keeps.
let s: Setup;
before(async () => {
  s = await setup();
});
after(async () => {
  await s.stop();
});

test('pair, then notices, seats and the alert arrive live over MQTT', async () => {
  const k = await KioskPage.open(s.browser, `${s.hub.url}/kiosk/`);
  const code = await k.page.getByTestId('pairing-code').getAttribute('aria-label');
  assert.match(code ?? '', /^[0-9]{6}$/);
  await k.shot('kiosk-landscape-pairing');
  const claim = await s.hub.api(
    'POST',
    '/api/staff/devices',
    { code, building: 'demo', kind: 'kiosk', floor: 1, group: 'lobby', name: 'Lobby kiosk' },
    s.token,
  );
  assert.equal(claim.status, 201, JSON.stringify(claim.body));
  await k.tile('notices').getByText('大堂消防通道禁止堆放物品').waitFor();

  // A new notice reaches the kiosk without a reload.
  const notice = await s.hub.api(
    'POST',
    '/api/staff/notices',
    {
      building: 'demo',
      title: '今晚八点大堂停电检修',
      body: '请提前安排。',
      category: 'safety',
      priority: 'urgent',
    },
    s.token,
  );
  assert.equal(notice.status, 201);
  await k.tile('notices').getByText('今晚八点大堂停电检修').waitFor();

  // Seats left follow registrations made anywhere.
  await k.open('events');
  const first = k.page.locator('[data-testid^="event-"]').first();
  const eventId = Number((await first.getAttribute('data-testid'))?.slice(6));
  const before = (await first.getByTestId('seats').textContent()) ?? '';
  const reg = await s.hub.api('POST', `/api/public/events/${eventId}/registrations`, {
    name: '周九',
    phone: '13600000009',
  });
  assert.equal(reg.status, 201, JSON.stringify(reg.body));
  await first.getByTestId('seats').filter({ hasNotText: before }).waitFor();

  // An alert covers the kiosk until it is cleared.
  const alert = await s.hub.api(
    'PUT',
    '/api/staff/buildings/demo/alert',
    { level: 'emergency', title: '消防演练', body: '请沿疏散指示有序撤离。' },
    s.token,
  );
  assert.equal(alert.status, 200, JSON.stringify(alert.body));
  await k.page.getByRole('alertdialog', { name: '消防演练' }).waitFor();
  await k.shot('kiosk-landscape-alert');
  const cleared = await s.hub.api('DELETE', '/api/staff/buildings/demo/alert', undefined, s.token);
  assert.equal(cleared.status, 200);
  await k.page.getByTestId('alert').waitFor({ state: 'detached' });

  // The token survives a reload: no second pairing.
  await k.page.reload();
  await k.tile('notices').getByText('今晚八点大堂停电检修').waitFor();
  assert.equal(await k.page.getByTestId('pairing').count(), 0);
  await k.close();
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ConsoleApp } from './pages/console.ts';
import { PhoneEvent, PhonePage, PhoneTicket } from './pages/phone.ts';
import { setup, type Setup } from './pages/phone-setup.ts';

// A floor captain registers from their phone; staff find, print and hand over the code.
let s: Setup;
before(async () => {
  s = await setup();
});
after(async () => {
  await s.stop();
});

async function captainEvent(): Promise<number> {
  // Made less than a day ahead: the held seat must not be released on creation.
  const start = new Date(Date.now() + 10 * 3600_000);
  const r = await s.hub.api<{ id: number }>(
    'POST',
    '/api/staff/events',
    {
      building: 'demo',
      title: '楼长座谈会',
      kind: 'salon',
      place: '二楼多功能厅',
      start: start.toISOString(),
      end: new Date(start.getTime() + 3600_000).toISOString(),
      capacity: 3,
      captainSeats: 1,
    },
    s.token,
  );
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

test('staff see and print a captain code; the captain ticks the box, forgets the code, then upgrades', async () => {
  const id = await captainEvent();
  const app = await ConsoleApp.open(s.browser, s.hub);
  await app.login();
  await app.page.goto(`${s.hub.url}/console/events`);
  await app.page.getByTestId('captain-seats').first().waitFor();
  assert.match(
    (await app.page.getByTestId('captain-seats').first().textContent()) ?? '',
    /1 still free/,
  );
  await app.page.goto(`${s.hub.url}/console/contacts`);
  const cardLink = app.page.locator('[data-testid^="captain-card-"]').first();
  const code = ((await cardLink.textContent()) ?? '').trim();
  assert.match(code, /^[0-9]{8}$/);
  await app.page.screenshot({ path: 'test-results/console/contacts-captain-codes.png' });
  await cardLink.click();
  await app.page.getByTestId('captain-card').waitFor();
  assert.equal((await app.page.getByTestId('captain-code').textContent())?.trim(), code);
  await app.page.screenshot({ path: 'test-results/console/captain-card.png' });
  await app.close();

  const phone = await PhonePage.open(s.browser, `${s.hub.url}/e/${id}`);
  const form = new PhoneEvent(phone.page);
  await phone.page.getByRole('checkbox', { name: '我是楼长' }).check();
  await form.register({ name: '陈楼长', phone: '13700000001' });
  const error = phone.page.locator('#reg-captain-error');
  await error.waitFor();
  assert.match((await error.textContent()) ?? '', /请填写楼长码/);
  await phone.shot('phone-captain-code-missing');

  // Registered without the code (box unticked), then back with it: the same place upgrades.
  await phone.page.getByRole('checkbox', { name: '我是楼长' }).uncheck();
  await form.register({ name: '陈楼长', phone: '13700000001' });
  await phone.page.waitForURL(/\/t\/[0-9]{8}\?s=/);
  const first = await new PhoneTicket(phone.page).ticket().textContent();
  await phone.goto(`${s.hub.url}/e/${id}`);
  await phone.page.getByRole('checkbox', { name: '我是楼长' }).check();
  await form.field(/楼长码/).fill(code);
  await form.register({ name: '陈楼长', phone: '13700000001' });
  await phone.page.waitForURL(/\/t\/[0-9]{8}\?s=/);
  assert.equal(await new PhoneTicket(phone.page).ticket().textContent(), first);
  await phone.close();
});

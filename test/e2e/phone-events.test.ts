import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PhoneEvent, PhonePage, PhoneTicket } from './pages/phone.ts';
import { setup, type Setup } from './pages/phone-setup.ts';

let s: Setup;
before(async () => {
  s = await setup();
});
after(async () => {
  await s.stop();
});

async function smallEvent(capacity: number, inHours = 72): Promise<number> {
  const start = new Date(Date.now() + inHours * 3600_000);
  const r = await s.hub.api<{ id: number }>(
    'POST',
    '/api/staff/events',
    {
      building: 'demo',
      title: '午间瑜伽 <小班>',
      kind: 'sport',
      place: '二楼多功能厅',
      start: start.toISOString(),
      end: new Date(start.getTime() + 3600_000).toISOString(),
      capacity,
    },
    s.token,
  );
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

async function registerOnPhone(eventId: number, name: string, phone: string) {
  const p = await PhonePage.open(s.browser, `${s.hub.url}/e/${eventId}`);
  await new PhoneEvent(p.page).register({ name, phone, company: '华信科技', floor: '12' });
  await p.page.waitForURL(/\/t\/[0-9]{8}\?s=/);
  return { phone: p, ticket: new PhoneTicket(p.page) };
}

test('register until full, the next is waitlisted, a cancellation promotes them', async () => {
  const id = await smallEvent(2);
  const a = await registerOnPhone(id, '王小明', '13800000001');
  assert.equal(await a.ticket.status().textContent(), '报名成功');
  await a.phone.page.getByRole('img', { name: '签到二维码' }).waitFor();
  await a.phone.shot('phone-ticket-confirmed');
  const b = await registerOnPhone(id, 'Li Na', '13800000002');
  assert.equal(await b.ticket.status().textContent(), '报名成功');

  const full = await PhonePage.open(s.browser, `${s.hub.url}/e/${id}`);
  await full.page.getByText('名额已满 · 候补 0 人').waitFor();
  // The title's markup is shown as text.
  await full.page.getByRole('heading', { name: '午间瑜伽 <小班>' }).waitFor();
  await full.shot('phone-event-full');
  await full.close();

  const c = await registerOnPhone(id, '赵六', '13800000003');
  assert.equal(await c.ticket.status().textContent(), '候补第 1 位');

  await a.ticket.cancel();
  await a.phone.page.getByText('已取消报名').waitFor();
  await c.phone.page.reload();
  assert.equal(await c.ticket.status().textContent(), '报名成功');
  for (const x of [a, b, c]) await x.phone.close();
});

test('the ticket page offers the calendar file, and the same phone cannot register twice', async () => {
  const id = await smallEvent(5);
  const a = await registerOnPhone(id, '钱七', '13900000007');
  const href = await a.ticket.calendarLink().getAttribute('href');
  assert.ok(href);
  const ics = await fetch(s.hub.url + href);
  assert.equal(ics.status, 200);
  assert.match(ics.headers.get('content-type') ?? '', /text\/calendar/);
  assert.match(await ics.text(), /BEGIN:VEVENT/);
  await a.phone.close();

  const again = await PhonePage.open(s.browser, `${s.hub.url}/e/${id}`);
  await new PhoneEvent(again.page).register({ name: '钱七', phone: '13900000007' });
  await again.page
    .getByRole('alert')
    .getByText(/报名未成功/)
    .waitFor();
  assert.match(again.page.url(), new RegExp(`/e/${id}$`));
  await again.close();
});

test('a refused field gets the message next to it', async () => {
  const id = await smallEvent(5);
  const p = await PhonePage.open(s.browser, `${s.hub.url}/e/${id}`);
  const form = new PhoneEvent(p.page);
  await form.register({ name: '', phone: '1' });
  await p.page.locator('#reg-name-error').getByText('请填写姓名').waitFor();
  await form.register({ name: '孙八', phone: '1' });
  await p.page
    .locator('#reg-phone-error')
    .getByText('手机号：请填写 7 到 20 位的电话号码')
    .waitFor();
  assert.equal(await form.field(/手机号/).getAttribute('aria-invalid'), 'true');
  await p.shot('phone-event-invalid');
  await p.close();
});

test('the day before, the ticket asks to confirm; giving the seat up is cancelling', async () => {
  const id = await smallEvent(5, 6);
  const keep = await registerOnPhone(id, '吴九', '13500000009');
  await keep.phone.page.getByRole('heading', { name: '请确认是否参加' }).waitFor();
  await keep.phone.page.getByRole('button', { name: '我会参加' }).tap();
  await keep.phone.page.getByText('已确认参加').waitFor();
  assert.equal(await keep.ticket.status().textContent(), '报名成功');
  await keep.phone.close();

  const release = await registerOnPhone(id, '郑十', '13500000010');
  await release.phone.page.getByRole('heading', { name: '请确认是否参加' }).waitFor();
  await release.ticket.cancel();
  await release.phone.page.getByText('已取消报名').waitFor();
  await release.phone.close();
});

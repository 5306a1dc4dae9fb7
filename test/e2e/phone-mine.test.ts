import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PhoneEvent, PhonePage, PhoneTicket } from './pages/phone.ts';
import { setup, type Setup } from './pages/phone-setup.ts';

// A visitor's own tickets on their phone: what a waiting ticket says, one way to give a seat
// up, the way back after cancelling, and "我的" listing what this browser made.
let s: Setup;
before(async () => {
  s = await setup();
});
after(async () => {
  await s.stop();
});

async function soonEvent(capacity: number): Promise<number> {
  // Within a day: the reconfirmation question is open.
  const start = new Date(Date.now() + 10 * 3600_000);
  const r = await s.hub.api<{ id: number }>(
    'POST',
    '/api/staff/events',
    {
      building: 'demo',
      title: '午间插花课',
      kind: 'culture',
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

test('a waiting ticket has no check-in QR, a full event is not green, a seat is given up one way', async () => {
  const id = await soonEvent(1);
  const a = await PhonePage.open(s.browser, `${s.hub.url}/e/${id}`);
  await new PhoneEvent(a.page).register({ name: '王小明', phone: '13800001001' });
  await a.page.waitForURL(/\/t\/[0-9]{8}\?s=/);
  const seated = new PhoneTicket(a.page);
  assert.equal(await seated.status().textContent(), '报名成功');
  await a.page.getByRole('img', { name: '签到二维码' }).waitFor();
  // Reconfirmation is open: "I am coming", and the one way to give the seat up is to cancel.
  await a.page.getByRole('button', { name: '我会参加' }).waitFor();
  assert.equal(await a.page.getByRole('button', { name: '释放名额' }).count(), 0);
  assert.equal(await a.page.getByRole('button', { name: '取消报名' }).count(), 1);
  await a.shot('phone-ticket-reconfirm');

  const b = await PhonePage.open(s.browser, `${s.hub.url}/e/${id}`);
  const seats = new PhoneEvent(b.page).seats();
  await b.page.getByText('名额已满 · 候补 0 人').waitFor();
  assert.match((await seats.getAttribute('class')) ?? '', /seats-full/);
  const colour = await seats.evaluate((el) => getComputedStyle(el).color);
  assert.notEqual(colour, 'rgb(19, 115, 51)', 'not the success green');
  await b.shot('phone-event-full-warn');
  await new PhoneEvent(b.page).register({ name: '赵六', phone: '13800001002' });
  await b.page.waitForURL(/\/t\/[0-9]{8}\?s=/);
  const waiting = new PhoneTicket(b.page);
  assert.equal(await waiting.status().textContent(), '候补第 1 位');
  await b.page.getByTestId('waitlist-hint').waitFor();
  assert.equal(await b.page.getByRole('img', { name: '签到二维码' }).count(), 0);
  assert.equal(await b.page.getByText('入场时出示此二维码签到').count(), 0);
  await b.shot('phone-ticket-waitlisted');

  await seated.cancel();
  await a.page.getByText('已取消报名').waitFor();
  await a.page.getByRole('link', { name: '查看近期活动' }).tap();
  await a.page.getByRole('heading', { name: '近期活动' }).waitFor();
  await a.close();
  await b.close();
});

test('"我的" lists the registrations and feedback made from this phone', async () => {
  const id = await soonEvent(5);
  const p = await PhonePage.open(s.browser, `${s.hub.url}/e/${id}`);
  await new PhoneEvent(p.page).register({ name: '钱七', phone: '13800001003' });
  await p.page.waitForURL(/\/t\/[0-9]{8}\?s=/);
  const ticket = await new PhoneTicket(p.page).ticket().textContent();
  const fb = await s.hub.api<{ ticket: string; url: string }>('POST', '/api/public/feedback', {
    building: 'demo',
    category: 'elevator',
    text: 'B 梯门关得太快',
  });
  assert.equal(fb.status, 201);
  await p.goto(fb.body.url);
  await p.page.getByTestId('status').waitFor();

  await p.page.getByTestId('mine-link').tap();
  await p.page.getByRole('heading', { name: '我的', exact: true }).waitFor();
  const regs = p.page.getByTestId('mine-registrations');
  await regs.getByText('午间插花课').waitFor();
  await p.page.getByTestId('mine-feedback').getByText(fb.body.ticket).waitFor();
  await p.shot('phone-mine');
  await regs.getByRole('link').first().tap();
  await p.page.waitForURL(/\/t\/[0-9]{8}\?s=/);
  assert.equal(await new PhoneTicket(p.page).ticket().textContent(), ticket);

  // Another phone has nothing of it.
  const other = await PhonePage.open(s.browser, `${s.hub.url}/me?b=demo`);
  await other.page.getByText('这部手机上还没有报名或反馈记录。').waitFor();
  await other.close();
  await p.close();
});

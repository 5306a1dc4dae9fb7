import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KioskPage } from './pages/kiosk.ts';
import { PhoneFollow, PhonePage } from './pages/phone.ts';
import { setup, type Setup } from './pages/phone-setup.ts';

// The kiosk in demo mode (?building=demo): the public HTTP API, no broker. The paired path
// over MQTT is kiosk-paired.test.ts.
let s: Setup;
before(async () => {
  s = await setup();
});
after(async () => {
  await s.stop();
});
const demo = (place?: number) =>
  `${s.hub.url}/kiosk/?building=demo${place ? `&place=${place}` : ''}`;

test('home, notices, directory, events and service station at both orientations', async () => {
  for (const size of ['landscape', 'portrait'] as const) {
    const k = await KioskPage.open(s.browser, demo(), { size });
    await k.tile('notices').getByText('大堂消防通道禁止堆放物品').waitFor();
    await k.shot(`kiosk-${size}-home`);

    await k.open('notices');
    await k.page.getByTestId('notice-detail').waitFor();
    await k.shot(`kiosk-${size}-notices`);
    await k.home();

    await k.open('directory');
    await k.page.getByRole('button', { name: '3F', exact: true }).tap();
    const detail = k.page.getByTestId('floor-detail');
    await detail.getByText('楼长', { exact: true }).first().waitFor();
    const qr = detail.getByRole('img', { name: /名片二维码/ }).first();
    assert.match((await qr.getAttribute('data-qr-text')) ?? '', /\/c\/[0-9]+$/);
    await k.shot(`kiosk-${size}-directory`);
    await k.home();

    await k.open('events');
    await k.page.getByTestId('seats').first().waitFor();
    await k.shot(`kiosk-${size}-events`);
    await k.home();

    await k.open('service');
    await k.page.getByRole('heading', { name: '开放时间' }).waitFor();
    await k.shot(`kiosk-${size}-service`);
    await k.close();
  }
});

test('a company is found with the character keys, and its captain card links to the phone', async () => {
  const k = await KioskPage.open(s.browser, demo());
  await k.open('directory');
  await k.page.getByTestId('company-search').tap();
  const keys = k.page.getByTestId('char-keys');
  for (const ch of '东方律') await keys.getByRole('button', { name: ch, exact: true }).tap();
  await k.page
    .getByRole('button', { name: /东方律师事务所/ })
    .first()
    .tap();
  const detail = k.page.getByTestId('floor-detail');
  await detail
    .getByText(/东方律师事务所/)
    .first()
    .waitFor();
  const link = await detail
    .getByRole('img', { name: /名片二维码/ })
    .first()
    .getAttribute('data-qr-text');
  assert.ok(link);
  const card = await fetch(`${link}/vcard`);
  assert.match(await card.text(), /BEGIN:VCARD[\s\S]*TEL/);
  await k.close();
});

test('feedback on the kiosk: category, phrase and typed text, then a receipt to follow on the phone', async () => {
  const place = s.places[0]?.id;
  const k = await KioskPage.open(s.browser, demo(place));
  await k.open('feedback');
  await k.page.getByRole('button', { name: '电梯', exact: true }).tap();
  await k.page.getByRole('button', { name: '+ 电梯等候时间太长' }).tap();
  await k.type(' Lift B 8am');
  assert.equal(await k.page.getByLabel('反馈内容').inputValue(), '电梯等候时间太长 Lift B 8am');
  const handoff = await k.page.getByTestId('handoff-qr').getAttribute('data-qr-text');
  assert.match(handoff ?? '', /\/f\/new\?b=demo&place=[0-9]+&c=elevator$/);
  await k.shot('kiosk-landscape-feedback-compose');
  await k.page.getByTestId('feedback-submit').tap();

  const number = await k.page.getByTestId('feedback-ticket').textContent();
  assert.match(number ?? '', /^[0-9]{8}$/);
  const url = await k.page.getByTestId('receipt-qr').getAttribute('data-qr-text');
  await k.shot('kiosk-landscape-feedback-receipt');
  await k.close();

  // The receipt QR opens the private follow page on the phone.
  const phone = await PhonePage.open(s.browser, url ?? '');
  assert.equal(await new PhoneFollow(phone.page).ticket().textContent(), number);
  await phone.page.getByText('电梯等候时间太长 Lift B 8am').waitFor();
  await phone.close();

  // The handoff QR continues on the phone with the category already picked.
  const more = await PhonePage.open(s.browser, handoff ?? '');
  assert.equal(await more.page.getByRole('radio', { name: '电梯' }).isChecked(), true);
  await more.close();
});

test('register for an event on the kiosk with the keyboards and the floor picker', async () => {
  const k = await KioskPage.open(s.browser, demo());
  await k.open('events');
  await k.page.locator('[data-testid^="event-"]').first().tap();
  await k.page.getByRole('img', { name: '用手机报名的二维码' }).waitFor();
  await k.page.getByTestId('register-here').tap();
  await k.type('Li Na');
  await k.field('手机号');
  await k.type('13700001234');
  await k.page.getByTestId('key-done').tap();
  await k.page.getByRole('button', { name: '12F', exact: true }).tap();
  await k.page.getByRole('group', { name: '所在公司' }).getByRole('button').first().tap();
  await k.shot('kiosk-landscape-register');
  await k.page.getByTestId('register-submit').tap();
  await k.page.getByTestId('registration-done').waitFor();
  assert.match((await k.page.getByTestId('ticket-number').textContent()) ?? '', /^[0-9]{8}$/);
  assert.match(
    (await k.page.getByTestId('ticket-qr').getAttribute('data-qr-text')) ?? '',
    /\/t\/[0-9]{8}\?s=/,
  );
  await k.shot('kiosk-landscape-ticket');
  await k.close();
});

test('after 60 seconds without a touch the kiosk goes home and forgets what was typed', async () => {
  const k = await KioskPage.open(s.browser, demo(), { clock: true });
  await k.tile('feedback').waitFor();
  await k.switchLanguage();
  await k.open('feedback');
  await k.page.getByRole('button', { name: 'Parking', exact: true }).tap();
  await k.type('secret plate a123');
  assert.equal(await k.page.getByLabel('Your feedback').inputValue(), 'secret plate a123');

  await k.page.clock.runFor(59_000);
  assert.equal(await k.page.getByLabel('Your feedback').inputValue(), 'secret plate a123');
  await k.page.clock.runFor(2_000);
  await k.tile('feedback').waitFor();
  // Back in the kiosk's own language, and the text is gone.
  await k.page.getByRole('heading', { name: '您好，请选择服务' }).waitFor();
  await k.open('feedback');
  await k.page.getByRole('button', { name: '停车', exact: true }).tap();
  assert.equal(await k.page.getByLabel('反馈内容').inputValue(), '');
  await k.close();
});

test('the language switch turns every screen to English and back', async () => {
  const k = await KioskPage.open(s.browser, demo());
  await k.page.getByRole('heading', { name: '您好，请选择服务' }).waitFor();
  await k.switchLanguage();
  await k.page.getByRole('heading', { name: 'Welcome. How can we help?' }).waitFor();
  await k.open('events');
  await k.page.getByRole('heading', { name: 'Events', exact: true }).waitFor();
  await k.shot('kiosk-landscape-events-en');
  await k.switchLanguage();
  await k.page.getByRole('heading', { name: '活动报名', exact: true }).waitFor();
  await k.close();
});

test('a ticket number must have eight digits', async () => {
  const k = await KioskPage.open(s.browser, demo());
  await k.open('feedback');
  await k.page.getByTestId('open-ticket').tap();
  await k.type('123');
  await k.page.getByTestId('key-done').tap();
  await k.page.getByText('单号是八位数字').waitFor();
  await k.close();
});

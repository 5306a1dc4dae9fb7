import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { PhoneFeedback, PhoneFollow, PhonePage } from './pages/phone.ts';
import { setup, staffStep, type Setup } from './pages/phone-setup.ts';

let s: Setup;
before(async () => {
  s = await setup();
});
after(async () => {
  await s.stop();
});

const HOSTILE = '<b>电梯</b> 等太久 <script>alert(1)</script>';

test('feedback from a place QR, followed on the phone through every step of the loop', async () => {
  const phone = await PhonePage.open(s.browser, `${s.hub.url}/q/${s.code(1, 'feedback')}`);
  const form = new PhoneFeedback(phone.page);
  await phone.page.getByText(s.places[1]?.name ?? '?').waitFor();
  await phone.shot('phone-feedback-form');

  await form.category('电梯').check();
  await form.text().fill(HOSTILE);
  await form.submit().tap();
  await phone.page.waitForURL(/\/f\/[0-9]{8}\?s=/);
  const follow = new PhoneFollow(phone.page);
  const ticket = (await follow.ticket().textContent()) ?? '';
  assert.match(ticket, /^[0-9]{8}$/);
  assert.equal(await follow.status().textContent(), '已收到');
  // Markup in the text stays text.
  await phone.page.getByText(HOSTILE).waitFor();
  assert.equal(await phone.page.locator('.quote b, .quote script').count(), 0);
  await follow.qr().waitFor();
  await phone.shot('phone-follow-received');

  const loop: [Record<string, unknown>, string][] = [
    [{ status: 'discussing', note: '列入本月议事会' }, '议题共商'],
    [{ status: 'assigned', assignee: '安信物业服务', note: '物业牵头' }, '资源整合'],
    [{ status: 'in_progress' }, '处理中'],
    [{ status: 'resolved', reply: '已调整高峰期电梯群控，<i>请再试</i>' }, '已解决'],
  ];
  for (const [i, [body, label]] of loop.entries()) {
    await staffStep(s, ticket, body);
    await phone.page.reload();
    assert.equal(await follow.status().textContent(), label);
    assert.equal(await follow.steps().count(), i + 2);
  }
  assert.equal(
    await follow.replies().first().locator('p').textContent(),
    '已调整高峰期电梯群控，<i>请再试</i>',
  );
  await phone.shot('phone-follow-resolved');

  await follow.rate(5);
  await phone.page.getByTestId('rated').waitFor();
  assert.match((await phone.page.getByTestId('rated').textContent()) ?? '', /5/);
  await phone.close();
});

test('a phone photo is shrunk on the phone, travels with the ticket and reaches staff', async () => {
  const phone = await PhonePage.open(s.browser, `${s.hub.url}/q/${s.code(1, 'feedback')}`);
  // A camera-sized picture of noise, so it does not compress: over the hub's 5 MB limit as taken.
  const png = await phone.page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1200;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no canvas');
    const img = g.createImageData(canvas.width, canvas.height);
    for (let i = 0; i < img.data.length; i++)
      img.data[i] = (i % 4 === 3 ? 255 : Math.random() * 256) | 0;
    g.putImageData(img, 0, 0);
    return canvas.toDataURL('image/png').split(',')[1] ?? '';
  });
  const buffer = Buffer.from(png, 'base64');
  assert.ok(buffer.length > 5 * 1024 * 1024, `test photo is ${buffer.length} bytes`);
  const form = new PhoneFeedback(phone.page);
  await form.category('设施维修').check();
  await form.text().fill('大堂吊灯不亮');
  await phone.page.getByLabel(/照片|Photo/).setInputFiles({
    name: 'IMG_0001.png',
    mimeType: 'image/png',
    buffer,
  });
  await form.submit().tap();
  await phone.page.waitForURL(/\/f\/[0-9]{8}/);
  const ticket = (await new PhoneFollow(phone.page).ticket().textContent()) ?? '';

  const staff = await s.hub.api<{ photo: string | null }>(
    'GET',
    `/api/staff/feedback/${ticket}`,
    undefined,
    s.token,
  );
  const photo = staff.body.photo ?? '';
  assert.equal(photo, `/api/staff/feedback/${ticket}/photo`);
  const served = await fetch(s.hub.url + photo, {
    headers: { authorization: `Bearer ${s.token}` },
  });
  assert.equal(served.headers.get('content-type'), 'image/jpeg');
  const bytes = Buffer.from(await served.arrayBuffer());
  assert.ok(bytes.length < buffer.length / 2);
  const meta = await sharp(bytes).metadata();
  const size = [meta.width, meta.height];
  assert.deepEqual(size, [1600, 800]);
  await phone.close();
});

test('"not fixed" sends a resolved ticket back to work', async () => {
  const phone = await PhonePage.open(s.browser, `${s.hub.url}/q/${s.code(2, 'feedback')}`);
  const form = new PhoneFeedback(phone.page);
  await form.category('设施维修').check();
  await form.text().fill('门禁刷不开');
  await form.submit().tap();
  await phone.page.waitForURL(/\/f\/[0-9]{8}/);
  const follow = new PhoneFollow(phone.page);
  const ticket = (await follow.ticket().textContent()) ?? '';
  await staffStep(s, ticket, { status: 'in_progress' });
  await staffStep(s, ticket, { status: 'resolved', reply: '已更换读卡器' });
  await phone.page.reload();
  await follow.reopen().tap();
  await phone.page.getByText('处理中', { exact: true }).first().waitFor();
  assert.equal(await follow.status().textContent(), '处理中');
  await phone.close();
});

test('after too many wrong links from one network, an action says to come back later', async () => {
  const address = '198.51.100.23';
  const phone = await PhonePage.open(
    s.browser,
    `${s.hub.url}/q/${s.code(2, 'feedback')}`,
    'zh-CN',
    address,
  );
  const form = new PhoneFeedback(phone.page);
  await form.category('设施维修').check();
  await form.text().fill('消防通道堆放杂物');
  await form.submit().tap();
  await phone.page.waitForURL(/\/f\/[0-9]{8}/);
  const follow = new PhoneFollow(phone.page);
  const ticket = (await follow.ticket().textContent()) ?? '';
  await staffStep(s, ticket, { status: 'in_progress' });
  await staffStep(s, ticket, { status: 'resolved', reply: '已清理' });
  await phone.page.reload();
  // Someone on the same network guesses links until the hub locks that address out.
  for (let i = 0; i < 30; i++) {
    const r = await fetch(`${s.hub.url}/api/public/feedback/${ticket}?secret=${'x'.repeat(24)}`, {
      headers: { 'x-forwarded-for': address },
    });
    assert.equal(r.status, 404);
  }
  await follow.rate(4);
  await phone.page.getByText('此网络发出的错误链接太多，请十分钟后再试').waitFor();
  await phone.close();
});

test('a second person sees the open ticket of the place and joins it with one tap', async () => {
  const url = `${s.hub.url}/q/${s.code(3, 'feedback')}`;
  const first = await PhonePage.open(s.browser, url);
  const f1 = new PhoneFeedback(first.page);
  await f1.category('环境卫生').check();
  await f1.text().fill('二号卫生间没有纸巾');
  await f1.submit().tap();
  await first.page.waitForURL(/\/f\/[0-9]{8}/);
  const ticket = await new PhoneFollow(first.page).ticket().textContent();
  await first.close();

  const second = await PhonePage.open(s.browser, url);
  const f2 = new PhoneFeedback(second.page);
  await f2.category('环境卫生').check();
  await f2.already().getByText('二号卫生间没有纸巾').waitFor();
  await second.shot('phone-feedback-already');
  await f2.meToo().tap();
  await second.page.waitForURL(/\/f\/[0-9]{8}/);
  const follow = new PhoneFollow(second.page);
  assert.equal(await follow.ticket().textContent(), ticket);
  await second.page.getByText('您在关注这条反馈').waitFor();
  await second.page.getByText('2 人关注').waitFor();
  await second.close();
});

test('every field says what is wrong: the page checks first, then the hub names the field', async () => {
  const phone = await PhonePage.open(s.browser, `${s.hub.url}/q/${s.code(1, 'feedback')}`);
  const form = new PhoneFeedback(phone.page);
  await form.submit().tap();
  await phone.page.getByText('请选择一个类别').waitFor();
  await form.category('停车').check();
  await form.submit().tap();
  await form.errorUnder('fb-text').getByText('请至少写两个字').waitFor();
  await form.text().fill('访客车位不够');
  await form.phone().fill('12');
  await form.submit().tap();
  await phone.page.getByText('留手机号需要勾选同意').waitFor();
  await form.consent().check();
  await form.submit().tap();
  // The hub's own 400 message, under the field it names.
  await form
    .errorUnder('fb-phone')
    .getByText(/手机号/)
    .waitFor();
  assert.equal(await form.phone().getAttribute('aria-invalid'), 'true');
  await phone.shot('phone-feedback-invalid');
  await phone.close();
});

test('a wrong or expired link gets a plain page, never a stack', async () => {
  const phone = await PhonePage.open(s.browser, `${s.hub.url}/f/00000000?s=${'x'.repeat(24)}`);
  await phone.page.getByRole('heading', { name: '链接无效或已过期' }).waitFor();
  for (const path of ['/q/nosuchcode', '/t/12?s=short', '/e/999999', '/c/abc', '/f/new?b=Bad!']) {
    const r = await fetch(s.hub.url + path, { headers: { 'accept-language': 'en' } });
    const body = await r.text();
    assert.ok(r.status === 404 || r.status === 400, `${path}: ${r.status}`);
    assert.match(body, /This link is wrong or has expired/, path);
    assert.doesNotMatch(body, /at .*\.ts:|Error:/, path);
  }
  await phone.close();
});

test('the phone pages switch between Chinese and English', async () => {
  const phone = await PhonePage.open(s.browser, `${s.hub.url}/q/${s.code(1, 'feedback')}`);
  await phone.page.getByRole('heading', { name: '我要反馈' }).waitFor();
  await phone.switchLanguage();
  await phone.page.getByRole('heading', { name: 'Give feedback' }).waitFor();
  await phone.page.reload();
  await phone.page.getByRole('heading', { name: 'Give feedback' }).waitFor();
  await phone.close();
});

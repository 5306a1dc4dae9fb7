import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PhonePage } from './pages/phone.ts';
import { setup, type Setup } from './pages/phone-setup.ts';

let s: Setup;
before(async () => {
  s = await setup();
});
after(async () => {
  await s.stop();
});

test("a place's contact QR shows its floor's captain and liaisons, each with a vCard", async () => {
  const i = s.places.findIndex((p) => p.floor === 5);
  const phone = await PhonePage.open(s.browser, `${s.hub.url}/q/${s.code(i, 'contact')}`);
  await phone.page.getByRole('heading', { name: '5F 楼长与联络员' }).waitFor();
  const cards = phone.page.locator('[data-testid^="contact-"]');
  await cards.getByText('楼长', { exact: true }).first().waitFor();
  assert.ok((await cards.count()) >= 2);
  await phone.shot('phone-contacts');
  const save = cards.first().getByRole('link', { name: '保存到通讯录' });
  const card = await fetch(s.hub.url + ((await save.getAttribute('href')) ?? ''));
  assert.match(card.headers.get('content-type') ?? '', /text\/vcard/);
  assert.match(await card.text(), /^BEGIN:VCARD\r\nVERSION:3\.0\r\n[\s\S]*TEL;TYPE=CELL/);
  // The captain's registration code never reaches a public page.
  assert.doesNotMatch(await phone.page.content(), /captainCode/);
  await phone.close();
});

test("a place's general QR offers feedback, events and contacts, and each link works", async () => {
  const phone = await PhonePage.open(s.browser, `${s.hub.url}/q/${s.code(1, 'home')}`);
  await phone.page.getByRole('heading', { name: s.places[1]?.name ?? '?' }).waitFor();
  await phone.page.getByRole('link', { name: /活动报名/ }).tap();
  await phone.page.getByRole('heading', { name: '近期活动' }).waitFor();
  await phone.page.locator('a.link-card').first().tap();
  await phone.page.getByRole('heading', { name: '我要报名' }).waitFor();
  await phone.page.goBack();
  await phone.page.goBack();
  await phone.page.getByRole('link', { name: /我要反馈/ }).tap();
  await phone.page.getByText(`地点：${s.places[1]?.name}`).waitFor();
  await phone.close();
});

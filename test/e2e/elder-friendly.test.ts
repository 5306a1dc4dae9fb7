import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { KioskPage } from './pages/kiosk.ts';
import { PhonePage } from './pages/phone.ts';
import { setup, type Setup } from './pages/phone-setup.ts';

// 适老化 (MIIT elder-friendly rules): in large-text mode every visible text is at least 18 px,
// every kiosk target at least 60 × 60 px and axe finds nothing serious; the kiosk works by
// keyboard alone with a focus ring you can see.
let s: Setup;
before(async () => {
  s = await setup();
});
after(() => s.stop());

const MIN_TEXT = 18;
const MIN_TARGET = 60;

// Every visible element that holds text of its own (or is a field) whose font is too small.
const smallText = (page: Page) =>
  page.evaluate((min) => {
    const out: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
      const field = el instanceof HTMLInputElement && !['checkbox', 'radio'].includes(el.type);
      if (!own && !field) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < min)
        out.push(
          `${el.tagName} ${el.className} "${el.textContent?.trim().slice(0, 20)}" ${size}px`,
        );
    }
    return out;
  }, MIN_TEXT);

// Every visible control smaller than a fingertip; a checkbox counts as its whole label.
const smallTargets = (page: Page) =>
  page.evaluate((min) => {
    const out: string[] = [];
    const targets = 'button, a[href], input, select, textarea, [role="button"], [tabindex]';
    for (const found of document.body.querySelectorAll<HTMLElement>(targets)) {
      const el = (found.matches('[type="checkbox"]') && found.closest('label')) || found;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width < min || r.height < min)
        out.push(`${el.tagName} "${el.textContent?.trim().slice(0, 20)}" ${r.width}×${r.height}`);
    }
    return out;
  }, MIN_TARGET);

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test('kiosk in large text: 18 px text, 60 px targets, no axe findings, reset when idle', async () => {
  const k = await KioskPage.open(s.browser, `${s.hub.url}/kiosk/?building=demo`, {
    size: 'portrait',
    clock: true,
  });
  const hint = k.tile('directory').locator('.tile-title');
  const size = async () => parseFloat(await hint.evaluate((el) => getComputedStyle(el).fontSize));
  const normal = await size();
  const toggle = k.page.getByTestId('large-text');
  await toggle.tap();
  await k.page.locator('html[data-large-text]').waitFor({ state: 'attached' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.ok((await size()) >= normal * 1.2, 'the text grows by a fifth or more');
  await k.shot('kiosk-portrait-large-home');
  const found: Record<string, string[]> = {};
  const measure = async (name: string) => {
    await k.heading().waitFor();
    const problems = [
      ...(await smallText(k.page)),
      ...(await smallTargets(k.page)),
      ...(await axe(k.page)),
    ];
    if (problems.length) found[name] = problems;
  };
  await measure('home');
  for (const tile of ['notices', 'directory', 'events', 'feedback', 'service'] as const) {
    await k.open(tile);
    await measure(tile);
    if (tile === 'events') {
      await k.page.locator('[data-testid^="event-"]').first().tap();
      await k.page.getByTestId('register-here').tap();
      await k.page.getByTestId('keyboard').waitFor();
      await measure('event registration');
    }
    if (tile === 'feedback') {
      await k.page.getByRole('button', { name: '电梯', exact: true }).tap();
      await k.page.getByTestId('keyboard').waitFor();
      await measure('feedback compose');
      await k.shot('kiosk-portrait-large-feedback');
    }
    await k.home();
  }
  assert.deepEqual(found, {});

  // The idle reset forgets large text with the rest of the visit.
  await k.page.clock.runFor(61_000);
  await k.page.locator('html:not([data-large-text])').waitFor({ state: 'attached' });
  await k.close();
});

test('kiosk in large text, landscape: home and the feedback form keep to the sizes', async () => {
  const k = await KioskPage.open(s.browser, `${s.hub.url}/kiosk/?building=demo`);
  await k.page.getByTestId('large-text').tap();
  await k.tile('notices').waitFor();
  const problems = [...(await smallText(k.page)), ...(await smallTargets(k.page))];
  await k.open('feedback');
  await k.page.getByRole('button', { name: '电梯', exact: true }).tap();
  await k.page.getByTestId('keyboard').waitFor();
  problems.push(...(await smallText(k.page)), ...(await smallTargets(k.page)));
  await k.shot('kiosk-landscape-large-feedback');
  assert.deepEqual(problems, []);
  await k.close();
});

test('phone page in large text: 18 px text, no axe findings, remembered', async () => {
  const phone = await PhonePage.open(s.browser, `${s.hub.url}/q/${s.code(1, 'feedback')}`);
  await phone.page.getByTestId('large-text').tap();
  await phone.page.locator('html[data-large-text]').waitFor({ state: 'attached' });
  await phone.page.getByRole('heading').first().waitFor();
  await phone.shot('phone-large-text');
  assert.deepEqual(await smallText(phone.page), []);
  assert.deepEqual(await axe(phone.page), []);
  await phone.page.reload();
  await phone.page.locator('html[data-large-text]').waitFor({ state: 'attached' });
  await phone.close();
});

// The element with focus shows an outline or a shadow.
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing focused';
    const st = getComputedStyle(el);
    const ring =
      (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0) || st.boxShadow !== 'none';
    return ring ? 'ring' : `no ring on ${el.tagName} "${el.textContent?.trim().slice(0, 20)}"`;
  });

// Tabs (or Shift+Tabs) until the focused element matches, checking the ring at every stop.
async function tabTo(page: Page, selector: string, key = 'Tab', limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    assert.equal(await focusRing(page), 'ring');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector))
      return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

test('kiosk by keyboard alone: notices, directory, feedback and home again', async () => {
  const k = await KioskPage.open(s.browser, `${s.hub.url}/kiosk/?building=demo`, {
    size: 'portrait',
  });
  const { page } = k;
  await k.tile('notices').waitFor();

  await tabTo(page, '[data-testid="tile-notices"]');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: '通知公告' }).waitFor();
  await tabTo(page, '.notice-card');
  await page.keyboard.press('Space');
  await page.getByTestId('notice-detail').waitFor();
  await page.keyboard.press('Escape');
  await k.tile('directory').waitFor();

  await tabTo(page, '[data-testid="tile-directory"]');
  await page.keyboard.press('Enter');
  await page.getByTestId('floor-detail').waitFor();
  // Into the floors and back out the way it came: no trap.
  await tabTo(page, '.floor-btn');
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-testid="home"]', 'Shift+Tab');
  await page.keyboard.press('Enter');

  await tabTo(page, '[data-testid="tile-feedback"]');
  await page.keyboard.press('Enter');
  await tabTo(page, '[class*="cat-"]');
  await page.keyboard.press('Enter');
  await tabTo(page, '#fb-text');
  await page.keyboard.type('Lift B');
  await page.keyboard.press('Backspace');
  assert.equal(await page.locator('#fb-text').inputValue(), 'Lift ');
  // The on-screen keys are reachable too: the phone field brings its keypad.
  await tabTo(page, '#fb-phone');
  await tabTo(page, '[data-testid="key-1"]');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#fb-phone').inputValue(), '11');
  await k.shot('kiosk-portrait-keyboard-feedback');
  await page.keyboard.press('Escape');

  // A ticket number typed on a physical keyboard, Enter to look it up.
  await tabTo(page, '[data-testid="tile-feedback"]');
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-testid="open-ticket"]');
  await page.keyboard.press('Enter');
  await tabTo(page, '#lookup-number');
  await page.keyboard.type('1234x');
  assert.equal(await page.locator('#lookup-number').inputValue(), '1234');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').waitFor();
  await page.keyboard.press('Escape');
  await k.tile('feedback').waitFor();
  await k.close();
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { ConsoleApp } from './pages/console.ts';
import { KioskPage } from './pages/kiosk.ts';
import { SignageScreen } from './pages/signage.ts';

// A fresh Debian or Raspberry Pi OS has no CJK font. Chromium runs here with a fontconfig
// that lists DejaVu only, so whatever this machine has installed, the apps must bring their
// own Chinese font: Chrome's DevTools protocol names the font each text node was drawn with.
const SHOTS = 'test-results/fonts';
// The web font's own name for the variable font's default instance ("Noto Sans SC Thin").
const SHIPPED = /^Noto Sans SC\b/;
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const CJK = /[\u3400-\u9fff]/g;

interface Drawn {
  text: string;
  cjk: number;
  fonts: { familyName: string; isCustomFont: boolean; glyphCount: number }[];
}

// The fonts Chromium drew each visible element's own Chinese text with (up to `max`).
async function drawnFonts(page: Page, max = 12): Promise<Drawn[]> {
  const texts = await page.evaluate((max) => {
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const text = [...el.childNodes]
        .filter((c) => c.nodeType === Node.TEXT_NODE)
        .map((c) => c.textContent ?? '')
        .join('');
      if (!/[\u3400-\u9fff]/.test(text) || el.getClientRects().length === 0) continue;
      el.dataset.fontProbe = String(found.length);
      found.push(text);
      if (found.length >= max) break;
    }
    return found;
  }, max);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const drawn: Drawn[] = [];
  for (const [i, text] of texts.entries()) {
    // A screen re-renders as it plays: an element gone since it was marked is passed over.
    const fonts = await cdp
      .send('DOM.getDocument', { depth: 0 })
      .then(({ root }) =>
        cdp.send('DOM.querySelector', {
          nodeId: root.nodeId,
          selector: `[data-font-probe="${i}"]`,
        }),
      )
      .then(({ nodeId }) => cdp.send('CSS.getPlatformFontsForNode', { nodeId }))
      .then((r) => r.fonts)
      .catch(() => null);
    if (fonts) drawn.push({ text, cjk: text.match(CJK)?.length ?? 0, fonts });
  }
  await cdp.detach();
  return drawn;
}

// Every probed element's Chinese characters were drawn with the shipped font. The font
// loads after first paint (font-display: swap), so this waits for the page's fonts first.
async function assertShippedFont(page: Page, name: string): Promise<Drawn[]> {
  await page.waitForFunction(() =>
    [...document.fonts].some((f) => f.family.includes('Noto Sans SC') && f.status === 'loaded'),
  );
  await page.evaluate(() => document.fonts.ready);
  const drawn = await drawnFonts(page);
  assert.ok(drawn.length > 0, `${name}: no Chinese text on the page`);
  for (const d of drawn) {
    const shipped = d.fonts.find((f) => f.isCustomFont && SHIPPED.test(f.familyName));
    assert.ok(
      shipped && shipped.glyphCount >= d.cjk,
      `${name}: "${d.text}" drawn with ${JSON.stringify(d.fonts)}`,
    );
  }
  return drawn;
}

describe('Chinese text with no CJK font on the machine', () => {
  let hub: TestHub;
  let browser: Browser;
  let fontsDir: string;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    fontsDir = mkdtempSync(join(tmpdir(), 'lobby-fontconfig-'));
    writeFileSync(
      join(fontsDir, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n` +
        `<fontconfig><dir>${DEJAVU}</dir><cachedir>${join(fontsDir, 'cache')}</cachedir></fontconfig>\n`,
    );
    hub = await startTestHub();
    browser = await launchBrowser({ FONTCONFIG_FILE: join(fontsDir, 'fonts.conf') });
  });
  after(async () => {
    await browser.close();
    await hub.stop();
    rmSync(fontsDir, { recursive: true, force: true });
  });

  test('the hidden fonts are really hidden: without the shipped font, Chinese is boxes', async () => {
    const page = await browser.newPage();
    await page.setContent('<p style="font-family: sans-serif; font-size: 48px">楼长服务站</p>');
    const [control] = await drawnFonts(page);
    assert.ok(control);
    // DejaVu has no Chinese: what it draws for them is its empty box.
    assert.ok(
      control.fonts.every((f) => f.familyName.startsWith('DejaVu') && !f.isCustomFont),
      `a system font drew Chinese: ${JSON.stringify(control.fonts)}`,
    );
    await page.screenshot({ path: join(SHOTS, 'control-no-cjk-font.png') });
    await page.close();
  });

  test('signage draws Chinese with its own font, and keeps every slice for offline', async () => {
    const screen = await SignageScreen.open(browser, hub);
    await screen.pair(await hub.login());
    await assertShippedFont(screen.page, 'signage');
    await screen.page.screenshot({ path: join(SHOTS, 'signage.png') });

    const slices = readdirSync(join(import.meta.dirname, '../../signage/dist/assets')).filter((f) =>
      f.endsWith('.woff2'),
    ).length;
    // The worker fills its font cache after it takes over the page.
    await screen.page.waitForFunction(
      async (slices) => (await (await caches.open('signage-fonts')).keys()).length === slices,
      slices,
      { polling: 250, timeout: 60_000 },
    );

    // With the hub unreachable, a reload still draws Chinese with the shipped font.
    await screen.context.setOffline(true);
    await screen.page.reload();
    await screen.page.getByTestId('building-name').waitFor();
    await assertShippedFont(screen.page, 'signage offline');
    await screen.page.screenshot({ path: join(SHOTS, 'signage-offline.png') });
    await screen.context.close();
  });

  test('the kiosk draws Chinese with its own font', async () => {
    const kiosk = await KioskPage.open(browser, `${hub.url}/kiosk/?building=demo`);
    await kiosk.tile('notices').waitFor();
    await assertShippedFont(kiosk.page, 'kiosk');
    await kiosk.page.screenshot({ path: join(SHOTS, 'kiosk.png') });
    await kiosk.context.close();
  });

  test('the console draws Chinese with its own font', async () => {
    const app = await ConsoleApp.open(browser, hub, { locale: 'zh-CN' });
    await app.page.getByRole('button').first().waitFor();
    await assertShippedFont(app.page, 'console');
    await app.page.screenshot({ path: join(SHOTS, 'console-login.png') });
    await app.context.close();
  });

  test('phone pages keep the system font: they load no font file', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const fonts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'font') fonts.push(r.url());
    });
    await page.goto(`${hub.url}/q/${await feedbackCode(hub)}`);
    await page.getByRole('heading').first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    assert.deepEqual(fonts, []);
    await context.close();
  });
});

// The feedback QR code of the demo building's first place, as printed at an elevator bank.
async function feedbackCode(hub: TestHub): Promise<string> {
  const r = await hub.api<{ codes: { code: string; intent: string }[] }[]>(
    'GET',
    '/api/staff/buildings/demo/places',
    undefined,
    await hub.login(),
  );
  const code = r.body[0]?.codes.find((c) => c.intent === 'feedback')?.code;
  if (!code) throw new Error(`no feedback code: ${r.status}`);
  return code;
}

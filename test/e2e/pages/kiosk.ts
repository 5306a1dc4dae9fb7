import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

export const SHOTS = 'test-results/kiosk';

export type KioskSize = 'landscape' | 'portrait';
const SIZES = { landscape: { width: 1920, height: 1080 }, portrait: { width: 1080, height: 1920 } };

// The lobby kiosk: a 1080p touch screen with no keyboard. Everything is tapped.
export class KioskPage {
  readonly context: BrowserContext;
  readonly page: Page;

  private constructor(context: BrowserContext, page: Page) {
    this.context = context;
    this.page = page;
  }

  static async open(
    browser: Browser,
    url: string,
    opts: { size?: KioskSize; clock?: boolean } = {},
  ): Promise<KioskPage> {
    const context = await browser.newContext({
      viewport: SIZES[opts.size ?? 'landscape'],
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    if (opts.clock) await page.clock.install();
    await page.goto(url);
    return new KioskPage(context, page);
  }

  tile(name: 'notices' | 'directory' | 'events' | 'feedback' | 'service'): Locator {
    return this.page.getByTestId(`tile-${name}`);
  }
  async open(name: 'notices' | 'directory' | 'events' | 'feedback' | 'service') {
    await this.tile(name).tap();
  }
  async home() {
    await this.page.getByTestId('home').tap();
  }
  async switchLanguage() {
    await this.page.getByTestId('language').tap();
  }
  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 }).first();
  }

  // Types on the on-screen keyboard (letters, digits, space) key by key.
  async type(text: string) {
    for (const ch of text) {
      const id = ch === ' ' ? 'key-space' : `key-${ch.toLowerCase()}`;
      if (/[A-Z]/.test(ch)) await this.page.getByTestId('key-shift').tap();
      await this.page.getByTestId(id).first().tap();
    }
  }
  async field(label: string | RegExp) {
    await this.page.getByLabel(label).tap();
  }

  async shot(name: string) {
    mkdirSync(SHOTS, { recursive: true });
    await this.page.screenshot({ path: `${SHOTS}/${name}.png` });
  }
  close() {
    return this.context.close();
  }
}

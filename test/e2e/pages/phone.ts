import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { SHOTS } from './kiosk.ts';

// A phone in WeChat's browser: 390×844, touch, Chinese unless a test says otherwise.
export class PhonePage {
  readonly context: BrowserContext;
  readonly page: Page;

  protected constructor(context: BrowserContext, page: Page) {
    this.context = context;
    this.page = page;
  }

  // `address`: the phone's network as the hub sees it (sent as X-Forwarded-For, which the
  // hub believes from loopback), so per-address limits in one test touch no other.
  static async open(
    browser: Browser,
    url: string,
    locale = 'zh-CN',
    address?: string,
  ): Promise<PhonePage> {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      locale,
      ...(address ? { extraHTTPHeaders: { 'x-forwarded-for': address } } : {}),
    });
    const page = await context.newPage();
    await page.goto(url);
    return new PhonePage(context, page);
  }

  async goto(url: string) {
    await this.page.goto(url);
  }
  async switchLanguage() {
    await this.page.getByTestId('language').tap();
  }
  async shot(name: string) {
    mkdirSync(SHOTS, { recursive: true });
    await this.page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  }
  close() {
    return this.context.close();
  }
}

// The feedback form behind a place's QR code.
export class PhoneFeedback {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  category(name: string | RegExp): Locator {
    return this.page.getByRole('radio', { name });
  }
  text(): Locator {
    return this.page.getByRole('textbox', { name: /反馈内容|Your feedback/ });
  }
  phone(): Locator {
    return this.page.getByRole('textbox', { name: /手机号|Mobile number/ });
  }
  consent(): Locator {
    return this.page.getByRole('checkbox');
  }
  submit(): Locator {
    return this.page.getByRole('button', { name: /提交反馈|Send feedback/ });
  }
  already(): Locator {
    return this.page.getByTestId('already-reported');
  }
  meToo(): Locator {
    return this.already()
      .getByRole('button', { name: /我也遇到了|Me too/ })
      .first();
  }
  // The message shown under a field (the hub's 400 names the field).
  errorUnder(id: string): Locator {
    return this.page.locator(`#${id}-error`);
  }
}

// The private follow page of a ticket.
export class PhoneFollow {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  ticket(): Locator {
    return this.page.getByTestId('ticket-number');
  }
  status(): Locator {
    return this.page.getByTestId('status');
  }
  steps(): Locator {
    return this.page.getByTestId('timeline').locator('li');
  }
  replies(): Locator {
    return this.page.getByTestId('reply');
  }
  async rate(stars: number) {
    await this.page.getByRole('radio', { name: new RegExp(`^${stars} (星|stars)$`) }).tap();
    await this.page.getByRole('button', { name: /提交评分|Send rating/ }).tap();
  }
  reopen(): Locator {
    return this.page.getByRole('button', { name: /重新办理|reopen/ });
  }
  qr(): Locator {
    return this.page.getByRole('img', { name: /本页二维码|QR code of this page/ });
  }
}

// An event page: details and the registration form.
export class PhoneEvent {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  field(name: RegExp): Locator {
    return this.page.getByRole('textbox', { name });
  }
  async register(p: { name: string; phone: string; company?: string; floor?: string }) {
    await this.field(/^(姓名|Name)$/).fill(p.name);
    if (p.company) await this.field(/公司|Company/).fill(p.company);
    if (p.floor) await this.field(/楼层|floor/).fill(p.floor);
    await this.field(/手机号|Mobile number/).fill(p.phone);
    await this.page.getByRole('button', { name: /提交报名|^Register$/ }).tap();
  }
  seats(): Locator {
    return this.page.getByTestId('seats');
  }
}

// A registration's ticket page.
export class PhoneTicket {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  status(): Locator {
    return this.page.getByTestId('registration-status');
  }
  ticket(): Locator {
    return this.page.getByTestId('ticket-number');
  }
  async cancel() {
    await this.page.getByRole('button', { name: /^(取消报名|Cancel registration)$/ }).tap();
    await this.page.getByRole('button', { name: /确定取消|Yes, cancel/ }).tap();
  }
  calendarLink(): Locator {
    return this.page.getByRole('link', { name: /加入日历|Add to calendar/ });
  }
}

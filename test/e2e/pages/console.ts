import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { StaffRole } from '#shared/enums';
import { ADMIN_PASSWORD, type TestHub } from '../../helpers/hub.ts';

export const SHOTS = 'test-results/console';
export const STAFF_PASSWORD = 'a-long-staff-password';

// Staff members of each role, made through the API so tests log in as them.
export async function addStaff(
  hub: TestHub,
  role: StaffRole,
  username: string = role,
): Promise<string> {
  const admin = await hub.login();
  const res = await hub.api(
    'POST',
    '/api/staff/users',
    { username, displayName: `${role} 1`, role, password: STAFF_PASSWORD },
    admin,
  );
  if (res.status !== 201)
    throw new Error(`staff ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return username;
}

// The staff console in a desktop browser, driven the way staff use it: by labels, roles
// and the sidebar. English by default, so the tests read plainly.
export class ConsoleApp {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly hub: TestHub;

  private constructor(context: BrowserContext, page: Page, hub: TestHub) {
    this.context = context;
    this.page = page;
    this.hub = hub;
  }

  static async open(
    browser: Browser,
    hub: TestHub,
    opts: { clock?: Date; locale?: 'zh-CN' | 'en'; downloads?: boolean } = {},
  ): Promise<ConsoleApp> {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: opts.downloads ?? false,
    });
    const prefs = JSON.stringify({ locale: opts.locale ?? 'en', building: 'demo' });
    await context.addInitScript((p) => {
      if (!localStorage.getItem('lobby.console.prefs'))
        localStorage.setItem('lobby.console.prefs', p);
    }, prefs);
    const page = await context.newPage();
    if (opts.clock) await page.clock.setFixedTime(opts.clock);
    await page.goto(`${hub.url}/console/`);
    return new ConsoleApp(context, page, hub);
  }

  async login(
    username = 'admin',
    password = username === 'admin' ? ADMIN_PASSWORD : STAFF_PASSWORD,
  ): Promise<void> {
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.sidebar.waitFor();
  }

  get sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'console' });
  }

  async go(link: string): Promise<void> {
    await this.sidebar.getByRole('link', { name: link, exact: true }).click();
    await this.page.getByRole('heading', { level: 1 }).first().waitFor();
  }

  // The input named by its label inside a region (a form or a panel).
  field(label: string, within: Locator | Page = this.page): Locator {
    return within.getByLabel(label, { exact: true });
  }

  async shot(name: string): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    await this.page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

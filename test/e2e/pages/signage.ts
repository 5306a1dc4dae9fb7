import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Slide } from '#shared/schemas/playlists';
import { VIEWPORTS } from '../../helpers/browser.ts';
import type { TestHub } from '../../helpers/hub.ts';

export const SHOTS = 'test-results/signage';

export type Orientation = 'landscape' | 'portrait';

export interface Placement {
  building?: string;
  floor?: number;
  bank?: string;
  group?: string;
  name?: string;
  orientation?: Orientation;
  locale?: 'zh-CN' | 'en';
}

// An elevator-bank screen: Chromium full screen, no keyboard, no mouse. Tests watch it the
// way a person in the lobby would, plus the data attributes the app exposes for them.
export class SignageScreen {
  deviceId = '';

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
    opts: { orientation?: Orientation; clock?: Date } = {},
  ): Promise<SignageScreen> {
    const context = await browser.newContext({
      viewport: VIEWPORTS[opts.orientation ?? 'landscape'],
      locale: 'zh-CN',
      serviceWorkers: 'allow',
    });
    const page = await context.newPage();
    if (opts.clock) await page.clock.install({ time: opts.clock });
    await page.goto(`${hub.url}/signage/`);
    return new SignageScreen(context, page, hub);
  }

  // Reads the six digits off the screen, as staff would.
  async pairingCode(): Promise<string> {
    const code = await this.page.getByTestId('pairing-code').getAttribute('data-code');
    if (!code) throw new Error('no pairing code on screen');
    return code;
  }

  // Staff type the code into the console (its API), then the screen collects its token.
  async pair(staff: string, placement: Placement = {}): Promise<string> {
    const code = await this.pairingCode();
    const { building = 'demo', ...rest } = placement;
    const res = await this.hub.api<{ deviceId: string }>(
      'POST',
      '/api/staff/devices',
      { code, building, kind: 'signage', ...rest },
      staff,
    );
    if (res.status !== 201) throw new Error(`claim: ${res.status} ${JSON.stringify(res.body)}`);
    this.deviceId = res.body.deviceId;
    await this.page.getByTestId('building-name').waitFor({ timeout: 15_000 });
    return this.deviceId;
  }

  // The slide on screen (the layer that is faded in).
  current(): Locator {
    return this.page.locator('.layer.is-on');
  }

  async slideId(): Promise<string | null> {
    return this.current().getAttribute('data-slide');
  }

  async waitForSlide(id: string, timeout = 20_000): Promise<void> {
    await this.page.locator(`.layer.is-on[data-slide="${id}"]`).waitFor({ timeout });
  }

  // Long enough for a 15 s urgent notice slide that opens every loop to pass first.
  async waitForKind(kind: string, timeout = 20_000): Promise<Locator> {
    const slide = this.page.locator(`.layer.is-on [data-slide-kind="${kind}"]`);
    await slide.waitFor({ timeout });
    return slide;
  }

  alert(): Locator {
    return this.page.getByTestId('alert');
  }

  offlineMark(): Locator {
    return this.page.getByTestId('offline');
  }

  // After the cross-fade has finished, so a screenshot shows one slide, not two.
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => {
      const on = document.querySelector('.layer.is-on');
      return !on || getComputedStyle(on).opacity === '1';
    });
  }

  async shot(name: string): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    await this.settled();
    await this.page.screenshot({ path: `${SHOTS}/${name}.png` });
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

// A playlist that plays all day on every screen of the building, whatever the building's
// own schedule says (a rule at the top priority), so the screen plays exactly these slides.
export async function playOnly(
  hub: TestHub,
  staff: string,
  building: string,
  slides: Slide[],
  name = 'e2e',
): Promise<number> {
  const res = await hub.api<{ id: number }>(
    'POST',
    '/api/staff/playlists',
    { building, name, slides },
    staff,
  );
  if (res.status !== 201) throw new Error(`playlist: ${res.status} ${JSON.stringify(res.body)}`);
  const rule = await hub.api(
    'POST',
    '/api/staff/schedule-rules',
    { building, playlistId: res.body.id, priority: 100 },
    staff,
  );
  if (rule.status !== 201) throw new Error(`rule: ${rule.status} ${JSON.stringify(rule.body)}`);
  return res.body.id;
}

export async function setSlides(
  hub: TestHub,
  staff: string,
  playlistId: number,
  slides: Slide[],
): Promise<void> {
  const res = await hub.api('PATCH', `/api/staff/playlists/${playlistId}`, { slides }, staff);
  if (res.status !== 200) throw new Error(`playlist: ${res.status} ${JSON.stringify(res.body)}`);
}

// The demo building opens every loop with its urgent notice (15 s); tests that watch a
// rotation go by take it down first.
export async function withoutUrgentNotices(hub: TestHub, staff: string, building = 'demo') {
  const list = await hub.api<{ id: number; priority: string }[]>(
    'GET',
    `/api/staff/buildings/${building}/notices`,
    undefined,
    staff,
  );
  for (const n of list.body.filter((x) => x.priority === 'urgent')) {
    const res = await hub.api('DELETE', `/api/staff/notices/${n.id}`, undefined, staff);
    if (res.status !== 200) throw new Error(`notice ${n.id}: ${res.status}`);
  }
}

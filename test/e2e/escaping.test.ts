import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { ConsoleApp } from './pages/console.ts';
import {
  HOSTILE,
  HOSTILE_ALERT,
  HOSTILE_FLOOR,
  seedHostile,
  type HostileContent,
  type HostileField,
} from './pages/hostile-content.ts';
import { KioskPage } from './pages/kiosk.ts';
import { PhonePage } from './pages/phone.ts';
import { SignageScreen, withoutUrgentNotices } from './pages/signage.ts';

declare global {
  interface Window {
    __xss?: unknown;
    __injected?: string[];
    __watching?: boolean;
  }
}

// In every page before its own scripts: notes any element that would run the payload,
// even one added and removed again between two looks.
const WATCH_FOR_INJECTION = `
  window.__injected = [];
  const look = (el) => {
    for (const e of [el, ...el.querySelectorAll('*')]) {
      const bad =
        e.hasAttribute('onerror') ||
        (e.tagName === 'IMG' && e.getAttribute('src') === 'x') ||
        (e.tagName === 'SCRIPT' && e.type !== 'application/json' &&
          (e.textContent || '').includes('__xss'));
      if (bad) window.__injected.push(e.outerHTML.slice(0, 120));
    }
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) look(n);
  }).observe(document, { childList: true, subtree: true });
  window.__watching = true;
`;

async function guard(context: BrowserContext): Promise<string[]> {
  await context.addInitScript({ content: WATCH_FOR_INJECTION });
  const errors: string[] = [];
  context.on('weberror', (e) => errors.push(e.error().message));
  return errors;
}

// The fields appear as the very text that was typed, and nothing ran or was injected.
async function shownAsText(page: Page, view: string, fields: HostileField[]): Promise<void> {
  for (const f of fields) {
    await page
      .waitForFunction((t) => document.body.innerText.includes(t), HOSTILE[f], { timeout: 10_000 })
      .catch(() => assert.fail(`${view}: ${f} is not shown as typed`));
  }
  const found = await page.evaluate(() => ({
    watching: window.__watching ?? false,
    xss: window.__xss ?? null,
    injected: window.__injected ?? [],
  }));
  assert.deepEqual(found, { watching: true, xss: null, injected: [] }, view);
}

describe(
  'HTML and script typed into any text field are shown as text everywhere',
  {
    concurrency: true,
  },
  () => {
    let hub: TestHub;
    let browser: Browser;
    let admin: string;
    let c: HostileContent;

    before(async () => {
      hub = await startTestHub();
      browser = await launchBrowser();
      admin = await hub.login();
      // The demo's urgent notice would open every loop for 15 s.
      await withoutUrgentNotices(hub, admin);
      c = await seedHostile(hub, admin);
    });
    after(async () => {
      await browser.close();
      await hub.stop();
    });

    test('a signage screen and a kiosk, then an alert over both', async () => {
      const screen = await SignageScreen.open(browser, hub);
      const kiosk = await KioskPage.open(browser, `${hub.url}/kiosk/`);
      const screenErrors = await guard(screen.context);
      const kioskErrors = await guard(kiosk.context);
      // The watch is installed for the next load: pair after a reload.
      await Promise.all([screen.page.reload(), kiosk.page.reload()]);
      await screen.pair(admin, { floor: HOSTILE_FLOOR, bank: HOSTILE.bank });
      const code = await kiosk.page.getByTestId('pairing-code').getAttribute('aria-label');
      const claim = await hub.api(
        'POST',
        '/api/staff/devices',
        { code, building: 'demo', kind: 'kiosk', floor: HOSTILE_FLOOR, bank: c.bankId },
        admin,
      );
      assert.equal(claim.status, 201, JSON.stringify(claim.body));

      const signage = async () => {
        for (const [slide, fields] of [
          ['notice', ['noticeTitle', 'noticeBody']],
          ['events', ['eventTitle', 'eventPlace']],
          ['contacts', ['contactName', 'contactHours']],
          ['picture', ['slideCaption']],
        ] as const) {
          await screen.waitForSlide(slide);
          await shownAsText(screen.page, `signage ${slide}`, ['building', ...fields]);
        }
      };
      const lobby = async () => {
        const k = kiosk.page;
        await shownAsText(k, 'kiosk home', ['building', 'noticeTitle']);
        await kiosk.open('notices');
        await k.getByRole('button', { name: HOSTILE.noticeTitle }).tap();
        await shownAsText(k, 'kiosk notices', ['noticeTitle', 'noticeBody']);
        await kiosk.home();
        await kiosk.open('directory');
        await k.getByRole('button', { name: HOSTILE.floorLabel }).tap();
        await shownAsText(k, 'kiosk directory', [
          'floorLabel',
          'floorCompany',
          'contactName',
          'contactHours',
        ]);
        await kiosk.home();
        await kiosk.open('events');
        await k.getByTestId(`event-${c.eventId}`).tap();
        await shownAsText(k, 'kiosk events', ['eventTitle', 'eventPlace', 'eventDescription']);
        await kiosk.home();
        await kiosk.open('feedback');
        await k.getByRole('button', { name: '设施维修', exact: true }).tap();
        await shownAsText(k, 'kiosk feedback', ['openFeedbackText']);
      };
      await Promise.all([signage(), lobby()]);

      const alert = await hub.api('PUT', '/api/staff/buildings/demo/alert', HOSTILE_ALERT, admin);
      assert.equal(alert.status, 200);
      await shownAsText(screen.page, 'signage alert', ['alertTitle', 'alertBody']);
      await shownAsText(kiosk.page, 'kiosk alert', ['alertTitle', 'alertBody']);
      const app = await ConsoleApp.open(browser, hub);
      const consoleErrors = await guard(app.context);
      await app.page.reload();
      await app.login();
      await app.page.goto(`${hub.url}/console/alert`);
      await shownAsText(app.page, 'console alert', ['alertTitle', 'alertBody']);
      assert.equal(
        (await hub.api('DELETE', '/api/staff/buildings/demo/alert', undefined, admin)).status,
        200,
      );
      assert.deepEqual([...screenErrors, ...kioskErrors, ...consoleErrors], []);
      await Promise.all([screen.close(), kiosk.close(), app.close()]);
    });

    test('every phone page', async () => {
      const phone = await PhonePage.open(browser, 'about:blank');
      const errors = await guard(phone.context);
      const pages: [string, HostileField[]][] = [
        [`/q/${c.codes.home}`, ['building', 'place']],
        [`/q/${c.codes.contact}`, ['building', 'contactName', 'contactCompany', 'contactHours']],
        [`/q/${c.codes.feedback}`, ['building', 'place']],
        [`/f/new?b=demo&place=${c.placeId}`, ['building', 'place']],
        [
          `/f/${c.feedback.ticket}?s=${c.feedback.secret}`,
          ['building', 'place', 'feedbackText', 'feedbackReply', 'ratingComment'],
        ],
        [
          `/t/${c.registration.ticket}?s=${c.registration.secret}`,
          ['building', 'eventTitle', 'eventPlace', 'registrantName'],
        ],
        [`/e/${c.eventId}`, ['building', 'eventTitle', 'eventPlace', 'eventDescription']],
        ['/e?b=demo', ['building', 'eventTitle', 'eventPlace']],
        [
          `/c?b=demo&floor=${HOSTILE_FLOOR}`,
          ['building', 'contactName', 'contactCompany', 'contactHours'],
        ],
        [`/c/${c.contactId}`, ['building', 'contactName', 'contactCompany', 'contactHours']],
      ];
      for (const [path, fields] of pages) {
        await phone.goto(hub.url + path);
        await shownAsText(phone.page, `phone ${path}`, fields);
      }
      // "Already reported here": the open ticket of the place, under its category.
      await phone.goto(`${hub.url}/q/${c.codes.feedback}`);
      await phone.page.getByRole('radio', { name: '设施维修' }).tap();
      await shownAsText(phone.page, 'phone already reported', ['openFeedbackText']);
      assert.deepEqual(errors, []);
      await phone.close();
    });

    test('every console page', async () => {
      const app = await ConsoleApp.open(browser, hub);
      const errors = await guard(app.context);
      await app.page.reload();
      await app.login();
      const pages: [string, HostileField[]][] = [
        ['/', ['building']],
        ['/notices', ['noticeTitle']],
        ['/contacts', ['floorLabel', 'contactName', 'contactCompany', 'contactHours']],
        ['/events', ['eventTitle', 'eventPlace']],
        [`/events/${c.eventId}/checkin`, ['eventTitle', 'registrantName', 'registrantCompany']],
        ['/images', []],
        ['/playlists', ['playlistName']],
        ['/rules', ['playlistName']],
        ['/calendar', ['playlistName']],
        ['/preview', ['floorLabel', 'playlistName', 'slideCaption']],
        ['/feedback', ['place', 'feedbackText', 'openFeedbackText', 'feedbackAssignee']],
        [
          `/feedback/${c.feedback.ticket}`,
          [
            'place',
            'feedbackText',
            'feedbackContact',
            'feedbackNote',
            'feedbackAssignee',
            'feedbackReply',
            'ratingComment',
          ],
        ],
        ['/lists', []],
        ['/holidays', ['holiday']],
        ['/places', ['bank', 'place']],
        [`/places/${c.placeId}/poster`, ['place', 'contactName', 'contactCompany', 'contactHours']],
        ['/devices', ['signageName', 'kioskName']],
        ['/reports', []],
        ['/users', ['staffName']],
        ['/audit', []],
        ['/jobs', []],
        ['/account', []],
      ];
      for (const [path, fields] of pages) {
        await app.page.goto(`${hub.url}/console${path}`);
        await app.page.getByRole('heading', { level: 1 }).first().waitFor();
        await shownAsText(app.page, `console ${path}`, fields);
      }
      // Staff see an image's name without its path separators, as stored.
      const image = HOSTILE.mediaName.replaceAll('/', '');
      await app.page.goto(`${hub.url}/console/images`);
      await app.page.getByText(image, { exact: true }).first().waitFor();
      assert.deepEqual(errors, []);
      await app.close();
    });

    test('server-rendered HTML: inlined data is escaped, error pages reflect nothing', async () => {
      const pages = [
        `/q/${c.codes.home}`,
        `/f/${c.feedback.ticket}?s=${c.feedback.secret}`,
        `/t/${c.registration.ticket}?s=${c.registration.secret}`,
        `/e/${c.eventId}`,
        `/c/${c.contactId}`,
      ];
      for (const path of pages) {
        const res = await fetch(hub.url + path);
        assert.equal(res.status, 200, path);
        const html = await res.text();
        const inline = /<script type="application\/json" id="lobby-data">([^]*?)<\/script>/.exec(
          html,
        );
        assert.ok(inline?.[1], `${path}: no inlined data`);
        assert.doesNotMatch(inline[1], /<|>/, `${path}: markup in the inlined data`);
        // The data is exactly what was typed: JSON that parses, with the text intact.
        const data = JSON.stringify(JSON.parse(inline[1]));
        assert.ok(data.includes(JSON.stringify(HOSTILE.building).slice(1, -1)), path);
        assert.doesNotMatch(html, /<img src=x|<script>(window\.)?__xss/, path);
        assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      }
      // Markup in a link's path or query is never echoed into a page.
      const probe = encodeURIComponent('<img src=x onerror=__xss=1>');
      for (const path of [
        `/f/12345678?s=${probe}`,
        `/t/${probe}?s=${probe}`,
        `/q/${probe}`,
        `/e/${probe}`,
        `/c/${probe}`,
        `/f/new?b=${probe}`,
        `/api/public/${probe}`,
        `/${probe}`,
      ]) {
        const res = await fetch(hub.url + path);
        assert.ok(res.status >= 400 && res.status < 500, `${path}: ${res.status}`);
        const body = await res.text();
        assert.doesNotMatch(body, /<img/, path);
        if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) {
          assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
        }
      }
      // The vCard is a download, never a page.
      const card = await fetch(`${hub.url}/c/${c.contactId}/vcard`);
      assert.match(card.headers.get('content-type') ?? '', /^text\/vcard/);
      assert.match(card.headers.get('content-disposition') ?? '', /^attachment/);
      assert.ok((await card.text()).includes(HOSTILE.contactName));
    });
  },
);

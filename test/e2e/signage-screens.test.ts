import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Slide } from '#shared/schemas/playlists';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import {
  playOnly,
  setSlides,
  SignageScreen,
  SHOTS,
  withoutUrgentNotices,
  type Orientation,
} from './pages/signage.ts';

// Every slide kind at 1920x1080 and 1080x1920, saved under test-results/signage/ for
// people to look at: this is a screen read from three metres.
let hub: TestHub;
let browser: Browser;
let staff: string;
const screens: Partial<Record<Orientation, SignageScreen>> = {};

before(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
  staff = await hub.login();
});
after(async () => {
  for (const s of Object.values(screens)) await s.close();
  await browser.close();
  await hub.stop();
});

async function both(fn: (s: SignageScreen, o: Orientation) => Promise<void>) {
  for (const [o, s] of Object.entries(screens) as [Orientation, SignageScreen][]) await fn(s, o);
}

// A poster for the image slide, drawn by the browser and uploaded as staff would.
async function uploadPoster(): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.setContent(`<body style="margin:0"><div style="width:1600px;height:900px;display:flex;flex-direction:column;
    align-items:center;justify-content:center;gap:40px;font-family:'WenQuanYi Micro Hei',sans-serif;
    background:linear-gradient(135deg,#0f766e,#1e3a8a);color:#fff">
    <div style="font-size:120px;font-weight:700">午间健步走</div>
    <div style="font-size:56px">每天一万步 · 月底评选健步之星</div></div></body>`);
  const png = await page.screenshot();
  await page.close();
  const res = await fetch(`${hub.url}/api/staff/media`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${staff}` },
    body: new Uint8Array(png),
  });
  assert.equal(res.status, 201);
  const media = (await res.json()) as { hash: string; ext: string };
  return `/media/${media.hash}.${media.ext}`;
}

test('screenshots of each slide kind, landscape and portrait', async () => {
  const playlist = await playOnly(hub, staff, 'demo', [
    { id: 'shot-board', kind: 'board', duration: 600 },
  ]);
  // A few tickets, so the board has something to count.
  for (const [category, text] of [
    ['parking', '地库B区照明不足'],
    ['dining', '希望增加素食窗口'],
    ['elevator', '3号梯早高峰等候太久'],
    ['dining', '餐厅排队太长'],
    ['environment', '12层茶水间水槽堵塞'],
  ] as const) {
    const r = await hub.api('POST', '/api/public/feedback', { building: 'demo', category, text });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }

  for (const orientation of ['landscape', 'portrait'] as const) {
    const s = await SignageScreen.open(browser, hub, { orientation });
    await s.pairingCode();
    await s.shot(`${orientation}-pairing`);
    await s.pair(staff, { floor: 18, bank: 'A', orientation, name: `18F ${orientation}` });
    screens[orientation] = s;
  }

  // The demo's urgent notice opens every loop in its full-screen form.
  await both(async (s, o) => {
    await s.page.locator('.layer.is-on .notice-one.prio-urgent').waitFor({ timeout: 20_000 });
    await s.shot(`${o}-notice-urgent`);
  });
  await withoutUrgentNotices(hub, staff);

  const image = await uploadPoster();
  const notice = await hub.api<{ id: number }>(
    'POST',
    '/api/staff/notices',
    {
      building: 'demo',
      title: '午间健步走打卡活动启动',
      body: '党群服务站联合工会发起“午间一万步”活动，楼内员工扫码报名，月底评选健步之星，前三名可获得运动手环。',
      category: 'activity',
      priority: 'high',
      image,
    },
    staff,
  );
  assert.equal(notice.status, 201);
  const kinds: [string, Slide][] = [
    ['notice', { id: 'shot-notice', kind: 'notice', duration: 600, noticeId: notice.body.id }],
    ['notices', { id: 'shot-notices', kind: 'notices', duration: 600 }],
    ['contacts', { id: 'shot-contacts', kind: 'contacts', duration: 600 }],
    ['events', { id: 'shot-events', kind: 'events', duration: 600 }],
    ['feedback', { id: 'shot-feedback', kind: 'feedback', duration: 600 }],
    ['board', { id: 'shot-board-2', kind: 'board', duration: 600 }],
    [
      'image',
      { id: 'shot-image', kind: 'image', duration: 600, image, caption: '午间健步走 · 扫码报名' },
    ],
  ];
  for (const [kind, slide] of kinds) {
    await setSlides(hub, staff, playlist, [slide]);
    await both(async (s, o) => {
      await s.waitForSlide(slide.id);
      await s.waitForKind(kind);
      if (kind === 'image' || kind === 'notice') {
        await s.page.waitForFunction(() =>
          [...document.querySelectorAll<HTMLImageElement>('.layer.is-on img')].every(
            (i) => i.complete,
          ),
        );
      }
      await s.shot(`${o}-${kind}`);
    });
  }

  // Nothing playable: the branded idle slide, never a black screen.
  const later = await hub.api<{ id: number }>(
    'POST',
    '/api/staff/notices',
    {
      building: 'demo',
      title: '下周一起电梯检修',
      body: '',
      category: 'affairs',
      priority: 'normal',
      validFrom: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
    staff,
  );
  await setSlides(hub, staff, playlist, [
    { id: 'shot-later', kind: 'notice', duration: 600, noticeId: later.body.id },
  ]);
  await both(async (s, o) => {
    await s.page.locator('.layer.is-on [data-slide-kind="idle"]').waitFor();
    await s.shot(`${o}-idle`);
  });

  await hub.api(
    'PUT',
    '/api/staff/buildings/demo/alert',
    {
      level: 'emergency',
      title: '火警：请勿乘坐电梯',
      body: '请保持冷静，沿疏散指示从最近的楼梯撤离至室外空旷处。',
    },
    staff,
  );
  await both(async (s, o) => {
    await s.alert().waitFor();
    await s.shot(`${o}-alert`);
  });
  await hub.api('DELETE', '/api/staff/buildings/demo/alert', undefined, staff);

  await both(async (s, o) => {
    await s.alert().waitFor({ state: 'detached' });
    const sent = await hub.api(
      'POST',
      `/api/staff/devices/${s.deviceId}/commands`,
      { cmd: 'identify' },
      staff,
    );
    assert.equal(sent.status, 202);
    await s.page.getByTestId('identify').waitFor();
    await s.shot(`${o}-identify`);
  });

  // English when the placement says so.
  await setSlides(hub, staff, playlist, [{ id: 'shot-en', kind: 'contacts', duration: 600 }]);
  await both(async (s, o) => {
    await s.page.getByTestId('identify').waitFor({ state: 'detached', timeout: 15_000 });
    const moved = await hub.api(
      'PATCH',
      `/api/staff/devices/${s.deviceId}`,
      { locale: 'en' },
      staff,
    );
    assert.equal(moved.status, 200);
    await s.current().getByText('Your floor captain').waitFor();
    await s.shot(`${o}-en-contacts`);
  });
  console.log(`screenshots in ${SHOTS}/`);
});

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
  withoutUrgentNotices,
  type Orientation,
} from './pages/signage.ts';

// Slides read from three metres, with real notices: short and long texts at 1920x1080 and
// 1080x1920 must fit their slide whole (no text cut, nothing outside), titles must not leave
// one character alone on a line, short content must use the screen, and an urgent notice
// must not look like the emergency alert.
let hub: TestHub;
let browser: Browser;
let staff: string;
let playlist: number;
const screens: Partial<Record<Orientation, SignageScreen>> = {};

const LONG_BODY =
  '为进一步提升楼宇停车服务质量，物业服务中心定于十二月十日至十二月二十日对地下车库B区照明线路及充电桩进行改造。' +
  '施工期间B区车位暂停使用，原B区月租车辆请临时停放至A区及C区空余车位，停车费用按原标准收取，不另加价。' +
  '施工每日自早上九点至下午六点进行，夜间不施工，施工区域设有围挡和警示标志，请各位车主注意安全，' +
  '不要擅自进入施工区域，并请看管好随行儿童。新能源车辆充电请前往A区东侧临时充电点，' +
  '该处新增八个快充车位，可扫描车位旁二维码使用。因施工给大家带来的不便，敬请谅解。' +
  '如有疑问请在工作时间联系物业，也可在一楼党群服务站留言，我们将在两个工作日内回复。' +
  '咨询电话：物业服务中心 021-58881234';
const ENDING = '021-58881234';

async function notice(fields: Record<string, unknown>): Promise<number> {
  const res = await hub.api<{ id: number }>(
    'POST',
    '/api/staff/notices',
    { building: 'demo', category: 'affairs', priority: 'normal', body: '', ...fields },
    staff,
  );
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

before(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
  staff = await hub.login();
  await withoutUrgentNotices(hub, staff);
  // Six liaisons besides the captain: the portrait list must hold them all.
  for (let i = 1; i <= 4; i++) {
    const res = await hub.api(
      'POST',
      '/api/staff/contacts',
      {
        building: 'demo',
        name: `联络员${i}`,
        role: 'property_manager',
        phone: `1391234567${i}`,
        hours: '工作日 9:00-17:30（午休 12:00-13:00 除外）',
      },
      staff,
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
  }
  playlist = await playOnly(hub, staff, 'demo', [{ id: 'start', kind: 'board', duration: 600 }]);
  for (const orientation of ['landscape', 'portrait'] as const) {
    const s = await SignageScreen.open(browser, hub, { orientation });
    await s.pair(staff, { floor: 18, bank: 'A', orientation, name: `18F ${orientation}` });
    screens[orientation] = s;
  }
});
after(async () => {
  for (const s of Object.values(screens)) await s.close();
  await browser.close();
  await hub.stop();
});

async function show(slide: Slide, kind: string) {
  await setSlides(hub, staff, playlist, [slide]);
  for (const s of Object.values(screens)) {
    await s.waitForSlide(slide.id);
    await s.waitForKind(kind);
    await s.settled();
    // Fonts arrive by slices; a layout is judged once the text is drawn in them.
    await s.page.evaluate(() => document.fonts.ready.then(() => undefined));
  }
}

interface Layout {
  outside: string[];
  overflowing: string[];
  orphans: string[];
  slide: { width: number; height: number };
  // The share of the slide's height its drawn content spans, from the top of the first leaf
  // element to the bottom of the last.
  used: number;
}

// Measured in the page: every visible element inside the slide's box, every block that holds
// text shows all of it (scrollHeight <= clientHeight, and the same across, less the slack
// of glyphs), and no title line
// holds a single character.
async function layoutOf(s: SignageScreen): Promise<Layout> {
  return s.page.evaluate(() => {
    const body = document.querySelector<HTMLElement>('.layer.is-on .slide-body');
    if (!body) throw new Error('no slide on screen');
    const box = body.getBoundingClientRect();
    const outside: string[] = [];
    const overflowing: string[] = [];
    const orphans: string[] = [];
    let top = Infinity;
    let bottom = -Infinity;
    for (const el of [body, ...body.querySelectorAll<HTMLElement>('*')]) {
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      // (No helper function: the test runner's transform would name it, unknown in the page.)
      const label = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').slice(0, 30)}"`;
      if (cs.visibility === 'hidden' || r.width === 0 || r.height === 0) continue;
      // What is drawn: leaves (text, bars), not the boxes stretched around them.
      if (el.childElementCount === 0) {
        top = Math.min(top, r.top);
        bottom = Math.max(bottom, r.bottom);
      }
      if (
        r.left < box.left - 1 ||
        r.top < box.top - 1 ||
        r.right > box.right + 1 ||
        r.bottom > box.bottom + 1
      )
        outside.push(label);
      if (cs.display === 'inline') continue;
      // Glyphs of a tight line-height stick out of their line box by a fraction of an em:
      // that is drawn, not cut. A cut line is a whole line-height or more.
      const slack = 0.4 * parseFloat(cs.fontSize);
      if (el.scrollHeight > el.clientHeight + slack || el.scrollWidth > el.clientWidth + slack)
        overflowing.push(`${label} ${el.scrollHeight}>${el.clientHeight}`);
      if (/^H[12]$/.test(el.tagName)) {
        // Characters per line, by the top of each character's box.
        const lines = new Map<number, number>();
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent ?? '';
          for (let i = 0; i < text.length; i++) {
            if (/\s/.test(text[i] ?? '')) continue;
            const range = document.createRange();
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            const t = Math.round(range.getBoundingClientRect().top);
            lines.set(t, (lines.get(t) ?? 0) + 1);
          }
        }
        const tops = [...lines.keys()].sort((a, b) => a - b);
        const last = lines.get(tops[tops.length - 1] ?? 0) ?? 0;
        if (tops.length > 1 && last < 2) orphans.push(label);
      }
    }
    return {
      outside,
      overflowing,
      orphans,
      slide: { width: box.width, height: box.height },
      used: (bottom - top) / box.height,
    };
  });
}

async function assertFits(label: string, minUsed = 0) {
  for (const [o, s] of Object.entries(screens) as [Orientation, SignageScreen][]) {
    await s.shot(`layout-${o}-${label}`);
    const l = await layoutOf(s);
    const where = `${label} ${o}`;
    assert.deepEqual(l.outside, [], `${where}: outside the slide`);
    assert.deepEqual(l.overflowing, [], `${where}: text cut`);
    assert.deepEqual(l.orphans, [], `${where}: a title line with one character`);
    assert.ok(l.used >= minUsed, `${where}: content spans ${l.used.toFixed(2)} of the height`);
  }
}

test('a single notice, long and short, fits whole and uses the screen', async () => {
  const long = await notice({
    // 23 characters: at the portrait title size the last line would hold one.
    title: '关于地下车库B区照明线路改造期间临时停车安排的通知',
    body: LONG_BODY,
  });
  await show({ id: 'long', kind: 'notice', duration: 600, noticeId: long }, 'notice');
  await assertFits('notice-long');
  for (const s of Object.values(screens))
    await s.current().getByText(ENDING, { exact: false }).waitFor();

  const short = await notice({ title: '今晚停水', body: '22:00-24:00 检修水泵。' });
  await show({ id: 'short', kind: 'notice', duration: 600, noticeId: short }, 'notice');
  await assertFits('notice-short', 0.3);
  for (const s of Object.values(screens)) {
    const size = await s
      .current()
      .locator('h1')
      .evaluate((h) => getComputedStyle(h).fontSize);
    const rem = await s.page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    assert.ok(parseFloat(size) >= 3 * parseFloat(rem), `a short title is large: ${size}`);
  }
});

test('four notices a page, long texts, fit their cards', async () => {
  for (let i = 1; i <= 4; i++)
    await notice({
      title: `第${i}号：关于地下车库B区照明线路改造期间临时停车安排的通知`,
      body: LONG_BODY.slice(-150),
    });
  await show({ id: 'grid', kind: 'notices', duration: 600 }, 'notices');
  await assertFits('notices-long');
});

test('the contacts slide holds the captain and every liaison', async () => {
  await show({ id: 'contacts', kind: 'contacts', duration: 600 }, 'contacts');
  await assertFits('contacts');
});

test('the board uses the screen', async () => {
  for (const text of ['地库照明不足', '希望增加素食窗口', '早高峰等候太久']) {
    const r = await hub.api('POST', '/api/public/feedback', {
      building: 'demo',
      category: 'dining',
      text,
    });
    assert.equal(r.status, 201);
  }
  await show({ id: 'board', kind: 'board', duration: 600 }, 'board');
  await assertFits('board', 0.85);
});

test('an urgent notice is an amber important notice, unlike the red full-screen alert', async () => {
  const urgent = await notice({
    title: '本周五下午消防演练',
    body: '届时警铃将鸣响，请按指示有序疏散。',
    priority: 'urgent',
    category: 'safety',
  });
  await show({ id: 'urgent', kind: 'notice', duration: 600, noticeId: urgent }, 'notice');
  await assertFits('notice-urgent');
  for (const s of Object.values(screens)) {
    const slide = s.current();
    await slide.getByText('重要通知').waitFor();
    assert.equal(await slide.getByText('紧急').count(), 0, 'an urgent notice never says 紧急');
    const band = await slide
      .getByText('重要通知')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (band.match(/\d+/g) ?? []).map(Number);
    assert.ok(r! > 200 && g! > 120 && b! < 90, `amber band: ${band}`);
  }
  await hub.api(
    'PUT',
    '/api/staff/buildings/demo/alert',
    { level: 'emergency', title: '火警：请勿乘坐电梯', body: '请沿疏散指示从楼梯撤离。' },
    staff,
  );
  for (const [o, s] of Object.entries(screens) as [Orientation, SignageScreen][]) {
    await s.alert().getByText('紧急').waitFor();
    const box = await s.alert().boundingBox();
    const view = s.page.viewportSize();
    assert.ok(box && view && box.width >= view.width - 1 && box.height >= view.height - 1);
    assert.equal(await s.page.getByTestId('clock').count(), 0, 'the alert takes the whole screen');
    await s.shot(`layout-${o}-alert`);
  }
  await hub.api('DELETE', '/api/staff/buildings/demo/alert', undefined, staff);
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { phone as phoneCatalogue } from '#shared/i18n/phone';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

type Created = { ticket: string; secret: string };
const DAY = 86_400_000;
const WRONG = 'wrongwrongwrongwrongwron';

// Secret links (feedback follow-up, event tickets), what a ticket number alone tells, the
// headers every page carries, and pairing codes. The hub trusts X-Forwarded-For from
// loopback only, so each test speaks from its own client address.
describe('security: secret links, security headers, pairing codes', () => {
  let hub: TestHub;
  let admin: string;
  let feedback: Created;
  let registration: Created;
  let eventId: number;

  before(async () => {
    // The address limits as shipped (PUBLIC_RATE_LIMIT on), not off as for other suites.
    hub = await startTestHub({ publicRateLimit: 1200 });
    admin = await hub.login();
    const fb = await post('10.0.0.1', '/api/public/feedback', {
      building: 'demo',
      place: 1,
      category: 'elevator',
      text: 'Lift C skips the 9th floor',
      contact: { name: '张晓燕', phone: '13812345678' },
    });
    feedback = (await fb.json()) as Created;
    const start = Date.now() + 5 * DAY;
    const event = await hub.api<{ id: number }>(
      'POST',
      '/api/staff/events',
      {
        building: 'demo',
        title: 'Fire safety talk',
        kind: 'lecture',
        place: 'Hall 2F',
        start: new Date(start).toISOString(),
        end: new Date(start + 3600_000).toISOString(),
        capacity: 20,
      },
      admin,
    );
    eventId = event.body.id;
    const reg = await post('10.0.0.1', `/api/public/events/${eventId}/registrations`, {
      name: '王丽华',
      company: 'Acme',
      phone: '13987654321',
    });
    registration = (await reg.json()) as Created;
    assert.equal(reg.status, 201);
  });
  after(() => hub.stop());

  const from = (address: string, path: string, init: RequestInit = {}) =>
    fetch(hub.url + path, {
      ...init,
      headers: {
        'x-forwarded-for': address,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.headers as Record<string, string>),
      },
    });
  const post = (address: string, path: string, body: unknown) =>
    from(address, path, { method: 'POST', body: JSON.stringify(body) });

  test('wrong links are counted per address; past 30, even the right link gets 429 for a while', async () => {
    const a = '10.2.0.1';
    const f = feedback.ticket;
    const r = registration.ticket;
    const wrongTries = [
      () => from(a, `/api/public/feedback/${f}?secret=${WRONG}`),
      () => post(a, `/api/public/feedback/${f}/rating`, { secret: WRONG, rating: 1 }),
      () => post(a, `/api/public/feedback/${f}/reopen`, { secret: WRONG }),
      () => from(a, `/api/public/registrations/${r}?secret=${WRONG}`),
      () => from(a, `/api/public/registrations/${r}?secret=${WRONG}`, { method: 'DELETE' }),
      () => from(a, `/api/public/registrations/${r}/ics?secret=${WRONG}`),
      () => post(a, `/api/public/registrations/${r}/reconfirm`, { secret: WRONG }),
      () => post(a, `/api/public/registrations/${r}/release`, { secret: WRONG }),
      () => from(a, `/f/${f}?s=${WRONG}`),
      () => from(a, `/t/${r}?s=${WRONG}`),
      // The right secret on another ticket number is as wrong.
      () =>
        from(
          a,
          `/api/public/feedback/${f === '10000000' ? '10000001' : '10000000'}?secret=${feedback.secret}`,
        ),
    ];
    const rightFeedback = (address: string) =>
      from(address, `/api/public/feedback/${f}?secret=${feedback.secret}`);
    const rightTicket = (address: string) =>
      from(address, `/api/public/registrations/${r}?secret=${registration.secret}`);

    for (let i = 0; i < 29; i++) {
      const res = await wrongTries[i % wrongTries.length]!();
      assert.equal(res.status, 404, `try ${i}`);
    }
    // A person who mistyped stays welcome; right links do not count.
    assert.equal((await rightFeedback(a)).status, 200);
    assert.equal((await rightTicket(a)).status, 200);
    assert.equal((await wrongTries[0]!()).status, 404);

    assert.equal((await rightFeedback(a)).status, 429);
    assert.equal((await rightTicket(a)).status, 429);
    const rated = await post(a, `/api/public/feedback/${f}/rating`, {
      secret: feedback.secret,
      rating: 5,
    });
    assert.equal(rated.status, 429);
    assert.equal(
      (
        await from(a, `/api/public/registrations/${r}?secret=${registration.secret}`, {
          method: 'DELETE',
        })
      ).status,
      429,
    );
    // The phone pages say so in the reader's language, as a page.
    const page = await from(a, `/f/${f}?s=${feedback.secret}`, {
      headers: { 'accept-language': 'zh-CN' },
    });
    assert.equal(page.status, 429);
    assertPageHeaders(page, 'the 429 page');
    assert.ok((await page.text()).includes(phoneCatalogue['zh-CN']['busy.title']));
    assert.equal((await from(a, `/t/${r}?s=${registration.secret}`)).status, 429);

    // Another address is not held up, and nothing the refused calls asked for happened.
    const b = '10.2.0.2';
    assert.equal((await rightFeedback(b)).status, 200);
    assert.equal((await from(b, `/f/${f}?s=${feedback.secret}`)).status, 200);
    const seat = (await (await rightTicket(b)).json()) as { status: string };
    assert.equal(seat.status, 'confirmed');
    const view = (await (await rightFeedback(b)).json()) as { rating: number | null };
    assert.equal(view.rating, null);
  });

  test('a ticket number alone tells its status and category, nothing personal', async () => {
    const step = await hub.api(
      'PATCH',
      `/api/staff/feedback/${feedback.ticket}`,
      { status: 'discussing', note: 'Call 张晓燕 back', reply: 'We will look at lift C' },
      admin,
    );
    assert.equal(step.status, 200);
    const res = await from('10.3.0.1', `/api/public/feedback/${feedback.ticket}/status`);
    assert.equal(res.status, 200);
    const raw = await res.text();
    const body = JSON.parse(raw) as { steps: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(body).sort(), ['category', 'status', 'steps', 'ticket']);
    for (const s of body.steps) assert.deepEqual(Object.keys(s).sort(), ['at', 'status']);
    for (const secret of ['张晓燕', '13812345678', '5678', 'Lift C', 'lift C', 'Call', 'admin']) {
      assert.ok(!raw.includes(secret), `the status answer shows ${secret}`);
    }
  });

  // Every HTML page: a CSP that allows no inline or foreign script, no framing by others,
  // no MIME sniffing, and no Referer (secret links live in URLs).
  function assertPageHeaders(res: Response, what: string) {
    const h = (name: string) => res.headers.get(name) ?? '';
    assert.match(h('content-type'), /^text\/html/, what);
    const csp = new Map(
      h('content-security-policy')
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name = '', ...values]) => [name, values]),
    );
    const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
    assert.deepEqual(scripts, ["'self'"], `${what}: script-src`);
    assert.deepEqual(csp.get('script-src-attr'), ["'none'"], `${what}: script-src-attr`);
    assert.deepEqual(csp.get('object-src'), ["'none'"], `${what}: object-src`);
    // WebSockets to this hub only, by the name the page was loaded with.
    const host = new URL(hub.url).host;
    assert.deepEqual(csp.get('connect-src'), ["'self'", `ws://${host}`, `wss://${host}`], what);
    assert.ok(["'self'", "'none'"].includes(csp.get('base-uri')?.[0] ?? ''), `${what}: base-uri`);
    assert.ok(["'self'", "'none'"].includes(csp.get('frame-ancestors')?.[0] ?? ''), what);
    assert.match(h('x-frame-options'), /^(SAMEORIGIN|DENY)$/, what);
    assert.equal(h('x-content-type-options'), 'nosniff', what);
    assert.match(h('referrer-policy'), /^(no-referrer|same-origin)$/, what);
  }

  test('every page the hub serves carries the security headers, and no inline script', async () => {
    const qr = hub.ctx.store.db
      .prepare<[], { code: string; intent: string }>(
        'SELECT intent, MIN(code) AS code FROM qr_codes GROUP BY intent',
      )
      .all();
    assert.ok(qr.length >= 3);
    const pages: [string, number][] = [
      ['/console/', 200],
      ['/console/feedback/deep/link', 200],
      ['/signage/', 200],
      ['/signage/some/deep/link', 200],
      ['/kiosk/', 200],
      ['/kiosk/events', 200],
      ...qr.map((q): [string, number] => [`/q/${q.code}`, 200]),
      ['/f/new?b=demo&place=1', 200],
      [`/f/${feedback.ticket}?s=${feedback.secret}`, 200],
      [`/t/${registration.ticket}?s=${registration.secret}`, 200],
      ['/e?b=demo', 200],
      [`/e/${eventId}`, 200],
      ['/c?b=demo', 200],
      ['/c/1', 200],
      ['/q/nosuchqr', 404],
      ['/t/10000000?s=notthesecretofthisticket', 404],
      ['/f/not-a-ticket', 400],
    ];
    for (const [path, status] of pages) {
      const res = await from('10.4.0.1', path);
      assert.equal(res.status, status, path);
      assertPageHeaders(res, path);
      const html = await res.text();
      // The CSP would block an inline script: a page that needs one is broken. Data blocks
      // (type="application/json") are not run.
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
        assert.match(tag, /\bsrc="\/[^/]|type="application\/json"/, `${path}: ${tag}`);
      }
    }
    for (const secretPage of [`/f/${feedback.ticket}?s=${feedback.secret}`]) {
      const res = await from('10.4.0.1', secretPage);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(res.headers.get('cache-control'), 'no-store');
    }
  });

  test('API answers, files and errors are never sniffed', async () => {
    const calls = [
      '/api/public/buildings',
      '/api/public/feedback/abc',
      '/api/nope',
      '/healthz',
      `/api/public/registrations/${registration.ticket}/ics?secret=${registration.secret}`,
      '/c/1/vcard',
    ];
    for (const path of calls) {
      const res = await from('10.5.0.1', path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.doesNotMatch(res.headers.get('content-type') ?? '', /html/, path);
    }
  });

  test('pairing: codes are six digits, spent once, and one address holds at most 30', async () => {
    const ask = (address: string) => post(address, '/api/devices/pairing', { kind: 'signage' });
    const first = (await (await ask('10.6.0.1')).json()) as { deviceId: string; code: string };
    assert.match(first.code, /^[0-9]{6}$/);
    const claim = () =>
      hub.api(
        'POST',
        '/api/staff/devices',
        { code: first.code, building: 'demo', kind: 'signage' },
        admin,
      );
    const claimed = await claim();
    assert.equal(claimed.status, 201);
    // Staff learn the device id, never its token: only the screen that asked collects it.
    assert.deepEqual(Object.keys(claimed.body as object), ['deviceId']);
    assert.equal((await claim()).status, 404);

    for (let i = 1; i < 30; i++) assert.equal((await ask('10.6.0.1')).status, 201, `ask ${i}`);
    assert.equal((await ask('10.6.0.1')).status, 429);
    assert.equal((await ask('10.6.0.2')).status, 201);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MqttClient } from 'mqtt';
import { CONTENT_TOPICS, topics } from '#shared/topics';
import { documentedRoutes } from '../helpers/openapi.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { connectDevice, pairDevice, subscribe } from '../helpers/mqtt.ts';

// What only staff may read, each spelled so it cannot occur by chance in a public answer.
const NOTE = '内部备注-NOTE7731-call the tenant back';
const DECLINE = 'DECLINE7731 tenant matter';
const ASSIGNEE = 'ASSIGNEE7731 物业';
const REQUESTER_PHONE = '13977317731';
const REQUESTER_NAME = '王七七三一';
const REPLY = 'REPLY7731 parts ordered';
const COMMENT = 'COMMENT7731 thank you';

describe('staff-only fields never reach a public page, answer or screen', () => {
  let hub: TestHub;
  let handler: string;
  let admin: string;
  let placeId: number;
  let eventId: number;
  let contactId: number;
  let captainCode: string;
  let qrCode: string;
  let fb: { ticket: string; secret: string };
  let declined: { ticket: string; secret: string };
  let reg: { ticket: string; secret: string };
  const rated: string[] = [];

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
    handler = await hub.staff('handler');
    placeId = (
      await hub.api<{ id: number }[]>('GET', '/api/staff/buildings/demo/places', undefined, admin)
    ).body[0]!.id;
    const contacts = await hub.api<{ id: number; captainCode: string | null }[]>(
      'GET',
      '/api/staff/buildings/demo/contacts',
      undefined,
      admin,
    );
    const captain = contacts.body.find((c) => c.captainCode !== null)!;
    contactId = captain.id;
    captainCode = captain.captainCode!;
    qrCode = hub.ctx.store.db
      .prepare<[], { code: string }>("SELECT code FROM qr_codes WHERE intent = 'feedback'")
      .get()!.code;
    eventId = (await hub.api<{ id: number }[]>('GET', '/api/public/buildings/demo/events')).body[0]!
      .id;
    const r = await hub.api<{ ticket: string; secret: string }>(
      'POST',
      `/api/public/events/${eventId}/registrations`,
      { name: '李四', company: 'Acme', phone: '13600001111', captainCode },
    );
    reg = r.body;

    const submit = async () =>
      (
        await hub.api<{ ticket: string; secret: string }>('POST', '/api/public/feedback', {
          building: 'demo',
          place: placeId,
          category: 'elevator',
          text: 'Lift B stops between floors',
          contact: { name: REQUESTER_NAME, phone: REQUESTER_PHONE },
        })
      ).body;
    const step = async (ticket: string, body: Record<string, unknown>) =>
      assert.equal(
        (await hub.api('PATCH', `/api/staff/feedback/${ticket}`, body, handler)).status,
        200,
      );
    fb = await submit();
    await step(fb.ticket, { status: 'discussing', note: NOTE });
    await step(fb.ticket, { status: 'assigned', assignee: ASSIGNEE, note: NOTE });
    await step(fb.ticket, { status: 'in_progress', reply: REPLY });
    await step(fb.ticket, { status: 'resolved', note: NOTE, reply: REPLY });
    const rating = await hub.api(`POST`, `/api/public/feedback/${fb.ticket}/rating`, {
      secret: fb.secret,
      rating: 4,
      comment: COMMENT,
    });
    rated.push(JSON.stringify(rating.body));
    declined = await submit();
    await step(declined.ticket, { status: 'declined', note: DECLINE, reply: REPLY });
  });
  after(() => hub.stop());

  const assertClean = (what: string, text: string) => {
    for (const secret of [NOTE, DECLINE, ASSIGNEE, REQUESTER_PHONE, REQUESTER_NAME, captainCode]) {
      assert.ok(!text.includes(secret), `${what} shows "${secret}"`);
    }
    assert.ok(!text.includes('"note"'), `${what} has a note field`);
    assert.ok(!text.includes('handler'), `${what} names the staff member`);
  };

  test("the requester's link shows replies and their own words, never a staff note", async () => {
    const v = await hub.api<{ steps: { reply?: string; comment?: string }[] }>(
      'GET',
      `/api/public/feedback/${fb.ticket}?secret=${fb.secret}`,
    );
    assert.equal(v.status, 200);
    assertClean('the follow answer', JSON.stringify(v.body));
    assert.ok(v.body.steps.some((s) => s.reply === REPLY));
    assert.ok(v.body.steps.some((s) => s.comment === COMMENT));
    assertClean('the rating answer', rated.join());
    const page = await fetch(`${hub.url}/f/${fb.ticket}?s=${fb.secret}`);
    const html = await page.text();
    assert.equal(page.status, 200);
    assertClean('the follow page', html);
    assert.ok(html.includes(REPLY));
    const d = await hub.api(
      'GET',
      `/api/public/feedback/${declined.ticket}?secret=${declined.secret}`,
    );
    assertClean('a declined ticket', JSON.stringify(d.body));
    // The handler still reads every note.
    const staff = await hub.api('GET', `/api/staff/feedback/${fb.ticket}`, undefined, handler);
    assert.ok(JSON.stringify(staff.body).includes(NOTE));
  });

  test('every public GET route and phone page', async () => {
    const values: Record<string, string> = {
      '/api/public/buildings': '',
      '/api/public/buildings/{b}': '/api/public/buildings/demo',
      '/api/public/buildings/{b}/board': '/api/public/buildings/demo/board',
      '/api/public/buildings/{b}/contacts': '/api/public/buildings/demo/contacts',
      '/api/public/buildings/{b}/events': '/api/public/buildings/demo/events',
      '/api/public/buildings/{b}/notices': '/api/public/buildings/demo/notices',
      '/api/public/events/{id}': `/api/public/events/${eventId}`,
      '/api/public/feedback/{ticket}': `/api/public/feedback/${fb.ticket}?secret=${fb.secret}`,
      '/api/public/feedback/{ticket}/status': `/api/public/feedback/${fb.ticket}/status`,
      '/api/public/places/{id}/open-feedback': `/api/public/places/${placeId}/open-feedback`,
      '/api/public/qr/{code}': `/api/public/qr/${qrCode}`,
      '/api/public/registrations/{ticket}': `/api/public/registrations/${reg.ticket}?secret=${reg.secret}`,
      '/api/public/registrations/{ticket}/ics': `/api/public/registrations/${reg.ticket}/ics?secret=${reg.secret}`,
    };
    const routes = (await documentedRoutes(hub)).filter(
      (r) => r.method === 'GET' && r.path.startsWith('/api/public/'),
    );
    for (const r of routes) {
      const path = values[r.path];
      assert.ok(path !== undefined, `a value for ${r.path}: add it above`);
      const res = await fetch(hub.url + (path || r.path));
      assert.ok(res.status < 400, `${r.path}: ${res.status}`);
      assertClean(r.path, await res.text());
    }
    const pages = [
      `/f/${declined.ticket}?s=${declined.secret}`,
      `/t/${reg.ticket}?s=${reg.secret}`,
      '/c?b=demo',
      `/c/${contactId}`,
      `/c/${contactId}/vcard`,
      '/e?b=demo',
      `/e/${eventId}`,
      `/f/new?b=demo&place=${placeId}`,
      `/q/${qrCode}`,
    ];
    for (const p of pages) {
      const res = await fetch(hub.url + p);
      assert.equal(res.status, 200, p);
      assertClean(p, await res.text());
    }
  });

  test('every retained content topic a screen receives', async () => {
    const device = await pairDevice(hub, { staff: admin });
    let client: MqttClient | undefined;
    try {
      client = await connectDevice(device);
      const got = new Map<string, string>();
      client.on('message', (t, payload) => got.set(t, payload.toString('utf8')));
      await subscribe(client, topics.buildingContent('demo'));
      // Every content topic but the alert (none is raised) arrives retained.
      const wanted = CONTENT_TOPICS.filter((t) => t !== 'alert').map((t) =>
        topics.content('demo', t),
      );
      await until(() => wanted.every((t) => got.has(t)));
      for (const [t, text] of got) assertClean(t, text);
    } finally {
      await client?.endAsync();
    }
  });
});

async function until(ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

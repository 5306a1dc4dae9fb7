import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { parseCsv } from '../e2e/pages/console-csv.ts';

type PlaysReport = {
  rows: { slide: string; deviceId: string; plays: number; seconds: number }[];
  days: { date: string; plays: number }[];
};
type FeedbackReport = {
  rows: {
    month: string;
    category: string;
    received: number;
    closed: number;
    open: number;
    medianDaysToClose: number | null;
    satisfaction: number | null;
  }[];
};
type AttendanceReport = {
  rows: {
    eventId: number;
    confirmed: number;
    checkedIn: number;
    walkIns: number;
    noShows: number | null;
  }[];
};

const DAY = 86_400_000;

describe('reports: proof of play, feedback, attendance, place stats; JSON and CSV', () => {
  let hub: TestHub;
  let admin: string;
  const now = new Date();
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const period = (from: string, to: string) => `building=demo&from=${from}&to=${to}`;
  let eventId = 0;

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
    const { store } = hub.ctx;
    for (const [id, code] of [
      ['d-aaaaaaaaaa', '100001'],
      ['d-bbbbbbbbbb', '100002'],
    ] as const) {
      store.devices.insertPending(id, 'signage', code, now.toISOString(), now.toISOString());
    }
    const play = (device: string, n: number, slide: string, at: Date) =>
      store.plays.record(
        device,
        'demo',
        {
          id: `${device}-${slide}-${n}`,
          slide,
          playlist: null,
          start: at.toISOString(),
          duration: 20,
        },
        now.toISOString(),
      );
    for (let i = 0; i < 3; i++)
      play('d-aaaaaaaaaa', i, 'notices', new Date(now.getTime() - i * 60_000));
    play('d-bbbbbbbbbb', 0, 'notices', now);
    play('d-bbbbbbbbbb', 1, 'events', new Date(now.getTime() - 2 * DAY));

    const e = await hub.api<{ id: number }>(
      'POST',
      '/api/staff/events',
      {
        building: 'demo',
        title: 'First-aid class, "hands on"',
        kind: 'health',
        place: '=1F hall',
        capacity: 20,
        start: new Date(now.getTime() + 3600_000).toISOString(),
        end: new Date(now.getTime() + 2 * 3600_000).toISOString(),
      },
      admin,
    );
    eventId = e.body.id;
    const tickets: string[] = [];
    for (const [name, phone] of [
      ['甲', '13800000001'],
      ['乙', '13800000002'],
    ]) {
      const r = await hub.api<{ ticket: string }>(
        'POST',
        `/api/public/events/${eventId}/registrations`,
        { name, phone, company: 'A' },
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      tickets.push(r.body.ticket);
    }
    assert.equal(
      (await hub.api('POST', '/api/staff/checkins', { ticket: tickets[0] }, admin)).status,
      200,
    );
    const walkIn = await hub.api(
      'POST',
      `/api/staff/events/${eventId}/walkins`,
      { name: '丙', phone: '13800000003' },
      admin,
    );
    assert.equal(walkIn.status, 201);

    for (const text of ['Car park gate is stuck', 'Lift B is noisy', 'More bike racks please']) {
      const r = await hub.api<{ ticket: string; secret: string }>('POST', '/api/public/feedback', {
        building: 'demo',
        category: text.startsWith('Car') ? 'parking' : 'facilities',
        text,
      });
      assert.equal(r.status, 201);
      if (text.startsWith('Lift')) {
        await hub.api(
          'PATCH',
          `/api/staff/feedback/${r.body.ticket}`,
          { status: 'in_progress' },
          admin,
        );
        await hub.api(
          'PATCH',
          `/api/staff/feedback/${r.body.ticket}`,
          { status: 'resolved', reply: 'Oiled.' },
          admin,
        );
        const rated = await hub.api('POST', `/api/public/feedback/${r.body.ticket}/rating`, {
          secret: r.body.secret,
          rating: 4,
        });
        assert.equal(rated.status, 200, JSON.stringify(rated.body));
      }
    }
  });
  after(() => hub.stop());

  test('proof of play by slide and device, and per day', async () => {
    const r = await hub.api<PlaysReport>(
      'GET',
      `/api/staff/reports/plays?${period(today, today)}`,
      undefined,
      admin,
    );
    assert.equal(r.status, 200);
    const a = r.body.rows.find((x) => x.deviceId === 'd-aaaaaaaaaa' && x.slide === 'notices');
    assert.equal(a?.plays, 3);
    assert.equal(a?.seconds, 60);
    assert.equal(
      r.body.rows.filter((x) => x.slide === 'events').length,
      0,
      'two days ago is outside',
    );
    const week = await hub.api<PlaysReport>(
      'GET',
      `/api/staff/reports/plays?${period(new Date(now.getTime() - 6 * DAY + 8 * 3600_000).toISOString().slice(0, 10), today)}`,
      undefined,
      admin,
    );
    assert.equal(
      week.body.days.reduce((n, d) => n + d.plays, 0),
      5,
    );
  });

  test('feedback by month and category with the median time to close and satisfaction', async () => {
    const r = await hub.api<FeedbackReport>(
      'GET',
      `/api/staff/reports/feedback?${period(today, today)}`,
      undefined,
      admin,
    );
    assert.equal(r.status, 200);
    const facilities = r.body.rows.find((x) => x.category === 'facilities');
    assert.equal(facilities?.received, 2);
    assert.equal(facilities?.closed, 1, 'rating closes it');
    assert.equal(facilities?.satisfaction, 4);
    assert.equal(typeof facilities?.medianDaysToClose, 'number');
    assert.equal(r.body.rows.find((x) => x.category === 'parking')?.open, 1);
  });

  test('attendance: present, walk-ins and, once it has ended, no-shows', async () => {
    let r = await hub.api<AttendanceReport>(
      'GET',
      `/api/staff/reports/attendance?${period(today, new Date(now.getTime() + 2 * DAY).toISOString().slice(0, 10))}`,
      undefined,
      admin,
    );
    let row = r.body.rows.find((x) => x.eventId === eventId);
    assert.deepEqual([row?.confirmed, row?.checkedIn, row?.walkIns, row?.noShows], [3, 2, 1, null]);
    hub.ctx.now = () => new Date(now.getTime() + 3 * 3600_000);
    try {
      r = await hub.api<AttendanceReport>(
        'GET',
        `/api/staff/reports/attendance?${period(today, new Date(now.getTime() + 2 * DAY).toISOString().slice(0, 10))}`,
        undefined,
        admin,
      );
      row = r.body.rows.find((x) => x.eventId === eventId);
      assert.equal(row?.noShows, 1);
    } finally {
      hub.ctx.now = () => new Date();
    }
  });

  test('CSV exports parse: a header, one line per row, quotes and formulas defused', async () => {
    for (const kind of ['plays', 'feedback', 'attendance']) {
      const json = await hub.api<{ rows: unknown[] }>(
        'GET',
        `/api/staff/reports/${kind}?${period(today, today)}`,
        undefined,
        admin,
      );
      const res = await fetch(
        `${hub.url}/api/staff/reports/${kind}/csv?${period(today, today)}&locale=en`,
        { headers: { authorization: `Bearer ${admin}` } },
      );
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
      assert.match(
        res.headers.get('content-disposition') ?? '',
        new RegExp(`${kind}-demo-${today}`),
      );
      const rows = parseCsv(await res.text());
      assert.equal(rows.length, json.body.rows.length + 1, kind);
      assert.ok(
        rows.every((r) => r.length === rows[0]?.length),
        `${kind}: every row as wide as the header`,
      );
    }
    // The event starts in an hour, which in the building's time may already be tomorrow.
    const tomorrow = new Date(now.getTime() + DAY + 8 * 3600_000).toISOString().slice(0, 10);
    const res = await fetch(
      `${hub.url}/api/staff/reports/attendance/csv?${period(today, tomorrow)}`,
      {
        headers: { authorization: `Bearer ${admin}` },
      },
    );
    const [header, first] = parseCsv(await res.text());
    assert.equal(header?.[0], '活动', 'Chinese column names by default');
    assert.equal(first?.[0], 'First-aid class, "hands on"');
  });

  test('bad periods are refused; place stats count scans and feedback', async () => {
    const bad = await hub.api<{ error: { field: string } }>(
      'GET',
      `/api/staff/reports/plays?${period('2026-02-01', '2026-01-01')}`,
      undefined,
      admin,
    );
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'to');
    assert.equal(
      (await hub.api('GET', `/api/staff/reports/plays?${period(today, today)}`)).status,
      401,
    );
    const places = await hub.api<{ id: number; codes: { code: string }[] }[]>(
      'GET',
      '/api/staff/buildings/demo/places',
      undefined,
      admin,
    );
    const first = places.body[0];
    assert.ok(first);
    hub.ctx.store.buildings.countScan(first.codes[0]?.code ?? '');
    const stats = await hub.api<{ placeId: number; scans: number }[]>(
      'GET',
      '/api/staff/buildings/demo/places/stats',
      undefined,
      admin,
    );
    assert.equal(stats.body.length, places.body.length);
    assert.equal(stats.body.find((s) => s.placeId === first.id)?.scans, 1);
  });
});

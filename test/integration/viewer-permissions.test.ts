import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

const PASSWORD = 'a-long-test-password';

// Viewers follow the work; they need neither the codes that reserve captains' seats, nor
// who wrote in, nor citizens' photos (hardening 18.7).
describe('what a viewer reads', () => {
  let hub: TestHub;
  const tokens: Record<string, string> = {};
  let ticket: string;
  let eventId: number;

  before(async () => {
    hub = await startTestHub();
    tokens.admin = await hub.login();
    for (const role of ['editor', 'handler', 'viewer']) {
      await hub.api(
        'POST',
        '/api/staff/users',
        { username: role, displayName: role, role, password: PASSWORD },
        tokens.admin,
      );
      tokens[role] = await hub.login(role, PASSWORD);
    }
    const fb = await hub.api<{ ticket: string }>('POST', '/api/public/feedback', {
      building: 'demo',
      category: 'dining',
      text: 'The canteen closes too early',
      contact: { name: '张晓燕', phone: '13912345678' },
    });
    ticket = fb.body.ticket;
    eventId = (await hub.api<{ id: number }[]>('GET', '/api/public/buildings/demo/events')).body[0]!
      .id;
    const reg = await hub.api('POST', `/api/public/events/${eventId}/registrations`, {
      name: '欧阳娜娜',
      company: 'Acme',
      phone: '13600002222',
    });
    assert.equal(reg.status, 201);
  });
  after(() => hub.stop());

  const get = <T>(path: string, role: string) =>
    hub.api<T>('GET', path, undefined, tokens[role]).then((r) => {
      assert.equal(r.status, 200, `${role} ${path}`);
      return r.body;
    });

  test('captain codes: admins and editors only', async () => {
    for (const role of ['admin', 'editor', 'handler', 'viewer']) {
      const contacts = await get<{ role: string; captainCode: string | null }[]>(
        '/api/staff/buildings/demo/contacts',
        role,
      );
      const codes = contacts.filter((c) => c.captainCode !== null).length;
      if (role === 'admin' || role === 'editor') assert.ok(codes > 0, role);
      else assert.equal(codes, 0, role);
    }
  });

  test('feedback: the viewer sees the name and number masked, and no photo', async () => {
    type Row = { ticket: string; contactName: string | null; contactPhone: string | null };
    const detail = await get<Row>(`/api/staff/feedback/${ticket}`, 'viewer');
    assert.equal(detail.contactName, '张**');
    assert.equal(detail.contactPhone, '139****5678');
    const list = await get<Row[]>('/api/staff/buildings/demo/feedback', 'viewer');
    const row = list.find((r) => r.ticket === ticket);
    assert.deepEqual([row?.contactName, row?.contactPhone], ['张**', '139****5678']);
    const handler = await get<Row>(`/api/staff/feedback/${ticket}`, 'handler');
    assert.deepEqual([handler.contactName, handler.contactPhone], ['张晓燕', '13912345678']);
  });

  test('registrations: the viewer sees names and numbers masked', async () => {
    type Reg = { name: string; phone: string };
    const path = `/api/staff/events/${eventId}/registrations`;
    const seen = await get<Reg[]>(path, 'viewer');
    assert.ok(seen.some((r) => r.name === '欧***' && r.phone === '136****2222'));
    assert.ok(!JSON.stringify(seen).includes('欧阳娜娜'));
    const editor = await get<Reg[]>(path, 'editor');
    assert.ok(
      editor.some((r) => r.name === '欧阳娜娜'),
      'editors check people in by name',
    );
  });
});

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { migrate } from '../../hub/src/store/db.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { registrationCalls, type ErrorBody } from '../helpers/registrations.ts';

const MIGRATIONS = join(import.meta.dirname, '../../hub/src/store/migrations');
const SPELLINGS = ['8613400005555', '008613400005555', '+0086 134 0000 5555', '+86-134-0000-5555'];

// One phone, many spellings: numbers are stored and compared in E.164 (China the default
// region) wherever they are kept, and shown as people write them.
describe('phone numbers: one spelling per number', () => {
  let hub: TestHub;
  let admin: string;
  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
  });
  after(() => hub.stop());
  const { newEvent, register } = registrationCalls(() => ({ hub, admin }));

  test('a phone registered once is refused in every other spelling', async () => {
    const id = await newEvent({ capacity: 10 });
    const first = await register(id, { phone: '13400005555' });
    assert.equal(first.status, 201);
    for (const phone of SPELLINGS) {
      const again = await register(id, { phone });
      assert.equal(again.status, 409, phone);
      assert.equal(again.body.error.field, 'phone');
    }
    const stored = hub.ctx.store.db
      .prepare<[number], { phone: string }>('SELECT phone FROM registrations WHERE event_id = ?')
      .all(id);
    assert.deepEqual(stored, [{ phone: '+8613400005555' }]);
    const listed = await hub.api<{ phone: string }[]>(
      'GET',
      `/api/staff/events/${id}/registrations`,
      undefined,
      admin,
    );
    assert.equal(listed.body[0]?.phone, '13400005555', 'shown as people write it');
  });

  test("a number that is none is refused, naming the field, in the reader's language", async () => {
    const id = await newEvent();
    const r = await fetch(`${hub.url}/api/public/events/${id}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: JSON.stringify({ name: '王丽华', company: 'Acme', phone: '12345678' }),
    });
    const body = (await r.json()) as ErrorBody;
    assert.equal(r.status, 400);
    assert.equal(body.error.field, 'phone');
    assert.match(body.error.message, /手机号/);
    const fb = await hub.api<ErrorBody>('POST', '/api/public/feedback', {
      building: 'demo',
      category: 'other',
      text: 'call me back',
      contact: { phone: '000 000 00' },
    });
    assert.equal(fb.status, 400);
    assert.equal(fb.body.error.field, 'contact.phone');
    const contact = await hub.api<ErrorBody>(
      'POST',
      '/api/staff/contacts',
      { building: 'demo', name: '李强', role: 'captain', floors: [3], phone: '99999999' },
      admin,
    );
    assert.equal(contact.status, 400);
    assert.equal(contact.body.error.field, 'phone');
  });

  test('feedback and captains keep E.164; "me too" knows the requester in any spelling', async () => {
    const filed = await hub.api<{ ticket: string }>('POST', '/api/public/feedback', {
      building: 'demo',
      place: 1,
      category: 'other',
      text: 'The revolving door squeaks',
      contact: '+86 135 0000 1234',
    });
    assert.equal(filed.status, 201);
    const joined = await hub.api<ErrorBody>(
      'POST',
      `/api/public/feedback/${filed.body.ticket}/support`,
      { contact: '0086 13500001234' },
    );
    assert.equal(joined.status, 409);
    assert.equal(joined.body.error.field, 'contact');
    const made = await hub.api<{ id: number }>(
      'POST',
      '/api/staff/contacts',
      { building: 'demo', name: '李强', role: 'captain', floors: [3], phone: '0086 136 0000 7777' },
      admin,
    );
    assert.equal(made.status, 201);
    const row = hub.ctx.store.db
      .prepare<[number], { phone: string }>('SELECT phone FROM contacts WHERE id = ?')
      .get(made.body.id);
    assert.equal(row?.phone, '+8613600007777');
  });
});

test('the migration rewrites numbers stored in older spellings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lobby-phones-'));
  try {
    // A database as it was before migration 009.
    const before = join(dir, 'before');
    mkdirSync(before);
    for (const f of readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql') && f < '009')) {
      copyFileSync(join(MIGRATIONS, f), join(before, f));
    }
    const db = new Database(join(dir, 'lobby.db'));
    migrate(db, before);
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO buildings (id, name, created_at) VALUES ('b', 'B', ?)`).run(now);
    db.exec(`INSERT INTO contacts (building_id, name, role, floors, company, phone, created_at, updated_at)
      VALUES ('b', 'C', 'captain', '[]', '', '+86 138 0000 1111', '${now}', '${now}'),
             ('b', 'D', 'liaison', '[]', '', '021-6888 1234', '${now}', '${now}'),
             ('b', 'E', 'liaison', '[]', '', '123', '${now}', '${now}')`);
    migrate(db);
    const phones = db
      .prepare<[], { phone: string }>('SELECT phone FROM contacts ORDER BY id')
      .all()
      .map((r) => r.phone);
    assert.deepEqual(phones, ['+8613800001111', '+862168881234', '123']);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

type Contact = { name: string; role: string; phone: string; hours: string };
type Notice = { title: string; body: string };

// The demo tower as a visitor reads it: one person is one name with one phone, and the
// station opens at one set of hours wherever they are written.
describe('demo data', () => {
  let hub: TestHub;
  let contacts: Contact[];
  before(async () => {
    hub = await startTestHub();
    contacts = (await hub.api<Contact[]>('GET', '/api/public/buildings/demo/contacts')).body;
  });
  after(() => hub.stop());

  test('one phone per person, one person per phone', () => {
    const phoneOf = new Map<string, string>();
    const nameOf = new Map<string, string>();
    for (const c of contacts) {
      assert.equal(phoneOf.get(c.name) ?? c.phone, c.phone, `${c.name} has two phones`);
      assert.equal(nameOf.get(c.phone) ?? c.name, c.name, `${c.phone} belongs to two people`);
      phoneOf.set(c.name, c.phone);
      nameOf.set(c.phone, c.name);
    }
  });

  test('one set of opening hours: the supervisor card and the notice agree', async () => {
    const hours = contacts.find((c) => c.role === 'party_supervisor')?.hours;
    assert.ok(hours);
    const notices = await hub.api<Notice[]>(
      'GET',
      '/api/staff/buildings/demo/notices',
      undefined,
      await hub.login(),
    );
    const opening = notices.body.find((n) => n.title.includes('开放时间'));
    assert.ok(opening);
    assert.ok(opening.body.includes(hours), `${opening.body} / ${hours}`);
    const { kiosk } = await import('../../shared/i18n/kiosk.ts');
    const catalogue = JSON.stringify(kiosk);
    assert.doesNotMatch(
      catalogue,
      /[0-9]{1,2}:[0-9]{2}\s*[–-]\s*[0-9]{1,2}:[0-9]{2}/,
      'no hours in the catalogue',
    );
  });
});

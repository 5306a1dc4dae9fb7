import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

type Place = { id: number; name: string; codes: { code: string; intent: string }[] };
type Entry = {
  code: string;
  intent: string;
  target: number | null;
  place: { id: number; name: string; floor: number | null; bank: string | null };
  building: { id: string; name: string; timezone: string };
};

describe('QR entry', () => {
  let hub: TestHub;
  let places: Place[];

  before(async () => {
    hub = await startTestHub();
    const admin = await hub.login();
    places = (await hub.api<Place[]>('GET', '/api/staff/buildings/demo/places', undefined, admin))
      .body;
  });
  after(() => hub.stop());

  test('a code names its place, intent and building, and every scan is counted', async () => {
    const place = places.find((p) => p.name === '7F 梯厅') as Place;
    const code = place.codes.find((c) => c.intent === 'feedback')?.code as string;
    const scans = () => hub.ctx.store.buildings.code(code)?.scans;
    const before = scans();
    const r = await hub.api<Entry>('GET', `/api/public/qr/${code}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, {
      code,
      intent: 'feedback',
      target: null,
      place: { id: place.id, name: '7F 梯厅', floor: 7, bank: 'A' },
      building: { id: 'demo', name: '滨江中心大厦', timezone: 'Asia/Shanghai' },
    });
    await hub.api('GET', `/api/public/qr/${code}`);
    assert.equal(scans(), (before ?? 0) + 2);
  });

  test('an unknown code is 404, a malformed one 400', async () => {
    assert.equal((await hub.api('GET', '/api/public/qr/nocode00')).status, 404);
    const bad = await hub.api<{ error: { field: string } }>('GET', '/api/public/qr/a%20b');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'code');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dueAfter } from '../../hub/src/services/holidays.ts';
import { rowCount, startTestHub, type TestHub } from '../helpers/hub.ts';

type Day = { date: string; kind: string; name: string };
type ErrorBody = { error: { code: string; field?: string } };

describe('holiday calendar: staff routes and deadlines on it', () => {
  let hub: TestHub;
  let handler: string;
  let editor: string;

  before(async () => {
    hub = await startTestHub();
    const admin = await hub.login();
    for (const [username, role] of [
      ['ha', 'handler'],
      ['ed', 'editor'],
    ] as const) {
      await hub.api(
        'POST',
        '/api/staff/users',
        { username, displayName: username, role, password: 'a-long-password' },
        admin,
      );
    }
    handler = await hub.login('ha', 'a-long-password');
    editor = await hub.login('ed', 'a-long-password');
  });
  after(() => hub.stop());

  const path = '/api/staff/buildings/demo/holidays';

  test('a handler enters the Spring Festival as a range and its swapped working days', async () => {
    const off = await hub.api<{ days: number }>(
      'PUT',
      path,
      { from: '2025-01-28', to: '2025-02-04', kind: 'holiday', name: '春节' },
      handler,
    );
    assert.equal(off.status, 200);
    assert.equal(off.body.days, 8);
    for (const date of ['2025-01-26', '2025-02-08']) {
      const r = await hub.api(
        'PUT',
        path,
        { from: date, to: date, kind: 'workday', name: '春节调休' },
        handler,
      );
      assert.equal(r.status, 200);
    }
    const list = await hub.api<Day[]>(
      'GET',
      `${path}?from=2025-01-01&to=2025-02-28`,
      undefined,
      editor,
    );
    assert.equal(list.status, 200);
    assert.equal(list.body.length, 10);
    assert.deepEqual(list.body[0], { date: '2025-01-26', kind: 'workday', name: '春节调休' });
  });

  test('deadlines count working days on that calendar', () => {
    // Friday 24 January, 10:00 in Shanghai: Sun 26 and Mon 27 are worked, then eight days off.
    const due = dueAfter(hub.ctx, 'demo', new Date('2025-01-24T02:00:00Z'), 3);
    assert.equal(due.toISOString(), '2025-02-05T16:00:00.000Z');
    const later = dueAfter(hub.ctx, 'demo', new Date('2025-02-04T02:00:00Z'), 4);
    assert.equal(later.toISOString(), '2025-02-08T16:00:00.000Z', 'Saturday 8 February is worked');
  });

  test('editors may read but not change it; bad ranges change nothing', async () => {
    const rows = rowCount(hub);
    const denied = await hub.api(
      'PUT',
      path,
      { from: '2025-05-01', to: '2025-05-05', kind: 'holiday', name: '劳动节' },
      editor,
    );
    assert.equal(denied.status, 403);
    const backwards = await hub.api<ErrorBody>(
      'PUT',
      path,
      { from: '2025-05-05', to: '2025-05-01', kind: 'holiday', name: 'x' },
      handler,
    );
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.error.field, 'to');
    const long = await hub.api<ErrorBody>(
      'PUT',
      path,
      { from: '2025-01-01', to: '2025-03-01', kind: 'holiday', name: 'x' },
      handler,
    );
    assert.equal(long.body.error.field, 'to');
    const kind = await hub.api<ErrorBody>(
      'PUT',
      path,
      { from: '2025-05-01', to: '2025-05-01', kind: 'party', name: 'x' },
      handler,
    );
    assert.equal(kind.body.error.field, 'kind');
    const nowhere = await hub.api(
      'PUT',
      '/api/staff/buildings/nowhere/holidays',
      { from: '2025-05-01', to: '2025-05-01', kind: 'holiday', name: 'x' },
      handler,
    );
    assert.equal(nowhere.status, 404);
    assert.equal(rowCount(hub), rows);
  });

  test('a range is removed again, with an audit row for every change', async () => {
    const removed = await hub.api<{ days: number }>(
      'DELETE',
      `${path}?from=2025-02-01&to=2025-02-28`,
      undefined,
      handler,
    );
    assert.equal(removed.body.days, 5);
    const left = await hub.api<Day[]>('GET', path, undefined, handler);
    assert.deepEqual(
      left.body.map((d) => d.date),
      ['2025-01-26', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
    );
    const audit = await hub.api<{ action: string; actor: string }[]>(
      'GET',
      '/api/staff/audit?entity=holidays',
      undefined,
      await hub.login(),
    );
    assert.deepEqual(
      audit.body.map((a) => a.action),
      ['delete', 'update', 'update', 'update'],
    );
    assert.ok(audit.body.every((a) => a.actor === 'ha'));
  });
});

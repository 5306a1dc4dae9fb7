import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { Actor } from '../../hub/src/context.ts';
import { ApiError } from '../../hub/src/errors.ts';
import {
  assertBuilding,
  assertDistrict,
  inScope,
  owned,
  reach,
  visible,
} from '../../hub/src/services/scope.ts';
import { reachClause, reachParam } from '../../hub/src/store/db.ts';
import { checkGrant, manages } from '../../hub/src/services/staff-scope.ts';
import type { HubContext } from '../../hub/src/context.ts';

const district: Actor = { id: 1, username: 'd', role: 'admin', buildings: null };
const scoped: Actor = { id: 2, username: 's', role: 'handler', buildings: ['a', 'b'] };

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return `${e.status} ${e.code}`;
    throw e;
  }
  return 'ok';
};

test('a district-wide actor reaches every building and the unplaced', () => {
  assert.ok(inScope(district, 'z'));
  assert.ok(inScope(district, null));
  assert.equal(reach(district), null);
  assert.deepEqual(reach(district, 'z'), ['z']);
  assert.equal(
    code(() => assertDistrict(district)),
    'ok',
  );
});

test('a scoped actor meets another building as a 404, a district route as a 403', () => {
  assert.ok(inScope(scoped, 'a'));
  assert.ok(!inScope(scoped, 'c'));
  assert.ok(!inScope(scoped, null), 'an object with no building is district-wide only');
  assert.equal(
    code(() => assertBuilding(scoped, 'b')),
    'ok',
  );
  assert.equal(
    code(() => assertBuilding(scoped, 'c')),
    '404 not_found',
  );
  assert.equal(
    code(() => assertDistrict(scoped)),
    '403 forbidden',
  );
  assert.deepEqual(reach(scoped), ['a', 'b']);
  assert.equal(
    code(() => reach(scoped, 'c')),
    '404 not_found',
  );
});

test('owned answers the object in scope and 404 for missing or foreign ones', () => {
  const mine = { id: 1, building: 'a' };
  assert.equal(owned(scoped, mine, 'notice'), mine);
  assert.equal(
    code(() => owned(scoped, { id: 2, building: 'c' }, 'notice')),
    '404 not_found',
  );
  assert.equal(
    code(() => owned(scoped, undefined, 'notice')),
    '404 not_found',
  );
  const reg = { eventBuilding: 'c' };
  assert.equal(
    code(() => owned(scoped, reg, 'event', (r) => r.eventBuilding)),
    '404 not_found',
  );
  assert.equal(
    owned(district, reg, 'event', (r) => r.eventBuilding),
    reg,
  );
});

test('visible keeps only the rows in scope', () => {
  const rows = [{ building: 'a' }, { building: 'c' }, { building: null }, { building: 'b' }];
  assert.deepEqual(visible(scoped, rows), [{ building: 'a' }, { building: 'b' }]);
  assert.equal(visible(district, rows), rows);
});

test('reachClause filters SQL rows by the same reach', () => {
  const db = new Database(':memory:');
  db.exec("CREATE TABLE t (b TEXT); INSERT INTO t VALUES ('a'), ('b'), ('c'), (NULL)");
  const q = db.prepare<[{ reach: string | null }], { b: string | null }>(
    `SELECT b FROM t WHERE ${reachClause('b')} ORDER BY b`,
  );
  assert.deepEqual(
    q.all({ reach: reachParam(reach(scoped)) }).map((r) => r.b),
    ['a', 'b'],
  );
  assert.equal(q.all({ reach: reachParam(reach(district)) }).length, 4);
  assert.deepEqual(q.all({ reach: reachParam([]) }), []);
  db.close();
});

test("a building's admin manages only accounts wholly inside its buildings", () => {
  const admin: Actor = { ...scoped, role: 'admin' };
  assert.ok(manages(admin, { buildings: ['a'] }));
  assert.ok(manages(admin, { buildings: ['a', 'b'] }));
  assert.ok(!manages(admin, { buildings: ['a', 'c'] }));
  assert.ok(!manages(admin, { buildings: [] }), 'district-wide accounts are not its to manage');
  assert.ok(manages(district, { buildings: [] }));
  const ctx = { store: { buildings: { get: (b: string) => (b === 'x' ? undefined : {}) } } };
  const grant = (a: Actor, b: string[]) =>
    code(() => checkGrant(ctx as unknown as HubContext, a, b));
  assert.equal(grant(admin, []), '403 forbidden');
  assert.equal(grant(admin, ['a']), 'ok');
  assert.equal(grant(district, []), 'ok');
  assert.equal(grant(district, ['a', 'x']), '400 invalid');
});

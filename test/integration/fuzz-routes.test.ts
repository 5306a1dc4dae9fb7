import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { rowCount, startTestHub, type TestHub } from '../helpers/hub.ts';

interface Operation {
  method: string;
  path: string;
  fields: string[];
}

// Field names from each route's documented body, so generated bodies get past the
// first "missing field" check and reach deeper validation and the services.
async function operations(hub: TestHub): Promise<Operation[]> {
  type Schema = { properties?: Record<string, unknown> };
  type Op = { requestBody?: { content?: Record<string, { schema?: Schema }> } };
  const doc = await hub.api<{ paths: Record<string, Record<string, Op>> }>(
    'GET',
    '/api/openapi.json',
  );
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.body.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      ops.push({
        method: method.toUpperCase(),
        path,
        fields: Object.keys(schema?.properties ?? {}),
      });
    }
  }
  return ops;
}

const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '\u0000',
    'demo',
    '1',
    '-1',
    '99999999999999999999',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
);
const pathValue = fc.oneof(
  fc.constantFrom(
    'demo',
    '1',
    '0',
    '-1',
    'abc',
    '00000000',
    'd-0000000000',
    '%2e%2e',
    'x'.repeat(300),
  ),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
);

describe('property: no route answers 5xx, and a refused write changes nothing', () => {
  let hub: TestHub;
  let admin: string;
  let ops: Operation[];

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
    // Logging out or changing the admin's own password would end the fuzzing session.
    ops = (await operations(hub)).filter(
      (o) => !o.path.startsWith('/api/staff/session') && o.path !== '/api/staff/password',
    );
  });
  after(() => hub.stop());

  test('random bodies, params and queries', async () => {
    const body = (fields: string[]) =>
      fields.length === 0
        ? fc.oneof(fc.constant(undefined), fc.jsonValue())
        : fc.oneof(
            fc.jsonValue(),
            fc.record(Object.fromEntries(fields.map((f) => [f, nasty])), { requiredKeys: [] }),
          );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ops).chain((op) =>
          fc.record({
            op: fc.constant(op),
            body:
              op.method === 'GET' || op.method === 'DELETE'
                ? fc.constant(undefined)
                : body(op.fields),
            params: fc.array(pathValue, { minLength: 4, maxLength: 4 }),
            query: fc.dictionary(
              fc.constantFrom('secret', 'floor', 'limit', 'offset', 'category', 'at', 'device'),
              fc.string({ maxLength: 20 }),
              { maxKeys: 3 },
            ),
            authed: fc.boolean(),
          }),
        ),
        async ({ op, body: b, params, query, authed }) => {
          let i = 0;
          const path = op.path.replace(/\{[^}]+\}/g, () =>
            encodeURIComponent(params[i++ % params.length] ?? '1'),
          );
          const qs = new URLSearchParams(query).toString();
          const before = rowCount(hub);
          const res = await hub.api(
            op.method,
            qs ? `${path}?${qs}` : path,
            b === undefined ? undefined : JSON.stringify(b),
            authed ? admin : undefined,
          );
          assert.ok(
            res.status < 500,
            `${op.method} ${path} → ${res.status} ${JSON.stringify(res.body)}`,
          );
          if (res.status >= 400 && res.status !== 404) {
            assert.equal(rowCount(hub), before, `${op.method} ${path} → ${res.status} wrote rows`);
          }
          if (res.status >= 400) {
            const err = (res.body as { error?: { code?: unknown; message?: unknown } }).error;
            assert.equal(typeof err?.code, 'string', `${op.method} ${path} error shape`);
            assert.equal(typeof err?.message, 'string');
          }
        },
      ),
      { numRuns: 600, seed: Number(process.env.FUZZ_SEED ?? 20261121) },
    );
    assert.equal((await hub.api('GET', '/healthz')).status, 200);
  });
});

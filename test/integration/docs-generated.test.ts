import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STABLE_API } from '#shared/stable-api';
import { generatedDocs } from '../../hub/src/docs/generate.ts';
import { readDoc } from '../helpers/docs.ts';

// The MQTT contract page and the OpenAPI export are written from the code; a change to a
// topic, a payload schema or a route that was not followed by `npm run docs` fails here.
test('the generated pages in docs/ match the code (run `npm run docs` to refresh them)', async () => {
  for (const [path, text] of Object.entries(await generatedDocs())) {
    assert.ok(readDoc(path) === text, `${path} is stale: run npm run docs`);
  }
});

test('every stable call is in the OpenAPI document, marked', () => {
  const doc = JSON.parse(readDoc('docs/openapi.json')) as {
    paths: Record<string, Record<string, { 'x-stable'?: boolean }>>;
  };
  for (const [method, path] of STABLE_API) {
    assert.equal(doc.paths[path]?.[method]?.['x-stable'], true, `${method} ${path}`);
  }
});

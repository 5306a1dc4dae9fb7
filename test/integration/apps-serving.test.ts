import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { APPS } from '../../hub/src/http/routes/apps.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

describe('the hub serves the built front ends', () => {
  let hub: TestHub;
  before(async () => {
    for (const a of APPS) assert.ok(existsSync(a.dist), `${a.dist} is built (npm run build)`);
    hub = await startTestHub();
  });
  after(() => hub.stop());

  for (const a of APPS) {
    test(`${a.prefix}: the app, its deep links (a reload on any page), a redirect from the bare path, 404 for a missing file`, async () => {
      const root = await fetch(hub.url + a.prefix);
      assert.equal(root.status, 200);
      assert.match(root.headers.get('content-type') ?? '', /text\/html/);
      const html = await root.text();
      const deep = await fetch(`${hub.url}${a.prefix}some/deep/page`);
      assert.equal(deep.status, 200);
      assert.equal(await deep.text(), html);
      assert.equal(deep.headers.get('cache-control'), 'no-cache');
      const bare = await fetch(hub.url + a.prefix.slice(0, -1), { redirect: 'manual' });
      assert.equal(bare.status, 302);
      // Every body is read, so no connection is left busy when the hub closes.
      await bare.arrayBuffer();
      const asset = /src="([^"]+\.js)"/.exec(html)?.[1];
      assert.ok(asset, 'the page loads a script');
      const js = await fetch(new URL(asset, hub.url + a.prefix));
      assert.equal(js.status, 200);
      assert.match(js.headers.get('cache-control') ?? '', /immutable/);
      assert.ok((await js.arrayBuffer()).byteLength > 0);
      // A file that is not there (an asset of an older build) is a 404, not the page.
      const gone = await fetch(`${hub.url}${a.prefix}assets/index-0ld0ld00.js`);
      assert.equal(gone.status, 404);
      assert.match(gone.headers.get('content-type') ?? '', /json/);
      await gone.arrayBuffer();
    });
  }
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildApps, inputsHash, isCurrent, type AppBuild } from '../../hub/app-builds.ts';

// A project tree of its own: one tiny app that Vite really builds, shared/ and the root files.
describe('app builds are reused while their inputs are unchanged', () => {
  let root: string;
  const app: AppBuild = { name: 'tiny', dir: 'apps/tiny' };
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const built = () => readFileSync(join(root, app.dir, 'dist/index.html'), 'utf8');

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'lobby-app-builds-'));
    write('package.json', '{"name":"tiny","version":"1.0.0","type":"module"}\n');
    write('package-lock.json', '{}\n');
    write('shared/words.ts', 'export const hello = "你好";\n');
    write(`${app.dir}/index.html`, '<!doctype html><title>tiny</title><p>first</p>\n');
    write(
      `${app.dir}/vite.config.ts`,
      "export default { root: new URL('.', import.meta.url).pathname, logLevel: 'silent' };\n",
    );
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('the hash follows contents and names, not dist/ or timestamps', () => {
    const h = inputsHash(root, app);
    assert.equal(inputsHash(root, app), h);
    write(`${app.dir}/dist/anything.js`, 'built output');
    write('shared/words.ts', 'export const hello = "你好";\n');
    assert.equal(inputsHash(root, app), h, 'dist/ and an unchanged rewrite do not count');
    write('shared/words.ts', 'export const hello = "您好";\n');
    const changed = inputsHash(root, app);
    assert.notEqual(changed, h);
    renameSync(join(root, 'shared/words.ts'), join(root, 'shared/greeting.ts'));
    const renamed = inputsHash(root, app);
    assert.notEqual(renamed, changed, 'a rename counts');
    write('package-lock.json', '{"lockfileVersion":3}\n');
    assert.notEqual(inputsHash(root, app), renamed, 'a dependency change counts');
    rmSync(join(root, app.dir, 'dist'), { recursive: true });
  });

  test('built once, reused while unchanged, rebuilt after a change', async () => {
    assert.equal(isCurrent(root, app, inputsHash(root, app)), false);
    assert.deepEqual(await buildApps({ root, apps: [app] }), { built: ['tiny'], reused: [] });
    assert.match(built(), /first/);
    assert.equal(isCurrent(root, app, inputsHash(root, app)), true);

    assert.deepEqual(await buildApps({ root, apps: [app] }), { built: [], reused: ['tiny'] });

    write(`${app.dir}/index.html`, '<!doctype html><title>tiny</title><p>second</p>\n');
    assert.deepEqual(await buildApps({ root, apps: [app] }), { built: ['tiny'], reused: [] });
    assert.match(built(), /second/);

    rmSync(join(root, app.dir, 'dist/index.html'));
    assert.deepEqual(await buildApps({ root, apps: [app] }), { built: ['tiny'], reused: [] });
    assert.deepEqual(await buildApps({ root, apps: [app], force: true }), {
      built: ['tiny'],
      reused: [],
    });
  });
});

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { linkTargets, markdownFiles, readDoc, ROOT } from '../helpers/docs.ts';

// Everything a newcomer needs is in the repository: no page sends them to a file they do
// not have, and every relative link resolves.
test('every link in the README and docs/ resolves inside the repository', () => {
  const broken: string[] = [];
  for (const file of markdownFiles()) {
    const text = readDoc(file);
    if (text.includes('../shared/'))
      broken.push(`${file}: mentions ../shared/, outside the repository`);
    for (const target of linkTargets(text)) {
      if (/^(https?:|mailto:|#)/.test(target)) continue;
      const path = join(ROOT, dirname(file), decodeURIComponent(target.split('#')[0] ?? ''));
      if (relative(ROOT, path).startsWith('..'))
        broken.push(`${file}: ${target} leaves the repository`);
      else if (!existsSync(path)) broken.push(`${file}: ${target} does not exist`);
    }
  }
  assert.deepEqual(broken, []);
});

test('the docs index links every page under docs/', () => {
  const index = linkTargets(readDoc('docs/README.md'));
  const pages = markdownFiles().filter((f) => f.startsWith('docs/') && f !== 'docs/README.md');
  for (const page of pages)
    assert.ok(index.includes(page.slice('docs/'.length)), `${page} is not in docs/README.md`);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Limiter } from '../../hub/src/services/limiter.ts';

test('allows max attempts per window, then refuses until the window passes', () => {
  const l = new Limiter(3, 1000);
  assert.deepEqual(
    [1, 2, 3, 4].map(() => l.take('a', 0)),
    [true, true, true, false],
  );
  assert.equal(l.blocked('a', 500), true);
  assert.equal(l.take('b', 500), true, 'keys are counted apart');
  assert.equal(l.take('a', 1000), true, 'a new window starts clean');
  assert.equal(l.blocked('a', 1000), false);
});

test('reset forgets a key', () => {
  const l = new Limiter(1, 1000);
  l.take('a', 0);
  assert.equal(l.take('a', 1), false);
  l.reset('a');
  assert.equal(l.take('a', 2), true);
});

test('a limit of zero refuses everything', () => {
  assert.equal(new Limiter(0, 1000).take('a', 0), false);
});

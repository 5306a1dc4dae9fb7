import assert from 'node:assert/strict';
import { test } from 'node:test';
import { uptimeHistory } from '#shared/uptime';

const from = new Date('2026-11-01T00:00:00Z');
const to = new Date('2026-11-11T00:00:00Z');
const day = (n: number, h = 0) => new Date(Date.UTC(2026, 10, 1 + n, h)).toISOString();

test('spans follow the changes, and the state before the window opens it', () => {
  const h = uptimeHistory(
    true,
    [
      { online: false, at: day(2) },
      { online: true, at: day(3) },
    ],
    from,
    to,
  );
  assert.deepEqual(h.spans, [
    { from: day(0), to: day(2), state: 'online' },
    { from: day(2), to: day(3), state: 'offline' },
    { from: day(3), to: day(10), state: 'online' },
  ]);
  assert.equal(h.uptime, 0.9);
  assert.equal(h.offlineMs, 24 * 3600_000);
});

test('a screen paired inside the window is unknown before its first report', () => {
  const h = uptimeHistory(null, [{ online: true, at: day(5) }], from, to);
  assert.deepEqual(
    h.spans.map((s) => s.state),
    ['unknown', 'online'],
  );
  assert.equal(h.uptime, 1, 'unknown time does not count against it');
  assert.equal(uptimeHistory(null, [], from, to).uptime, null);
});

test('repeated states merge, and a change at the end of the window adds no empty span', () => {
  const h = uptimeHistory(
    false,
    [
      { online: false, at: day(1) },
      { online: true, at: day(4, 12) },
      { online: true, at: day(6) },
      { online: false, at: day(10) },
    ],
    from,
    to,
  );
  assert.deepEqual(h.spans, [
    { from: day(0), to: day(4, 12), state: 'offline' },
    { from: day(4, 12), to: day(10), state: 'online' },
  ]);
  assert.equal(h.uptime, 0.55);
});

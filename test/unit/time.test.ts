import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localDate, localParts, offsetMinutes, zonedToUtc } from '#shared/time';

test('Shanghai is UTC+8 all year, with no DST', () => {
  assert.equal(offsetMinutes(new Date('2026-01-15T00:00:00Z'), 'Asia/Shanghai'), 480);
  assert.equal(offsetMinutes(new Date('2026-07-15T00:00:00Z'), 'Asia/Shanghai'), 480);
  assert.equal(
    zonedToUtc(2026, 11, 21, 11, 30, 'Asia/Shanghai').toISOString(),
    '2026-11-21T03:30:00.000Z',
  );
});

test('local parts give the weekday in ISO numbering', () => {
  const p = localParts(new Date('2026-11-22T16:30:00Z'), 'Asia/Shanghai');
  assert.deepEqual([p.year, p.month, p.day, p.hour, p.minute, p.weekday], [2026, 11, 23, 0, 30, 1]);
  assert.equal(localDate(new Date('2026-11-22T16:30:00Z'), 'Asia/Shanghai'), '2026-11-23');
});

test('wall-clock times across a DST change (New York, March and November 2026)', () => {
  assert.equal(
    zonedToUtc(2026, 3, 7, 12, 0, 'America/New_York').toISOString(),
    '2026-03-07T17:00:00.000Z',
  );
  assert.equal(
    zonedToUtc(2026, 3, 8, 12, 0, 'America/New_York').toISOString(),
    '2026-03-08T16:00:00.000Z',
  );
  // 02:30 does not exist on 8 March: pushed forward to 03:30 EDT.
  assert.equal(
    zonedToUtc(2026, 3, 8, 2, 30, 'America/New_York').toISOString(),
    '2026-03-08T07:30:00.000Z',
  );
  // 01:30 happens twice on 1 November: the earlier one (EDT) wins.
  assert.equal(
    zonedToUtc(2026, 11, 1, 1, 30, 'America/New_York').toISOString(),
    '2026-11-01T05:30:00.000Z',
  );
});

test('a day past the end of the month rolls over', () => {
  assert.equal(
    zonedToUtc(2026, 11, 31, 9, 0, 'Asia/Shanghai').toISOString(),
    '2026-12-01T01:00:00.000Z',
  );
});

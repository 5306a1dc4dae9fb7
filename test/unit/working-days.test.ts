import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  addWorkingDays,
  datesBetween,
  deadlineAfter,
  weekdayOf,
  workCalendar,
  workingDaysBetween,
  workingDaysLeft,
  type CalendarDay,
} from '#shared/working-days';

const TZ = 'Asia/Shanghai';
const range = (from: string, to: string, name: string): CalendarDay[] =>
  datesBetween(from, to).map((date) => ({ date, kind: 'holiday', name }));

// The State Council's 2025 schedule: Spring Festival and National Day, each paid for with
// two swapped working weekend days (调休).
const CAL_2025 = workCalendar([
  ...range('2025-01-28', '2025-02-04', '春节'),
  { date: '2025-01-26', kind: 'workday', name: '春节调休' },
  { date: '2025-02-08', kind: 'workday', name: '春节调休' },
  ...range('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  { date: '2025-09-28', kind: 'workday', name: '国庆调休' },
  { date: '2025-10-11', kind: 'workday', name: '国庆调休' },
]);
const PLAIN = workCalendar([]);

test('weekdays are ISO numbered', () => {
  assert.equal(weekdayOf('2025-01-26'), 7);
  assert.equal(weekdayOf('2025-02-08'), 6);
  assert.equal(weekdayOf('2025-10-01'), 3);
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2025-12-31', 1), '2026-01-01');
});

test('plain weeks: Monday to Friday work, weekends rest', () => {
  assert.equal(PLAIN.isWorkingDay('2025-03-07'), true);
  assert.equal(PLAIN.isWorkingDay('2025-03-08'), false);
  assert.equal(PLAIN.isWorkingDay('2025-03-09'), false);
  // Friday + 1 working day is Monday.
  assert.equal(addWorkingDays(PLAIN, '2025-03-07', 1), '2025-03-10');
  assert.equal(addWorkingDays(PLAIN, '2025-03-07', 5), '2025-03-14');
  // A ticket filed on Saturday counts from Monday.
  assert.equal(addWorkingDays(PLAIN, '2025-03-08', 1), '2025-03-10');
  assert.equal(addWorkingDays(PLAIN, '2025-03-08', 0), '2025-03-10');
  assert.equal(addWorkingDays(PLAIN, '2025-03-07', 0), '2025-03-07');
});

test('a public holiday rests on weekdays and a swapped weekend day works', () => {
  assert.equal(CAL_2025.isWorkingDay('2025-01-28'), false);
  assert.equal(CAL_2025.isWorkingDay('2025-02-04'), false);
  assert.equal(CAL_2025.isWorkingDay('2025-01-26'), true, 'Sunday 26 January is worked');
  assert.equal(CAL_2025.isWorkingDay('2025-02-08'), true, 'Saturday 8 February is worked');
  assert.equal(CAL_2025.entry('2025-02-08')?.name, '春节调休');
});

test('deadlines jump the Spring Festival and land on the swapped Saturday', () => {
  // Filed Friday 24 January 2025: Sun 26 (swapped), Mon 27, then eight days off.
  assert.equal(addWorkingDays(CAL_2025, '2025-01-24', 1), '2025-01-26');
  assert.equal(addWorkingDays(CAL_2025, '2025-01-24', 2), '2025-01-27');
  assert.equal(addWorkingDays(CAL_2025, '2025-01-24', 3), '2025-02-05');
  // Wed 5, Thu 6, Fri 7, Sat 8 (swapped), then Mon 10.
  assert.equal(addWorkingDays(CAL_2025, '2025-02-04', 4), '2025-02-08');
  assert.equal(addWorkingDays(CAL_2025, '2025-02-04', 5), '2025-02-10');
  // Filed on the holiday itself: the first working day after it.
  assert.equal(addWorkingDays(CAL_2025, '2025-02-01', 0), '2025-02-05');
});

test('National Day week: Sunday 28 September and Saturday 11 October are worked', () => {
  assert.equal(addWorkingDays(CAL_2025, '2025-09-26', 1), '2025-09-28');
  assert.equal(addWorkingDays(CAL_2025, '2025-09-26', 3), '2025-09-30');
  assert.equal(addWorkingDays(CAL_2025, '2025-09-26', 4), '2025-10-09');
  assert.equal(addWorkingDays(CAL_2025, '2025-10-09', 2), '2025-10-11');
  assert.equal(workingDaysBetween(CAL_2025, '2025-09-26', '2025-10-12'), 6);
  assert.equal(workingDaysBetween(CAL_2025, '2025-10-12', '2025-09-26'), -6);
  assert.equal(workingDaysBetween(CAL_2025, '2025-10-05', '2025-10-05'), 0);
});

test('a deadline is the end of its last working day in the building time zone', () => {
  // 23:30 on Friday 24 January in Shanghai is still the 24th there (15:30 UTC).
  const filed = new Date('2025-01-24T15:30:00Z');
  const due = deadlineAfter(CAL_2025, filed, 3, TZ);
  assert.equal(due.toISOString(), '2025-02-05T16:00:00.000Z', 'midnight after Wed 5 Feb');
  assert.equal(workingDaysLeft(CAL_2025, filed, due, TZ), 3);
  assert.equal(workingDaysLeft(CAL_2025, new Date('2025-02-05T08:00:00Z'), due, TZ), 0);
  // Thursday 6 February: overdue by one working day; Saturday 8th (swapped) makes it three.
  assert.equal(workingDaysLeft(CAL_2025, new Date('2025-02-06T02:00:00Z'), due, TZ), -1);
  assert.equal(workingDaysLeft(CAL_2025, new Date('2025-02-08T02:00:00Z'), due, TZ), -3);
});

test('adding working days always lands on a working day, after the start, n working days on', () => {
  const days = fc.integer({ min: 0, max: 800 }).map((i) => addDays('2024-06-01', i));
  fc.assert(
    fc.property(days, fc.integer({ min: 1, max: 40 }), (from, n) => {
      const to = addWorkingDays(CAL_2025, from, n);
      assert.ok(CAL_2025.isWorkingDay(to));
      assert.ok(to > from);
      assert.equal(workingDaysBetween(CAL_2025, from, to), n);
    }),
  );
});

test('bad input is refused', () => {
  assert.throws(() => addWorkingDays(PLAIN, '2025-01-01', -1), RangeError);
  assert.throws(() => addWorkingDays(PLAIN, '1 Jan 2025', 1), RangeError);
  assert.deepEqual(datesBetween('2025-10-01', '2025-10-03'), [
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
  ]);
});

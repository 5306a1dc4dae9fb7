import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { findConflicts } from '#shared/schedule-resolver';
import type { ScheduleRule } from '#shared/schemas/playlists';
import { at, local, lunchRule, notice, rule, schedule } from './schedule-fixtures.ts';

describe('precedence: alert > urgent notice > rule > default playlist > built-in', () => {
  test('a matching rule beats the default playlist', () => {
    const r = at(local(23, 12, 0));
    assert.equal(r.layer, 'rule');
    assert.equal(r.playlistId, 2);
    assert.equal(r.rule?.id, 10);
    assert.deepEqual(
      r.slides.map((s) => s.id),
      ['lunch-notices', 'lunch-feedback'],
    );
  });

  test('the default playlist plays when no rule matches', () => {
    const r = at(local(23, 9, 0));
    assert.equal(r.layer, 'default');
    assert.equal(r.playlistId, 1);
    assert.equal(r.rule, null);
  });

  test('with no playlists at all the built-in rotation plays', () => {
    const r = at(local(23, 9, 0), { schedule: null });
    assert.equal(r.layer, 'builtin');
    assert.deepEqual(
      r.slides.map((s) => s.kind),
      ['notices', 'contacts', 'events', 'feedback'],
    );
    assert.equal(at(local(23, 9, 0), { schedule: schedule([], null) }).source, 'builtin');
  });

  test('urgent notices open every loop ahead of the schedule', () => {
    const notices = [notice(1), notice(7, { priority: 'urgent' }), notice(8, { priority: 'high' })];
    const r = at(local(23, 12, 0), { notices });
    assert.equal(r.layer, 'urgent');
    assert.equal(r.playlistId, 2);
    assert.deepEqual(
      r.slides.map((s) => s.id),
      ['urgent-7', 'lunch-notices', 'lunch-feedback'],
    );
    assert.equal(r.slides[0]?.noticeId, 7);
  });

  test('an alert is the top layer whatever else is on', () => {
    const alert = { level: 'emergency' as const, title: 'Fire', body: '', since: local(23, 12, 0) };
    const r = at(local(23, 12, 0), { alert, notices: [notice(7, { priority: 'urgent' })] });
    assert.equal(r.layer, 'alert');
    assert.equal(r.alert?.title, 'Fire');
  });
});

describe('weekdays and dayparts', () => {
  test('the lunch hour starts at 11:30 and ends before 13:30, local time', () => {
    assert.equal(at(local(23, 11, 29)).playlistId, 1);
    assert.equal(at(local(23, 11, 30)).playlistId, 2);
    assert.equal(at(local(23, 13, 29)).playlistId, 2);
    assert.equal(at(local(23, 13, 30)).playlistId, 1);
    // 11:30 in Shanghai is 03:30 UTC.
    assert.equal(at('2026-11-23T03:30:00Z').playlistId, 2);
  });

  test('a weekday rule does not run at the weekend', () => {
    assert.equal(at(local(27, 12, 0)).playlistId, 2); // Friday
    assert.equal(at(local(28, 12, 0)).playlistId, 1); // Saturday
    assert.equal(at(local(29, 12, 0)).playlistId, 1); // Sunday
  });

  test('a rule for other screen groups does not match', () => {
    const lobbyOnly = rule(11, 4, { groups: ['lobby'], priority: 50 });
    const s = schedule([lunchRule, lobbyOnly]);
    assert.equal(at(local(23, 12, 0), { schedule: s }).playlistId, 2);
    const lobby = at(local(23, 12, 0), { schedule: s, placement: { group: 'lobby', floor: 1 } });
    assert.equal(lobby.playlistId, 4);
    assert.deepEqual(
      lobby.matched.map((m) => m.id),
      [11, 10],
    );
    const unplaced = at(local(23, 12, 0), { schedule: s, placement: { group: null, floor: null } });
    assert.equal(unplaced.playlistId, 2);
  });

  test('an overnight range belongs to the weekday it starts on', () => {
    const friNight = rule(12, 3, { weekdays: [5], from: '22:00', to: '06:00', priority: 20 });
    const s = schedule([friNight]);
    const id = (iso: string) => at(iso, { schedule: s }).playlistId;
    assert.equal(id(local(27, 21, 59)), 1); // Friday evening, before
    assert.equal(id(local(27, 22, 0)), 3); // Friday 22:00
    assert.equal(id(local(27, 23, 59)), 3);
    assert.equal(id(local(28, 0, 0)), 3); // Saturday small hours: Friday's night
    assert.equal(id(local(28, 5, 59)), 3);
    assert.equal(id(local(28, 6, 0)), 1);
    assert.equal(id(local(28, 23, 0)), 1); // Saturday night is not Friday night
    assert.equal(id(local(27, 2, 0)), 1); // Friday small hours belong to Thursday
  });

  test('an overnight range on Sunday wraps into Monday', () => {
    const sunNight = rule(13, 3, { weekdays: [7], from: '20:00', to: '02:00' });
    const s = schedule([sunNight], null);
    assert.equal(at(local(29, 21, 0), { schedule: s }).playlistId, 3);
    assert.equal(at(local(30, 1, 0), { schedule: s }).playlistId, 3);
    assert.equal(at(local(30, 2, 0), { schedule: s }).source, 'builtin');
  });
});

describe('date ranges', () => {
  const festival = rule(14, 4, { dateFrom: '2026-11-25', dateTo: '2026-11-26', priority: 30 });

  test('the first and last day are included', () => {
    const s = schedule([festival, lunchRule]);
    assert.equal(at(local(24, 23, 59), { schedule: s }).playlistId, 1);
    assert.equal(at(local(25, 0, 0), { schedule: s }).playlistId, 4);
    assert.equal(at(local(26, 23, 59), { schedule: s }).playlistId, 4);
    assert.equal(at(local(27, 0, 0), { schedule: s }).playlistId, 1);
  });

  test('dates are local dates: 23:00 UTC on the 24th is already the 25th in Shanghai', () => {
    const s = schedule([festival]);
    assert.equal(at('2026-11-24T15:59:00Z', { schedule: s }).playlistId, 1);
    assert.equal(at('2026-11-24T16:00:00Z', { schedule: s }).playlistId, 4);
  });

  test('the small hours of an overnight range count on its start date', () => {
    const lastNight = rule(15, 3, { dateTo: '2026-11-25', from: '22:00', to: '04:00' });
    const s = schedule([lastNight]);
    assert.equal(at(local(26, 3, 0), { schedule: s }).playlistId, 3);
    assert.equal(at(local(26, 22, 30), { schedule: s }).playlistId, 1);
  });
});

describe('DST change days', () => {
  const NY = 'America/New_York';
  const BERLIN = 'Europe/Berlin';
  const nyLunch = rule(20, 2, { from: '11:30', to: '13:30' });
  const inNy = (iso: string, r: ScheduleRule) =>
    at(iso, { timezone: NY, schedule: schedule([r]) }).playlistId;

  function minutesMatched(tz: string, r: ScheduleRule, dayStartUtc: string): number {
    let n = 0;
    const start = Date.parse(dayStartUtc);
    for (let m = 0; m < 26 * 60; m++) {
      const iso = new Date(start + m * 60_000).toISOString();
      if (at(iso, { timezone: tz, schedule: schedule([r]) }).playlistId === r.playlistId) n++;
    }
    return n;
  }

  test('the lunch hour follows the wall clock across the New York spring change', () => {
    // 7 March is EST (UTC-5), 8 March EDT (UTC-4).
    assert.equal(inNy('2026-03-07T16:29:00Z', nyLunch), 1);
    assert.equal(inNy('2026-03-07T16:30:00Z', nyLunch), 2);
    assert.equal(inNy('2026-03-08T15:29:00Z', nyLunch), 1);
    assert.equal(inNy('2026-03-08T15:30:00Z', nyLunch), 2);
    assert.equal(inNy('2026-03-08T17:30:00Z', nyLunch), 1);
  });

  test('a range inside the skipped hour never runs; one across it is an hour shorter', () => {
    const skipped = rule(21, 3, {
      from: '02:00',
      to: '03:00',
      dateFrom: '2026-03-08',
      dateTo: '2026-03-08',
    });
    assert.equal(minutesMatched(NY, skipped, '2026-03-08T04:00:00Z'), 0);
    const across = rule(22, 3, {
      from: '01:00',
      to: '04:00',
      dateFrom: '2026-03-08',
      dateTo: '2026-03-08',
    });
    assert.equal(minutesMatched(NY, across, '2026-03-08T04:00:00Z'), 120);
  });

  test('a range inside the repeated hour runs twice on the Berlin autumn change', () => {
    const repeated = rule(23, 3, {
      from: '02:00',
      to: '03:00',
      dateFrom: '2026-10-25',
      dateTo: '2026-10-25',
    });
    // Local midnight of 25 October is 22:00 UTC the day before (CEST, UTC+2).
    assert.equal(minutesMatched(BERLIN, repeated, '2026-10-24T22:00:00Z'), 120);
    const overnight = rule(24, 3, {
      from: '22:00',
      to: '06:00',
      dateFrom: '2026-10-24',
      dateTo: '2026-10-24',
    });
    // 22:00 CEST on the 24th (20:00 UTC) to 06:00 CET on the 25th (05:00 UTC): nine hours.
    assert.equal(minutesMatched(BERLIN, overnight, '2026-10-24T18:00:00Z'), 9 * 60);
  });
});

describe('conflicts', () => {
  test('two matching rules of equal priority are reported; the specific one plays', () => {
    const all = rule(30, 2, { priority: 5 });
    const high = rule(31, 4, { priority: 5, groups: ['high'] });
    const r = at(local(23, 9, 0), { schedule: schedule([all, high]) });
    assert.equal(r.playlistId, 4);
    assert.deepEqual(r.conflicts, [{ priority: 5, ruleIds: [31, 30] }]);
  });

  test('with equal specificity the older rule plays, and the conflict is still reported', () => {
    const a = rule(41, 2, { priority: 5 });
    const b = rule(40, 3, { priority: 5 });
    const r = at(local(23, 9, 0), { schedule: schedule([a, b]) });
    assert.equal(r.playlistId, 3);
    assert.deepEqual(r.conflicts[0]?.ruleIds, [40, 41]);
  });

  test('a higher priority is no conflict', () => {
    const r = at(local(23, 12, 0), {
      schedule: schedule([lunchRule, rule(42, 3, { priority: 1 })]),
    });
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(
      r.matched.map((m) => m.id),
      [10, 42],
    );
  });

  test('findConflicts spots overlaps over the whole week without a clock', () => {
    const lunchA = rule(1, 2, { weekdays: [1, 2, 3, 4, 5], from: '11:30', to: '13:30' });
    const lunchB = rule(2, 3, { weekdays: [5], from: '13:00', to: '14:00' });
    const evening = rule(3, 3, { weekdays: [5], from: '18:00', to: '20:00' });
    const sunNight = rule(4, 3, { weekdays: [7], from: '22:00', to: '02:00' });
    const monMorning = rule(5, 4, { weekdays: [1], from: '01:00', to: '03:00' });
    const otherGroups = rule(6, 4, {
      groups: ['lobby'],
      weekdays: [5],
      from: '13:00',
      to: '14:00',
    });
    const onlyHigh = rule(7, 4, { groups: ['high'], weekdays: [5], from: '13:00', to: '14:00' });
    const disjointDates = rule(8, 4, { dateFrom: '2027-01-01', dateTo: '2027-01-02', priority: 0 });
    const early = rule(9, 4, { dateTo: '2026-12-31', weekdays: [3], from: '06:00', to: '07:00' });
    assert.deepEqual(
      findConflicts([lunchA, lunchB, evening, sunNight, monMorning, otherGroups, onlyHigh]),
      // lobby-only and high-only never meet on one screen (6 and 7).
      [
        [1, 2],
        [1, 6],
        [1, 7],
        [2, 6],
        [2, 7],
        [4, 5],
      ],
    );
    assert.deepEqual(findConflicts([disjointDates, early]), []);
  });
});

test('property: the playing rule has the highest priority of all that match, whatever the order', () => {
  const ruleArb = fc.record({
    playlistId: fc.constantFrom(1, 2, 3, 4),
    groups: fc.subarray(['high', 'lobby', 'low']),
    weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
    from: fc.constantFrom('00:00', '06:00', '11:30', '13:30', '22:00'),
    to: fc.constantFrom('00:00', '06:00', '11:30', '13:30', '22:00'),
    priority: fc.integer({ min: 0, max: 3 }),
  });
  fc.assert(
    fc.property(
      fc.array(ruleArb, { maxLength: 8 }),
      fc.date({ min: new Date('2026-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }),
      (specs, when) => {
        const rules = specs.map((s, i) => rule(i + 1, s.playlistId, s));
        const r = at(when.toISOString(), { schedule: schedule(rules) });
        const reversed = at(when.toISOString(), { schedule: schedule([...rules].reverse()) });
        assert.equal(r.rule?.id, reversed.rule?.id);
        for (const m of r.matched) assert.ok((r.rule?.priority ?? -1) >= m.priority);
        assert.equal(
          r.conflicts.length > 0,
          r.matched.filter((m) => m.priority === r.rule?.priority).length > 1,
        );
      },
    ),
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Contact } from '#shared/schemas/contacts';
import type { StaffFeedback } from '#shared/schemas/feedback';
import type { ScheduleData } from '#shared/schedule-resolver';
import { toCsv } from '../../hub/console/src/logic/csv.ts';
import { formatFloors, parseFloors } from '../../hub/console/src/logic/floors.ts';
import { threeLists } from '../../hub/console/src/logic/lists.ts';
import { noticeState } from '../../hub/console/src/logic/notice-state.ts';
import { moveItem, newSlideId } from '../../hub/console/src/logic/reorder.ts';
import { ticketFromScan } from '../../hub/console/src/logic/ticket-code.ts';
import { mondayOf, weekBlocks } from '../../hub/console/src/logic/week.ts';

test('floors are read as staff type them and written back compactly', () => {
  assert.deepEqual(parseFloors('3, 5-8'), [3, 5, 6, 7, 8]);
  assert.deepEqual(parseFloors('12，10~11、B2'), [-2, 10, 11, 12]);
  assert.deepEqual(parseFloors(''), []);
  assert.equal(parseFloors('3, five'), null);
  assert.equal(parseFloors('1-500'), null);
  assert.equal(formatFloors([8, 3, 5, 6, 7, 10, 11]), '3, 5-8, 10, 11');
  assert.equal(formatFloors([1]), '1');
  assert.deepEqual(parseFloors(formatFloors([2, 4, 5, 6, 9])), [2, 4, 5, 6, 9]);
});

test('a scanned ticket is the digits or the ticket page link', () => {
  assert.equal(ticketFromScan(' 12345678 '), '12345678');
  assert.equal(ticketFromScan('http://hub.local:8080/t/12345678?s=abc'), '12345678');
  assert.equal(ticketFromScan('https://x.example/e/3?ticket=87654321'), '87654321');
  assert.equal(ticketFromScan('1234567'), null);
  assert.equal(ticketFromScan('https://x.example/q/abc'), null);
  assert.equal(ticketFromScan('hello'), null);
});

test('reordering moves one item and keeps the rest in order', () => {
  assert.deepEqual(moveItem(['a', 'b', 'c', 'd'], 3, 0), ['d', 'a', 'b', 'c']);
  assert.deepEqual(moveItem(['a', 'b', 'c', 'd'], 0, 2), ['b', 'c', 'a', 'd']);
  assert.deepEqual(moveItem(['a', 'b'], 0, 5), ['a', 'b']);
  const seq = [0.1, 0.1, 0.7];
  const id = newSlideId(
    [
      's-' +
        Math.floor(0.1 * 36 ** 6)
          .toString(36)
          .padStart(6, '0'),
    ],
    () => seq.shift() ?? 0.5,
  );
  assert.match(id, /^s-[a-z0-9]{6}$/);
  assert.notEqual(
    id,
    's-' +
      Math.floor(0.1 * 36 ** 6)
        .toString(36)
        .padStart(6, '0'),
  );
});

test('a notice is upcoming, showing or expired against its window', () => {
  const now = new Date('2026-11-20T02:00:00Z');
  assert.equal(noticeState({ validFrom: null, validTo: null }, now), 'active');
  assert.equal(noticeState({ validFrom: '2026-11-21T00:00:00Z', validTo: null }, now), 'upcoming');
  assert.equal(noticeState({ validFrom: null, validTo: '2026-11-20T02:00:00Z' }, now), 'expired');
});

test('CSV cells are quoted where needed and formulas are defused', () => {
  assert.equal(
    toCsv([['a', 'b,c', 'say "hi"', '=1+1', 3, null]]),
    '\uFEFFa,"b,c","say ""hi""",\'=1+1,3,\r\n',
  );
});

test('the week calendar joins equal stretches and flags ties, in the building time zone', () => {
  const slides = [{ id: 'a', kind: 'notices' as const, duration: 20 }];
  const schedule: ScheduleData = {
    playlists: [
      { id: 1, building: 'demo', name: 'Day', slides, isDefault: true },
      { id: 2, building: 'demo', name: 'Lunch', slides, isDefault: false },
      { id: 3, building: 'demo', name: 'Other', slides, isDefault: false },
    ],
    rules: [
      {
        id: 10,
        building: 'demo',
        playlistId: 2,
        groups: ['lobby'],
        weekdays: [1, 2, 3, 4, 5],
        from: '12:00',
        to: '13:00',
        priority: 5,
      },
      {
        id: 11,
        building: 'demo',
        playlistId: 3,
        groups: ['lobby'],
        weekdays: [5],
        from: '12:30',
        to: '13:30',
        priority: 5,
      },
    ],
    defaultPlaylistId: 1,
  };
  assert.equal(mondayOf('2026-11-22'), '2026-11-16');
  assert.equal(mondayOf('2026-11-16'), '2026-11-16');
  const week = weekBlocks('2026-11-16', 'Asia/Shanghai', 'lobby', schedule);
  assert.deepEqual(
    week[0]?.map((b) => [b.start, b.end, b.label]),
    [
      [0, 720, 'Day'],
      [720, 780, 'Lunch'],
      [780, 1440, 'Day'],
    ],
  );
  const friday = week[4] ?? [];
  const tie = friday.find((b) => b.conflict);
  assert.deepEqual([tie?.start, tie?.end, tie?.conflict], [750, 780, [10, 11]]);
  assert.deepEqual(
    week[5]?.map((b) => b.label),
    ['Day'],
  );
  assert.deepEqual(
    weekBlocks('2026-11-16', 'Asia/Shanghai', 'high', schedule)[0]?.map((b) => b.label),
    ['Day'],
  );
});

test('the three lists: needs on the agenda first, projects by party, liaisons as resources', () => {
  const ticket = (
    t: string,
    status: StaffFeedback['status'],
    extra: Partial<StaffFeedback> = {},
  ): StaffFeedback => ({
    ticket: t,
    building: 'demo',
    status,
    category: 'other',
    text: t,
    placeId: null,
    place: null,
    contactName: null,
    contactPhone: null,
    photo: null,
    assignee: null,
    supporters: 1,
    rating: null,
    replied: false,
    reopened: 0,
    duplicateOf: null,
    createdAt: `2026-11-0${t.slice(-1)}T00:00:00Z`,
    updatedAt: '',
    dueAt: null,
    overdue: false,
    ...extra,
  });
  const liaison: Contact = {
    id: 1,
    building: 'demo',
    name: '陈静',
    role: 'party_supervisor',
    floors: [],
    company: '街道党工委',
    phone: '1',
    wechat: null,
    photo: null,
    hours: '9-5',
  };
  const captain: Contact = { ...liaison, id: 2, role: 'captain', floors: [3], company: 'A 公司' };
  const lists = threeLists(
    [
      ticket('00000001', 'received'),
      ticket('00000002', 'received', { supporters: 4 }),
      ticket('00000003', 'discussing'),
      ticket('00000004', 'assigned', { assignee: '安信物业' }),
      ticket('00000005', 'in_progress', { assignee: '安信物业' }),
      ticket('00000006', 'assigned', { assignee: '街道党工委' }),
      ticket('00000007', 'closed'),
    ],
    [liaison, captain],
  );
  assert.deepEqual(
    lists.needs.map((n) => n.ticket),
    ['00000003', '00000002', '00000001'],
  );
  assert.deepEqual(
    lists.projects.map((p) => [p.assignee, p.tickets.length]),
    [
      ['安信物业', 2],
      ['街道党工委', 1],
    ],
  );
  assert.deepEqual(
    lists.resources.map((r) => [r.name, r.projects]),
    [
      ['街道党工委', 1],
      ['安信物业', 2],
    ],
  );
});

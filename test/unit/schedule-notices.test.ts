import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { activeNotices, BUILTIN_SLIDES, resolveSchedule } from '#shared/schedule-resolver';
import type { PublicEvent } from '#shared/schemas/events';
import type { Playlist } from '#shared/schemas/playlists';
import { DEFAULT, notice, SH } from './schedule-fixtures.ts';

describe('notices on the device', () => {
  const now = new Date('2026-11-23T04:00:00Z');
  const placement = { group: 'high', floor: 18 };

  test('validity windows apply to the minute', () => {
    const n = notice(1, { validFrom: '2026-11-23T04:00:00Z', validTo: '2026-11-23T05:00:00Z' });
    assert.equal(activeNotices([n], new Date('2026-11-23T03:59:59Z'), placement).length, 0);
    assert.equal(activeNotices([n], now, placement).length, 1);
    assert.equal(activeNotices([n], new Date('2026-11-23T05:00:00Z'), placement).length, 0);
  });

  test('floor and group targeting', () => {
    const notices = [
      notice(1, { floors: [18] }),
      notice(2, { floors: [3, 4] }),
      notice(3, { groups: ['high'] }),
      notice(4, { groups: ['lobby'] }),
      notice(5),
    ];
    assert.deepEqual(
      activeNotices(notices, now, placement).map((n) => n.id),
      [5, 3, 1],
    );
    assert.deepEqual(
      activeNotices(notices, now, { group: null, floor: null }).map((n) => n.id),
      [5],
    );
  });

  test('urgent first, then high, then newest', () => {
    const notices = [
      notice(1, { priority: 'high' }),
      notice(2),
      notice(3, { priority: 'urgent' }),
      notice(4, { priority: 'high' }),
    ];
    assert.deepEqual(
      activeNotices(notices, now, placement).map((n) => n.id),
      [3, 4, 1, 2],
    );
  });

  test('slides with nothing to show are left out; all empty means the idle slide', () => {
    const gone = notice(9, { validTo: '2026-11-01T00:00:00Z' });
    const withSingle: Playlist = {
      ...DEFAULT,
      slides: [
        { id: 'one', kind: 'notice', duration: 10, noticeId: 9 },
        { id: 'ev', kind: 'events', duration: 10 },
        { id: 'all', kind: 'notices', duration: 10 },
      ],
    };
    const r = resolveSchedule({
      at: now,
      timezone: SH,
      placement,
      schedule: { playlists: [withSingle], rules: [], defaultPlaylistId: 1 },
      notices: [gone],
      alert: null,
      events: [],
    });
    assert.deepEqual(r.slides, []);
    const ev: PublicEvent = {
      id: 1,
      title: 'Talk',
      kind: 'lecture',
      place: 'Hall',
      description: '',
      start: '2026-11-24T06:00:00Z',
      end: '2026-11-24T07:00:00Z',
      capacity: 10,
      seatsLeft: 3,
      waitlist: 0,
      registrationOpens: null,
      registrationCloses: null,
      registrationUrl: 'http://x/e/1',
    };
    const withEvent = resolveSchedule({
      at: now,
      timezone: SH,
      placement,
      schedule: null,
      notices: [],
      alert: null,
      events: [ev],
      contacts: [],
    });
    assert.deepEqual(
      withEvent.slides.map((s) => s.kind),
      ['events', 'feedback'],
    );
  });

  test('the built-in rotation is what DESIGN promises', () => {
    assert.deepEqual(
      BUILTIN_SLIDES.map((s) => s.kind),
      ['notices', 'contacts', 'events', 'feedback'],
    );
  });
});

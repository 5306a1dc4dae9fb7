import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import type { Resolution } from '#shared/schedule-resolver';
import type { Slide } from '#shared/schemas/playlists';
import { Rotation, type Current } from '../../signage/src/player/rotation.ts';

// The screen's rotation clock on fake timers: what is on, when it changes, what is reported.
const T0 = Date.parse('2026-11-23T03:29:00Z');

function resolution(playlistId: number | null, slides: Slide[], urgent: number[] = []): Resolution {
  return {
    at: '',
    layer: 'rule',
    alert: null,
    source: playlistId === null ? 'builtin' : 'rule',
    playlistId,
    playlistName: '',
    rule: null,
    matched: [],
    conflicts: [],
    urgent: urgent.map((id) => ({
      id,
      building: 'demo',
      title: '',
      body: '',
      category: 'safety',
      priority: 'urgent',
      validFrom: null,
      validTo: null,
      floors: [],
      groups: [],
      image: null,
      link: null,
      updatedAt: '',
    })),
    slides,
  };
}

const s = (id: string, duration: number): Slide => ({ id, kind: 'feedback', duration });

let shown: (Current | null)[];
let played: { slide: string; playlist: number | null; ms: number }[];
let current: Resolution;
let rotation: Rotation;

beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: T0 });
  shown = [];
  played = [];
  rotation = new Rotation({
    resolve: () => current,
    onChange: (c) => shown.push(c),
    onPlayed: (p) => played.push({ slide: p.slide, playlist: p.playlist, ms: p.endMs - p.startMs }),
  });
});
afterEach(() => {
  rotation.stop();
  mock.timers.reset();
});

const ids = () => shown.map((c) => c?.slide.id ?? 'idle');

test('slides play in order for their durations, round and round, each play reported', () => {
  current = resolution(1, [s('a', 10), s('b', 5)]);
  rotation.start();
  mock.timers.tick(10_000);
  mock.timers.tick(5_000);
  mock.timers.tick(10_000);
  assert.deepEqual(ids(), ['a', 'b', 'a', 'b']);
  assert.deepEqual(played, [
    { slide: 'a', playlist: 1, ms: 10_000 },
    { slide: 'b', playlist: 1, ms: 5_000 },
    { slide: 'a', playlist: 1, ms: 10_000 },
  ]);
  assert.deepEqual(
    shown.map((c) => c?.round),
    [0, 0, 1, 1],
  );
  assert.deepEqual(
    shown.map((c) => c?.seq),
    [1, 2, 3, 4],
  );
});

test('another playlist cuts in on the minute; the slide it cut short is reported as played', () => {
  current = resolution(1, [s('day', 600)]);
  rotation.start();
  current = resolution(2, [s('lunch', 30)]);
  // 03:29:00 + 60 s: the minute tick re-resolves.
  mock.timers.tick(60_000);
  assert.deepEqual(ids(), ['day', 'lunch']);
  assert.deepEqual(played, [{ slide: 'day', playlist: 1, ms: 60_000 }]);
});

test('a new urgent notice starts the loop again from its slide', () => {
  current = resolution(1, [s('a', 20), s('b', 20)]);
  rotation.start();
  mock.timers.tick(5_000);
  current = resolution(1, [s('urgent-9', 15), s('a', 20), s('b', 20)], [9]);
  rotation.evaluate();
  assert.deepEqual(ids(), ['a', 'urgent-9']);
});

test('an edit of the playing playlist waits for the slide to end, unless it removed that slide', () => {
  current = resolution(1, [s('a', 20), s('b', 20)]);
  rotation.start();
  current = resolution(1, [s('a', 30), s('c', 20), s('b', 20)]);
  rotation.evaluate();
  assert.equal(shown.at(-1)?.slide.duration, 30);
  mock.timers.tick(30_000);
  assert.deepEqual(ids(), ['a', 'a', 'c']);
  current = resolution(1, [s('a', 30), s('b', 20)]);
  rotation.evaluate();
  assert.deepEqual(ids(), ['a', 'a', 'c', 'a']);
  assert.deepEqual(
    played.map((p) => p.slide),
    ['a', 'c'],
  );
});

test('nothing to play shows the idle slide, and playing resumes when content arrives', () => {
  current = resolution(null, []);
  rotation.start();
  assert.deepEqual(ids(), []);
  current = resolution(null, [s('builtin-feedback', 15)]);
  rotation.evaluate();
  current = resolution(null, []);
  mock.timers.tick(15_000);
  assert.deepEqual(ids(), ['builtin-feedback', 'idle']);
  assert.deepEqual(played, [{ slide: 'builtin-feedback', playlist: null, ms: 15_000 }]);
});

test('stopping reports the slide that was on for as long as it was on', () => {
  current = resolution(3, [s('a', 20)]);
  rotation.start();
  mock.timers.tick(7_000);
  rotation.stop();
  assert.deepEqual(played, [{ slide: 'a', playlist: 3, ms: 7_000 }]);
});

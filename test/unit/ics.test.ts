import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calendarFile, escapeText, fold } from '../../hub/src/services/ics.ts';

test('text values escape commas, semicolons, backslashes and newlines', () => {
  assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
});

test('long lines fold at 75 octets without splitting a character', () => {
  const line = `SUMMARY:${'党群服务站'.repeat(10)}`;
  const folded = fold(line);
  const parts = folded.split('\r\n');
  assert.ok(parts.length > 1);
  for (const p of parts) assert.ok(Buffer.byteLength(p) <= 75, p);
  assert.equal(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join(''), line);
});

test('a calendar file with UTC times and CRLF line ends', () => {
  const ics = calendarFile({
    uid: '12345678@hub',
    stamp: new Date('2026-11-21T00:00:00Z'),
    start: '2026-12-01T06:00:00.000Z',
    end: '2026-12-01T07:30:00.000Z',
    summary: '政策宣讲, 第一期',
    location: '二楼多功能厅',
    description: '',
    url: 'http://hub/t/12345678?s=x',
    status: 'CONFIRMED',
  });
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /\r\nDTSTART:20261201T060000Z\r\n/);
  assert.match(ics, /\r\nDTEND:20261201T073000Z\r\n/);
  assert.match(ics, /\r\nSUMMARY:政策宣讲\\, 第一期\r\n/);
  assert.match(ics, /END:VCALENDAR\r\n$/);
  assert.equal(ics.split('\r\n').filter((l) => l.includes('\n')).length, 0);
});

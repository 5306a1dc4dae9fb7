import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildVCard, escapeText, fold, splitName } from '#shared/vcard';

test('a captain card has the fields a phone address book reads, with CRLF line ends', () => {
  const card = buildVCard({
    name: '王建国',
    org: '星河科技有限公司',
    title: '12 层楼长',
    phone: '138 0013 8000',
    note: '工作日 9:00-18:00',
  });
  assert.equal(
    card,
    [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:王;建国;;;',
      'FN:王建国',
      'ORG:星河科技有限公司',
      'TITLE:12 层楼长',
      'TEL;TYPE=CELL,VOICE:13800138000',
      'NOTE:工作日 9:00-18:00',
      'END:VCARD',
      '',
    ].join('\r\n'),
  );
});

test('desk phones are WORK, mobiles (also with +86) are CELL', () => {
  assert.match(
    buildVCard({ name: 'A', phone: '021-6888-8021' }),
    /TEL;TYPE=WORK,VOICE:02168888021/,
  );
  assert.match(
    buildVCard({ name: 'A', phone: '+86 139 1234 5678' }),
    /TYPE=CELL,VOICE:\+8613912345678/,
  );
});

test('names split family-first for Chinese, family-last for Western names', () => {
  assert.deepEqual(splitName('李娜'), { family: '李', given: '娜' });
  assert.deepEqual(splitName('欧阳修文'), { family: '欧阳', given: '修文' });
  assert.deepEqual(splitName('Mary Ann Smith'), { family: 'Smith', given: 'Mary Ann' });
  assert.deepEqual(splitName('Cher'), { family: 'Cher', given: '' });
  assert.match(buildVCard({ name: '李娜', family: '李', given: '娜娜' }), /N:李;娜娜;;;/);
});

test('text values escape backslash, comma, semicolon and newlines', () => {
  assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
  const card = buildVCard({ name: 'X', org: 'Foo; Bar, Inc.', note: 'line1\r\nline2' });
  assert.match(card, /ORG:Foo\\; Bar\\, Inc\./);
  assert.match(card, /NOTE:line1\\nline2\r\n/);
});

test('long lines fold at 75 octets without splitting a UTF-8 character', () => {
  const line = `NOTE:${'服务时间'.repeat(12)}`;
  const folded = fold(line);
  const parts = folded.split('\r\n');
  assert.ok(parts.length > 1);
  const enc = new TextEncoder();
  for (const [i, p] of parts.entries()) {
    assert.ok(enc.encode(p).length <= 75, `line ${i} is ${enc.encode(p).length} octets`);
    if (i > 0) assert.ok(p.startsWith(' '));
  }
  assert.equal(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join(''), line);
  assert.equal(fold('FN:short'), 'FN:short');
});

// vCard 3.0 (RFC 2426) for "save this contact" QR codes. 3.0 rather than 4.0 because
// the address books of the phones people carry (iOS, Android, WeChat's scanner) all read it.

export interface VCardInput {
  // Full name as shown ("王建国", "Li Na").
  name: string;
  // Structured name; guessed from `name` when left out (see splitName).
  family?: string;
  given?: string;
  org?: string;
  title?: string;
  phone?: string;
  email?: string;
  url?: string;
  note?: string;
}

const CRLF = '\r\n';
// Folding limit of RFC 2426 §2.6 in octets, not characters.
const LINE_OCTETS = 75;

// Two-character surnames common enough to matter; everything else takes the first character.
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '司徒',
  '夏侯',
  '长孙',
]);
const HAN = /^\p{Script=Han}+$/u;

export function buildVCard(c: VCardInput): string {
  const guessed = splitName(c.name);
  const family = c.family ?? guessed.family;
  const given = c.given ?? guessed.given;
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${escapeText(family)};${escapeText(given)};;;`,
    `FN:${escapeText(c.name.trim())}`,
  ];
  if (c.org) lines.push(`ORG:${escapeText(c.org)}`);
  if (c.title) lines.push(`TITLE:${escapeText(c.title)}`);
  if (c.phone) lines.push(`TEL;TYPE=${phoneType(c.phone)},VOICE:${dialable(c.phone)}`);
  if (c.email) lines.push(`EMAIL;TYPE=INTERNET:${escapeText(c.email)}`);
  if (c.url) lines.push(`URL:${c.url}`);
  if (c.note) lines.push(`NOTE:${escapeText(c.note)}`);
  lines.push('END:VCARD');
  return lines.map(fold).join(CRLF) + CRLF;
}

// Chinese names are family name first with no space; Western ones family name last.
export function splitName(name: string): { family: string; given: string } {
  const n = name.trim();
  if (HAN.test(n) && n.length >= 2) {
    const two = n.slice(0, 2);
    const familyLength = COMPOUND_SURNAMES.has(two) && n.length >= 3 ? 2 : 1;
    return { family: n.slice(0, familyLength), given: n.slice(familyLength) };
  }
  const words = n.split(/\s+/);
  if (words.length < 2) return { family: n, given: '' };
  return { family: words[words.length - 1] ?? '', given: words.slice(0, -1).join(' ') };
}

export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

// Dialers want digits and a leading plus, not the spaces and dashes people write.
function dialable(phone: string): string {
  const p = phone.trim();
  return (p.startsWith('+') ? '+' : '') + p.replace(/[^0-9]/g, '');
}

// Chinese mobile numbers are 11 digits starting with 1; anything else is taken as a desk phone.
function phoneType(phone: string): 'CELL' | 'WORK' {
  const digits = phone.replace(/[^0-9]/g, '').replace(/^86(?=1\d{10}$)/, '');
  return /^1\d{10}$/.test(digits) ? 'CELL' : 'WORK';
}

// Lines longer than 75 octets continue on the next line after CRLF and one space,
// cut between characters so no UTF-8 sequence is split.
export function fold(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line carries 75 octets; continuation lines lose one to the leading space.
  let limit = LINE_OCTETS;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = LINE_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

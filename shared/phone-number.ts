import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

// One spelling per number: E.164 with China as the default region, so "13400005555",
// "8613400005555", "008613400005555" and "+0086 134 0000 5555" are one person, in the
// database and in every comparison. Null when the digits are no valid number.
export function toE164(raw: string): string | null {
  let compact = raw.replace(/[\s().-]/g, '');
  // "+00 86 …": a plus written before the international prefix.
  if (compact.startsWith('+00')) compact = `+${compact.slice(3)}`;
  const parsed = parsePhoneNumberFromString(compact, 'CN');
  return parsed?.isValid() ? parsed.number : null;
}

// How a stored number is shown: mainland numbers as people write them ("13812345678",
// "02168881234"), others in E.164. Anything that is not E.164 (a purged row) as it is.
export function shownPhone(stored: string): string {
  if (!stored.startsWith('+86')) return stored;
  const parsed = parsePhoneNumberFromString(stored);
  return parsed ? parsed.formatNational().replace(/\s/g, '') : stored;
}

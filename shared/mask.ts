// Phone numbers are shown masked everywhere but in the handler's view (DESIGN.md,
// feedback loop): enough to recognise one's own number, not enough to call it.

const SEPARATORS = /[\s-]/g;

// "138 1234 5678" → "138****5678"; at least four digits are always hidden, and at most
// three lead and four trail, so short landlines keep fewer digits visible.
export function maskPhone(phone: string): string {
  const compact = phone.replace(SEPARATORS, '');
  const plus = compact.startsWith('+') ? '+' : '';
  const digits = plus ? compact.slice(1) : compact;
  const hidden = Math.min(digits.length, Math.max(4, digits.length - 7));
  const visible = digits.length - hidden;
  const tail = Math.min(4, Math.ceil(visible / 2));
  const head = visible - tail;
  return `${plus}${digits.slice(0, head)}${'*'.repeat(hidden)}${digits.slice(digits.length - tail)}`;
}

// "张晓燕" → "张**", "Ann Lee" → "A******": the first character, enough for a viewer to
// tell entries apart, and never the whole name.
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

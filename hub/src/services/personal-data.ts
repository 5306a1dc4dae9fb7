import { maskPhone } from '#shared/mask';
import { shownPhone, toE164 } from '#shared/phone-number';
import type { Actor } from '../context.ts';
import { invalidNamed } from '../errors.ts';

// The stored spelling of a number given in `field` (E.164, shared/phone-number.ts); a
// number that is none is refused, naming the field.
export function normalizePhone(phone: string, field = 'phone'): string {
  const e164 = toE164(phone);
  if (!e164) throw invalidNamed(field, 'phoneInvalid');
  return e164;
}

// Handlers call people back; everyone else sees the number masked (DESIGN.md).
export function phoneFor(actor: Actor, phone: string): string {
  const shown = shownPhone(phone);
  return actor.role === 'admin' || actor.role === 'handler' ? shown : maskPhone(shown);
}

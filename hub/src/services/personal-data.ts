import { maskName, maskPhone } from '#shared/mask';
import { can, type Permission } from '#shared/permissions';
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

const may = (actor: Actor, permission: Permission) =>
  actor.role !== 'system' && can(actor.role, permission);

// Handlers call people back; everyone else sees the number masked (DESIGN.md).
export function phoneFor(actor: Actor, phone: string): string {
  const shown = shownPhone(phone);
  return may(actor, 'feedback') ? shown : maskPhone(shown);
}

// Viewers read the lists to follow the work, not to know who is in them (hardening 18.7).
export function nameFor(actor: Actor, name: string): string {
  return actor.role === 'viewer' ? maskName(name) : name;
}

// Citizens' photos are for those who work the feedback loop.
export const seesPhotos = (actor: Actor): boolean => may(actor, 'feedback');

// A captain code reserves seats: for those who manage contacts and events.
export const seesCaptainCodes = (actor: Actor): boolean => may(actor, 'content');

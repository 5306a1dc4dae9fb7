import { maskPhone } from '#shared/mask';
import type { Actor } from '../context.ts';

// One spelling per number, so "138 1234 5678", "138-1234-5678" and "+86 138…" are one person.
export function normalizePhone(phone: string): string {
  const compact = phone.replace(/[\s-]/g, '');
  const mainland = /^\+86(1[0-9]{10})$/.exec(compact);
  return mainland?.[1] ?? compact;
}

// Handlers call people back; everyone else sees the number masked (DESIGN.md).
export function phoneFor(actor: Actor, phone: string): string {
  return actor.role === 'admin' || actor.role === 'handler' ? phone : maskPhone(phone);
}

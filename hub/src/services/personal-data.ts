import { maskName, maskPhone } from '#shared/mask';
import { can, type Permission } from '#shared/permissions';
import type { Actor } from '../context.ts';

// One spelling per number, so "138 1234 5678", "138-1234-5678" and "+86 138…" are one person.
export function normalizePhone(phone: string): string {
  const compact = phone.replace(/[\s-]/g, '');
  const mainland = /^\+86(1[0-9]{10})$/.exec(compact);
  return mainland?.[1] ?? compact;
}

const may = (actor: Actor, permission: Permission) =>
  actor.role !== 'system' && can(actor.role, permission);

// Handlers call people back; everyone else sees the number masked (DESIGN.md).
export function phoneFor(actor: Actor, phone: string): string {
  return may(actor, 'feedback') ? phone : maskPhone(phone);
}

// Viewers read the lists to follow the work, not to know who is in them (hardening 18.7).
export function nameFor(actor: Actor, name: string): string {
  return actor.role === 'viewer' ? maskName(name) : name;
}

// Citizens' photos are for those who work the feedback loop.
export const seesPhotos = (actor: Actor): boolean => may(actor, 'feedback');

// A captain code reserves seats: for those who manage contacts and events.
export const seesCaptainCodes = (actor: Actor): boolean => may(actor, 'content');

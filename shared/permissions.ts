import type { StaffRole } from './enums.ts';

// What each staff role may do; the hub enforces it and the console hides what it forbids.
export const PERMISSIONS = {
  read: ['admin', 'editor', 'handler', 'viewer'],
  content: ['admin', 'editor'],
  feedback: ['admin', 'handler'],
  checkin: ['admin', 'editor', 'handler'],
  devices: ['admin', 'editor'],
  // Any working staff member can raise an alert: an emergency does not wait for an editor.
  alert: ['admin', 'editor', 'handler'],
  users: ['admin'],
  buildings: ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: StaffRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}

import type { Permission } from '#shared/permissions';
import { can } from '#shared/permissions';
import { okResponse } from '#shared/schemas/common';
import { loginResult, me, type Me } from '#shared/schemas/staff';
import { ApiFailure, call, whenUnauthenticated } from './http.ts';
import { observable } from './observable.ts';

export type SessionState = { status: 'checking' } | { status: 'out' } | { status: 'in'; user: Me };

export const session = observable<SessionState>({ status: 'checking' });
whenUnauthenticated(() => session.set({ status: 'out' }));

export async function checkSession(): Promise<void> {
  try {
    session.set({ status: 'in', user: await call(me, 'GET', '/api/staff/me') });
  } catch (err) {
    if (err instanceof ApiFailure && err.status === 401) session.set({ status: 'out' });
    else throw err;
  }
}

export async function login(username: string, password: string): Promise<void> {
  await call(loginResult, 'POST', '/api/staff/session', { username, password });
  await checkSession();
}

export async function logout(): Promise<void> {
  await call(okResponse, 'DELETE', '/api/staff/session').catch(() => undefined);
  session.set({ status: 'out' });
}

export const changePassword = (current: string, next: string) =>
  call(okResponse, 'POST', '/api/staff/password', { current, next });

// What the signed-in user's role may do, as shared/permissions.ts says; the API decides too.
export function allowed(permission: Permission): boolean {
  const s = session.get();
  return s.status === 'in' && can(s.user.role, permission);
}

import type { StaffRole } from '#shared/enums';
import { buildingsOf, toStaffUser } from '../store/staff.ts';
import type { Actor, HubContext } from '../context.ts';
import { conflict, fail, invalid, notFound, retryAfter } from '../errors.ts';
import { audit } from './audit.ts';
import { LoginThrottle } from './login-throttle.ts';
import { hashPassword, newToken, sha256, verifyPassword } from './secrets.ts';
import { SYSTEM } from '../context.ts';
import { checkGrant, manages } from './staff-scope.ts';

export const SESSION_DAYS = 14;

// Growing delays per account-and-address and per address (login-throttle.ts): a guesser
// is slowed, the account's owner is never locked out.
const throttles = new WeakMap<HubContext, LoginThrottle>();
function throttleOf(ctx: HubContext): LoginThrottle {
  let t = throttles.get(ctx);
  if (!t) {
    t = new LoginThrottle();
    throttles.set(ctx, t);
  }
  return t;
}

// What the HTTP layer counts (metrics.ts): failures, refusals to try, and alerts.
export interface LoginWatch {
  failed(): void;
  throttled(): void;
  alarm(): void;
}

// Spent on unknown users too, so timing does not tell which usernames exist.
let dummyHash: Promise<string> | undefined;

export async function login(
  ctx: HubContext,
  username: string,
  password: string,
  address: string,
  watch?: LoginWatch,
) {
  const throttle = throttleOf(ctx);
  const accountKey = username.toLowerCase();
  const wait = throttle.waitSeconds(accountKey, address, ctx.now().getTime());
  if (wait > 0) {
    watch?.throttled();
    throw retryAfter(fail('rate_limited', 'loginWait', { seconds: wait }), wait);
  }
  const user = ctx.store.staff.byUsername(accountKey);
  dummyHash ??= hashPassword('not a password of anyone');
  const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash));
  if (!user || !ok || user.disabled) {
    watch?.failed();
    const alarm = throttle.failed(accountKey, address, ctx.now().getTime());
    if (alarm) {
      watch?.alarm();
      ctx.log.warn(alarm, 'many failed logins on one account: someone may be guessing');
    }
    throw fail('unauthenticated', 'wrongLogin');
  }
  throttle.succeeded(accountKey, address);
  const token = newToken(32);
  const now = ctx.now();
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  ctx.store.staff.insertSession(sha256(token), user.id, now.toISOString(), expires.toISOString());
  return { token, role: user.role, expires };
}

export function actorForToken(ctx: HubContext, token: string): Actor | null {
  const u = ctx.store.staff.sessionUser(sha256(token), ctx.now().toISOString());
  if (!u) return null;
  const buildings = buildingsOf(u);
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    buildings: buildings.length ? buildings : null,
  };
}

export function logout(ctx: HubContext, token: string): void {
  ctx.store.staff.removeSession(sha256(token));
  ctx.live?.sessionsEnded();
}

export async function changePassword(
  ctx: HubContext,
  actor: Actor,
  token: string,
  current: string,
  next: string,
) {
  const user = actor.id === null ? undefined : ctx.store.staff.get(actor.id);
  if (!user || !(await verifyPassword(current, user.password_hash))) {
    throw invalid('current', 'wrongCurrentPassword');
  }
  const passwordHash = await hashPassword(next);
  ctx.store.tx(() => {
    ctx.store.staff.update(
      user.id,
      { ...staffFields(user), passwordHash },
      ctx.now().toISOString(),
    );
    // Other sessions of this account end: a changed password locks out whoever had the old one.
    ctx.store.staff.removeSessionsOf(user.id, sha256(token));
    audit(ctx, actor, 'password', 'staff_user', user.id, null, null);
  });
  ctx.live?.sessionsEnded();
}

export async function createUser(
  ctx: HubContext,
  actor: Actor,
  u: {
    username: string;
    displayName: string;
    role: StaffRole;
    password: string;
    buildings?: string[] | undefined;
  },
) {
  const buildings = u.buildings ?? [];
  checkGrant(ctx, actor, buildings);
  const passwordHash = await hashPassword(u.password);
  return ctx.store.tx(() => {
    if (ctx.store.staff.byUsername(u.username)) throw conflict('username', 'usernameTaken');
    const id = ctx.store.staff.insert({ ...u, passwordHash }, ctx.now().toISOString());
    ctx.store.staff.setBuildings(id, buildings);
    const created = ctx.store.staff.get(id);
    audit(ctx, actor, 'create', 'staff_user', id, null, created && toStaffUser(created));
    return id;
  });
}

export async function updateUser(
  ctx: HubContext,
  actor: Actor,
  id: number,
  patch: {
    displayName?: string | undefined;
    role?: StaffRole | undefined;
    disabled?: boolean | undefined;
    password?: string | undefined;
    buildings?: string[] | undefined;
  },
) {
  if (patch.buildings) checkGrant(ctx, actor, patch.buildings);
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  ctx.store.tx(() => {
    const user = ctx.store.staff.get(id);
    if (!user || !manages(actor, toStaffUser(user))) throw notFound('staff');
    const self = id === actor.id;
    if (self && (patch.role !== undefined || patch.disabled || patch.buildings)) {
      throw conflict('role', 'notYourself');
    }
    const base = staffFields(user);
    const next = {
      displayName: patch.displayName ?? base.displayName,
      role: patch.role ?? base.role,
      disabled: patch.disabled ?? base.disabled,
      passwordHash: passwordHash ?? user.password_hash,
    };
    ctx.store.staff.update(id, next, ctx.now().toISOString());
    if (patch.buildings) ctx.store.staff.setBuildings(id, patch.buildings);
    // A changed scope ends the account's sessions: an open console must not keep the old one.
    if (next.disabled || passwordHash || patch.buildings) ctx.store.staff.removeSessionsOf(id);
    const after = ctx.store.staff.get(id);
    audit(ctx, actor, 'update', 'staff_user', id, toStaffUser(user), after && toStaffUser(after));
  });
  if (patch.disabled || passwordHash || patch.buildings) ctx.live?.sessionsEnded();
}

function staffFields(u: {
  display_name: string;
  role: StaffRole;
  disabled: number;
  password_hash: string;
}) {
  return {
    displayName: u.display_name,
    role: u.role,
    disabled: u.disabled === 1,
    passwordHash: u.password_hash,
  };
}

// On an empty staff table: an admin with ADMIN_PASSWORD, or a random password printed once.
export async function ensureAdmin(ctx: HubContext): Promise<string | null> {
  if (ctx.store.staff.count() > 0) return null;
  const password = ctx.config.adminPassword ?? newToken(12);
  const passwordHash = await hashPassword(password);
  ctx.store.tx(() => {
    const id = ctx.store.staff.insert(
      { username: 'admin', displayName: '系统管理员', role: 'admin', passwordHash },
      ctx.now().toISOString(),
    );
    audit(ctx, SYSTEM, 'create', 'staff_user', id, null, { username: 'admin' });
  });
  return ctx.config.adminPassword ? null : password;
}

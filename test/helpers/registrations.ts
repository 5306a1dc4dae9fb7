import assert from 'node:assert/strict';
import { startTestHub, type TestHub } from './hub.ts';

// What the registration suites share: a hub with a user of every staff role, and the
// public calls a phone makes.
export type Created = {
  ticket: string;
  secret: string;
  url: string;
  status: 'confirmed' | 'waitlisted';
  position?: number;
};
export type View = {
  ticket: string;
  status: string;
  position: number | null;
  phone: string;
  captain: boolean;
  reconfirmedAt: string | null;
  event: { seatsLeft: number; waitlist: number };
};
export type Listed = { ticket: string; status: string; position: number | null; phone: string };
export type ErrorBody = { error: { code: string; message: string; field?: string } };

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
export const PASSWORD = 'a-long-test-password';

export async function startRegistrationHub() {
  const hub = await startTestHub();
  const admin = await hub.login();
  const tokens: Record<string, string> = {};
  for (const role of ['editor', 'handler', 'viewer'] as const) {
    await hub.api(
      'POST',
      '/api/staff/users',
      { username: role, displayName: role, role, password: PASSWORD },
      admin,
    );
    tokens[role] = await hub.login(role, PASSWORD);
  }
  return { hub, admin, tokens };
}

// The calls, bound lazily to the suite's hub (it starts in `before`).
export function registrationCalls(current: () => { hub: TestHub; admin: string }) {
  let phoneSeq = 0;
  const nextPhone = () => `139${String(10_000_000 + phoneSeq++).padStart(8, '0')}`;
  const at = (ms: number) => new Date(current().hub.ctx.now().getTime() + ms).toISOString();
  async function newEvent(fields: Record<string, unknown> = {}): Promise<number> {
    const { hub, admin } = current();
    const r = await hub.api<{ id: number }>(
      'POST',
      '/api/staff/events',
      {
        building: 'demo',
        title: 'Tax clinic',
        kind: 'lecture',
        place: 'Hall 2F',
        start: at(5 * DAY),
        end: at(5 * DAY + 2 * HOUR),
        capacity: 3,
        ...fields,
      },
      admin,
    );
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id;
  }
  const register = (id: number, body: Record<string, unknown> = {}) =>
    current().hub.api<Created & ErrorBody>('POST', `/api/public/events/${id}/registrations`, {
      name: '王丽华',
      company: 'Acme',
      phone: nextPhone(),
      ...body,
    });
  const view = (c: { ticket: string; secret: string }) =>
    current().hub.api<View & ErrorBody>(
      'GET',
      `/api/public/registrations/${c.ticket}?secret=${c.secret}`,
    );
  const cancel = (c: { ticket: string; secret: string }) =>
    current().hub.api('DELETE', `/api/public/registrations/${c.ticket}?secret=${c.secret}`);
  return { nextPhone, at, newEvent, register, view, cancel };
}

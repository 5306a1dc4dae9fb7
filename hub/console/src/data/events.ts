import { z } from 'zod';
import { createdId, okResponse } from '#shared/schemas/common';
import {
  attendance,
  checkinResult,
  registrationCreated,
  staffEvent,
  staffRegistration,
  type eventInput,
  type eventPatch,
  type walkinInput,
} from '#shared/schemas/events';
import type { RegistrationStatus } from '#shared/enums';
import { call, qs } from './http.ts';
import { subscribeBuilding, subscribeResync } from './live.ts';

export const listEvents = (b: string) =>
  call(z.array(staffEvent), 'GET', `/api/staff/buildings/${b}/events`);
export const getEvent = (id: number) => call(staffEvent, 'GET', `/api/staff/events/${id}`);
export const createEvent = (input: z.input<typeof eventInput>) =>
  call(createdId, 'POST', '/api/staff/events', input);
export const updateEvent = (id: number, patch: z.input<typeof eventPatch>) =>
  call(okResponse, 'PATCH', `/api/staff/events/${id}`, patch);
export const deleteEvent = (id: number) => call(okResponse, 'DELETE', `/api/staff/events/${id}`);

export const listRegistrations = (id: number, status?: RegistrationStatus) =>
  call(z.array(staffRegistration), 'GET', `/api/staff/events/${id}/registrations${qs({ status })}`);
export const attendanceOf = (id: number) =>
  call(attendance, 'GET', `/api/staff/events/${id}/attendance`);
export const checkIn = (ticket: string, event?: number) =>
  call(checkinResult, 'POST', '/api/staff/checkins', { ticket, event });
export const addWalkIn = (id: number, input: z.input<typeof walkinInput>) =>
  call(registrationCreated, 'POST', `/api/staff/events/${id}/walkins`, input);

// New registrations (with their event), and any republished events snapshot (seats moved)
// or a live channel back from a break (null: anything may have changed).
export function subscribeRegistrations(
  b: string,
  fn: (eventId: number | null) => void,
): () => void {
  const offCreated = subscribeBuilding('registration.created', b, (p) => fn(p.eventId));
  const offEvents = subscribeBuilding(
    'content.published',
    b,
    (p) => p.topic === 'events' && fn(null),
  );
  const offResync = subscribeResync(() => fn(null));
  return () => (offCreated(), offEvents(), offResync());
}

import { registrationCreated, type RegistrationInput } from '#shared/schemas/events';
import { request } from './http.ts';

export const register = (eventId: number, input: RegistrationInput) =>
  request('POST', `/api/public/events/${eventId}/registrations`, registrationCreated, input);

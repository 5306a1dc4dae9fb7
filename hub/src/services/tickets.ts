import { digits, newToken, sameSecret, sha256 } from './secrets.ts';

// A ticket is what a person reads out at the door or to the service desk: 8 digits.
// The secret beside it is what proves the link is theirs: 144 bits, stored as a hash.
export const newSecret = (): string => newToken(18);
export const hashSecret = (secret: string): string => sha256(secret);
// A phone's lobby_visitor id: random, stored only as its hash, worth nothing until the hub
// has seen it support a ticket (services/feedback.ts).
export const newVisitorId = (): string => newToken(18);

export function newTicket(taken: (ticket: string) => boolean): string {
  for (;;) {
    const ticket = digits(8);
    if (!taken(ticket)) return ticket;
  }
}

// Spends the same work whether or not the ticket exists, so timing tells nothing.
const NO_HASH = sha256('no ticket has this secret');
export function secretMatches(given: string, storedHash: string | undefined): boolean {
  const ok = sameSecret(given, storedHash ?? NO_HASH);
  return ok && storedHash !== undefined;
}

import type { HubContext } from '../context.ts';
import { fail } from '../errors.ts';
import { Limiter } from './limiter.ts';
import type { Origin } from './registrations.ts';

// Public writes are limited per phone number, per QR place and per kiosk, on top of the
// per-address limit of the HTTP layer. Generous for people, tight for scripts: a person
// registers for a few events and files a few tickets an hour; a busy lobby kiosk serves
// a queue; a poster by a broken lift may draw a crowd, who mostly join the first ticket.
const MINUTE = 60_000;
const LIMITS = {
  phone: [10, 60 * MINUTE],
  place: [30, 10 * MINUTE],
  device: [60, 10 * MINUTE],
  // "Me too" per phone: by its lobby_visitor id once it has one, and phones new to the hub
  // per address (each gets an id). Not per place: one client must not close a place's QR
  // for everyone, and one support per ticket each is kept in the database.
  supporter: [20, 60 * MINUTE],
  newSupporter: [60, 10 * MINUTE],
  // Wrong captain codes per client address: 8 digits must not be guessable.
  captainCode: [10, 60 * MINUTE],
  // Wrong ticket links (number or secret) per client address. Links come from QR codes, so
  // a person almost never sends a wrong one; generous all the same, as a whole building
  // may share one Wi-Fi address.
  wrongLink: [30, 10 * MINUTE],
} as const;
type LimitName = keyof typeof LIMITS;

const byHub = new WeakMap<HubContext, Record<LimitName, Limiter>>();
function limiters(ctx: HubContext): Record<LimitName, Limiter> {
  let l = byHub.get(ctx);
  if (!l) {
    const make = (n: LimitName) => new Limiter(LIMITS[n][0], LIMITS[n][1]);
    l = {
      phone: make('phone'),
      place: make('place'),
      device: make('device'),
      supporter: make('supporter'),
      newSupporter: make('newSupporter'),
      captainCode: make('captainCode'),
      wrongLink: make('wrongLink'),
    };
    byHub.set(ctx, l);
  }
  return l;
}

// A kiosk is limited on its own, keyed with its address too: whoever learns a kiosk's id
// cannot spend that kiosk's budget from elsewhere.
export const kioskKey = (from: Origin): string | null =>
  from.device ? `${from.device}@${from.address}` : null;

export interface VisitorKeys {
  phone?: string | null | undefined;
  place?: number | null | undefined;
  device?: string | null | undefined;
  supporter?: string | null | undefined;
  newSupporterFrom?: string | null | undefined;
}

const tooMany = () => fail('rate_limited', 'submissionsThrottled');

// Counts one public write against each key it names; 429 once any is over its limit.
export function takeVisitorLimits(ctx: HubContext, keys: VisitorKeys): void {
  const l = limiters(ctx);
  const results = [
    keys.phone ? l.phone.take(keys.phone) : true,
    keys.place ? l.place.take(String(keys.place)) : true,
    keys.device ? l.device.take(keys.device) : true,
    keys.supporter ? l.supporter.take(keys.supporter) : true,
    keys.newSupporterFrom ? l.newSupporter.take(keys.newSupporterFrom) : true,
  ];
  if (results.includes(false)) throw tooMany();
}

export function countWrongCaptainCode(ctx: HubContext, address: string): void {
  limiters(ctx).captainCode.take(address);
}

export function checkCaptainGuesses(ctx: HubContext, address: string): void {
  if (limiters(ctx).captainCode.blocked(address)) throw tooMany();
}

// A ticket link that named no ticket, or the wrong secret for it.
export function countWrongLink(ctx: HubContext, address: string): void {
  limiters(ctx).wrongLink.take(address);
}

// Once an address sent too many wrong links it is refused for a while, even with a right
// one: otherwise the refusal would tell a guesser when a guess was right.
export function checkLinkGuesses(ctx: HubContext, address: string): void {
  if (limiters(ctx).wrongLink.blocked(address)) {
    throw fail('rate_limited', 'wrongLinksThrottled');
  }
}

import type { Actor } from '../context.ts';
import { fail, notFound, type ThingKey } from '../errors.ts';

// Which buildings an actor may see and change (issue 13, DESIGN.md "District"). A staff
// account carries a set of buildings, none meaning the whole district. Another building's
// object must look exactly like one that does not exist: 404 `not_found`, nothing written.
//
// How staff code uses it:
// - a building named in the request (path `:b`, query `building`, body `building` or
//   `buildings`) is checked for every route by the HTTP layer (http/scope.ts), before
//   the handler runs; a service given a building another way calls assertBuilding.
// - an object loaded by id: `const n = owned(actor, ctx.store.notices.get(id), 'notice')`
//   (404 when missing or outside the scope), before anything is written.
// - a list across buildings: `visible(actor, rows)` in memory, or hand `reach(actor)` to
//   the store, whose SQL filters with `reachClause` (store/db.ts).
// - a district-only route: `allow(ctx, permission, 'district')`, or assertDistrict in a service.

// The buildings an actor reaches; null is the whole district.
export type Reach = readonly string[] | null;

export const isDistrictWide = (actor: Actor): boolean => actor.buildings === null;

// An object with no building (an unplaced device, a hub-wide job) is district-wide's only.
export function inScope(actor: Actor, building: string | null | undefined): boolean {
  if (actor.buildings === null) return true;
  return typeof building === 'string' && actor.buildings.includes(building);
}

export function assertBuilding(actor: Actor, building: string | null | undefined): void {
  if (!inScope(actor, building)) throw notFound('building');
}

export function assertDistrict(actor: Actor): void {
  if (!isDistrictWide(actor)) {
    throw fail('forbidden', 'districtOnly');
  }
}

// The object, when it exists and its building is in the actor's scope; 404 otherwise.
export function owned<T extends { building: string | null }>(
  actor: Actor,
  obj: T | null | undefined,
  what: ThingKey,
): T;
export function owned<T>(
  actor: Actor,
  obj: T | null | undefined,
  what: ThingKey,
  buildingOf: (o: T) => string | null,
): T;
export function owned<T>(
  actor: Actor,
  obj: T | null | undefined,
  what: ThingKey,
  buildingOf: (o: T) => string | null = (o) => (o as { building: string | null }).building,
): T {
  if (obj === null || obj === undefined || !inScope(actor, buildingOf(obj))) throw notFound(what);
  return obj;
}

export function visible<T extends { building: string | null }>(actor: Actor, items: T[]): T[];
export function visible<T>(actor: Actor, items: T[], buildingOf: (o: T) => string | null): T[];
export function visible<T>(
  actor: Actor,
  items: T[],
  buildingOf: (o: T) => string | null = (o) => (o as { building: string | null }).building,
): T[] {
  if (actor.buildings === null) return items;
  return items.filter((o) => inScope(actor, buildingOf(o)));
}

// What a list query covers: the one building asked for (checked), or all the actor reaches.
export function reach(actor: Actor, requested?: string | null): Reach {
  if (requested) {
    assertBuilding(actor, requested);
    return [requested];
  }
  return actor.buildings;
}

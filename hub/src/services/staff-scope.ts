import type { StaffUser } from '#shared/schemas/staff';
import type { Actor, HubContext } from '../context.ts';
import { ApiError, errorText, invalid } from '../errors.ts';
import { inScope } from './scope.ts';

// A building's admin manages its own building's staff: accounts whose buildings all lie
// within the admin's. A district-wide admin manages everyone. Others look like no account.
export function manages(actor: Actor, user: Pick<StaffUser, 'buildings'>): boolean {
  if (actor.buildings === null) return true;
  return user.buildings.length > 0 && user.buildings.every((b) => inScope(actor, b));
}

// The buildings an admin grants a new or changed account: each must exist, and a scoped
// admin can grant only its own (the HTTP guard already answered 404 for the others) and
// never the whole district.
export function checkGrant(ctx: HubContext, actor: Actor, buildings: readonly string[]): void {
  buildings.forEach((b, i) => {
    if (!ctx.store.buildings.get(b)) throw invalid(`buildings.${i}`, 'unknownBuilding', { id: b });
  });
  if (buildings.length === 0 && actor.buildings !== null) {
    throw new ApiError('forbidden', errorText('ownBuildingsOnly'), 'buildings');
  }
}

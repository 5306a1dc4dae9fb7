import type { z } from 'zod';
import type {
  QrIntent,
  bankInput,
  buildingInput,
  buildingPatch,
  floorInput,
  placeInput,
} from '#shared/schemas/buildings';
import type { Actor, HubContext } from '../context.ts';
import { conflict, invalid, must } from '../errors.ts';
import { audit } from './audit.ts';
import { newToken } from './secrets.ts';

// Codes printed on posters and shown on screens: short enough for a small QR.
const PLACE_INTENTS: QrIntent[] = ['feedback', 'contact', 'home'];
const newQrCode = () => newToken(6);

export function createBuilding(
  ctx: HubContext,
  actor: Actor,
  input: z.infer<typeof buildingInput>,
): void {
  ctx.store.tx(() => {
    if (ctx.store.buildings.get(input.id)) throw conflict('id', 'buildingIdTaken');
    ctx.store.buildings.insert(input.id, input, ctx.now().toISOString());
    audit(ctx, actor, 'create', 'building', input.id, null, input);
  });
}

export function updateBuilding(
  ctx: HubContext,
  actor: Actor,
  id: string,
  patch: z.infer<typeof buildingPatch>,
) {
  const before = must(ctx.store.buildings.get(id), 'building');
  const next = {
    name: patch.name ?? before.name,
    nameEn: patch.nameEn ?? before.name_en ?? undefined,
    timezone: patch.timezone ?? before.timezone,
    address: patch.address ?? before.address ?? undefined,
  };
  ctx.store.tx(() => {
    ctx.store.buildings.update(id, next);
    audit(ctx, actor, 'update', 'building', id, before, next);
  });
}

export function deleteBuilding(ctx: HubContext, actor: Actor, id: string): void {
  const before = must(ctx.store.buildings.get(id), 'building');
  // Their only building gone, scoped accounts would fall back to the whole district.
  const staff = ctx.store.staff.scopedTo(id);
  if (staff.length) throw conflict('id', 'buildingHasStaff', { names: staff.join('、') });
  ctx.store.tx(() => {
    ctx.store.buildings.remove(id);
    audit(ctx, actor, 'delete', 'building', id, before, null);
  });
}

export function putFloor(
  ctx: HubContext,
  actor: Actor,
  building: string,
  input: z.infer<typeof floorInput>,
) {
  must(ctx.store.buildings.get(building), 'building');
  const label = input.label || `${input.number}F`;
  ctx.store.tx(() => {
    const before = ctx.store.buildings.floor(building, input.number);
    ctx.store.buildings.upsertFloor(building, input.number, label, input.companies);
    audit(
      ctx,
      actor,
      before ? 'update' : 'create',
      'floor',
      `${building}/${input.number}`,
      before,
      {
        ...input,
        label,
      },
    );
  });
  ctx.changes.changed(building, 'contacts');
}

export function deleteFloor(ctx: HubContext, actor: Actor, building: string, n: number): void {
  const before = must(ctx.store.buildings.floor(building, n), 'floor');
  ctx.store.tx(() => {
    ctx.store.buildings.removeFloor(building, n);
    audit(ctx, actor, 'delete', 'floor', `${building}/${n}`, before, null);
  });
}

export function createBank(
  ctx: HubContext,
  actor: Actor,
  building: string,
  input: z.infer<typeof bankInput>,
) {
  must(ctx.store.buildings.get(building), 'building');
  return ctx.store.tx(() => {
    if (ctx.store.buildings.bankByName(building, input.floor, input.name)) {
      throw conflict('name', 'bankNameTaken');
    }
    const id = ctx.store.buildings.insertBank(building, input.floor, input.name, input.group);
    audit(ctx, actor, 'create', 'bank', id, null, input);
    return id;
  });
}

export function updateBank(
  ctx: HubContext,
  actor: Actor,
  id: number,
  patch: Partial<z.infer<typeof bankInput>>,
) {
  const before = must(ctx.store.buildings.bank(id), 'bank');
  const next = {
    floor: patch.floor ?? before.floor,
    name: patch.name ?? before.name,
    group: patch.group ?? before.group,
  };
  ctx.store.tx(() => {
    ctx.store.buildings.updateBank(id, next.floor, next.name, next.group);
    audit(ctx, actor, 'update', 'bank', id, before, next);
  });
}

export function deleteBank(ctx: HubContext, actor: Actor, id: number): void {
  const before = must(ctx.store.buildings.bank(id), 'bank');
  ctx.store.tx(() => {
    ctx.store.buildings.removeBank(id);
    audit(ctx, actor, 'delete', 'bank', id, before, null);
  });
}

function checkBankOf(ctx: HubContext, building: string, bankId: number | null): void {
  if (bankId === null) return;
  const bank = ctx.store.buildings.bank(bankId);
  if (!bank || bank.building !== building) throw invalid('bankId', 'noSuchBank');
}

// A place gets its QR codes at once, so a poster can be printed straight away.
export function createPlace(
  ctx: HubContext,
  actor: Actor,
  building: string,
  input: z.infer<typeof placeInput>,
) {
  must(ctx.store.buildings.get(building), 'building');
  checkBankOf(ctx, building, input.bankId);
  return ctx.store.tx(() => {
    const id = ctx.store.buildings.insertPlace(building, input.floor, input.bankId, input.name);
    for (const intent of PLACE_INTENTS)
      ctx.store.buildings.insertCode(newQrCode(), id, intent, null);
    audit(ctx, actor, 'create', 'place', id, null, ctx.store.buildings.place(id));
    return id;
  });
}

export function updatePlace(
  ctx: HubContext,
  actor: Actor,
  id: number,
  patch: Partial<z.infer<typeof placeInput>>,
) {
  const before = must(ctx.store.buildings.place(id), 'place');
  const next = {
    floor: patch.floor !== undefined ? patch.floor : before.floor,
    bankId: patch.bankId !== undefined ? patch.bankId : before.bankId,
    name: patch.name ?? before.name,
  };
  checkBankOf(ctx, before.building, next.bankId);
  ctx.store.tx(() => {
    ctx.store.buildings.updatePlace(id, next.floor, next.bankId, next.name);
    audit(ctx, actor, 'update', 'place', id, before, next);
  });
}

export function deletePlace(ctx: HubContext, actor: Actor, id: number): void {
  const before = must(ctx.store.buildings.place(id), 'place');
  ctx.store.tx(() => {
    ctx.store.buildings.removePlace(id);
    audit(ctx, actor, 'delete', 'place', id, before, null);
  });
}

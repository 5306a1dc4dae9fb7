import type { z } from 'zod';
import { toE164 } from '#shared/phone-number';
import type { contactInput, contactPatch } from '#shared/schemas/contacts';
import type { Actor, HubContext } from '../context.ts';
import { must } from '../errors.ts';
import type { ContactFields } from '../store/contacts.ts';
import { audit } from './audit.ts';
import { normalizePhone } from './personal-data.ts';
import { digits } from './secrets.ts';

type ContactInput = z.infer<typeof contactInput>;
type ContactPatch = z.infer<typeof contactPatch>;

const isCaptain = (role: string) => role === 'captain' || role === 'deputy_captain';

export function createContact(ctx: HubContext, actor: Actor, input: ContactInput): number {
  must(ctx.store.buildings.get(input.building), 'building');
  const { building, ...given } = input;
  const fields = { ...given, phone: normalizePhone(given.phone) };
  const id = ctx.store.tx(() => {
    // Captains get a code for the early registration window; staff hand it over in person.
    const id = ctx.store.contacts.insert(
      building,
      fields,
      isCaptain(fields.role) ? digits(8) : null,
      ctx.now().toISOString(),
    );
    audit(ctx, actor, 'create', 'contact', id, null, ctx.store.contacts.get(id));
    return id;
  });
  ctx.changes.changed(building, 'contacts');
  return id;
}

export function updateContact(
  ctx: HubContext,
  actor: Actor,
  id: number,
  patch: ContactPatch,
): void {
  const before = must(ctx.store.contacts.get(id), 'contact');
  const fields: ContactFields = {
    name: patch.name ?? before.name,
    role: patch.role ?? before.role,
    floors: patch.floors ?? before.floors,
    company: patch.company ?? before.company,
    // A number kept from before a change of spelling rules stays as it was.
    phone: patch.phone ? normalizePhone(patch.phone) : (toE164(before.phone) ?? before.phone),
    wechat: patch.wechat ?? before.wechat,
    photo: patch.photo ?? before.photo,
    hours: patch.hours ?? before.hours,
  };
  ctx.store.tx(() => {
    ctx.store.contacts.update(id, fields, ctx.now().toISOString());
    audit(ctx, actor, 'update', 'contact', id, before, ctx.store.contacts.get(id));
  });
  ctx.changes.changed(before.building, 'contacts');
}

export function deleteContact(ctx: HubContext, actor: Actor, id: number): void {
  const before = must(ctx.store.contacts.get(id), 'contact');
  ctx.store.tx(() => {
    ctx.store.contacts.remove(id);
    audit(ctx, actor, 'delete', 'contact', id, before, null);
  });
  ctx.changes.changed(before.building, 'contacts');
}

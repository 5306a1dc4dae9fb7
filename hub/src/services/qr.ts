import type { QrEntry } from '#shared/schemas/qr';
import type { HubContext } from '../context.ts';
import { must, notFound } from '../errors.ts';

// What a scanned QR code leads to; every scan is counted for the station's reports.
export function scanQr(ctx: HubContext, code: string): QrEntry {
  const qr = ctx.store.buildings.code(code);
  if (!qr) throw notFound('qr');
  const place = must(ctx.store.buildings.place(qr.place_id), 'place');
  const building = must(ctx.store.buildings.get(place.building), 'building');
  ctx.store.buildings.countScan(code);
  return {
    code: qr.code,
    intent: qr.intent,
    target: qr.target_id,
    place: {
      id: place.id,
      name: place.name,
      floor: place.floor,
      bank: place.bankId === null ? null : (ctx.store.buildings.bank(place.bankId)?.name ?? null),
    },
    building: { id: building.id, name: building.name, timezone: building.timezone },
  };
}

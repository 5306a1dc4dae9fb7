import { z } from 'zod';
import { boardData, contactsData, noticesData } from '#shared/payloads';
import { publicEvent } from '#shared/schemas/events';
import { buildingId } from '#shared/schemas/common';
import { getJson } from './http.ts';
import { buildingDetail, type KioskState, type KioskStore } from './store.ts';

const b = (building: string) => `/api/public/buildings/${encodeURIComponent(building)}`;

// Floors and their companies are not on MQTT; both modes read them over HTTP.
export async function loadBuilding(store: KioskStore, building: string): Promise<boolean> {
  const r = await getJson(b(building), buildingDetail);
  if (r.ok) store.set({ detail: r.data });
  return r.ok;
}

// Demo mode (no broker, no pairing): the public HTTP API, polled.
export function pollPublic(store: KioskStore, building: string, everyMs = 30_000): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tick = async () => {
    const [notices, events, contacts, board] = await Promise.all([
      getJson(`${b(building)}/notices`, noticesData),
      getJson(`${b(building)}/events`, z.array(publicEvent)),
      getJson(`${b(building)}/contacts`, contactsData),
      getJson(`${b(building)}/board`, boardData),
    ]);
    if (stopped) return;
    const patch: Partial<KioskState> = { link: notices.ok ? 'online' : 'offline' };
    if (notices.ok) patch.notices = notices.data;
    if (events.ok) patch.events = events.data;
    if (contacts.ok) patch.contacts = contacts.data;
    if (board.ok) patch.board = board.data;
    store.set(patch);
    timer = setTimeout(() => void tick(), everyMs);
  };
  void loadBuilding(store, building);
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

export const demoParams = z.object({
  building: buildingId,
  place: z.coerce.number().int().positive().optional(),
});

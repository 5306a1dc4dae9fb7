import { z } from 'zod';
import { bank, building, floor } from '#shared/schemas/buildings';
import type { ContentData, DeviceConfig } from '#shared/payloads';
import type { PublicEvent } from '#shared/schemas/events';

export const buildingDetail = building.extend({ floors: z.array(floor), banks: z.array(bank) });
export type BuildingDetail = z.infer<typeof buildingDetail>;

export type Link = 'connecting' | 'online' | 'offline';

// Everything the kiosk shows, fed by MQTT (paired) or the public HTTP API (demo mode).
// Screens read it through useKiosk(); only src/data writes it.
export interface KioskState {
  building: string | null;
  detail: BuildingDetail | null;
  config: DeviceConfig['data'] | null;
  notices: ContentData<'notices'>;
  // Screen events with their descriptions (MQTT carries them apart, in `event-texts`).
  events: PublicEvent[];
  contacts: ContentData<'contacts'>;
  board: ContentData<'board'> | null;
  alert: ContentData<'alert'> | null;
  link: Link;
}

export const initialState: KioskState = {
  building: null,
  detail: null,
  config: null,
  notices: [],
  events: [],
  contacts: [],
  board: null,
  alert: null,
  link: 'connecting',
};

type Listener = (s: KioskState) => void;

export interface KioskStore {
  get(): KioskState;
  set(patch: Partial<KioskState>): void;
  subscribe(fn: Listener): () => void;
}

export function createStore(start: KioskState = initialState): KioskStore {
  let state = start;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      for (const fn of listeners) fn(state);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

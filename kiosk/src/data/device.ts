import type { ContentData } from '#shared/payloads';
import { credentials } from '#shared/device/credentials';
import { createSession, type Session } from '#shared/device/session';
import { deviceStorage } from '#shared/device/storage';
import type { DeviceState } from '#shared/device/store';
import type { PublicEvent, ScreenEvent } from '#shared/schemas/events';
import { buildingDetail, type KioskState, type KioskStore } from './store.ts';

// The kiosk variant of the device runtime (shared/device/): what it shows and how it reads.
export const KIOSK_VERSION = '1.0.0';
const storage = deviceStorage('kiosk');
const BUILDING_KEY = 'building';
// Where kiosks before the shared runtime kept their pairing; taken over once.
const LEGACY_KEY = 'lobby.kiosk.identity';

function adoptLegacyPairing(): void {
  try {
    const old = localStorage.getItem(LEGACY_KEY);
    if (old === null) return;
    const parsed = credentials.safeParse(JSON.parse(old));
    if (parsed.success && !storage.load('credentials', credentials)) {
      storage.save('credentials', parsed.data);
    }
    localStorage.removeItem(LEGACY_KEY);
  } catch {
    // Unreadable: the kiosk pairs again.
  }
}

export function createKioskSession(): Session {
  adoptLegacyPairing();
  return createSession({
    kind: 'kiosk',
    version: KIOSK_VERSION,
    shown: ['alert', 'notices', 'events', 'event-texts', 'contacts', 'board'],
  });
}

function withTexts(
  events: readonly ScreenEvent[],
  texts: ContentData<'event-texts'>,
): PublicEvent[] {
  const byId = new Map(texts.map((t) => [t.id, t.description]));
  return events.map((e) => ({ ...e, description: byId.get(e.id) ?? '' }));
}

function view(s: DeviceState): Partial<KioskState> {
  const c = s.content;
  return {
    building: s.credentials?.building ?? null,
    config: s.config?.data ?? null,
    notices: c.notices?.data ?? [],
    events: withTexts(c.events?.data ?? [], c['event-texts']?.data ?? []),
    contacts: c.contacts?.data ?? [],
    board: c.board?.data ?? null,
    alert: c.alert?.data ?? null,
    link: s.online ? 'online' : 'offline',
  };
}

// Feeds the kiosk's screens from the runtime's store, and tells the runtime which alert is
// on screen (the kiosk shows every alert at once, over whatever is open).
export function feedKiosk(session: Session, kiosk: KioskStore): () => void {
  const detail = storage.load(BUILDING_KEY, buildingDetail);
  if (detail) kiosk.set({ detail });
  let last: DeviceState | null = null;
  const update = (s: DeviceState) => {
    if (s.content === last?.content && s.config === last.config && s.online === last.online) return;
    last = s;
    kiosk.set(view(s));
    session.alertShown(s.content.alert?.rev ?? null);
  };
  update(session.store.get());
  const stop = session.store.subscribe(update);
  // Floors and their companies come over HTTP; kept for a start with the hub down.
  const keep = kiosk.subscribe((k) => {
    if (k.detail && k.detail !== detail) storage.save(BUILDING_KEY, k.detail);
  });
  return () => {
    stop();
    keep();
  };
}

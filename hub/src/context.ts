import type { Logger } from 'pino';
import type { StaffRole } from '#shared/enums';
import type { Config } from './config.ts';
import type { LiveBus } from './live/bus.ts';
import type { ChangeBus } from './publish/changes.ts';
import type { Store } from './store/index.ts';

// What every service gets: the store, the clock, and where to announce changes.
export interface HubContext {
  store: Store;
  config: Config;
  log: Logger;
  changes: ChangeBus;
  now: () => Date;
  // The base URL phones and screens use for links and QR codes.
  publicUrl: () => string;
  // Where devices reach the broker (embedded or external); set by startHub once it listens.
  mqttEndpoints?: () => { tcp: string; ws: string };
  // The console's live channel: `ctx.live?.emit('feedback.created', {...})` (shared/live-events.ts).
  live?: LiveBus;
}

export interface Actor {
  id: number | null;
  username: string;
  role: StaffRole | 'system';
  // The buildings this actor may see and change; null is the whole district. Check it
  // with the helpers of services/scope.ts, never by hand.
  buildings: readonly string[] | null;
}

export const SYSTEM: Actor = { id: null, username: 'system', role: 'system', buildings: null };

import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.ts';
import { startTestHub, type TestHub } from '../../helpers/hub.ts';

export interface Place {
  id: number;
  name: string;
  floor: number | null;
  codes: { code: string; intent: string }[];
}

export interface Setup {
  hub: TestHub;
  browser: Browser;
  token: string;
  places: Place[];
  // The QR code of a place for one intent.
  code(placeIndex: number, intent: string): string;
  stop(): Promise<void>;
}

// A real hub with the demo tower and a browser, for the phone and kiosk suites.
export async function setup(): Promise<Setup> {
  const hub = await startTestHub();
  const browser = await launchBrowser();
  const token = await hub.login();
  const r = await hub.api<Place[]>('GET', '/api/staff/buildings/demo/places', undefined, token);
  if (r.status !== 200) throw new Error(`places: ${r.status}`);
  const places = r.body;
  return {
    hub,
    browser,
    token,
    places,
    code(i, intent) {
      const c = places[i]?.codes.find((x) => x.intent === intent);
      if (!c) throw new Error(`no ${intent} code at place ${i}`);
      return c.code;
    },
    async stop() {
      await browser.close();
      await hub.stop();
    },
  };
}

// Staff move a ticket one step; a refused step fails the test with the hub's reason.
export async function staffStep(s: Setup, ticket: string, body: Record<string, unknown>) {
  const r = await s.hub.api('PATCH', `/api/staff/feedback/${ticket}`, body, s.token);
  if (r.status !== 200) throw new Error(`PATCH ${ticket}: ${r.status} ${JSON.stringify(r.body)}`);
}

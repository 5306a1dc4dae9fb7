import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Session } from '#shared/device/session';
import { createKioskSession, feedKiosk } from './data/device.ts';
import { nameDevice } from './data/http.ts';
import { loadBuilding, pollPublic } from './data/http-feed.ts';
import { createStore, initialState, type KioskStore } from './data/store.ts';
import { App } from './app.tsx';
import { PairingScreen } from './screens/pairing.tsx';

interface Props {
  demo: { building: string; place?: number | undefined } | null;
}

const BUILDING_REFRESH_MS = 10 * 60_000;

// Demo mode reads the public API; otherwise the kiosk pairs once, then lives on the shared
// device runtime (MQTT, stored snapshots, proof of state).
export function Boot({ demo }: Props) {
  return demo ? <DemoKiosk demo={demo} /> : <PairedKiosk />;
}

function DemoKiosk({ demo }: { demo: { building: string; place?: number | undefined } }) {
  const store = useMemo(() => createStore({ ...initialState, building: demo.building }), []);
  useEffect(() => pollPublic(store, demo.building), [store, demo.building]);
  return <App store={store} demoPlace={demo.place ?? null} />;
}

function useSessionState<T>(
  session: Session,
  select: (s: ReturnType<Session['store']['get']>) => T,
) {
  const [value, setValue] = useState(() => select(session.store.get()));
  useEffect(() => session.store.subscribe((s) => setValue(() => select(s))), [session]);
  return value;
}

function PairedKiosk() {
  const session = useMemo(createKioskSession, []);
  const building = useSessionState(session, (s) => s.credentials?.building ?? null);
  const deviceId = useSessionState(session, (s) => s.credentials?.deviceId ?? null);
  const flash = useSessionState(session, (s) => s.identifyUntil !== null);
  const [store, setStore] = useState<KioskStore | null>(null);

  useEffect(() => {
    if (!building) {
      setStore(null);
      return;
    }
    const st = createStore({ ...initialState, building });
    setStore(st);
    nameDevice(deviceId);
    const stopFeed = feedKiosk(session, st);
    void loadBuilding(st, building);
    const refresh = setInterval(() => void loadBuilding(st, building), BUILDING_REFRESH_MS);
    return () => {
      stopFeed();
      clearInterval(refresh);
    };
  }, [session, building, deviceId]);

  if (!building) return <PairingScreen session={session} />;
  if (!store) return null;
  return (
    <div class={flash ? 'identify' : undefined}>
      <App store={store} demoPlace={null} />
    </div>
  );
}

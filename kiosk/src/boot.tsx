import { useEffect, useState } from 'preact/hooks';
import type { DeviceCommand } from '#shared/payloads';
import { forgetIdentity, loadIdentity, saveIdentity, type Identity } from './data/device.ts';
import { nameDevice } from './data/http.ts';
import { loadBuilding, pollPublic } from './data/http-feed.ts';
import { connectFeed } from './data/mqtt-feed.ts';
import { createStore, initialState, type KioskStore } from './data/store.ts';
import { App } from './app.tsx';
import { PairingScreen } from './screens/pairing.tsx';

interface Props {
  demo: { building: string; place?: number | undefined } | null;
}

const BUILDING_REFRESH_MS = 10 * 60_000;

// Demo mode reads the public API; otherwise the kiosk pairs once, then lives on MQTT.
export function Boot({ demo }: Props) {
  const [identity, setIdentity] = useState<Identity | null>(() => (demo ? null : loadIdentity()));
  const [store, setStore] = useState<KioskStore | null>(null);
  const [flash, setFlash] = useState(false);

  useEffect(() => {
    if (demo) {
      const st = createStore({ ...initialState, building: demo.building });
      setStore(st);
      return pollPublic(st, demo.building);
    }
    if (!identity) return;
    const st = createStore({ ...initialState, building: identity.building });
    setStore(st);
    nameDevice(identity.deviceId);
    const command = (c: DeviceCommand) => {
      if (c.cmd === 'reload') location.reload();
      if (c.cmd === 'identify') {
        setFlash(true);
        setTimeout(() => setFlash(false), 5000);
      }
    };
    const stop = connectFeed(identity, st, {
      command,
      unauthorized: () => {
        forgetIdentity();
        setStore(null);
        setIdentity(null);
      },
    });
    void loadBuilding(st, identity.building);
    const refresh = setInterval(
      () => void loadBuilding(st, identity.building),
      BUILDING_REFRESH_MS,
    );
    return () => {
      stop();
      clearInterval(refresh);
    };
  }, [demo?.building, identity]);

  if (!demo && !identity) {
    return (
      <PairingScreen
        onPaired={(id) => {
          saveIdentity(id);
          setIdentity(id);
        }}
      />
    );
  }
  if (!store) return null;
  return (
    <div class={flash ? 'identify' : undefined}>
      <App store={store} demoPlace={demo?.place ?? null} />
    </div>
  );
}

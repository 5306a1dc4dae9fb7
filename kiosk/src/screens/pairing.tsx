import { useEffect, useState } from 'preact/hooks';
import { translator } from '#shared/i18n/index';
import { kiosk } from '#shared/i18n/kiosk';
import { pollPairing, startPairing, type Identity } from '../data/device.ts';
import { QrCode } from '../ui/qr-code.tsx';

const POLL_MS = 3000;
const zh = translator(kiosk, 'zh-CN');
const en = translator(kiosk, 'en');

// An unpaired kiosk has no locale yet: it says everything in both languages.
export function PairingScreen({ onPaired }: { onPaired(id: Identity): void }) {
  const [code, setCode] = useState<{ deviceId: string; code: string } | null>(null);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = (fn: () => void, ms: number) => {
      if (!stopped) timer = setTimeout(fn, ms);
    };
    const begin = async () => {
      const r = await startPairing();
      if (stopped) return;
      setOffline(!r.ok);
      if (!r.ok) return later(() => void begin(), POLL_MS * 2);
      setCode(r.data);
      later(() => void poll(r.data.deviceId), POLL_MS);
    };
    const poll = async (deviceId: string) => {
      const r = await pollPairing(deviceId);
      if (stopped) return;
      setOffline(r.state === 'offline');
      if (r.state === 'paired') return onPaired(r.identity);
      if (r.state === 'restart') return void begin();
      later(() => void poll(deviceId), POLL_MS);
    };
    void begin();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return (
    <main class="pairing" data-testid="pairing">
      <h1>
        {zh('pairing.title')}
        <span class="en">{en('pairing.title')}</span>
      </h1>
      {code ? (
        <>
          <p class="pairing-code" data-testid="pairing-code" aria-label={code.code}>
            {code.code.slice(0, 3)} {code.code.slice(3)}
          </p>
          <QrCode
            text={`${location.origin}/console/devices?pair=${code.code}`}
            label={en('pairing.qr')}
            size={220}
          />
          <p>
            {zh('pairing.hint')}
            <br />
            <span class="en">{en('pairing.hint')}</span>
          </p>
        </>
      ) : (
        <p>{offline ? `${zh('pairing.offline')} · ${en('pairing.offline')}` : '…'}</p>
      )}
    </main>
  );
}

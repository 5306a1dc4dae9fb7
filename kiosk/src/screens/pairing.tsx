import { useEffect, useState } from 'preact/hooks';
import { pairDevice, type PairingStatus } from '#shared/device/pairing';
import type { Session } from '#shared/device/session';
import { translator } from '#shared/i18n/index';
import { kiosk } from '#shared/i18n/kiosk';
import { QrCode } from '../ui/qr-code.tsx';

const zh = translator(kiosk, 'zh-CN');
const en = translator(kiosk, 'en');

// An unpaired kiosk has no locale yet: it says everything in both languages. Pairing itself
// is the shared device runtime's (shared/device/pairing.ts), as on the signage.
export function PairingScreen({ session }: { session: Session }) {
  const [status, setStatus] = useState<PairingStatus>({ phase: 'connecting', code: null });

  useEffect(() => {
    const abort = new AbortController();
    void pairDevice('kiosk', session.credentials, setStatus, abort.signal).then((c) => {
      if (c) session.paired(c);
    });
    return () => abort.abort();
  }, [session]);

  const code = status.code ? { code: status.code } : null;
  const offline = status.phase === 'connecting';

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

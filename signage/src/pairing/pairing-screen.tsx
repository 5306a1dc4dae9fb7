import { useEffect, useState } from 'preact/hooks';
import { useSession } from '#shared/device/hooks';
import { useT } from '../i18n.ts';
import { Qr } from '../qr/qr.tsx';
import { pairDevice, type PairingStatus } from '#shared/device/pairing';

// Where staff land when they scan the code with a phone: the console's device page.
export const pairingLink = (code: string) => `${location.origin}/console/devices?pair=${code}`;

// An unpaired screen: its code, large, and the same code as a QR. No keyboard, ever.
export function PairingScreen() {
  const { t } = useT();
  const session = useSession();
  const [status, setStatus] = useState<PairingStatus>({ phase: 'connecting', code: null });

  useEffect(() => {
    const abort = new AbortController();
    void pairDevice('signage', session.credentials, setStatus, abort.signal).then((credentials) => {
      if (credentials) session.paired(credentials);
    });
    return () => abort.abort();
  }, [session]);

  const code = status.code;
  return (
    <div class="pairing" data-testid="pairing">
      <h1>{t('pairing.title')}</h1>
      {code ? (
        <div class="pairing-body">
          <div class="pairing-code-box">
            <p>{t('pairing.instructions')}</p>
            <div class="pairing-code" data-testid="pairing-code" data-code={code}>
              {code.slice(0, 3)}
              <span class="gap" />
              {code.slice(3)}
            </div>
          </div>
          <figure class="qr-box large">
            <Qr text={pairingLink(code)} label={t('pairing.scan')} />
            <figcaption>{t('pairing.scan')}</figcaption>
          </figure>
        </div>
      ) : null}
      <p class="pairing-status">
        {status.phase === 'waiting' ? t('pairing.waiting') : t('pairing.connecting')}
      </p>
    </div>
  );
}

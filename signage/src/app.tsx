import { useEffect, useState } from 'preact/hooks';
import type { Orientation } from '#shared/enums';
import { useDevice } from '#shared/device/hooks';
import { useLocale } from './i18n.ts';
import { PairingScreen } from './pairing/pairing-screen.tsx';
import { Header } from './player/header.tsx';
import { IdentifyOverlay } from './player/identify.tsx';
import { Player } from './player/player.tsx';
import { AlertScreen } from './slides/alert-screen.tsx';

const PORTRAIT = '(orientation: portrait)';

function useViewportOrientation(): Orientation {
  const [portrait, setPortrait] = useState(() => matchMedia(PORTRAIT).matches);
  useEffect(() => {
    const query = matchMedia(PORTRAIT);
    const update = () => setPortrait(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return portrait ? 'portrait' : 'landscape';
}

// The layout follows the placement staff gave the screen; when the display itself is not
// turned that way (no OS rotation), the whole app is turned instead.
export function App() {
  const paired = useDevice((s) => s.credentials !== null);
  const alert = useDevice((s) => s.content.alert);
  const wanted = useDevice((s) => s.config?.data.orientation ?? null);
  const locale = useLocale();
  const viewport = useViewportOrientation();
  const layout = wanted ?? viewport;
  return (
    <div class={`screen ${layout} ${layout === viewport ? '' : 'rotated'}`} lang={locale}>
      {!paired ? (
        <PairingScreen />
      ) : alert ? (
        <AlertScreen alert={alert} />
      ) : (
        <>
          <Header />
          <Player />
        </>
      )}
      <IdentifyOverlay />
    </div>
  );
}

import { render } from 'preact';
import { registerServiceWorker } from '#shared/device/register-sw';
import { demoParams } from './data/http-feed.ts';
import { Boot } from './boot.tsx';
import './styles/base.css';
import './styles/home.css';
import './styles/directory.css';
import './styles/events.css';
import './styles/forms.css';
import './styles/feedback.css';
import './styles/overlays.css';

const q = new URLSearchParams(location.search);
const demo = demoParams.safeParse({
  building: q.get('building') ?? undefined,
  place: q.get('place') ?? undefined,
});
const root = document.getElementById('app');
if (root) render(<Boot demo={demo.success ? demo.data : null} />, root);

// Paired or not, the kiosk starts with no hub from its service worker's cache (shared/device/sw.ts).
registerServiceWorker(import.meta.env.BASE_URL, (m) => console.warn(m));

import { render } from 'preact';
import { App } from './app.tsx';
import { SessionContext } from '#shared/device/hooks';
import { registerServiceWorker } from '#shared/device/register-sw';
import { createSession } from '#shared/device/session';
import './styles/base.css';
import './styles/slides.css';

// The signage variant of the device runtime: everything but the kiosk's event descriptions.
const session = createSession({
  kind: 'signage',
  version: __SIGNAGE_VERSION__,
  shown: ['alert', 'notices', 'events', 'contacts', 'playlists', 'board'],
});
const store = session.store;

const root = document.getElementById('app');
if (root) {
  render(
    <SessionContext.Provider value={session}>
      <App />
    </SessionContext.Provider>,
    root,
  );
}

registerServiceWorker(import.meta.env.BASE_URL, (m) => store.fail(m));

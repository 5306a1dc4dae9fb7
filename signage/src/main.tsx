import { render } from 'preact';
import { App } from './app.tsx';
import { loadCredentials } from './data/credentials.ts';
import { SessionContext } from './data/hooks.ts';
import { createSession } from './data/session.ts';
import { initialState, Store } from './data/store.ts';
import './styles/base.css';
import './styles/slides.css';

const store = new Store(initialState(loadCredentials()));
const session = createSession(store);

const root = document.getElementById('app');
if (root) {
  render(
    <SessionContext.Provider value={session}>
      <App />
    </SessionContext.Provider>,
    root,
  );
}

// The app shell and images come from the service worker's cache from the second load on.
// A new build's worker takes over by itself; the page then reloads into the new version.
if ('serviceWorker' in navigator) {
  const base = import.meta.env.BASE_URL;
  const hadWorker = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadWorker) location.reload();
  });
  navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base, type: 'module' })
    .catch((err: unknown) => store.fail(`service worker: ${String(err)}`));
  // The font's slices are kept for offline use once the worker is in charge (sw.ts).
  void navigator.serviceWorker.ready.then((r) => r.active?.postMessage('cache-fonts'));
}

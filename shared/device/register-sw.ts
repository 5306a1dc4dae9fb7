// The app shell and images come from the service worker's cache (sw.ts) from the second load
// on. A new build's worker takes over by itself; the page then reloads into the new version.
export function registerServiceWorker(base: string, fail: (message: string) => void): void {
  if (!('serviceWorker' in navigator)) return;
  const hadWorker = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadWorker) location.reload();
  });
  navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base, type: 'module' })
    .catch((err: unknown) => fail(`service worker: ${String(err)}`));
  // The font's slices are kept for offline use once the worker is in charge (sw.ts).
  void navigator.serviceWorker.ready.then((r) => r.active?.postMessage('cache-fonts'));
}

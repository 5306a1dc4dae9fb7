// The device apps' service worker (signage and kiosk): the app shell comes from the cache,
// so a reload fetches nothing and a device with no hub still starts (from the snapshots the
// runtime stored); images are kept as they are first shown. Built by sw-build.ts, which
// fills in the app, the file list and the version of the build.

interface SwEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface SwMessageEvent extends SwEvent {
  data: unknown;
}
interface SwFetchEvent extends SwEvent {
  request: Request;
  respondWith(r: Promise<Response>): void;
}
interface SwScope {
  addEventListener(type: 'install' | 'activate', fn: (e: SwEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: SwFetchEvent) => void): void;
  addEventListener(type: 'message', fn: (e: SwMessageEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  registration: { scope: string };
}
declare const self: SwScope;
declare const __PRECACHE__: string[];
declare const __FONTS__: string[];

const APP = '__APP__';
const VERSION = '__VERSION__';
const PRECACHE: string[] = __PRECACHE__;
const SHELL = `${APP}-shell-${VERSION}`;
// The Chinese font's slices, all of them (a screen must show any new text with no hub):
// fetched once into a cache that outlives builds, since their names are content hashes. Not
// in the install: 4.6 MB would hold back the shell's offline cache; the page asks for them
// once the worker controls it ('cache-fonts'), and every load tops up what is missing.
const FONTS: string[] = __FONTS__;
const FONT_CACHE = `${APP}-fonts`;
const MEDIA = `${APP}-media`;
// Enough for every notice image and captain photo of a building; older ones go first.
const MEDIA_LIMIT = 300;
const INDEX = new URL('index.html', self.registration.scope).pathname;

self.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(SHELL)
      .then((c) => c.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

async function addMissingFonts(): Promise<void> {
  const cache = await caches.open(FONT_CACHE);
  const held = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  await cache.addAll(FONTS.filter((f) => !held.has(f)));
}

self.addEventListener('message', (e) => {
  if (e.data === 'cache-fonts') e.waitUntil(addMissingFonts());
});

async function dropOldFonts(): Promise<void> {
  const cache = await caches.open(FONT_CACHE);
  const keys = await cache.keys();
  await Promise.all(
    keys.filter((r) => !FONTS.includes(new URL(r.url).pathname)).map((r) => cache.delete(r)),
  );
}

self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all([
          ...keys
            .filter((k) => k.startsWith(`${APP}-shell-`) && k !== SHELL)
            .map((k) => caches.delete(k)),
          dropOldFonts(),
        ]),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  if (req.mode === 'navigate' && url.href.startsWith(self.registration.scope)) {
    e.respondWith(fromCache(SHELL, INDEX, req));
  } else if (PRECACHE.includes(url.pathname)) {
    e.respondWith(fromCache(SHELL, url.pathname, req));
  } else if (FONTS.includes(url.pathname)) {
    e.respondWith(fromCache(FONT_CACHE, url.pathname, req));
  } else if (req.destination === 'image') {
    e.respondWith(media(req));
  }
});

async function fromCache(name: string, key: string, req: Request): Promise<Response> {
  const hit = await caches.match(key, { cacheName: name });
  return hit ?? fetch(req);
}

async function media(req: Request): Promise<Response> {
  const cache = await caches.open(MEDIA);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) {
    await cache.put(req, res.clone());
    const keys = await cache.keys();
    await Promise.all(
      keys.slice(0, Math.max(0, keys.length - MEDIA_LIMIT)).map((k) => cache.delete(k)),
    );
  }
  return res;
}

export {};

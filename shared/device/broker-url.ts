// Where the device's MQTT session goes. The hub's own /mqtt is reached at the address the
// device loaded the app from: a hub bound to 0.0.0.0 without PUBLIC_URL only knows itself
// as 127.0.0.1, which on the device is the device itself, and the hub refuses a WebSocket
// whose page came from another of its names (hub/src/http/origin.ts). So the hub's /mqtt
// (same path and port as the page) is always the page's own; another loopback address takes
// the page's host (keeping the advertised port and path, for an external broker's own
// listener); any other advertised address is used as paired.
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|\[::\])$/i;

interface PageAddress {
  protocol: string;
  host: string;
  hostname: string;
}

export function brokerUrl(advertised: string | undefined, page: PageAddress = location): string {
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  const own = `${scheme}//${page.host}/mqtt`;
  if (!advertised) return own;
  let url: URL;
  try {
    url = new URL(advertised);
  } catch {
    return own;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return own;
  const samePort = (url.port || defaultPort(url.protocol)) === portOf(page);
  if (url.pathname === '/mqtt' && samePort) return own;
  if (!LOOPBACK.test(url.hostname)) return advertised;
  url.hostname = page.hostname;
  return url.toString();
}

const defaultPort = (protocol: string) =>
  protocol === 'wss:' || protocol === 'https:' ? '443' : '80';
const portOf = (page: PageAddress) => {
  const colon = page.host.lastIndexOf(':');
  const port = colon > page.host.lastIndexOf(']') ? page.host.slice(colon + 1) : '';
  return port || defaultPort(page.protocol);
};

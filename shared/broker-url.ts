// The hub's own /mqtt is reached at the address the screen loaded the app from (the hub
// may only know itself as 127.0.0.1, and it refuses a WebSocket from another site's page:
// hub/src/http/origin.ts); an external broker's listener is used as paired. Signage and
// kiosk both connect through this.
export function brokerUrl(paired: string | undefined, loc: Location = location): string {
  const own = `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/mqtt`;
  if (!paired) return own;
  try {
    const url = new URL(paired);
    const port = (u: { port: string; protocol: string }) =>
      u.port || (u.protocol === 'wss:' || u.protocol === 'https:' ? '443' : '80');
    return url.pathname === '/mqtt' && port(url) === port(loc) ? own : paired;
  } catch {
    return own;
  }
}

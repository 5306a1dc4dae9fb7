import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

// The machine's address on the building's network: the first IPv4 address that is neither
// loopback nor link-local (169.254/16, what a port without DHCP gives itself).
export function lanAddress(interfaces: Interfaces = networkInterfaces()): string | null {
  for (const list of Object.values(interfaces)) {
    for (const a of list ?? []) {
      if (a.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.')) return a.address;
    }
  }
  return null;
}

export interface PublicUrl {
  url: string;
  // config: PUBLIC_URL; lan: found on the network interfaces; bound: the address listened on.
  from: 'config' | 'lan' | 'bound';
}

// The address phones reach the hub at, put in every QR code and link. Without PUBLIC_URL a
// hub listening on every interface names its LAN address: 127.0.0.1 would send each phone
// that scans a code to itself.
export function choosePublicUrl(
  opts: { publicUrl: string | undefined; host: string; port: number },
  interfaces?: Interfaces,
): PublicUrl {
  if (opts.publicUrl) return { url: opts.publicUrl.replace(/\/+$/, ''), from: 'config' };
  const any = opts.host === '0.0.0.0' || opts.host === '::';
  const lan = any ? lanAddress(interfaces) : null;
  if (lan) return { url: `http://${lan}:${opts.port}`, from: 'lan' };
  const host = any ? '127.0.0.1' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return { url: `http://${host}:${opts.port}`, from: 'bound' };
}

import { BlockList, isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { fail } from '../errors.ts';
import { sameSecret, sha256 } from '../services/secrets.ts';

// /metrics tells load, routes and error counts: METRICS_ALLOW (addresses, CIDR ranges) and
// METRICS_TOKEN (a bearer token) limit who reads it; either one lets a scraper in.
export function metricsAccess(config: Config) {
  const { metricsAllow, metricsToken } = config;
  if (!metricsAllow && !metricsToken) return undefined;
  const allowed = new BlockList();
  for (const entry of (metricsAllow ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) allowed.addAddress(address, type);
    else allowed.addSubnet(address, Number(bits), type);
  }
  const tokenHash = metricsToken ? sha256(metricsToken) : null;
  return async (req: FastifyRequest): Promise<void> => {
    // A hub bound to '::' sees IPv4 clients as ::ffff:a.b.c.d.
    const ip = req.ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
    if (metricsAllow && allowed.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4')) return;
    const header = req.headers.authorization;
    const given = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (tokenHash && given && sameSecret(given, tokenHash)) return;
    throw fail('forbidden', 'metricsClosed');
  };
}

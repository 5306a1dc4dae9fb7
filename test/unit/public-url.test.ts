import assert from 'node:assert/strict';
import type { NetworkInterfaceInfo } from 'node:os';
import { test } from 'node:test';
import { choosePublicUrl, lanAddress } from '../../hub/src/public-url.ts';
import { isLoopbackUrl } from '#shared/public-url';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;

const machine = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  eth1: [nic('169.254.10.3', 'IPv4')],
  wlan0: [nic('fe80::1', 'IPv6'), nic('192.168.31.20', 'IPv4')],
  eth2: [nic('10.0.0.7', 'IPv4')],
};

test('the LAN address is the first IPv4 address that is not loopback or link-local', () => {
  assert.equal(lanAddress(machine), '192.168.31.20');
  assert.equal(lanAddress({ lo: machine.lo }), null);
});

test('without PUBLIC_URL a hub on every interface puts its LAN address in QR codes', () => {
  const port = 8080;
  assert.deepEqual(choosePublicUrl({ publicUrl: undefined, host: '0.0.0.0', port }, machine), {
    url: 'http://192.168.31.20:8080',
    from: 'lan',
  });
  assert.deepEqual(
    choosePublicUrl({ publicUrl: undefined, host: '::', port }, machine).from,
    'lan',
  );
  // No network at all: loopback, which the log and the console warn about.
  assert.deepEqual(choosePublicUrl({ publicUrl: undefined, host: '0.0.0.0', port }, {}), {
    url: 'http://127.0.0.1:8080',
    from: 'bound',
  });
  // Bound to one address: that one.
  assert.equal(
    choosePublicUrl({ publicUrl: undefined, host: '10.0.0.7', port }, machine).url,
    'http://10.0.0.7:8080',
  );
  assert.deepEqual(
    choosePublicUrl({ publicUrl: 'https://lobby.example.cn/', host: '0.0.0.0', port }, machine),
    { url: 'https://lobby.example.cn', from: 'config' },
  );
});

test('loopback links are recognised', () => {
  for (const url of ['http://127.0.0.1:8080', 'http://localhost:8080/q/x', 'http://[::1]:80'])
    assert.equal(isLoopbackUrl(url), true, url);
  for (const url of ['http://192.168.31.20:8080', 'https://lobby.example.cn', 'not a url'])
    assert.equal(isLoopbackUrl(url), false, url);
});

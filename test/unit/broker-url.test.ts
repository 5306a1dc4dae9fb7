import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brokerUrl } from '../../shared/broker-url.ts';

const page = (href: string) => new URL(href) as unknown as Location;

// The hub refuses a WebSocket whose page is of another origin, so a screen loaded from
// one name of the hub must not open /mqtt at another (PUBLIC_URL, 127.0.0.1).
test("a screen reaches the hub's /mqtt at the address it loaded from", () => {
  const kiosk = page('http://192.168.1.5:8080/kiosk');
  assert.equal(brokerUrl('ws://lobby.local:8080/mqtt', kiosk), 'ws://192.168.1.5:8080/mqtt');
  assert.equal(brokerUrl(undefined, kiosk), 'ws://192.168.1.5:8080/mqtt');
  assert.equal(brokerUrl('', page('https://lobby.example/kiosk')), 'wss://lobby.example/mqtt');
  // An external broker's listener is used as paired.
  assert.equal(brokerUrl('ws://broker.lan:9001/mqtt', kiosk), 'ws://broker.lan:9001/mqtt');
});

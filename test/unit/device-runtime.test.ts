// The device runtime's rules (shared/device/), once for each app that runs on it.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { CONTENT_BUDGETS } from '#shared/budgets';
import { backoffDelay } from '#shared/device/backoff';
import { brokerUrl } from '#shared/device/broker-url';
import { CommandFilter } from '#shared/device/connection';
import { credentialStore } from '#shared/device/credentials';
import { Outbox, playId } from '#shared/device/outbox';
import { deviceStorage, KEYS } from '#shared/device/storage';
import { DeviceStore, initialState, readPayload } from '#shared/device/store';
import type { DeviceKind } from '#shared/enums';
import { notice } from './schedule-fixtures.ts';

// The browser's localStorage, in memory: what the runtime persists through.
class MemoryStorage {
  readonly items = new Map<string, string>();
  full = false;
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => {
    if (this.full) throw new Error('QuotaExceededError');
    this.items.set(k, v);
  };
  removeItem = (k: string) => void this.items.delete(k);
}
let disk: MemoryStorage;
beforeEach(() => {
  disk = new MemoryStorage();
  Object.defineProperty(globalThis, 'localStorage', { value: disk, configurable: true });
});

const page = (href: string) => {
  const u = new URL(href);
  return { protocol: u.protocol, host: u.host, hostname: u.hostname };
};

const notices = (rev: number, titles: string[] = ['a']) => ({
  v: 1,
  rev,
  at: '2026-12-01T00:00:00.000Z',
  data: titles.map((title, id) => notice(id, { title })),
});
const creds = { deviceId: 'd-abcdefghij', token: 'secret-token', building: 'demo' };

describe('broker address', () => {
  test('missing or unreadable: the page origin', () => {
    assert.equal(
      brokerUrl(undefined, page('http://10.0.0.5:8080/kiosk/')),
      'ws://10.0.0.5:8080/mqtt',
    );
    assert.equal(
      brokerUrl('nonsense', page('https://lobby.example/signage/')),
      'wss://lobby.example/mqtt',
    );
  });
  test('a loopback address advertised by a hub on 0.0.0.0 becomes the page host', () => {
    for (const adv of [
      'ws://127.0.0.1:8080/mqtt',
      'ws://localhost:8080/mqtt',
      'ws://0.0.0.0:8080/mqtt',
    ]) {
      assert.equal(
        brokerUrl(adv, page('http://127.0.0.2:8080/kiosk/')),
        'ws://127.0.0.2:8080/mqtt',
      );
      assert.equal(
        brokerUrl(adv, page('http://192.168.1.20:8080/kiosk/')),
        'ws://192.168.1.20:8080/mqtt',
      );
    }
    // An external broker's own listener on the hub's machine keeps its port and path.
    assert.equal(
      brokerUrl('ws://127.0.0.1:9001/', page('http://192.168.1.20:8080/signage/')),
      'ws://192.168.1.20:9001/',
    );
  });
  test('a real advertised address is used as paired; a page on loopback keeps loopback', () => {
    assert.equal(
      brokerUrl('wss://mq.example:8443/mqtt', page('http://10.0.0.5:8080/')),
      'wss://mq.example:8443/mqtt',
    );
    assert.equal(
      brokerUrl('ws://127.0.0.1:9001/', page('http://127.0.0.1:8080/')),
      'ws://127.0.0.1:9001/',
    );
  });
});

test('reconnect backoff grows from ~1 s to 15 s with jitter', () => {
  assert.equal(
    backoffDelay(0, () => 0),
    500,
  );
  assert.equal(
    backoffDelay(0, () => 1),
    1000,
  );
  assert.equal(
    backoffDelay(3, () => 1),
    8000,
  );
  assert.equal(
    backoffDelay(30, () => 1),
    15_000,
  );
  assert.equal(
    backoffDelay(30, () => 0),
    7500,
  );
});

test('a command delivered twice runs once', () => {
  const f = new CommandFilter();
  assert.equal(f.fresh('c1'), true);
  assert.equal(f.fresh('c1'), false);
  for (let i = 0; i < 60; i++) f.fresh(`x${i}`);
  // Only the last 50 ids are kept.
  assert.equal(f.fresh('c1'), true);
});

test('payloads past their topic budget are refused unread', () => {
  const big = 'x'.repeat(CONTENT_BUDGETS.alert + 1);
  assert.deepEqual(readPayload(CONTENT_BUDGETS.alert, big).ok, false);
  assert.deepEqual(readPayload(CONTENT_BUDGETS.notices, big), {
    ok: false,
    error: 'not JSON',
  });
  assert.deepEqual(readPayload(100, new Uint8Array()), { ok: true, value: null });
  // Budgets count UTF-8 bytes: 3 per Chinese character.
  assert.equal(readPayload(8, '"通知通"').ok, false);
});

for (const kind of ['signage', 'kiosk'] as const satisfies DeviceKind[]) {
  describe(`${kind}: snapshot store`, () => {
    const fresh = () => {
      const storage = deviceStorage(kind);
      return {
        storage,
        store: new DeviceStore(storage, initialState(storage, creds, ['notices'])),
      };
    };

    test('revs only grow; empty payload clears; invalid ones are reported and ignored', () => {
      const { store } = fresh();
      assert.equal(store.acceptContent('notices', notices(5, ['five'])), true);
      assert.equal(store.acceptContent('notices', notices(4, ['four'])), false);
      assert.equal(store.acceptContent('notices', notices(5, ['again'])), false);
      assert.equal(store.get().content.notices?.data[0]?.title, 'five');
      assert.equal(store.acceptContent('notices', { v: 1, rev: 9, data: 'no' }), false);
      assert.match(store.get().lastError ?? '', /^notices:/);
      assert.equal(store.acceptContent('notices', null), true);
      assert.equal(store.get().content.notices, null);
      assert.equal(store.acceptContent('notices', null), false);
    });

    test('a reload starts from the last content, under its own app prefix', () => {
      const a = fresh();
      a.store.acceptContent('notices', notices(7, ['kept']));
      a.store.acceptConfig({
        v: 1,
        rev: 2,
        at: 'x',
        data: {
          kind,
          name: 'n',
          building: 'demo',
          buildingName: 'Demo',
          timezone: 'Asia/Shanghai',
          floor: 120,
          bank: null,
          group: null,
          placeId: null,
          orientation: 'landscape',
          locale: 'zh-CN',
        },
      });
      assert.ok([...disk.items.keys()].every((k) => k.startsWith(`lobby.${kind}.v1.`)));
      const b = fresh();
      assert.equal(b.store.get().content.notices?.rev, 7);
      assert.equal(b.store.get().config?.data.floor, 120);
      // Moved to another building: the old building's config is not shown.
      const moved = initialState(b.storage, { ...creds, building: 'other' }, ['notices']);
      assert.equal(moved.config, null);
      // Corrupt storage is dropped, not fatal.
      disk.setItem(`lobby.${kind}.v1.${KEYS.content('notices')}`, '{torn');
      assert.equal(fresh().store.get().content.notices, null);
    });

    test('pairing anew forgets the old building; a full disk keeps the device going', () => {
      const { store } = fresh();
      store.acceptContent('notices', notices(3));
      store.reset({ ...creds, building: 'other' });
      assert.equal(store.get().content.notices, null);
      assert.equal(disk.getItem(`lobby.${kind}.v1.${KEYS.content('notices')}`), null);
      disk.full = true;
      assert.equal(store.acceptContent('notices', notices(4, ['in memory'])), true);
      assert.equal(store.get().content.notices?.data[0]?.title, 'in memory');
    });

    test('topic subscriptions hear only their topic, until they unsubscribe', () => {
      const { store } = fresh();
      const heard: (number | null)[] = [];
      const stop = store.subscribeTopic('notices', (s) => heard.push(s?.rev ?? null));
      store.set({ online: true });
      store.acceptContent('notices', notices(1));
      store.acceptContent('notices', null);
      stop();
      store.acceptContent('notices', notices(2));
      assert.deepEqual(heard, [null, 1, null]);
    });

    test('credentials and a pending code survive a reload; unusable ones are dropped', () => {
      const c = credentialStore(deviceStorage(kind));
      c.save(creds);
      c.savePending({ deviceId: creds.deviceId, code: '123456' });
      const again = credentialStore(deviceStorage(kind));
      assert.deepEqual(again.load(), creds);
      assert.equal(again.loadPending()?.code, '123456');
      disk.setItem(`lobby.${kind}.v1.credentials`, JSON.stringify({ token: 1 }));
      assert.equal(again.load(), null);
    });

    test('proof of play: batches under the report limit, acknowledged once, kept on disk', () => {
      const outbox = new Outbox(deviceStorage(kind));
      for (let i = 0; i < 600; i++)
        outbox.push({
          id: playId(i),
          slide: 's',
          playlist: null,
          start: new Date(i).toISOString(),
          duration: 15,
        });
      const first = outbox.take();
      assert.ok(first.length > 0 && first.length <= 500);
      assert.ok(JSON.stringify(first).length < 16 * 1024);
      const second = outbox.take();
      assert.equal(
        new Set([...first, ...second].map((r) => r.id)).size,
        first.length + second.length,
      );
      outbox.release(second);
      outbox.acknowledge(first);
      const reloaded = new Outbox(deviceStorage(kind));
      assert.equal(reloaded.size, 600 - first.length);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

const PASSWORD = 'a-long-test-password';

// Staff logins under guessing: delays grow per account and address, with Retry-After; the
// right password from another address always gets in; an account under attack raises an
// alert. The hub believes X-Forwarded-For from loopback, so each try names its address.
describe('security: failed logins slow the guesser, never lock out the owner', () => {
  let hub: TestHub;
  let admin: string;

  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
    for (const username of ['guarded', 'slowed']) {
      const r = await hub.api(
        'POST',
        '/api/staff/users',
        { username, displayName: username, role: 'viewer', password: PASSWORD },
        admin,
      );
      assert.equal(r.status, 201);
    }
  });
  after(() => hub.stop());

  const login = (address: string, username: string, password: string) =>
    fetch(`${hub.url}/api/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ username, password }),
    });
  const metric = async (name: string) => {
    const text = await (await fetch(`${hub.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return Number(line?.split(' ')[1] ?? NaN);
  };

  test('wrong passwords from many addresses do not lock the account; an alert is raised', async () => {
    for (let i = 0; i < 12; i++) {
      const r = await login(`10.7.0.${i + 1}`, 'guarded', `wrong-${i}-password`);
      assert.equal(r.status, 401, `try ${i}`);
    }
    const owner = await login('10.7.1.1', 'guarded', PASSWORD);
    assert.equal(owner.status, 200, 'the right password from a new address gets in');
    assert.equal(await metric('lobby_login_alarms_total'), 1);
    assert.equal(await metric('lobby_login_failures_total'), 12);
  });

  test('one address that keeps failing waits longer each time, told by Retry-After', async () => {
    const a = '10.8.0.1';
    for (let i = 0; i < 5; i++) assert.equal((await login(a, 'slowed', `nope-${i}-x`)).status, 401);
    const realNow = hub.ctx.now;
    let offset = 0;
    hub.ctx.now = () => new Date(realNow().getTime() + offset);
    try {
      const waits = [];
      for (let i = 0; i < 4; i++) {
        assert.equal((await login(a, 'slowed', `more-${i}-x`)).status, 401);
        const held = await login(a, 'slowed', PASSWORD);
        assert.equal(held.status, 429, 'the right password waits too, at this address');
        const wait = Number(held.headers.get('retry-after'));
        waits.push(wait);
        offset += wait * 1000;
      }
      assert.deepEqual(waits, [1, 2, 4, 8]);
      assert.equal((await login('10.8.0.2', 'slowed', PASSWORD)).status, 200, 'elsewhere: in');
      assert.equal((await login(a, 'slowed', PASSWORD)).status, 200, 'after the wait: in');
    } finally {
      hub.ctx.now = realNow;
    }
    assert.ok((await metric('lobby_login_throttled_total')) >= 4);
  });
});

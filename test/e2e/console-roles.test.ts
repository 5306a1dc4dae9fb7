import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { ConsoleApp, addStaff } from './pages/console.ts';

// Signing in, and a role sees only what shared/permissions.ts lets it do.
let hub: TestHub;
let browser: Browser;

before(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
  await addStaff(hub, 'viewer');
  await addStaff(hub, 'editor');
});
after(async () => {
  await browser.close();
  await hub.stop();
});

test('a wrong password is refused in the chosen language; Chinese by default', async () => {
  const app = await ConsoleApp.open(browser, hub, { locale: 'zh-CN' });
  try {
    await app.page.getByLabel('用户名').fill('admin');
    await app.page.getByLabel('密码').fill('not the password');
    await app.page.getByRole('button', { name: '登录' }).click();
    await app.page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    await app.page.getByRole('button', { name: 'English' }).click();
    await app.page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
    await app.login();
    await app.page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await app.shot('dashboard-admin');
  } finally {
    await app.close();
  }
});

test('a viewer reads everything and finds no button that writes', async () => {
  const app = await ConsoleApp.open(browser, hub);
  try {
    await app.login('viewer');
    assert.equal(await app.sidebar.getByRole('link', { name: 'Users' }).count(), 0);
    assert.equal(await app.sidebar.getByRole('link', { name: 'Audit log' }).count(), 0);
    assert.equal(await app.page.getByRole('button', { name: 'Emergency alert' }).count(), 0);
    const noWrites = async (page: string, buttons: string[]) => {
      await app.go(page);
      // Loaded: a table, or the empty state where there is nothing yet.
      await app.page.locator('main table, main .empty').first().waitFor();
      for (const name of buttons) {
        assert.equal(
          await app.page.getByRole('button', { name, exact: true }).count(),
          0,
          `${page}: ${name}`,
        );
      }
    };
    await noWrites('Notices', ['New notice', 'Edit', 'Delete']);
    await noWrites('Contacts', ['New contact', 'Edit', 'Delete']);
    await noWrites('Events', ['New event', 'Edit', 'Delete', 'Check-in']);
    await noWrites('Playlists', ['New playlist', 'Delete']);
    await noWrites('Schedule rules', ['New rule', 'Delete']);
    await noWrites('Scheduled jobs', ['Run now']);
    await app.go('Notices');
    await app.page.getByRole('button', { name: 'Open' }).first().click();
    await app.page.getByText('Read only: your role cannot change this.').waitFor();
    assert.equal(await app.page.getByRole('button', { name: 'Save' }).count(), 0);
    assert.ok(await app.field('Title').isDisabled());
    await app.shot('notices-viewer');
  } finally {
    await app.close();
  }
});

test('an editor writes content but cannot manage users; signing out returns to the login', async () => {
  const app = await ConsoleApp.open(browser, hub);
  try {
    await app.login('editor');
    await app.go('Notices');
    await app.page.getByRole('button', { name: 'New notice' }).waitFor();
    assert.equal(await app.sidebar.getByRole('link', { name: 'Users' }).count(), 0);
    await app.page.getByRole('button', { name: 'Sign out' }).click();
    await app.page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
  } finally {
    await app.close();
  }
});

test('an admin creates a handler, and the handler changes their own password', async () => {
  const app = await ConsoleApp.open(browser, hub);
  try {
    await app.login();
    await app.go('Users');
    await app.page.getByRole('button', { name: 'New user' }).click();
    const panel = app.page.getByRole('region', { name: 'New user' });
    await app.field('Username', panel).fill('wang.h');
    await app.field('Display name', panel).fill('王处理');
    await app.field('Role', panel).selectOption('handler');
    await app.field('Initial password', panel).fill('short');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText('At least 10 characters').waitFor();
    await app.field('Initial password', panel).fill('a-long-first-password');
    await panel.getByRole('button', { name: 'Save' }).click();
    await app.page.getByRole('cell', { name: 'wang.h' }).waitFor();
    await app.shot('users');
    await app.page.getByRole('button', { name: 'Sign out' }).click();

    await app.login('wang.h', 'a-long-first-password');
    await app.page.getByTestId('current-user').click();
    await app.field('Current password').fill('a-long-first-password');
    await app.field('New password').fill('another-long-password');
    await app.field('New password again').fill('another-long-passwordX');
    await app.page.getByRole('button', { name: 'Save' }).click();
    await app.page.getByText('The two new passwords differ').waitFor();
    await app.field('New password again').fill('another-long-password');
    await app.page.getByRole('button', { name: 'Save' }).click();
    await app.page.getByText('Password changed').waitFor();
    assert.equal(
      (
        await hub.api('POST', '/api/staff/session', {
          username: 'wang.h',
          password: 'another-long-password',
        })
      ).status,
      200,
    );
  } finally {
    await app.close();
  }
});

test('a console whose account is disabled elsewhere returns to the login by itself', async () => {
  await addStaff(hub, 'handler', 'zhao.l');
  const app = await ConsoleApp.open(browser, hub);
  try {
    await app.login('zhao.l');
    await app.page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await app.page.locator('.live-dot.up').waitFor();
    const admin = await hub.login();
    const users = await hub.api<{ id: number; username: string }[]>(
      'GET',
      '/api/staff/users',
      undefined,
      admin,
    );
    const id = users.body.find((u) => u.username === 'zhao.l')?.id;
    const r = await hub.api('PATCH', `/api/staff/users/${id}`, { disabled: true }, admin);
    assert.equal(r.status, 200);
    // No click: the hub ends the live channel and the console sees its session is gone.
    await app.page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
  } finally {
    await app.close();
  }
});

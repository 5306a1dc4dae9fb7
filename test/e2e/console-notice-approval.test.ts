import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { ConsoleApp, addStaff } from './pages/console.ts';

// An admin asks for approval; an editor's notice waits, is rejected with a reason the editor
// reads beside it, and reaches the screens once approved.
let hub: TestHub;
let browser: Browser;
before(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
  await addStaff(hub, 'editor');
});
after(async () => {
  await browser.close();
  await hub.stop();
});

const onScreens = async (title: string) =>
  (await hub.api<{ title: string }[]>('GET', '/api/public/buildings/demo/notices')).body.some(
    (n) => n.title === title,
  );

test('draft, submit, reject with a reason, resubmit, approve', async () => {
  const admin = await ConsoleApp.open(browser, hub);
  await admin.login();
  await admin.go('Notices');
  await admin.page.getByTestId('approval-switch').check();
  // The switch answers at once; the editor's page must find the hub already switched.
  const token = await hub.login();
  for (;;) {
    const r = await hub.api<{ required: boolean }>(
      'GET',
      '/api/staff/buildings/demo/notice-approval',
      undefined,
      token,
    );
    if (r.body.required) break;
    await admin.page.waitForResponse(/notice-approval/);
  }

  const editor = await ConsoleApp.open(browser, hub);
  await editor.login('editor');
  await editor.go('Notices');
  await editor.page.getByText("Notices here need an admin's approval").waitFor();
  await editor.page.getByRole('button', { name: 'New notice' }).click();
  const form = editor.page.getByRole('form', { name: 'New notice' });
  await editor.field('Title', form).fill('电梯年检通知');
  await editor.field('Text', form).fill('周四上午 B 梯年检。');
  await form.getByRole('button', { name: 'Save' }).click();
  const row = editor.page.getByRole('row').filter({ hasText: '电梯年检通知' });
  await row.getByTestId('review').getByText('Draft').waitFor();
  assert.equal(await onScreens('电梯年检通知'), false);
  await row.getByRole('button', { name: 'Submit for approval' }).click();
  await row.getByTestId('review').getByText('Awaiting approval').waitFor();

  await admin.page.reload();
  const pending = admin.page.getByRole('row').filter({ hasText: '电梯年检通知' });
  await pending.getByRole('button', { name: 'Reject' }).click();
  await pending.getByLabel('Why it is rejected').fill('请写明年检时段');
  await pending.getByRole('button', { name: 'Reject' }).click();
  await pending.getByTestId('review').getByText('Rejected').waitFor();

  await editor.page.reload();
  await row.getByTestId('review-reason').getByText('Rejected by admin: 请写明年检时段').waitFor();
  await editor.shot('notice-rejected');
  await row.getByRole('button', { name: 'Submit for approval' }).click();
  await row.getByTestId('review').getByText('Awaiting approval').waitFor();

  await admin.page.reload();
  await pending.getByRole('button', { name: 'Approve' }).click();
  await pending.getByText('Showing').waitFor();
  assert.equal(await onScreens('电梯年检通知'), true);
  await admin.close();
  await editor.close();
});

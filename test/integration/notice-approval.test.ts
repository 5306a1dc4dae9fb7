import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

type StaffNotice = {
  id: number;
  title: string;
  review: string;
  reviewReason: string | null;
  reviewedBy: string | null;
};
type ErrorBody = { error: { code: string; message: string; field?: string } };

// A building that asks for approval: an editor's notice reaches the screens only after an
// admin approves it; a rejection tells the editor why. Off by default.
describe('notice approval', () => {
  let hub: TestHub;
  let admin: string;
  let editor: string;
  before(async () => {
    hub = await startTestHub();
    admin = await hub.login();
    editor = await hub.staff('editor', 'ed');
  });
  after(() => hub.stop());

  const write = async (title: string, token: string) => {
    const r = await hub.api<{ id: number }>(
      'POST',
      '/api/staff/notices',
      { building: 'demo', title, body: '内容', category: 'affairs', priority: 'normal' },
      token,
    );
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id;
  };
  const onScreens = async (title: string) =>
    (await hub.api<{ title: string }[]>('GET', '/api/public/buildings/demo/notices')).body.some(
      (n) => n.title === title,
    );
  const staffView = async (id: number, token = editor) =>
    (await hub.api<StaffNotice>('GET', `/api/staff/notices/${id}`, undefined, token)).body;

  test('off by default: an editor publishes at once', async () => {
    const r = await hub.api<{ required: boolean }>(
      'GET',
      '/api/staff/buildings/demo/notice-approval',
      undefined,
      editor,
    );
    assert.equal(r.body.required, false);
    const id = await write('直接发布', editor);
    assert.equal(await onScreens('直接发布'), true);
    assert.equal((await staffView(id)).review, 'approved');
  });

  test('required: draft, submit, reject with a reason, resubmit, approve; each step audited', async () => {
    const denied = await hub.api(
      'PUT',
      '/api/staff/buildings/demo/notice-approval',
      { required: true },
      editor,
    );
    assert.equal(denied.status, 403, 'only an admin turns it on');
    const on = await hub.api(
      'PUT',
      '/api/staff/buildings/demo/notice-approval',
      { required: true },
      admin,
    );
    assert.equal(on.status, 200);

    const id = await write('停水通知', editor);
    assert.equal((await staffView(id)).review, 'draft');
    assert.equal(await onScreens('停水通知'), false);
    const early = await hub.api<ErrorBody>(
      'POST',
      `/api/staff/notices/${id}/review`,
      { decision: 'approve' },
      admin,
    );
    assert.equal(early.status, 409, 'a draft is not up for approval');

    assert.equal(
      (await hub.api('POST', `/api/staff/notices/${id}/submit`, {}, editor)).status,
      200,
    );
    assert.equal((await staffView(id)).review, 'pending');
    const selfApprove = await hub.api(
      'POST',
      `/api/staff/notices/${id}/review`,
      { decision: 'approve' },
      editor,
    );
    assert.equal(selfApprove.status, 403, 'an editor cannot approve');
    const noReason = await hub.api<ErrorBody>(
      'POST',
      `/api/staff/notices/${id}/review`,
      { decision: 'reject' },
      admin,
    );
    assert.equal(noReason.status, 400);
    const rejected = await hub.api(
      'POST',
      `/api/staff/notices/${id}/review`,
      { decision: 'reject', reason: '请写明停水时段' },
      admin,
    );
    assert.equal(rejected.status, 200);
    const seen = await staffView(id);
    assert.deepEqual(
      [seen.review, seen.reviewReason, seen.reviewedBy],
      ['rejected', '请写明停水时段', 'admin'],
    );
    assert.equal(await onScreens('停水通知'), false);

    await hub.api('PATCH', `/api/staff/notices/${id}`, { body: '周三 9:00-12:00 停水' }, editor);
    assert.equal(
      (await hub.api('POST', `/api/staff/notices/${id}/submit`, {}, editor)).status,
      200,
    );
    const approved = await hub.api(
      'POST',
      `/api/staff/notices/${id}/review`,
      { decision: 'approve' },
      admin,
    );
    assert.equal(approved.status, 200);
    assert.equal(await onScreens('停水通知'), true);

    // An editor's later change needs approval again; until then it is off the screens.
    await hub.api('PATCH', `/api/staff/notices/${id}`, { title: '停水通知（更新）' }, editor);
    assert.equal((await staffView(id)).review, 'draft');
    assert.equal(await onScreens('停水通知（更新）'), false);

    // An admin's own notice needs nobody's approval.
    await write('管理员通知', admin);
    assert.equal(await onScreens('管理员通知'), true);

    const audit = await hub.api<{ action: string; entityId: string | null }[]>(
      'GET',
      '/api/staff/audit?entity=notice',
      undefined,
      admin,
    );
    const steps = audit.body.filter((a) => String(a.entityId) === String(id)).map((a) => a.action);
    for (const a of ['submit', 'reject', 'approve']) assert.ok(steps.includes(a), `${a} audited`);
  });
});

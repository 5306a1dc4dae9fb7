import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FEEDBACK_STATUSES } from '#shared/enums';
import { allowedNext, checkStep, isOpen, TERMINAL_STATUSES } from '#shared/feedback-lifecycle';

test('the main loop runs received → discussing → assigned → in_progress → resolved → closed', () => {
  const path = ['received', 'discussing', 'assigned', 'in_progress', 'resolved', 'closed'] as const;
  for (let i = 0; i < path.length - 1; i++) {
    const r = checkStep({
      from: path[i] as never,
      to: path[i + 1] as never,
      replied: true,
      replyNow: true,
    });
    assert.deepEqual(r, { ok: true }, `${path[i]} → ${path[i + 1]}`);
  }
});

test('terminal states go nowhere', () => {
  for (const s of TERMINAL_STATUSES) assert.deepEqual(allowedNext(s), []);
});

test('nothing jumps straight from received to resolved or closed', () => {
  for (const to of ['resolved', 'closed'] as const) {
    const r = checkStep({ from: 'received', to, replied: true });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.field, 'status');
  }
});

test('resolving and closing need a reply to the requester', () => {
  const r = checkStep({ from: 'in_progress', to: 'resolved', replied: false });
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.field, 'reply');
  assert.equal(checkStep({ from: 'resolved', to: 'closed', replied: false }).ok, false);
});

test('resolving needs a reply with that step; an earlier one does not count', () => {
  const r = checkStep({ from: 'in_progress', to: 'resolved', replied: true, replyNow: false });
  assert.equal(!r.ok && r.field, 'reply');
  assert.equal(!r.ok && r.reason.key, 'resolveNeedsReply');
});

test('closing while the requester may reopen needs their rating or a reason', () => {
  const base = { from: 'resolved', to: 'closed', replied: true, reopenOpen: true } as const;
  const r = checkStep(base);
  assert.equal(!r.ok && r.field, 'note');
  assert.equal(checkStep({ ...base, rated: true }).ok, true);
  assert.equal(checkStep({ ...base, note: 'confirmed by phone' }).ok, true);
  assert.equal(checkStep({ ...base, reopenOpen: false }).ok, true, 'once the window ends');
});

test('a reopened ticket goes back to in_progress', () => {
  assert.deepEqual(checkStep({ from: 'resolved', to: 'in_progress', replied: true }), { ok: true });
});

test('declining needs a reason and merging needs the survivor', () => {
  const d = checkStep({ from: 'received', to: 'declined', replied: false });
  assert.equal(!d.ok && d.field, 'note');
  assert.equal(
    checkStep({ from: 'received', to: 'declined', replied: false, note: 'out of scope' }).ok,
    true,
  );
  const m = checkStep({ from: 'discussing', to: 'duplicate', replied: false });
  assert.equal(!m.ok && m.field, 'duplicateOf');
  assert.equal(
    checkStep({ from: 'discussing', to: 'duplicate', replied: false, duplicateOf: '12345678' }).ok,
    true,
  );
});

test('every status is either open, resolved or terminal', () => {
  for (const s of FEEDBACK_STATUSES) {
    assert.ok(isOpen(s) || s === 'resolved' || TERMINAL_STATUSES.includes(s), s);
  }
});

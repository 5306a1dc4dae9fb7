import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { z } from 'zod';
import { apiErrors } from '#shared/i18n/api-errors';
import { errorText, renderError, renderFieldError } from '#shared/i18n/error-text';
import { fieldLabel } from '#shared/i18n/fields';
import { pickLocale } from '#shared/i18n/index';
import { issueReason } from '#shared/i18n/issues';
import { phone } from '#shared/schemas/common';
import { noticeInput } from '#shared/schemas/notices';
import { ApiError, conflict, invalid, notFound } from '../../hub/src/errors.ts';

test('Accept-Language: the most wanted of Chinese and English, Chinese by default', () => {
  assert.equal(pickLocale(undefined), 'zh-CN');
  assert.equal(pickLocale(''), 'zh-CN');
  assert.equal(pickLocale('*'), 'zh-CN');
  assert.equal(pickLocale('fr-FR'), 'zh-CN');
  assert.equal(pickLocale('en-US,en;q=0.9'), 'en');
  assert.equal(pickLocale('zh-CN,zh;q=0.9,en;q=0.8'), 'zh-CN');
  assert.equal(pickLocale('fr, en;q=0.8'), 'en');
  assert.equal(pickLocale('en;q=0.5, zh-TW;q=0.9'), 'zh-CN');
  assert.equal(pickLocale('en;q=0'), 'zh-CN');
});

test('a refusal is a key and typed parameters, worded in either language', () => {
  const e = conflict('capacity', 'capacityTaken', { n: 3 });
  assert.equal(e.status, 409);
  assert.equal(e.field, 'capacity');
  assert.equal(e.messageIn('zh-CN'), '已有 3 人确认报名');
  assert.equal(e.messageIn('en'), '3 people are already confirmed');
  assert.equal(e.message, '3 people are already confirmed');
  assert.equal(invalid('captainCode', 'notCaptainCode').messageIn('zh-CN'), '这不是本楼的楼长码');
  const nf = notFound('notice');
  assert.ok(nf instanceof ApiError);
  assert.equal(nf.status, 404);
  assert.equal(nf.messageIn('zh-CN'), '找不到该通知');
  assert.equal(nf.messageIn('en'), 'No such notice');
});

test('parameters are words, times in the building zone, and lists', () => {
  const status = errorText('ticketIs', { status: { term: 'status.resolved' } });
  assert.equal(renderError(status, 'zh-CN'), '这条反馈已解决');
  assert.equal(renderError(status, 'en'), 'the ticket is Resolved');
  const at = errorText('registrationOpensAt', {
    at: { time: '2026-12-01T01:30:00Z', tz: 'Asia/Shanghai' },
  });
  assert.match(renderError(at, 'zh-CN'), /^报名将于 2026年12月1日 09:30 开始$/);
  const users = errorText('imageInUse', {
    users: {
      list: [
        { term: 'thing.notice', id: 3 },
        { term: 'thing.playlist', id: 7 },
      ],
    },
  });
  assert.equal(renderError(users, 'zh-CN'), '仍被使用：通知 3、播放列表 7');
  assert.equal(renderError(users, 'en'), 'still shown by notice 3, playlist 7');
});

test("zod's issues become the field's name and the reason", () => {
  const bad = phone.safeParse('12ab');
  assert.ok(!bad.success);
  const why = issueReason(bad.error.issues[0] as z.core.$ZodIssue, '12ab');
  assert.equal(renderFieldError('phone', why, 'zh-CN'), '手机号：请填写 7 到 20 位的电话号码');
  assert.equal(renderFieldError('phone', why, 'en'), 'Phone: a phone number of 7 to 20 digits');

  const input = { building: 'demo', title: '', body: 'x', category: 'affairs', priority: 'x' };
  const r = noticeInput.safeParse(input);
  assert.ok(!r.success);
  const by = Object.fromEntries(
    r.error.issues.map((i) => [i.path.join('.'), renderError(issueReason(i, input), 'zh-CN')]),
  );
  assert.equal(by.title, '必填');
  assert.equal(by.priority, '请选择有效的值');
  const long = noticeInput.safeParse({ ...input, title: 'x'.repeat(121), priority: 'high' });
  assert.ok(!long.success);
  assert.equal(
    renderError(issueReason(long.error.issues[0] as z.core.$ZodIssue), 'zh-CN'),
    '最多 120 个字符',
  );
  const missing = noticeInput.safeParse({ ...input, title: undefined, priority: 'high' });
  assert.ok(!missing.success);
  const issue = missing.error.issues[0] as z.core.$ZodIssue;
  assert.equal(renderError(issueReason(issue, { ...input, title: undefined }), 'zh-CN'), '必填');
});

test('field labels: nested paths read by their last name', () => {
  assert.equal(fieldLabel('contact.phone', 'zh-CN'), '手机号');
  assert.equal(fieldLabel('slides.2.noticeId', 'zh-CN'), '通知');
  assert.equal(fieldLabel('no-such-field', 'zh-CN'), null);
  assert.equal(renderFieldError('no-such-field', { key: 'required' }, 'zh-CN'), '必填');
});

test('the Chinese error catalogue holds no English words', () => {
  for (const [key, text] of Object.entries(apiErrors['zh-CN'])) {
    const words = text.replace(/\{\w+\}/g, '').match(/[A-Za-z]{2,}/g) ?? [];
    const foreign = words.filter(
      (w) => !['PNG', 'JPEG', 'WebP', 'GIF', 'MB', 'KB', 'JSON', 'Asia', 'Shanghai'].includes(w),
    );
    assert.deepEqual(foreign, [], key);
  }
});

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pickLocale, translator, type Catalogue } from '#shared/i18n/index';
import { vocabulary } from '#shared/i18n/vocabulary';
import {
  CONTACT_ROLES,
  EVENT_KINDS,
  FEEDBACK_CATEGORIES,
  FEEDBACK_STATUSES,
  NOTICE_CATEGORIES,
} from '#shared/enums';

const DIR = join(import.meta.dirname, '../../shared/i18n');

test('every catalogue has the same keys in Chinese and English, none empty', async () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
  assert.ok(files.length >= 1);
  for (const file of files) {
    const mod = (await import(join(DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      const cat = value as Catalogue<string>;
      if (!cat || typeof cat !== 'object' || !('zh-CN' in cat) || !('en' in cat)) continue;
      assert.deepEqual(
        Object.keys(cat.en).sort(),
        Object.keys(cat['zh-CN']).sort(),
        `${file} ${name}`,
      );
      for (const [k, v] of [...Object.entries(cat['zh-CN']), ...Object.entries(cat.en)]) {
        assert.ok(v.trim().length > 0, `${file} ${name} ${k}`);
      }
    }
  }
});

test('every enum value has a name', () => {
  const keys = Object.keys(vocabulary['zh-CN']);
  const need = [
    ...NOTICE_CATEGORIES.map((c) => `notice.${c}`),
    ...EVENT_KINDS.map((c) => `event.${c}`),
    ...FEEDBACK_CATEGORIES.map((c) => `feedback.${c}`),
    ...FEEDBACK_STATUSES.map((c) => `status.${c}`),
    ...CONTACT_ROLES.map((c) => `contact.${c}`),
  ];
  for (const k of need) assert.ok(keys.includes(k), k);
});

test('translator fills parameters and picks a locale', () => {
  const t = translator({ 'zh-CN': { hi: '你好，{name}' }, en: { hi: 'Hello, {name}' } }, 'en');
  assert.equal(t('hi', { name: 'Li' }), 'Hello, Li');
  assert.equal(pickLocale('en-US,en;q=0.9'), 'en');
  assert.equal(pickLocale('zh-CN,zh;q=0.9'), 'zh-CN');
  assert.equal(pickLocale(undefined), 'zh-CN');
});

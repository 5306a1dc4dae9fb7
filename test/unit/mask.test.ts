import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { maskName, maskPhone } from '../../shared/mask.ts';

test('a mainland mobile keeps three leading and four trailing digits', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone('138 1234 5678'), '138****5678');
  assert.equal(maskPhone('138-1234-5678'), '138****5678');
});

test('longer numbers hide more, shorter ones keep fewer digits visible', () => {
  assert.equal(maskPhone('+8613812345678'), '+861******5678');
  assert.equal(maskPhone('02112345678'), '021****5678');
  assert.equal(maskPhone('1234567'), '1****67');
  assert.equal(maskPhone('12345678'), '12****78');
});

test('property: at least four digits hidden, at most seven shown, length kept', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^\+?[0-9]{7,20}$/), (phone) => {
      const masked = maskPhone(phone);
      assert.equal(masked.length, phone.length);
      assert.ok((masked.match(/\*/g) ?? []).length >= 4);
      assert.ok((masked.match(/[0-9]/g) ?? []).length <= 7);
    }),
  );
});

test('a name keeps its first character only', () => {
  assert.equal(maskName('张晓燕'), '张**');
  assert.equal(maskName('王'), '王*');
  assert.equal(maskName(' Ann Lee '), 'A******');
  assert.equal(maskName('𠮷野家'), '𠮷**');
  assert.equal(maskName(''), '');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import QRCode, { type QRCodeMaskPattern } from 'qrcode';
import { alignmentPositions, encodeQr } from '../../signage/src/qr/encoder.ts';
import { buildVCard } from '#shared/vcard';

// The signage app's own small encoder must draw exactly what the full `qrcode` package
// draws for the same text in byte mode at level M.
function reference(text: string, maskPattern?: QRCodeMaskPattern) {
  const qr = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    ...(maskPattern === undefined ? {} : { maskPattern }),
  });
  return { size: qr.modules.size, modules: Array.from(qr.modules.data, Number) };
}

const TEXTS = [
  'a',
  'http://127.0.0.1:8080/q/AbC123',
  'http://lobby.example.internal:8080/kiosk/phone/feedback?building=demo&floor=18&bank=A',
  buildVCard({
    name: '王建国',
    org: '星河科技有限公司',
    title: '18 层 楼长',
    phone: '13800138000',
    note: '工作日 9:00-18:00 · 微信 lz_18_84',
  }),
  '党群服务站'.repeat(40),
  'x'.repeat(1200),
];

test('every text matches the reference module for module, with the mask it picks', () => {
  for (const text of TEXTS) {
    const mine = encodeQr(text);
    const ref = reference(text);
    assert.equal(mine.size, ref.size, `size for ${text.length} chars`);
    assert.deepEqual(Array.from(mine.modules), ref.modules, `modules for ${text.length} chars`);
  }
});

test('all eight masks and every version from 1 to 40 match', () => {
  for (const mask of [0, 1, 2, 3, 4, 5, 6, 7] as const) {
    const text = `https://example.org/e/${mask}`;
    assert.deepEqual(Array.from(encodeQr(text, mask).modules), reference(text, mask).modules);
  }
  // Byte capacities at level M grow with the version; one text per version reaches it.
  for (let v = 1; v <= 40; v++) {
    const size = v * 4 + 17;
    let len = 1;
    while (reference('q'.repeat(len)).size < size) len += Math.ceil(len / 50);
    const text = 'q'.repeat(len);
    assert.equal(reference(text).size, size, `version ${v}`);
    assert.equal(encodeQr(text).size, size, `version ${v}`);
    assert.deepEqual(
      Array.from(encodeQr(text, 3).modules),
      reference(text, 3).modules,
      `version ${v}`,
    );
  }
});

test('alignment patterns sit where the standard puts them', () => {
  assert.deepEqual(alignmentPositions(1), []);
  assert.deepEqual(alignmentPositions(2), [6, 18]);
  assert.deepEqual(alignmentPositions(7), [6, 22, 38]);
  assert.deepEqual(alignmentPositions(32), [6, 34, 60, 86, 112, 138]);
  assert.deepEqual(alignmentPositions(40), [6, 30, 58, 86, 114, 142, 170]);
});

test('a text beyond version 40 is refused', () => {
  assert.throws(() => encodeQr('z'.repeat(2400)), /too long/);
});

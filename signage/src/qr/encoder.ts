// QR Code (ISO/IEC 18004, model 2) in byte mode at error correction level M: all a screen
// needs for URLs and vCards, in a fraction of a general encoder's bundle size. Checked
// module for module against the `qrcode` package in test/unit/signage-qr.test.ts.

export interface QrMatrix {
  size: number;
  // Row-major, 1 for a dark module.
  modules: Uint8Array;
}

// Per version 1–40, level M: error correction blocks, and error correction codewords in all.
const BLOCKS = [
  1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26,
  28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
];
const EC_CODEWORDS = [
  10, 16, 26, 36, 48, 64, 72, 88, 110, 130, 150, 176, 198, 216, 240, 280, 308, 338, 364, 416, 442,
  476, 504, 560, 588, 644, 700, 728, 784, 812, 868, 924, 980, 1036, 1064, 1120, 1204, 1260, 1316,
  1372,
];
// Format bits of level M are 00.
const LEVEL_M = 0;

// Codewords a version holds: modules left after every function pattern, in bytes.
function totalCodewords(v: number): number {
  let bits = (16 * v + 128) * v + 64;
  if (v >= 2) {
    const align = Math.floor(v / 7) + 2;
    bits -= (25 * align - 10) * align - 55;
    if (v >= 7) bits -= 36;
  }
  return Math.floor(bits / 8);
}

const dataCodewords = (v: number) => totalCodewords(v) - (EC_CODEWORDS[v - 1] ?? 0);

export function alignmentPositions(v: number): number[] {
  if (v === 1) return [];
  const count = Math.floor(v / 7) + 2;
  const size = v * 4 + 17;
  const step = v === 32 ? 26 : Math.ceil((size - 13) / (2 * count - 2)) * 2;
  const out = [6];
  for (let pos = size - 7; out.length < count; pos -= step) out.splice(1, 0, pos);
  return out;
}

function gfMul(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}

function rsDivisor(degree: number): number[] {
  const result = new Array<number>(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMul(result[j] ?? 0, root) ^ (j + 1 < degree ? (result[j + 1] ?? 0) : 0);
    }
    root = gfMul(root, 0x02);
  }
  return result;
}

function rsRemainder(data: number[], divisor: number[]): number[] {
  const result = divisor.map(() => 0);
  for (const b of data) {
    const factor = b ^ (result.shift() ?? 0);
    result.push(0);
    divisor.forEach((coef, i) => (result[i] = (result[i] ?? 0) ^ gfMul(coef, factor)));
  }
  return result;
}

// Data bits (mode, count, bytes, terminator, padding), split in blocks, each with its
// error correction, then interleaved as the symbol stores them.
function codewords(bytes: Uint8Array, v: number): number[] {
  const capacity = dataCodewords(v);
  const bits: number[] = [];
  const put = (value: number, n: number) => {
    for (let i = n - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, v < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacity * 8 - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    data.push(bits.slice(i, i + 8).reduce((acc, bit) => (acc << 1) | bit, 0));
  }
  for (let pad = 0xec; data.length < capacity; pad ^= 0xec ^ 0x11) data.push(pad);

  const blocks = BLOCKS[v - 1] ?? 1;
  const ecPerBlock = (EC_CODEWORDS[v - 1] ?? 0) / blocks;
  const shortLen = Math.floor(capacity / blocks);
  const longBlocks = capacity % blocks;
  const divisor = rsDivisor(ecPerBlock);
  const dataBlocks: number[][] = [];
  const ecBlocks: number[][] = [];
  for (let b = 0, at = 0; b < blocks; b++) {
    const len = shortLen + (b >= blocks - longBlocks ? 1 : 0);
    const block = data.slice(at, at + len);
    at += len;
    dataBlocks.push(block);
    ecBlocks.push(rsRemainder(block, divisor));
  }
  const out: number[] = [];
  for (let i = 0; i <= shortLen; i++)
    for (const block of dataBlocks) if (i < block.length) out.push(block[i] ?? 0);
  for (let i = 0; i < ecPerBlock; i++) for (const block of ecBlocks) out.push(block[i] ?? 0);
  return out;
}

export function encodeQr(text: string, forceMask?: number): QrMatrix {
  const bytes = new TextEncoder().encode(text);
  let v = 1;
  while (v <= 40 && 4 + (v < 10 ? 8 : 16) + bytes.length * 8 > dataCodewords(v) * 8) v++;
  if (v > 40) throw new Error('text too long for a QR code');
  const size = v * 4 + 17;
  const modules = new Uint8Array(size * size);
  const reserved = new Uint8Array(size * size);
  const set = (row: number, col: number, dark: number | boolean) => {
    modules[row * size + col] = dark ? 1 : 0;
    reserved[row * size + col] = 1;
  };

  // Finder patterns with their separators, timing patterns, alignment patterns.
  for (const [r0, c0] of [
    [0, 0],
    [0, size - 7],
    [size - 7, 0],
  ] as const) {
    for (let r = -1; r <= 7; r++) {
      for (let c = -1; c <= 7; c++) {
        const row = r0 + r;
        const col = c0 + c;
        if (row < 0 || row >= size || col < 0 || col >= size) continue;
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        set(row, col, ring !== 2 && ring !== 4);
      }
    }
  }
  for (let i = 8; i < size - 8; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  const align = alignmentPositions(v);
  const last = align.length - 1;
  for (const [i, r] of align.entries()) {
    for (const [j, c] of align.entries()) {
      // The three corners hold finder patterns.
      if ((i === 0 && (j === 0 || j === last)) || (i === last && j === 0)) continue;
      for (let dr = -2; dr <= 2; dr++) {
        for (let dc = -2; dc <= 2; dc++)
          set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
      }
    }
  }
  drawFormat(set, size, 0);
  if (v >= 7) {
    let rem = v;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
    const bits = (v << 12) | rem;
    for (let i = 0; i < 18; i++) {
      const bit = (bits >>> i) & 1;
      set(Math.floor(i / 3), size - 11 + (i % 3), bit);
      set(size - 11 + (i % 3), Math.floor(i / 3), bit);
    }
  }

  // Data in two-module columns, zigzagging up and down from the bottom right.
  const data = codewords(bytes, v);
  let bit = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const col = right - j;
        const upward = ((right + 1) & 2) === 0;
        const row = upward ? size - 1 - vert : vert;
        if (reserved[row * size + col]) continue;
        const byte = data[bit >>> 3] ?? 0;
        modules[row * size + col] = (byte >>> (7 - (bit & 7))) & 1;
        bit++;
      }
    }
  }

  const matrix = { size, modules };
  const apply = (mask: number) => {
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        const i = row * size + col;
        if (!reserved[i] && masked(mask, row, col)) modules[i] = (modules[i] ?? 0) ^ 1;
      }
    }
  };
  let best = forceMask ?? 0;
  if (forceMask === undefined) {
    let lowest = Infinity;
    for (let mask = 0; mask < 8; mask++) {
      drawFormat(set, size, mask);
      apply(mask);
      const score = penalty(matrix);
      apply(mask);
      if (score < lowest) {
        lowest = score;
        best = mask;
      }
    }
  }
  drawFormat(set, size, best);
  apply(best);
  return matrix;
}

function masked(mask: number, i: number, j: number): boolean {
  switch (mask) {
    case 0:
      return (i + j) % 2 === 0;
    case 1:
      return i % 2 === 0;
    case 2:
      return j % 3 === 0;
    case 3:
      return (i + j) % 3 === 0;
    case 4:
      return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0;
    case 5:
      return ((i * j) % 2) + ((i * j) % 3) === 0;
    case 6:
      return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0;
    default:
      return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0;
  }
}

type Setter = (row: number, col: number, dark: number | boolean) => void;

function drawFormat(set: Setter, size: number, mask: number): void {
  const data = (LEVEL_M << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const bits = ((data << 10) | rem) ^ 0x5412;
  for (let i = 0; i < 15; i++) {
    const bit = (bits >>> i) & 1;
    set(i < 6 ? i : i < 8 ? i + 1 : size - 15 + i, 8, bit);
    set(8, i < 8 ? size - i - 1 : i < 9 ? 15 - i : 14 - i, bit);
  }
  set(size - 8, 8, 1);
}

// The four penalty rules of the standard, as the `qrcode` package scores them.
function penalty({ size, modules }: QrMatrix): number {
  const at = (r: number, c: number) => modules[r * size + c] ?? 0;
  let points = 0;
  let dark = 0;
  for (let a = 0; a < size; a++) {
    let runRow = 0;
    let runCol = 0;
    let lastRow = -1;
    let lastCol = -1;
    let patRow = 0;
    let patCol = 0;
    for (let b = 0; b < size; b++) {
      const m = at(a, b);
      const n = at(b, a);
      dark += m;
      if (m === lastRow) runRow++;
      else {
        if (runRow >= 5) points += runRow - 2;
        lastRow = m;
        runRow = 1;
      }
      if (n === lastCol) runCol++;
      else {
        if (runCol >= 5) points += runCol - 2;
        lastCol = n;
        runCol = 1;
      }
      patRow = ((patRow << 1) & 0x7ff) | m;
      patCol = ((patCol << 1) & 0x7ff) | n;
      if (b >= 10 && (patRow === 0x5d0 || patRow === 0x05d)) points += 40;
      if (b >= 10 && (patCol === 0x5d0 || patCol === 0x05d)) points += 40;
      if (a < size - 1 && b < size - 1) {
        const box = m + at(a, b + 1) + at(a + 1, b) + at(a + 1, b + 1);
        if (box === 0 || box === 4) points += 3;
      }
    }
    if (runRow >= 5) points += runRow - 2;
    if (runCol >= 5) points += runCol - 2;
  }
  return points + Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10) * 10;
}

// fast-check arbitraries for the reports devices publish (availability, state, played):
// valid ones built from the contract's schemas, and garbage of every kind around them.
import fc from 'fast-check';
import {
  MAX_DEVICE_PAYLOAD,
  availability,
  deviceState,
  playedBatch,
  type DeviceState,
  type PlayedReport,
} from '#shared/payloads';

export type Report = 'availability' | 'state' | 'played';
export const REPORTS: Report[] = ['availability', 'state', 'played'];

// The contract's verdict on a report (DESIGN.md, shared/payloads.ts): what the hub must
// take, and everything else it must drop without writing or passing it on.
export function valid(name: Report, payload: Buffer): boolean {
  if (payload.length > MAX_DEVICE_PAYLOAD) return false;
  const text = payload.toString('utf8');
  if (name === 'availability') return availability.safeParse(text).success;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return false;
  }
  return (name === 'state' ? deviceState : playedBatch).safeParse(json).success;
}

// Text within a length limit in UTF-16 units, as zod counts, with CJK and astral characters.
const text = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: max }),
    fc.string({
      unit: fc.constantFrom('楼', '长', '电梯', 'é', '😀', '<', '"', '\\', '\u0000'),
      maxLength: Math.floor(max / 2),
    }),
  );
const stateArb: fc.Arbitrary<DeviceState> = fc.record(
  {
    version: text(40),
    revs: fc.dictionary(text(20), fc.maxSafeNat(), { maxKeys: 8 }),
    alertRev: fc.option(fc.maxSafeNat(), { nil: null }),
    screen: fc.record({
      width: fc.integer({ min: 0, max: 10000 }),
      height: fc.integer({ min: 0, max: 10000 }),
    }),
    uptime: fc.double({ min: 0, max: 1e9, noNaN: true }),
    lastError: fc.option(text(500), { nil: null }),
    slide: fc.option(text(40), { nil: null }),
  },
  { requiredKeys: ['version', 'revs', 'alertRev', 'screen', 'uptime', 'lastError'] },
);
const offsetTime = fc
  .tuple(
    fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z') }),
    fc.integer({ min: -12 * 60, max: 14 * 60 }),
  )
  .map(([d, offset]) => {
    if (Number.isNaN(d.getTime())) return '2026-11-21T08:00:00Z';
    const local = new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 19);
    const abs = Math.abs(offset);
    const hh = String(Math.floor(abs / 60)).padStart(2, '0');
    const mm = String(abs % 60).padStart(2, '0');
    return offset === 0 ? `${local}Z` : `${local}${offset < 0 ? '-' : '+'}${hh}:${mm}`;
  });
const playArb: fc.Arbitrary<PlayedReport> = fc.record({
  id: fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
  slide: text(40),
  playlist: fc.option(fc.integer(), { nil: null }),
  start: offsetTime,
  duration: fc.double({ min: 0, max: 3600, noNaN: true }),
});
const playsArb = fc.oneof(playArb, fc.array(playArb, { minLength: 0, maxLength: 20 }));

const encode = (v: unknown) => Buffer.from(JSON.stringify(v));
export const schemaValid = (name: Report): fc.Arbitrary<Buffer> =>
  name === 'availability'
    ? fc.constantFrom('online', 'offline').map((s) => Buffer.from(s))
    : name === 'state'
      ? stateArb.map(encode)
      : playsArb.map(encode);
// JSON padded with spaces to `size` bytes: still the same report to a parser.
const padded = (b: Buffer, size: number) =>
  Buffer.concat([b, Buffer.alloc(Math.max(0, size - b.length), 0x20)]);
// Reports the hub must take, some exactly at the size limit.
export const validPayload = (name: Report): fc.Arbitrary<Buffer> =>
  name === 'availability'
    ? schemaValid(name)
    : fc.oneof(
        { arbitrary: schemaValid(name), weight: 4 },
        schemaValid(name).map((b) => padded(b, MAX_DEVICE_PAYLOAD)),
      );
// The same, one byte or many past the limit: dropped unread.
const oversized = (name: Report): fc.Arbitrary<Buffer> =>
  fc
    .tuple(schemaValid(name), fc.integer({ min: 1, max: 64 * 1024 }))
    .map(([b, extra]) => padded(b, MAX_DEVICE_PAYLOAD + extra));

// What may stand in for a field: every JSON type, out-of-range numbers, over-long strings.
const wrongValue = fc.oneof(
  fc.constantFrom(null, true, -1, 1.5, 10001, 3601, -0.001, 2 ** 53, '', '1', [], {}),
  fc.constantFrom('x'.repeat(41), 'x'.repeat(501), '2020-13-01T00:00:00Z', 'yesterday'),
  fc.constantFrom('2026-11-21', '2026-11-21T08:00:00', '1234567', 'x'.repeat(65)),
  fc.jsonValue({ maxDepth: 2 }),
);
// A valid report with one thing wrong: a key gone, a value swapped, the JSON text damaged.
const nearMiss = (name: Report): fc.Arbitrary<Buffer> => {
  if (name === 'availability') {
    return fc
      .constantFrom('Online', ' online', 'online\n', '"online"', 'OFFLINE', 'on', '', '1', 'null')
      .chain((s) => fc.constantFrom(s, `\ufeff${s}`, `${s}\u0000`))
      .map((s) => Buffer.from(s));
  }
  const object = name === 'state' ? stateArb : playArb;
  const fieldMutation = fc
    .tuple(object, fc.nat(), wrongValue, fc.boolean(), fc.boolean())
    .map(([o, i, v, remove, nested]) => {
      const copy: Record<string, unknown> = { ...o };
      const keys = Object.keys(copy);
      const key = keys[i % keys.length] ?? 'id';
      if (remove) delete copy[key];
      else if (nested && name === 'state') copy.screen = { width: v, height: 1 };
      else copy[key] = v;
      return name === 'played' && nested ? [copy] : copy;
    })
    .map(encode);
  const textMutation = fc
    .tuple(schemaValid(name), fc.nat(), fc.constantFrom('cut', 'append', 'bom', 'twice', 'wrap'))
    .map(([b, i, how]) => {
      const s = b.toString('utf8');
      if (how === 'cut') return Buffer.from(s.slice(0, i % Math.max(1, s.length)));
      if (how === 'append') return Buffer.from(`${s},`);
      if (how === 'bom') return Buffer.from(`\ufeff${s}`);
      if (how === 'twice') return encode(s);
      return encode({ data: JSON.parse(s) as unknown });
    });
  return fc.oneof(fieldMutation, textMutation);
};
const nested = fc
  .tuple(fc.integer({ min: 1, max: 8000 }), fc.boolean())
  .map(([depth, arrays]) =>
    Buffer.from(
      arrays
        ? '['.repeat(depth) + ']'.repeat(depth)
        : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
    ),
  );
const huge = fc
  .tuple(fc.integer({ min: MAX_DEVICE_PAYLOAD - 64, max: 200 * 1024 }), fc.boolean())
  .map(([n, json]) => (json ? encode({ lastError: 'x'.repeat(n) }) : Buffer.alloc(n, 0x7b)));
export const garbage = (name: Report): fc.Arbitrary<Buffer> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 512 }).map((a) => Buffer.from(a)),
    fc.jsonValue().map(encode),
    fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(s)),
    nested,
    huge,
    oversized(name),
    nearMiss(name),
    nearMiss(name),
  );

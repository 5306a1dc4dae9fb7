import type { z } from 'zod';
import { isErrorKey } from './api-errors.ts';
import type { ErrorText } from './error-text.ts';

// The part of a zod issue both the hub (from fastify's validation error) and the console
// (from safeParse) have in hand.
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message?: string | undefined;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: unknown;
  expected?: unknown;
  keys?: unknown;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const missing = (v: unknown) => v === undefined || v === null || v === '';

// Why zod refused a value, as a catalogue message. A schema's own message is a catalogue
// key (set with `reason()`); otherwise the issue's code and bounds say it. `input` is what
// was parsed, to tell a missing value from a wrong one (zod does not keep the value).
export function issueReason(i: IssueLike | z.core.$ZodIssue, input?: unknown): ErrorText {
  if (i.message && isErrorKey(i.message)) return { key: i.message };
  const origin = 'origin' in i ? i.origin : undefined;
  const n = (v: unknown) => Number(v);
  switch (i.code) {
    case 'invalid_type':
      if (missing(valueAt(input, i.path))) return { key: 'required' };
      return 'expected' in i && i.expected === 'int' ? { key: 'notWhole' } : { key: 'badValue' };
    case 'too_small': {
      const min = n('minimum' in i ? i.minimum : 0);
      if (origin === 'string')
        return min <= 1 ? { key: 'required' } : { key: 'tooShort', params: { n: min } };
      if (origin === 'array' || origin === 'set')
        return min <= 1 ? { key: 'required' } : { key: 'tooFew', params: { n: min } };
      return { key: 'tooSmall', params: { n: min } };
    }
    case 'too_big': {
      const max = n('maximum' in i ? i.maximum : 0);
      if (origin === 'string') return { key: 'tooLong', params: { n: max } };
      if (origin === 'array' || origin === 'set') return { key: 'tooMany', params: { n: max } };
      return { key: 'tooBig', params: { n: max } };
    }
    case 'invalid_format': {
      const format = 'format' in i ? i.format : undefined;
      if (format === 'date') return { key: 'badDate' };
      if (format === 'datetime') return { key: 'badDateTime' };
      return { key: 'badFormat' };
    }
    case 'unrecognized_keys': {
      const keys = 'keys' in i && Array.isArray(i.keys) ? i.keys.join(', ') : '';
      return { key: 'unknownField', params: { keys } };
    }
    case 'not_multiple_of':
      return { key: 'notWhole' };
    default:
      return { key: 'badValue' };
  }
}

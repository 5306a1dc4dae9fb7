import type { z } from 'zod';
import { errorBody, type ErrorCode } from '#shared/api-error';
import { prefs } from './prefs.ts';

// A refused or failed call: the API's own code, message and field when it sent them.
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly field?: string;

  constructor(status: number, code: ErrorCode | 'network', message: string, field?: string) {
    super(message);
    this.status = status;
    this.code = code;
    if (field !== undefined) this.field = field;
  }
}

// Told when any call comes back 401, so the shell can return to the login page.
let onUnauthenticated: () => void = () => {};
export function whenUnauthenticated(fn: () => void): void {
  onUnauthenticated = fn;
}

async function send(
  method: string,
  path: string,
  body: unknown,
  extra: Record<string, string>,
): Promise<Response> {
  // The hub words its refusals in the console's language, not the browser's.
  const headers: Record<string, string> = { 'accept-language': prefs.get().locale, ...extra };
  let payload: BodyInit | undefined;
  if (body instanceof Blob) {
    headers['content-type'] = body.type || 'application/octet-stream';
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  try {
    // The session is an httpOnly cookie on this origin: the browser sends it by itself.
    return await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiFailure(0, 'network', 'the hub cannot be reached');
  }
}

async function failure(res: Response): Promise<ApiFailure> {
  const parsed = errorBody.safeParse(await res.json().catch(() => null));
  if (res.status === 401) onUnauthenticated();
  if (parsed.success) {
    const e = parsed.data.error;
    return new ApiFailure(res.status, e.code, e.message, e.field);
  }
  return new ApiFailure(res.status, res.status >= 500 ? 'internal' : 'invalid', res.statusText);
}

// Calls the API and checks the answer against its schema from shared/.
export async function call<S extends z.ZodType>(
  schema: S,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<z.infer<S>> {
  const res = await send(method, path, body, headers);
  if (!res.ok) throw await failure(res);
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) {
    throw new ApiFailure(res.status, 'internal', `unexpected answer from ${path}`);
  }
  return parsed.data;
}

export const qs = (
  params: Record<string, string | number | boolean | undefined | null>,
): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

import type { z } from 'zod';
import { errorBody, type ErrorBody } from '#shared/api-error';
import { DEVICE_HEADER } from '#shared/schemas/kiosk';

export type ApiFailure = ErrorBody['error'] & { status: number };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

const offline: ApiFailure = { status: 0, code: 'internal', message: 'network' };

// A paired kiosk names itself on public calls, so the hub limits it on its own rather
// than together with every phone on the building's Wi-Fi.
let device: string | null = null;
export function nameDevice(id: string | null): void {
  device = id;
}

// The language the kiosk shows, so the hub words its refusals in it: a kiosk's Chromium
// often asks for English (a system without a Chinese locale) under a Chinese screen.
let language = 'zh-CN';
export function speak(locale: string): void {
  language = locale;
}

// Every answer is checked against its shared schema; an answer that does not match is a
// failure like any other, never a cast.
export async function request<S extends z.ZodType>(
  method: string,
  path: string,
  schema: S,
  body?: unknown,
): Promise<ApiResult<z.infer<S>>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: {
        'accept-language': language,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(device ? { [DEVICE_HEADER]: device } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, error: offline };
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = errorBody.safeParse(json);
    return {
      ok: false,
      error: e.success
        ? { ...e.data.error, status: res.status }
        : { status: res.status, code: 'internal', message: res.statusText },
    };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, error: { status: res.status, code: 'internal', message: 'unexpected answer' } };
}

export const getJson = <S extends z.ZodType>(path: string, schema: S) =>
  request('GET', path, schema);

import type * as z from 'zod/mini';
import { errorBody } from './schemas.ts';

export interface Failure {
  status: number;
  code: string;
  message: string;
  field?: string | undefined;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: Failure };

// The page's language, so the hub words its refusals in it rather than in the browser's.
let language = 'zh-CN';
export function speak(locale: string): void {
  language = locale;
}

// One request to the public API; the answer is checked, errors come back in the one shape.
export async function send<S extends z.ZodMiniType>(
  method: string,
  path: string,
  schema: S,
  body?: unknown,
  contentType = 'application/json',
): Promise<Result<z.infer<S>>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: {
        'accept-language': language,
        ...(body === undefined ? {} : { 'content-type': contentType }),
      },
      body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body),
    });
  } catch {
    return { ok: false, error: { status: 0, code: 'offline', message: '' } };
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = errorBody.safeParse(json);
    return {
      ok: false,
      error: e.success
        ? { status: res.status, ...e.data.error }
        : { status: res.status, code: 'internal', message: '' },
    };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, error: { status: res.status, code: 'internal', message: '' } };
}

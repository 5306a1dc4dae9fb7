import type { TestHub } from './hub.ts';

export interface RouteInfo {
  method: string;
  path: string;
  hasBody: boolean;
}

// Every documented route of the running hub, so checks cover routes added later too.
export async function documentedRoutes(hub: TestHub): Promise<RouteInfo[]> {
  const doc = await hub.api<{ paths: Record<string, Record<string, { requestBody?: unknown }>> }>(
    'GET',
    '/api/openapi.json',
  );
  const out: RouteInfo[] = [];
  for (const [path, ops] of Object.entries(doc.body.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      out.push({ method: method.toUpperCase(), path, hasBody: op.requestBody !== undefined });
    }
  }
  return out;
}

// "/api/staff/notices/{id}" → "/api/staff/notices/1" (values that pass the params schemas).
export function concretePath(path: string): string {
  return path
    .replace('{b}', 'demo')
    .replace('{deviceId}', 'd-0000000000')
    .replace('{ticket}', '00000000')
    .replace('{code}', 'nocode')
    .replace(/\{[^}]+\}/g, '1');
}

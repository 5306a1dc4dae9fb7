import type { FastifyInstance, FastifyRequest } from 'fastify';
import { assertBuilding } from '../services/scope.ts';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// The buildings a request names where the API names them: path `:b`, query `building`,
// body `building` and `buildings`. New routes that follow these names are scoped for free.
export function namedBuildings(req: FastifyRequest): string[] {
  const out: string[] = [];
  const take = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') out.push(x);
  };
  if (isRecord(req.params)) take(req.params.b);
  if (isRecord(req.query)) take(req.query.building);
  if (isRecord(req.body)) {
    take(req.body.building);
    take(req.body.buildings);
  }
  return out;
}

// After validation and before any handler: a scoped account naming a building outside its
// scope gets 404 `not_found` as if the building did not exist, and nothing runs.
export function installScopeGuard(app: FastifyInstance): void {
  app.addHook('preHandler', async (req) => {
    const actor = req.actor;
    if (!actor || actor.buildings === null) return;
    for (const b of namedBuildings(req)) assertBuilding(actor, b);
  });
}

import type { FastifyInstance } from 'fastify';
import { STABLE_API } from '#shared/stable-api';

interface OpenApiDoc {
  paths?: Record<string, Record<string, Record<string, unknown>>>;
}

// The hub's OpenAPI document as served and as exported to docs/openapi.json, with the
// stable calls marked so an integrator knows which shapes are promised.
export function openapiDocument(app: FastifyInstance): OpenApiDoc {
  const doc = structuredClone(app.swagger()) as OpenApiDoc;
  for (const [method, path] of STABLE_API) {
    const op = doc.paths?.[path]?.[method];
    if (op) op['x-stable'] = true;
  }
  return doc;
}

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import staticFiles from '@fastify/static';
import type { Route } from '../server.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

// Each front end is built by Vite into its dist folder and served under its own prefix;
// any page path below the prefix gets the app's index.html (client routing). A missing
// file (a name with an extension, such as an asset of an older build) is a 404: an HTML
// page in place of a script would only fail later and more obscurely.
const FILE_NAME = /\/[^/]*\.[A-Za-z0-9]{1,8}$/;
export const APPS = [
  { prefix: '/signage/', dist: join(ROOT, 'signage/dist') },
  { prefix: '/kiosk/', dist: join(ROOT, 'kiosk/dist') },
  { prefix: '/console/', dist: join(ROOT, 'hub/console/dist') },
] as const;

export const appRoutes: Route = (app) => {
  for (const a of APPS) {
    if (!existsSync(join(a.dist, 'index.html'))) {
      app.get(`${a.prefix}*`, { schema: { hide: true } }, async (_req, reply) =>
        reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send(`${a.prefix} is not built: run npm run build`),
      );
      continue;
    }
    void app.register(staticFiles, {
      root: a.dist,
      prefix: a.prefix,
      decorateReply: false,
      wildcard: false,
      index: ['index.html'],
      // Hashed assets never change; the HTML and the service worker must always be checked.
      setHeaders(res, path) {
        const immutable =
          /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2|png|svg)$/.test(path) && path.includes('/assets/');
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // Read per request rather than cached, so a rebuild is served without a restart.
    app.get(`${a.prefix}*`, { schema: { hide: true } }, async (req, reply) => {
      if (FILE_NAME.test(req.url.split('?')[0] ?? '')) return reply.callNotFound();
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(await readFile(join(a.dist, 'index.html')));
    });
  }
  for (const a of APPS)
    app.get(a.prefix.slice(0, -1), { schema: { hide: true } }, async (_req, reply) =>
      reply.redirect(a.prefix),
    );
};

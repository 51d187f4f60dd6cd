/** What the live service adds to the API app: the dashboard's static files at `/` (built by `npm run build:web` into web/dist). */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** web/dist of the package (src/service or dist/service → ../../web/dist). */
export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function addDashboard(app: FastifyInstance, webRoot = WEB_DIST): Promise<{ dashboard: boolean }> {
  const dashboard = existsSync(resolve(webRoot, 'index.html'));
  if (dashboard) await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'], wildcard: false });
  return { dashboard };
}

/**
 * The web application (web/dist, built by `npm run build:web`) on the same origin as the API: its files as they
 * are, and index.html for any other path outside /api, so that the browser's router takes the address. When the web
 * has not been built, `/` answers a page saying how to build it; API routes and /api/docs keep priority (they are
 * more specific).
 */
import { existsSync, statSync } from 'node:fs';
import { posix, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { interpolate, ERROR_TEXTS } from '../shared/messages.js';
import { languageOf } from './request-context.js';

export const WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Built files have hashed names under assets/: they never change, so browsers may keep them. */
const ASSETS = `${sep}assets${sep}`;

function fileIn(root: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const file = resolve(root, `.${decoded}`);
  if (!file.startsWith(root)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file.slice(root.length) : undefined;
}

/**
 * Whether the path belongs to the API however it is spelled: decoded, its dot segments and doubled slashes
 * resolved, in any case. The API's own routes took every spelling the router reads as theirs; any other spelling
 * is left to the 404 answer, never to index.html.
 */
function isApiPath(url: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(url.split('?')[0] ?? '/');
  } catch {
    return true;
  }
  const normal = posix.normalize(path.replaceAll('\\', '/')).toLowerCase();
  return normal === '/api' || normal.startsWith('/api/');
}

/** The command that builds the web application, as package.json names it. */
const BUILD_COMMAND = 'npm run build:web';

export async function webApp(app: FastifyInstance, options: { root?: string } = {}): Promise<void> {
  const root = options.root ?? WEB_ROOT;
  if (!existsSync(`${root}index.html`)) {
    // A checkout run before its build: the browser's first address says what to do, not "record not found".
    app.get('/', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
      const lang = languageOf(request);
      const text = interpolate(ERROR_TEXTS[lang].web_not_built, { command: BUILD_COMMAND });
      return reply
        .status(503)
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>aqparat</title></head>` +
            `<body><h1>aqparat</h1><p>${text}</p><pre>${BUILD_COMMAND}</pre></body></html>`,
        );
    });
    return;
  }
  await app.register(fastifyStatic, { root, serve: false });
  // Public: the web application's files hold no data; it signs in through the API.
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
    if (isApiPath(request.url)) return reply.callNotFound();
    const file = fileIn(root, request.url);
    if (file) {
      const cached = file.startsWith(ASSETS.slice(1));
      return reply.sendFile(file, { maxAge: cached ? '365d' : 0, immutable: cached });
    }
    // index.html names the current assets: always asked again.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}

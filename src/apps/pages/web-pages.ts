import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { HttpRoute } from '../../shared/http-route';

/** Where Vite writes the pages (web/vite.config.mts): dist/web under the project's root. */
export function defaultWebDir(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/**
 * What a page may load: only this origin (scripts, styles, fonts, workers, the API). The browser
 * itself then refuses anything from another host. Inline styles are needed by the editor (Monaco)
 * and by ECharts; no inline script is.
 */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

interface BuiltFile {
  body: Buffer;
  gzipped?: Buffer;
  type: string;
}

export interface WebPagesOptions {
  /** The built pages (default: dist/web, see `defaultWebDir`). */
  dir?: string;
  /** Serve `/graphiql` (HUB_GRAPHIQL; off in production unless asked for). */
  graphiql: boolean;
  /**
   * Whether the hub answers introspection (HUB_SCHEMA_HINTS). Written into the GraphiQL page as
   * `data-schema-hints` so that it does not ask for a schema the hub refuses to give.
   */
  schemaHints: boolean;
}

const PAGES: Record<string, string> = { '/graphiql': 'graphiql/index.html', '/dashboard': 'dashboard/index.html', '/public': 'public/index.html' };

/**
 * `GET /graphiql`, `/dashboard`, `/public` and their `/assets/*`, from the files Vite built. The set
 * of files is read once, when the hub starts (they change only with a build): a request is answered
 * from that map by exact name, so no part of a URL ever becomes a file-system path. Hand-written
 * rather than a static-file middleware because of exactly that: nothing to resolve, nothing to
 * traverse. `/` leads to the public portal.
 */
export function webPagesRoute(options: WebPagesOptions): HttpRoute {
  const dir = options.dir ?? defaultWebDir();
  const files = new Map<string, BuiltFile>();
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(dir, full).split(sep).join('/'), { body: readFileSync(full), type: CONTENT_TYPES[extname(name)] ?? 'application/octet-stream' });
    }
  };
  if (existsSync(dir)) walk(dir);
  const graphiqlPage = files.get(PAGES['/graphiql']);
  if (graphiqlPage) {
    graphiqlPage.body = Buffer.from(graphiqlPage.body.toString('utf8').replace('<div id="root">', `<div id="root" data-schema-hints="${options.schemaHints ? 'on' : 'off'}">`));
  }

  const send = (request: IncomingMessage, response: ServerResponse, file: BuiltFile, cache: string) => {
    const headers: Record<string, string> = {
      'content-type': file.type,
      'cache-control': cache,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      vary: 'accept-encoding',
    };
    if (file.type.startsWith('text/html')) headers['content-security-policy'] = PAGE_CSP;
    let body = file.body;
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) && file.body.length > 1024 && !file.type.startsWith('font/') && !file.type.startsWith('image/png')) {
      body = file.gzipped ??= gzipSync(file.body);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(body.length);
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  const notFound = (response: ServerResponse, message: string) => {
    response.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ errors: [{ message, extensions: { code: 'NOT_FOUND' } }] }));
  };

  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = (request.url ?? '/').split('?')[0].replace(/\/+$/, '') || '/';
    if (path === '/') {
      response.writeHead(302, { location: '/public' });
      response.end();
      return true;
    }
    const page = PAGES[path];
    if (page) {
      if (path === '/graphiql' && !options.graphiql) {
        notFound(response, 'GraphiQL is not served here: set HUB_GRAPHIQL=1 to serve it (off by default with NODE_ENV=production)');
        return true;
      }
      const file = files.get(page);
      if (!file) {
        response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`The browser pages are not built (${dir} is missing or incomplete): run "npm run build".\n`);
        return true;
      }
      send(request, response, file, 'no-cache');
      return true;
    }
    if (path.startsWith('/assets/')) {
      const file = files.get(path.slice(1));
      if (!file) notFound(response, `no asset ${path}`);
      // Names carry a content hash: a changed file has a new name.
      else send(request, response, file, 'public, max-age=31536000, immutable');
      return true;
    }
    return false;
  };
}

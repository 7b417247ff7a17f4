import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webPagesRoute } from '../src/apps/pages/web-pages';
import { loadConfig } from '../src/shared/config';
import type { RouteTools } from '../src/shared/http-route';
import { EXAMPLES } from '../web/graphiql/examples';

/** The built pages as the hub serves them, and GraphiQL's preloaded examples against the API schema. */

const NO_TOOLS = {} as RouteTools;
const servers: Server[] = [];

/** The pages' route alone on a free port (the whole hub serves it the same way: test/browser.test.ts). */
async function serve(graphiql: boolean, schemaHints = false): Promise<string> {
  const route = webPagesRoute({ graphiql, schemaHints });
  const server = createServer((request, response) => {
    void route(request, response, NO_TOOLS).then((handled) => {
      if (!handled) {
        response.writeHead(418);
        response.end();
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(() => {
  execFileSync(process.execPath, [join(__dirname, '../web/build.mjs')], { stdio: 'inherit' });
}, 240_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('GraphiQL examples', () => {
  it('are valid operations of the served API schema (schema/api.graphql)', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '../schema/api.graphql'), 'utf8'));
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(6);
    for (const example of EXAMPLES) expect(validate(schema, parse(example.query)).map((e) => e.message), example.title).toEqual([]);
  });
});

describe('the pages route', () => {
  it('tells GraphiQL whether the hub answers introspection, so that it asks for no schema it would be refused', async () => {
    for (const hints of [true, false]) {
      const html = await (await fetch(`${await serve(true, hints)}/graphiql`)).text();
      expect(html).toContain(`<div id="root" data-schema-hints="${hints ? 'on' : 'off'}">`);
    }
  });

  it('serves each page with a same-origin-only policy and hashed assets as immutable', async () => {
    const origin = await serve(true);
    for (const path of ['/graphiql', '/dashboard', '/public', '/public/']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
      const html = await response.text();
      // Nothing from another host: every script and style is a path on this origin.
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
      const asset = await fetch(`${origin}${script}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
  });

  it('answers an unknown asset, and any path that is not a built file’s name, 404', async () => {
    const origin = await serve(true);
    // Sent as written (fetch would resolve the dots before sending).
    const raw = (path: string) => new Promise<number>((resolve, reject) => get(`${origin}/`, { path }, (r) => (r.resume(), resolve(r.statusCode!))).on('error', reject));
    for (const path of ['/assets/nothing.js', '/assets/../package.json', '/assets/../../package.json', '/assets/%2e%2e/package.json', '/assets/..%2fpackage.json']) {
      expect(await raw(path), path).toBe(404);
    }
    expect((await fetch(`${origin}/elsewhere`)).status).toBe(418); // not the route's: the next route or the hub's 404
  });

  it('sends / to the public portal', async () => {
    const origin = await serve(true);
    const response = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/public');
  });

  it('serves GraphiQL in production only when HUB_GRAPHIQL asks for it', async () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphiql).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', HUB_GRAPHIQL: '1' }).graphiql).toBe(true);
    expect(loadConfig({}).graphiql).toBe(true);
    expect(loadConfig({ HUB_GRAPHIQL: '0' }).graphiql).toBe(false);
    const origin = await serve(false);
    const response = await fetch(`${origin}/graphiql`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0].message).toContain('HUB_GRAPHIQL=1');
    expect((await fetch(`${origin}/dashboard`)).status).toBe(200);
  });
});

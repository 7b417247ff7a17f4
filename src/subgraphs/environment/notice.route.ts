import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { ENV_STAFF } from '../../shared/auth/rules';
import type { Role } from '../../shared/auth/principal';
import type { HubContext } from '../../shared/context';
import { HubError } from '../../shared/errors';
import type { HttpRoute, RouteTools } from '../../shared/http-route';
import { createEnvironmentServices } from './environment.services';

/** Who may read notices: the same cells as the `creditNotice` query. */
export const NOTICE_READERS: Role[] = [...ENV_STAFF, 'CREDIT_OFFICE'];

const NOTICE_PATH = /^\/notices\/([^/]+)$/;

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * `GET /notices/<number>`: the printable HTML page of a credit record notice, for an authenticated
 * caller allowed to read notices (an ENV_OFFICER only for its own district; any other notice is
 * answered as if it did not exist): 401 for a bad credential, 403 for a role that may not, 404 otherwise.
 * A page served is an audited read of the subject (recorded as `Query.creditNotice`).
 */
export function noticeRoute(dataSource: DataSource): HttpRoute {
  const { notices } = createEnvironmentServices(dataSource);
  return async (request: IncomingMessage, response: ServerResponse, { principal, audit }: RouteTools): Promise<boolean> => {
    const match = NOTICE_PATH.exec((request.url ?? '/').split('?')[0]);
    if (!match) return false;
    if (request.method !== 'GET') {
      sendError(response, 405, 'BAD_USER_INPUT', 'use GET /notices/<number>');
      return true;
    }
    // Expected refusals are answered here rather than thrown, so they are not logged as failures.
    let ctx: HubContext;
    try {
      ctx = await principal();
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      const code = String(error.extensions.code);
      sendError(response, code === 'UNAUTHENTICATED' ? 401 : 403, code, error.message);
      return true;
    }
    if (!NOTICE_READERS.includes(ctx.principal.role)) {
      sendError(response, 403, 'FORBIDDEN', `role ${ctx.principal.role} may not read credit record notices`);
      return true;
    }
    let number: string;
    try {
      number = decodeURIComponent(match[1]);
    } catch {
      sendError(response, 400, 'BAD_USER_INPUT', 'the notice number is not valid URL encoding');
      return true;
    }
    const html = await notices.html(ctx, number);
    if (!html) {
      sendError(response, 404, 'NOT_FOUND', `no credit record notice ${number}`);
      return true;
    }
    // The read is recorded before the page leaves, like a `creditNotice` query.
    await audit(ctx, 'Query.creditNotice');
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    response.end(html);
    return true;
  };
}

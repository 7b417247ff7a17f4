import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { ENV_STAFF } from '../../shared/auth/rules';
import type { Role } from '../../shared/auth/principal';
import { checkNoticeLink } from './services/notice-link';
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
 * The printable page of a notice as `reader` may see it (null: unknown or outside its district),
 * noting the subject in `ctx.touchedUsccs`: the environment's CreditNoticeService in this process
 * (localNoticePages), or the environment department's process asked over the gateway's link.
 */
export type NoticePages = (ctx: HubContext, number: string) => Promise<string | null>;

/** The pages of the environment department in this process, read over its DataSource. */
export function localNoticePages(dataSource: DataSource): NoticePages {
  const { notices } = createEnvironmentServices(dataSource);
  return (ctx, number) => notices.html(ctx, number);
}

/**
 * `GET /notices/<number>`: the printable HTML page of a credit record notice, for an authenticated
 * caller allowed to read notices (an ENV_OFFICER only for its own district; any other notice is
 * answered as if it did not exist): 401 for a bad credential, 403 for a role that may not, 404 otherwise.
 * A page served is an audited read of the subject (recorded as `Query.creditNotice`).
 *
 * `GET /notices/<number>?exp=…&client=…&role=…&district=…&sig=…` (a `CreditNotice.printUrl`) needs
 * no credential: it names the reader it was minted for, and is served as that reader, within its scope
 * now: 403 when the signature does not match (or is not in its canonical form), when the reader's
 * API client was revoked or its role changed, or when the notice's subject is no longer in the
 * reader's district; 410 when it has expired. The read is audited under that reader's client and role.
 *
 * Every check is made here, in the process that answers the caller, whichever process reads the page.
 */
export function noticeRoute(pages: NoticePages): HttpRoute {
  return async (request: IncomingMessage, response: ServerResponse, { principal, vouchedFor, readerNow, audit }: RouteTools): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://hub.invalid');
    const match = NOTICE_PATH.exec(url.pathname);
    if (!match) return false;
    if (request.method !== 'GET') {
      sendError(response, 405, 'BAD_USER_INPUT', 'use GET /notices/<number>');
      return true;
    }
    let number: string;
    try {
      number = decodeURIComponent(match[1]);
    } catch {
      sendError(response, 400, 'BAD_USER_INPUT', 'the notice number is not valid URL encoding');
      return true;
    }
    // Expected refusals are answered here rather than thrown, so they are not logged as failures.
    let ctx: HubContext;
    if (url.searchParams.has('sig') || url.searchParams.has('exp')) {
      const check = checkNoticeLink(number, url.searchParams);
      if (check.outcome === 'forged') {
        sendError(response, 403, 'FORBIDDEN', `the signature of this link to notice ${number} is not valid; ask the hub for a new printUrl`);
        return true;
      }
      if (check.outcome === 'expired') {
        sendError(response, 410, 'LINK_EXPIRED', `this link to notice ${number} has expired; ask the hub for a new printUrl`);
        return true;
      }
      const reader = await readerNow(check.reader);
      if (!reader || reader.role !== check.reader.role || !NOTICE_READERS.includes(reader.role)) {
        const why = !reader ? `its client ${check.reader.clientId} is revoked or unknown` : `client ${reader.clientId} is now ${reader.role}, not ${check.reader.role}`;
        sendError(response, 403, 'FORBIDDEN', `this link to notice ${number} was made for a reader who may no longer read it (${why}); ask the hub for a new printUrl`);
        return true;
      }
      ctx = vouchedFor(reader);
      const html = await pages(ctx, number);
      if (!html) {
        // The signature proves the notice exists: the reader's scope now leaves its subject out.
        sendError(response, 403, 'FORBIDDEN', `notice ${number} is outside the scope of the reader this link was made for${reader.districtCode ? ` (district ${reader.districtCode})` : ''}; ask the hub for a new printUrl`);
        return true;
      }
      await audit(ctx, 'Query.creditNotice');
      sendPage(response, html);
      return true;
    } else {
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
    }
    const html = await pages(ctx, number);
    if (!html) {
      sendError(response, 404, 'NOT_FOUND', `no credit record notice ${number}`);
      return true;
    }
    // The read is recorded before the page leaves, like a `creditNotice` query.
    await audit(ctx, 'Query.creditNotice');
    sendPage(response, html);
    return true;
  };
}

function sendPage(response: ServerResponse, html: string): void {
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  response.end(html);
}

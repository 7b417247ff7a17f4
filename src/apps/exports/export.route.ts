import type { IncomingMessage, ServerResponse } from 'node:http';
import { HubError } from '../../shared/errors';
import type { HttpRoute, RouteTools } from '../../shared/http-route';
import { log } from '../../shared/logging';
import { MAX_PORTFOLIO_CODES, parseCodes, type ExportParameters } from './export-views';
import { EXPORT_ENCODINGS, type ExportEncoding, type ExportService } from './export.service';

const EXPORT_PATH = /^\/exports\/([a-z-]+)\.csv$/;
/** A posted codes file: MAX_PORTFOLIO_CODES lines of a code and a line break, with room for a header and CRLF. */
const MAX_CODES_BYTES = MAX_PORTFOLIO_CODES * 21 + 1024;

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503, INTERNAL: 500 };

function sendError(response: ServerResponse, code: string, message: string, retryAfter?: unknown): void {
  response.writeHead(STATUS[code] ?? 400, { 'content-type': 'application/json; charset=utf-8', ...(typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {}) });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** The posted body as text, refused past `limit` bytes (read and thrown away, never kept). */
function readText(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => (size > limit ? reject(new HubError('BAD_USER_INPUT', `the codes file is over ${limit} bytes (at most ${MAX_PORTFOLIO_CODES} codes)`)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

/**
 * `GET /exports/<view>.csv` (and `POST` with a codes file for the portfolio): the CSV of an export
 * view, authenticated like `/graphql` (a bearer API key or JWT, X-Access-Purpose for banks and
 * utilities, none = PUBLIC), refused with a JSON error and its status before any byte of CSV when
 * the caller may not or the parameters are wrong.
 *
 * Query parameters: `encoding=utf8` (default, with a BOM, for spreadsheets) or `gb18030`;
 * `period=2026-H2` (surcharges); `codes=<USCC>,<USCC>…` (portfolio, or POST one code per line).
 */
export function exportRoute(exports: ExportService): HttpRoute {
  return async (request: IncomingMessage, response: ServerResponse, { principal, limitRate }: RouteTools): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://hub.invalid');
    const match = EXPORT_PATH.exec(url.pathname);
    if (!match) return false;
    try {
      if (request.method !== 'GET' && request.method !== 'POST') throw new HubError('BAD_USER_INPUT', `use GET /exports/${match[1]}.csv, or POST a codes file`);
      const encoding = (url.searchParams.get('encoding') ?? 'utf8').toLowerCase();
      if (!(EXPORT_ENCODINGS as readonly string[]).includes(encoding)) {
        throw new HubError('BAD_USER_INPUT', `encoding "${encoding}" must be ${EXPORT_ENCODINGS.join(' or ')}`);
      }
      const ctx = await principal();
      await limitRate(ctx);
      const parameters: ExportParameters = {};
      const period = url.searchParams.get('period');
      if (period !== null) parameters.period = period;
      const listed = url.searchParams.get('codes');
      if (listed !== null) parameters.codes = parseCodes(listed.replace(/,/g, '\n'));
      if (request.method === 'POST') parameters.codes = [...(parameters.codes ?? []), ...parseCodes(await readText(request, MAX_CODES_BYTES))];
      const prepared = await exports.prepare(ctx, match[1], parameters, encoding as ExportEncoding, `${request.method} ${url.pathname}`);
      response.writeHead(200, {
        'content-type': `text/csv; charset=${encoding === 'utf8' ? 'utf-8' : 'GB18030'}`,
        'content-disposition': `attachment; filename="${prepared.view.name}${period ? `-${period}` : ''}.csv"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      const summary = await prepared.writeTo(response);
      log.info('export served', { view: summary.view, rows: summary.rows, requestId: ctx.requestId });
    } catch (error) {
      if (response.headersSent) {
        // Part of the file has left: end the connection so that the reader sees an incomplete file.
        response.destroy();
        if (!(error instanceof HubError)) log.error('export failed part-way', { path: url.pathname, detail: String(error) });
        return true;
      }
      if (!(error instanceof HubError)) throw error;
      sendError(response, String(error.extensions.code), error.message, error.extensions.retryAfter);
    }
    return true;
  };
}

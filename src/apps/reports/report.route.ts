import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../../shared/auth/principal';
import { HUB_SYSTEM_PRINCIPAL, PUBLIC_PRINCIPAL } from '../../shared/auth/principal';
import { rolesFor } from '../../shared/auth/permission-table';
import type { HubContext } from '../../shared/context';
import { HubError } from '../../shared/errors';
import type { HttpRoute, RouteTools } from '../../shared/http-route';
import type { ReportServices } from '.';
import { renderAnnualCsv, renderAnnualPdf } from './render/annual-report.render';
import { COLOR_HEX, COLOR_ZH, zh } from './render/labels';
import type { Verification } from './services/credit-report.service';

const DOCUMENT_PATH = /^\/reports\/([^/]+)\.(pdf|html)$/;
const ANNUAL_PATH = /^\/reports\/annual\/(\d{4})\.(pdf|csv)$/;
const VERIFY_PATH = /^\/verify\/([^/]+)$/;
/** The largest copy of a report accepted for checking (a report PDF is tens of kilobytes). */
const MAX_PRESENTED_BYTES = 5_000_000;

/** Who reads through a signed download link: audited under this client, like a notice's printUrl. */
const SIGNED_LINK_READER: Principal = { ...HUB_SYSTEM_PRINCIPAL, clientId: 'report-link', clientName: 'signed report link' };

const CONTENT_TYPE = { pdf: 'application/pdf', html: 'text/html; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

function send(response: ServerResponse, type: keyof typeof CONTENT_TYPE, body: Buffer | string, filename?: string): void {
  response.writeHead(200, {
    'content-type': CONTENT_TYPE[type],
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    ...(filename ? { 'content-disposition': `inline; filename="${filename}"` } : {}),
  });
  response.end(body);
}

async function authenticated(tools: RouteTools, response: ServerResponse): Promise<HubContext | null> {
  try {
    return await tools.principal();
  } catch (error) {
    if (!(error instanceof HubError)) throw error;
    const code = String(error.extensions.code);
    sendError(response, code === 'UNAUTHENTICATED' ? 401 : 403, code, error.message);
    return null;
  }
}

/**
 * Counts an anonymous request (a PUBLIC caller, limited per address, as on `/graphql`); past the
 * limit answers 429 with Retry-After and resolves false.
 */
async function withinRate(tools: RouteTools, response: ServerResponse): Promise<boolean> {
  try {
    await tools.limitRate(tools.vouchedFor(PUBLIC_PRINCIPAL));
    return true;
  } catch (error) {
    if (!(error instanceof HubError) || error.extensions.code !== 'RATE_LIMITED') throw error;
    const retryAfter = Number(error.extensions.retryAfter ?? 60);
    response.writeHead(429, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfter), 'cache-control': 'no-store' });
    const message = `too many verification requests from this address; retry after ${retryAfter} s`;
    response.end(JSON.stringify({ errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfter } }] }));
    return false;
  }
}

function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PRESENTED_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_PRESENTED_BYTES ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** The report number of a path, or null after answering 400 for bad URL encoding or an overlong number. */
function decodedNumber(raw: string, response: ServerResponse): string | null {
  let number: string;
  try {
    number = decodeURIComponent(raw);
  } catch {
    sendError(response, 400, 'BAD_USER_INPUT', 'the report number is not valid URL encoding');
    return null;
  }
  if (number.length > 32) {
    sendError(response, 400, 'BAD_USER_INPUT', 'a report number has at most 32 characters (e.g. XYBG-2026-00000001)');
    return null;
  }
  return number;
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function verificationPage(v: Verification): string {
  const verdict = v.valid ? '✔ 报告真实、未被篡改且在有效期内' : `✘ ${v.problem ?? '报告无效'}`;
  const color = v.colorNow ? `<span style="background:${COLOR_HEX[v.colorNow]};color:#fff;padding:.1rem .5rem;border-radius:.3rem">${zh(COLOR_ZH, v.colorNow)}</span>` : '未评价';
  const rows: [string, string][] = [
    ['报告编号', v.number],
    ['真实性', v.genuine ? '真实' : '不能确认'],
    ['完整性', v.unaltered ? '未被篡改' : '不能确认（内容与签名不符）'],
    ['有效期', v.validUntil ? `${v.validUntil}${v.expired ? '（已过期）' : ''}` : '—'],
    ['主体', v.subjectName ? `${v.subjectName}（${v.uscc}）` : '—'],
    ['信息截止日', v.asOf ?? '—'],
  ];
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>信用报告核验 ${escape(v.number)}</title>
<style>body{font-family:"Noto Sans SC",sans-serif;max-width:40rem;margin:2rem auto}td{padding:.3rem .6rem;border-bottom:1px solid #ddd}</style></head><body>
<h1>信用报告核验</h1><p><strong>${escape(verdict)}</strong></p><table>${rows.map(([k, val]) => `<tr><td>${escape(k)}</td><td>${escape(val)}</td></tr>`).join('')}
<tr><td>当前评价颜色（${escape(v.colorNowOn)}）</td><td>${color}</td></tr></table></body></html>`;
}

/**
 * The reports' HTTP surface:
 * - `GET|POST /verify/<number>?code=<verificationCode>` — no credential: genuine, unaltered, expired,
 *   valid, and the subject's colour today; JSON, or HTML for a browser (`Accept: text/html` or
 *   `?format=html`). A POST body is a copy of the PDF or HTML someone holds, checked byte for byte.
 *   Limited per address like anonymous `/graphql` callers (HUB_RATE_LIMIT, HUB_RATE_WINDOW_MS): 429 with Retry-After past it.
 * - `GET /reports/<number>.pdf|.html` — with a signed link (`pdfUrl`, `htmlUrl`), or authenticated as a
 *   reader of that report; served as stored, and recorded as a `Query.creditReport` read.
 * - `GET /reports/annual/<year>.pdf|.csv` — authenticated, the roles of `annualSupervisionReport`.
 */
export function reportRoute(reports: () => ReportServices, bureau: string): HttpRoute {
  return async (request, response, tools) => {
    const url = new URL(request.url ?? '/', 'http://hub.invalid');
    let match: RegExpExecArray | null;
    if ((match = VERIFY_PATH.exec(url.pathname))) {
      if (request.method !== 'GET' && request.method !== 'POST') {
        sendError(response, 405, 'BAD_USER_INPUT', 'use GET /verify/<number>?code=…, or POST a copy of the report to it');
        return true;
      }
      // Anonymous, and each check costs a signature check and a database read: counted against the
      // caller's address like every anonymous caller of /graphql, before anything is read or checked.
      if (!(await withinRate(tools, response))) return true;
      const presented = request.method === 'POST' ? await readBody(request) : undefined;
      if (presented === null) {
        sendError(response, 400, 'BAD_USER_INPUT', `the copy presented is over ${MAX_PRESENTED_BYTES} bytes`);
        return true;
      }
      const number = decodedNumber(match[1], response);
      if (number === null) return true;
      const verification = await reports().credit.verify(number, url.searchParams.get('code'), presented);
      const wantsHtml = url.searchParams.get('format') === 'html' || (url.searchParams.get('format') !== 'json' && (request.headers.accept ?? '').includes('text/html'));
      if (wantsHtml) send(response, 'html', verificationPage(verification));
      else {
        response.writeHead(verification.found ? 200 : 404, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        response.end(JSON.stringify(verification));
      }
      return true;
    }
    if ((match = ANNUAL_PATH.exec(url.pathname))) {
      const ctx = await authenticated(tools, response);
      if (!ctx) return true;
      if (!rolesFor('Query.annualSupervisionReport').includes(ctx.principal.role)) {
        sendError(response, 403, 'FORBIDDEN', `role ${ctx.principal.role} may not read the yearly summary`);
        return true;
      }
      const year = Number(match[1]);
      const format = match[2] as 'pdf' | 'csv';
      const data = await reports().annual.build(ctx.principal, year);
      await tools.audit(ctx, 'Query.annualSupervisionReport');
      if (format === 'csv') send(response, 'csv', renderAnnualCsv(data), `annual-${year}.csv`);
      else send(response, 'pdf', await renderAnnualPdf(data, bureau, new Date()), `annual-${year}.pdf`);
      return true;
    }
    if ((match = DOCUMENT_PATH.exec(url.pathname))) {
      const number = decodedNumber(match[1], response);
      if (number === null) return true;
      const format = match[2] as 'pdf' | 'html';
      let ctx: HubContext;
      let reader: Principal | 'link';
      if (url.searchParams.has('sig') || url.searchParams.has('exp')) {
        const check = reports().credit.checkLink(number, format, url.searchParams.get('exp'), url.searchParams.get('sig'));
        if (check !== 'valid') {
          sendError(response, check === 'expired' ? 410 : 403, check === 'expired' ? 'LINK_EXPIRED' : 'FORBIDDEN', `this link to report ${number} is ${check === 'expired' ? 'expired' : 'not valid'}; ask creditReport(number:) for new links`);
          return true;
        }
        ctx = tools.vouchedFor(SIGNED_LINK_READER);
        reader = 'link';
      } else {
        const authed = await authenticated(tools, response);
        if (!authed) return true;
        ctx = authed;
        reader = ctx.principal;
      }
      const document = await reports().credit.document(reader, number, format);
      if (!document) {
        sendError(response, 404, 'NOT_FOUND', `no credit report ${number}`);
        return true;
      }
      ctx.touchedUsccs.add(document.uscc);
      await tools.audit(ctx, 'Query.creditReport');
      send(response, format, document.body, `${number}.${format}`);
      return true;
    }
    return false;
  };
}

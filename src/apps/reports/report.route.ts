import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../../shared/auth/principal';
import { HUB_SYSTEM_PRINCIPAL, PUBLIC_PRINCIPAL } from '../../shared/auth/principal';
import { rolesFor } from '../../shared/auth/permission-table';
import type { HubContext } from '../../shared/context';
import { HubError } from '../../shared/errors';
import type { HttpRoute, RouteTools } from '../../shared/http-route';
import type { ReportServices } from '.';
import { renderAnnualCsv, renderAnnualPdf } from './render/annual-report.render';
import { beijingTime, COLOR_HEX, COLOR_ZH, PURPOSE_ZH, zh, zhDate } from './render/labels';
import { checkReportNumber } from './report-number';
import type { Verification, VerificationWithheld } from './services/credit-report.service';

const DOCUMENT_PATH = /^\/reports\/([^/]+)\.(pdf|html)$/;
const ANNUAL_PATH = /^\/reports\/annual\/(\d{4})\.(pdf|csv)$/;
const VERIFY_PATH = /^\/verify\/([^/]+)$/;
const KEYS_PATH = /^\/verify\/keys(?:\/(ed25519|sm2)\.pem)?$/;
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

/**
 * What a POSTed copy must be: a PDF (`application/pdf`, starting `%PDF-`) or an HTML page
 * (`text/html`, starting `<!doctype html` or `<html`); null when it is, else why not.
 */
function presentedProblem(contentType: string | undefined, body: Buffer): string | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const head = body.subarray(0, 64).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  const pdf = head.startsWith('%pdf-');
  const html = head.startsWith('<!doctype html') || head.startsWith('<html');
  if (type === 'application/pdf' && pdf) return null;
  if (type === 'text/html' && html) return null;
  if ((type === 'application/octet-stream' || type === '') && (pdf || html)) return null;
  return `POST the report as it was issued: a PDF (Content-Type: application/pdf) or its HTML page (Content-Type: text/html); this body ${pdf ? 'is a PDF' : html ? 'is HTML' : 'is neither'} and says ${type || 'no type'}`;
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
    sendError(response, 400, 'BAD_USER_INPUT', 'a report number has at most 32 characters (e.g. XYBG-2026-7KQ2M9XPH4R)');
    return null;
  }
  return number;
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:"Noto Sans SC",sans-serif;max-width:40rem;margin:2rem auto}td{padding:.3rem .6rem;border-bottom:1px solid #ddd}</style></head><body>
<h1>信用报告核验</h1>${body}</body></html>`;

function verificationPage(v: Verification): string {
  const verdict = v.valid ? '✔ 报告真实、未被篡改且在有效期内' : `✘ ${v.problem ?? '报告无效'}`;
  const color = v.colorNow ? `<span style="background:${COLOR_HEX[v.colorNow]};color:#fff;padding:.1rem .5rem;border-radius:.3rem">${zh(COLOR_ZH, v.colorNow)}</span>` : '未评价';
  const rows: [string, string][] = [
    ['报告编号', v.number],
    ['真实性', v.genuine ? '真实（签名有效）' : '不能确认'],
    ['完整性', v.unaltered ? '未被篡改' : '不能确认（内容与签名不符）'],
    ...(v.issued === null ? [] : ([['所提交的文件', v.issued ? '与出具的原件完全一致' : '不是出具的原件']] as [string, string][])),
    ['出具时间', v.issuedAt ? `${beijingTime(v.issuedAt)}（北京时间）` : '—'],
    ['有效期至', v.validUntil ? `${zhDate(v.validUntil)}${v.expired ? '（已过期）' : ''}` : '—'],
    ['主体', v.subjectName ? `${v.subjectName}（${v.uscc}）` : '—'],
    ['查询用途', v.purpose ? zh(PURPOSE_ZH, v.purpose) : '—'],
    ['信息截止日', v.asOf ? zhDate(v.asOf) : '—'],
  ];
  return page(
    `信用报告核验 ${v.number}`,
    `<p><strong>${escape(verdict)}</strong></p><table>${rows.map(([k, val]) => `<tr><td>${escape(k)}</td><td>${escape(val)}</td></tr>`).join('')}
<tr><td>当前评价颜色（${escape(zhDate(v.colorNowOn))}）</td><td>${color}</td></tr></table>`,
  );
}

/** The page for someone without the code: whether the number exists, and where to give the code. */
function withheldPage(v: VerificationWithheld): string {
  const said = !v.found ? '查无此编号的报告。' : v.issued === false ? '该编号的报告存在，但所提交的文件不是出具的原件。' : '该编号的报告存在。请输入报告上印制的验证码，查看核验结果。';
  return page(
    `信用报告核验 ${v.number}`,
    `<p>报告编号 ${escape(v.number)}：${escape(said)}</p>${v.found ? `<form method="get"><label>验证码 <input name="code" required autocomplete="off"></label><input type="hidden" name="format" value="html"> <button>核验</button></form>` : ''}`,
  );
}

/**
 * The reports' HTTP surface:
 * - `GET|POST /verify/<number>?code=<verificationCode>` — no credential: genuine, unaltered, expired,
 *   valid, and the subject's colour today; JSON, or HTML for a browser (`Accept: text/html` or
 *   `?format=html`). A POST body is a copy of the PDF or HTML someone holds, checked byte for byte
 *   (`issued`); an exact copy stands for the code. Without the right code or an exact copy, only
 *   `found`. A number of the wrong form or with a wrong check character is refused (400).
 *   Limited per address like anonymous `/graphql` callers (HUB_RATE_LIMIT, HUB_RATE_WINDOW_MS): 429 with Retry-After past it.
 * - `GET /verify/keys` (JSON), `/verify/keys/ed25519.pem`, `/verify/keys/sm2.pem` — the public keys
 *   that check the reports' signatures.
 * - `GET /reports/<number>.pdf|.html` — with a signed link (`pdfUrl`, `htmlUrl`), or authenticated as a
 *   reader of that report; served as stored, and recorded as a `Query.creditReport` read.
 * - `GET /reports/annual/<year>.pdf|.csv` — authenticated, the roles of `annualSupervisionReport`.
 */
export function reportRoute(reports: () => ReportServices, bureau: string): HttpRoute {
  return async (request, response, tools) => {
    const url = new URL(request.url ?? '/', 'http://hub.invalid');
    let match: RegExpExecArray | null;
    if ((match = KEYS_PATH.exec(url.pathname))) {
      const keys = reports().credit.publicKeys();
      const headers = { 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' };
      if (match[1]) {
        response.writeHead(200, { ...headers, 'content-type': 'application/x-pem-file; charset=us-ascii', 'content-disposition': `inline; filename="report-${match[1]}.pem"` });
        response.end(keys[match[1] as 'ed25519' | 'sm2']);
      } else {
        response.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8' });
        response.end(
          JSON.stringify({
            ed25519: { algorithm: 'Ed25519 (RFC 8032)', publicKey: keys.ed25519, pem: '/verify/keys/ed25519.pem' },
            sm2: { algorithm: 'SM2 with SM3 (GB/T 32918.2, GB/T 32905), distinguishing ID empty', publicKey: keys.sm2, pem: '/verify/keys/sm2.pem' },
          }),
        );
      }
      return true;
    }
    if ((match = VERIFY_PATH.exec(url.pathname))) {
      if (request.method !== 'GET' && request.method !== 'POST') {
        sendError(response, 405, 'BAD_USER_INPUT', 'use GET /verify/<number>?code=…, or POST a copy of the report to it');
        return true;
      }
      // Anonymous, and each check costs a signature check and a database read: counted against the
      // caller's address like every anonymous caller of /graphql, before anything is read or checked.
      if (!(await withinRate(tools, response))) return true;
      // Read to its end even when too large (only the first MAX_PRESENTED_BYTES are kept), so that the
      // connection stays usable for the answer and the caller's next request.
      const presented = request.method === 'POST' ? await readBody(request) : undefined;
      if (presented === null) {
        sendError(response, 413, 'BAD_USER_INPUT', `the copy presented is over ${MAX_PRESENTED_BYTES} bytes`);
        return true;
      }
      if (presented !== undefined) {
        const problem = presentedProblem(request.headers['content-type'], presented);
        if (problem) {
          sendError(response, 415, 'BAD_USER_INPUT', problem);
          return true;
        }
      }
      const raw = decodedNumber(match[1], response);
      if (raw === null) return true;
      const checked = checkReportNumber(raw);
      if (!checked.ok) {
        sendError(response, 400, 'BAD_USER_INPUT', checked.problem);
        return true;
      }
      const verification = await reports().credit.verify(checked.number, url.searchParams.get('code'), presented);
      const wantsHtml = url.searchParams.get('format') === 'html' || (url.searchParams.get('format') !== 'json' && (request.headers.accept ?? '').includes('text/html'));
      if (wantsHtml) send(response, 'html', 'genuine' in verification ? verificationPage(verification) : withheldPage(verification));
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

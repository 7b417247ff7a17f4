import { createHash, createHmac, hkdfSync, randomInt, sign, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PUBLIC_PRINCIPAL, type Principal } from '../../../shared/auth/principal';
import { reportPurposeProblem } from '../../../shared/auth/purpose';
import type { HubContext } from '../../../shared/context';
import { addDays, today, type IsoDate } from '../../../shared/dates';
import { badInput, forbidden } from '../../../shared/errors';
import { writeTransaction } from '../../../shared/read-snapshot';
import type { HubApi } from '../../../gateway/hub-api';
import type { ReportSigningKey } from '../report-signing-key';
import type { ReportMeta } from '../render/report-meta';
import { renderSubjectHtml } from '../render/subject-report.html';
import { renderSubjectPdf } from '../render/subject-report.pdf';
import { buildSubjectReport, type SubjectReportContent } from './subject-report.builder';

/** Roles that may read any issued report back; every other requester reads only its own. */
const READ_ANY: readonly string[] = ['ENV_ADMIN', 'CREDIT_OFFICE'];
/** Base32 without the characters people misread (0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** How long a download link (pdfUrl, htmlUrl) opens the report without a credential. */
const LINK_TTL_SECONDS = 15 * 60;

export interface IssuedReport {
  number: string;
  uscc: string;
  asOf: IsoDate;
  purpose: string;
  issuedAt: Date;
  validUntil: IsoDate;
  verificationCode: string;
  pdfUrl: string;
  htmlUrl: string;
}

/**
 * What the signature covers: every fact a receiving office relies on, and the SHA-256 of each stored
 * form (the content JSON, the HTML page, the PDF). Stored as the exact text that was signed.
 */
interface Manifest {
  v: 1;
  number: string;
  uscc: string;
  asOf: IsoDate;
  purpose: string;
  role: string;
  clientId: string;
  issuedAt: string;
  validUntil: IsoDate;
  verificationCode: string;
  contentSha256: string;
  htmlSha256: string;
  pdfSha256: string;
}

interface ReportRow {
  number: string;
  uscc: string;
  as_of: string;
  purpose: string;
  client_id: string;
  role: string;
  agency: string | null;
  issued_at: Date;
  valid_until: string;
  content: string;
  html: string;
  pdf: Buffer;
  manifest: string;
  signature: string;
  verification_code: string;
}

export interface Verification {
  number: string;
  /** A report with this number was issued by this hub. */
  found: boolean;
  /** Signed with the hub's key and the code given matches. */
  genuine: boolean;
  /** Every stored form (and the document presented, when one was) has the digest that was signed. */
  unaltered: boolean;
  expired: boolean;
  /** genuine, unaltered and not expired. */
  valid: boolean;
  /** Why not valid, in Chinese, for the receiving office; null when valid. */
  problem: string | null;
  uscc: string | null;
  subjectName: string | null;
  asOf: IsoDate | null;
  issuedAt: string | null;
  validUntil: IsoDate | null;
  purpose: string | null;
  /** The subject's colour today, from the hub's public API; null when not rated (or unknown). */
  colorNow: string | null;
  colorNowOn: IsoDate;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function verificationCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Issues, stores, serves and verifies credit reports (信用报告). The content is what the hub's API
 * answers the requester for the subject on the date (subject-report.builder.ts); the signature is
 * Ed25519 under a key the database does not hold, so neither a forged row nor one edited byte of a
 * stored or printed form passes `verify`.
 */
export class CreditReportService {
  private readonly linkKey: Buffer;

  constructor(
    private readonly gateway: DataSource,
    private readonly api: HubApi,
    private readonly key: ReportSigningKey,
    private readonly options: { validityDays: number; bureau: string },
  ) {
    // Download links are MACed with a key derived from the signing key (never stored either).
    this.linkKey = Buffer.from(hkdfSync('sha256', key.privateKey.export({ format: 'der', type: 'pkcs8' }), 'ecocredit-hub', 'report-link', 32));
  }

  get publicKey(): KeyObject {
    return this.key.publicKey;
  }

  /** Issues a report now (`clock`: the issue instant, for the CLI and tests of expiry). */
  async issue(ctx: HubContext, input: { uscc: string; asOf: IsoDate | null; purpose: string }, clock: Date = new Date()): Promise<IssuedReport> {
    const purpose = input.purpose.trim().toUpperCase();
    const problem = reportPurposeProblem(ctx.principal, purpose);
    if (problem) throw forbidden(problem);
    const issueDay = clock.toISOString().slice(0, 10);
    const asOf = input.asOf ?? issueDay;
    if (asOf > issueDay) throw badInput(`asOf ${asOf} is in the future: a report states facts up to a past or present day`);
    const content = await buildSubjectReport(this.api, ctx.principal, input.uscc, asOf);
    ctx.touchedUsccs.add(input.uscc);
    const [{ seq }] = await this.gateway.query<{ seq: string }[]>(`SELECT nextval('gateway.credit_report_seq') AS seq`);
    // Milliseconds dropped: the printed time and the stored one must be the same instant.
    const issuedAt = new Date(Math.floor(clock.getTime() / 1000) * 1000);
    const number = `XYBG-${issuedAt.getUTCFullYear()}-${seq.padStart(8, '0')}`;
    const meta: ReportMeta = {
      number,
      issuedAt: issuedAt.toISOString(),
      validUntil: addDays(issuedAt.toISOString().slice(0, 10), this.options.validityDays),
      verificationCode: verificationCode(),
      purpose,
      role: ctx.principal.role,
      agency: ctx.principal.agency,
      bureau: this.options.bureau,
      verifyPath: `/verify/${number}`,
    };
    const contentText = JSON.stringify(content);
    const html = renderSubjectHtml(content, meta);
    const pdf = await renderSubjectPdf(content, meta);
    const manifest: Manifest = {
      v: 1,
      number,
      uscc: input.uscc,
      asOf,
      purpose,
      role: ctx.principal.role,
      clientId: ctx.principal.clientId,
      issuedAt: meta.issuedAt,
      validUntil: meta.validUntil,
      verificationCode: meta.verificationCode,
      contentSha256: sha256(contentText),
      htmlSha256: sha256(html),
      pdfSha256: sha256(pdf),
    };
    const manifestText = JSON.stringify(manifest);
    const signature = sign(null, Buffer.from(manifestText), this.key.privateKey).toString('base64url');
    // The issuance commits with its audit record (gateway.audit_outbox), which names the report's
    // purpose: the request's X-Access-Purpose is not sent by roles not bound to one.
    const issuer: HubContext = { ...ctx, principal: { ...ctx.principal, purpose } };
    issuer.touchedUsccs.add(input.uscc);
    await writeTransaction(issuer, this.gateway, (manager) =>
      manager.query(
        `INSERT INTO gateway.credit_report (number, uscc, as_of, purpose, client_id, role, agency, issued_at, valid_until, content, html, pdf, manifest, signature, verification_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [number, input.uscc, asOf, purpose, ctx.principal.clientId, ctx.principal.role, ctx.principal.agency, issuedAt, meta.validUntil, contentText, html, pdf, manifestText, signature, meta.verificationCode],
      ),
    );
    return this.issued(this.rowFacts(number, input.uscc, asOf, purpose, issuedAt, meta.validUntil, meta.verificationCode));
  }

  private rowFacts(number: string, uscc: string, asOf: string, purpose: string, issuedAt: Date, validUntil: string, code: string) {
    return { number, uscc, as_of: asOf, purpose, issued_at: issuedAt, valid_until: validUntil, verification_code: code };
  }

  private issued(row: Pick<ReportRow, 'number' | 'uscc' | 'as_of' | 'purpose' | 'issued_at' | 'valid_until' | 'verification_code'>): IssuedReport {
    return {
      number: row.number,
      uscc: row.uscc,
      asOf: row.as_of,
      purpose: row.purpose,
      issuedAt: row.issued_at,
      validUntil: row.valid_until,
      verificationCode: row.verification_code,
      pdfUrl: this.signedPath(row.number, 'pdf'),
      htmlUrl: this.signedPath(row.number, 'html'),
    };
  }

  private async row(number: string): Promise<ReportRow | null> {
    if (number.length > 32) return null;
    const rows = await this.gateway.query<ReportRow[]>(
      `SELECT number, uscc, to_char(as_of, 'YYYY-MM-DD') AS as_of, purpose, client_id, role, agency, issued_at, to_char(valid_until, 'YYYY-MM-DD') AS valid_until,
              content, html, pdf, manifest, signature, verification_code
         FROM gateway.credit_report WHERE number = $1`,
      [number],
    );
    return rows[0] ?? null;
  }

  private mayRead(principal: Principal, row: ReportRow): boolean {
    return READ_ANY.includes(principal.role) || row.client_id === principal.clientId;
  }

  /** A report as issued; null when unknown or issued to another client (ENV_ADMIN, CREDIT_OFFICE read any). */
  async find(ctx: HubContext, number: string): Promise<IssuedReport | null> {
    const row = await this.row(number);
    if (!row || !this.mayRead(ctx.principal, row)) return null;
    ctx.touchedUsccs.add(row.uscc);
    return this.issued(row);
  }

  /** The stored PDF or HTML for a reader allowed to see it (null otherwise), with the subject's code. */
  async document(principal: Principal | 'link', number: string, format: 'pdf' | 'html'): Promise<{ uscc: string; body: Buffer } | null> {
    const row = await this.row(number);
    if (!row || (principal !== 'link' && !this.mayRead(principal, row))) return null;
    return { uscc: row.uscc, body: format === 'pdf' ? row.pdf : Buffer.from(row.html, 'utf8') };
  }

  signedPath(number: string, format: 'pdf' | 'html', issuedAtMs = Date.now()): string {
    const exp = Math.floor(issuedAtMs / 1000) + LINK_TTL_SECONDS;
    return `/reports/${encodeURIComponent(number)}.${format}?exp=${exp}&sig=${this.linkMac(number, format, exp).toString('base64url')}`;
  }

  /** `valid`, `forged` (signature does not match) or `expired`, for a download link's parameters. */
  checkLink(number: string, format: string, exp: string | null, sig: string | null, nowMs = Date.now()): 'valid' | 'forged' | 'expired' {
    if (!exp || !sig || !/^\d{1,12}$/.test(exp) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return 'forged';
    const expected = this.linkMac(number, format, Number(exp));
    const given = Buffer.from(sig, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
    return Number(exp) * 1000 <= nowMs ? 'expired' : 'valid';
  }

  private linkMac(number: string, format: string, exp: number): Buffer {
    return createHmac('sha256', this.linkKey).update(`${number}.${format}.${exp}`).digest();
  }

  /**
   * Is report `number` genuine (signed by this hub's key, `code` matching), unaltered (every stored
   * form, and `presented` — the bytes of a PDF or HTML copy someone holds — has the signed digest)
   * and valid (not expired)? And the subject's colour today, from the public API.
   */
  async verify(number: string, code: string | null, presented?: Buffer): Promise<Verification> {
    const colorNowOn = today();
    const row = await this.row(number);
    const blank = { number, found: false, genuine: false, unaltered: false, expired: false, valid: false, uscc: null, subjectName: null, asOf: null, issuedAt: null, validUntil: null, purpose: null, colorNow: null, colorNowOn };
    if (!row) return { ...blank, problem: '查无此编号的报告' };
    let manifest: Manifest | null = null;
    let signed = false;
    try {
      signed = verify(null, Buffer.from(row.manifest), this.key.publicKey, Buffer.from(row.signature, 'base64url'));
      manifest = JSON.parse(row.manifest) as Manifest;
    } catch {
      signed = false;
    }
    const problems: string[] = [];
    // The row's own columns must say what was signed (a row with an edited date or subject is not genuine).
    const agrees =
      manifest !== null &&
      manifest.number === row.number &&
      manifest.uscc === row.uscc &&
      manifest.asOf === row.as_of &&
      manifest.purpose === row.purpose &&
      manifest.validUntil === row.valid_until &&
      manifest.issuedAt === row.issued_at.toISOString() &&
      manifest.verificationCode === row.verification_code;
    const codeMatches = code !== null && manifest !== null && sameText(code.trim().toUpperCase(), manifest.verificationCode);
    const genuine = signed && agrees && codeMatches;
    if (!signed || !agrees) problems.push('签名无效：报告不是本系统出具的，或其登记信息被改动');
    else if (!codeMatches) problems.push(code ? '验证码不符' : '未提供验证码');
    const storedIntact =
      manifest !== null && sha256(row.content) === manifest.contentSha256 && sha256(row.html) === manifest.htmlSha256 && sha256(row.pdf) === manifest.pdfSha256;
    const presentedIntact = presented === undefined || (manifest !== null && [manifest.pdfSha256, manifest.htmlSha256].includes(sha256(presented)));
    if (!storedIntact) problems.push('存档内容与签名不符（已被篡改）');
    if (!presentedIntact) problems.push('所提交的文件与出具的报告不一致（已被篡改）');
    const unaltered = signed && storedIntact && presentedIntact;
    const expired = colorNowOn > row.valid_until;
    if (expired) problems.push(`报告已于 ${row.valid_until} 过期`);
    let subjectName: string | null = null;
    try {
      subjectName = (JSON.parse(row.content) as SubjectReportContent).subject.name;
    } catch {
      subjectName = null;
    }
    const now = await this.api.execute<{ enterprise: { name: string; envCredit: { color: string } | null } | null }>(
      PUBLIC_PRINCIPAL,
      'query VerifyReportColor($uscc: USCC!) { enterprise(uscc: $uscc) { name envCredit { color } } }',
      { uscc: row.uscc },
    );
    return {
      number,
      found: true,
      genuine,
      unaltered,
      expired,
      valid: genuine && unaltered && !expired,
      problem: problems.length ? problems.join('；') : null,
      uscc: row.uscc,
      subjectName: subjectName ?? now.data?.enterprise?.name ?? null,
      asOf: row.as_of,
      issuedAt: row.issued_at.toISOString(),
      validUntil: row.valid_until,
      purpose: row.purpose,
      colorNow: now.data?.enterprise?.envCredit?.color ?? null,
      colorNowOn,
    };
  }
}

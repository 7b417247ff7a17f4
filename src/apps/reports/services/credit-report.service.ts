import { createHash, createHmac, hkdfSync, randomInt, sign, timingSafeEqual, verify } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PUBLIC_PRINCIPAL, type Principal } from '../../../shared/auth/principal';
import { reportPurposeProblem } from '../../../shared/auth/purpose';
import type { HubContext } from '../../../shared/context';
import { addDays, today, type IsoDate } from '../../../shared/dates';
import { badInput, forbidden } from '../../../shared/errors';
import { writeTransaction } from '../../../shared/read-snapshot';
import type { HubApi } from '../../../gateway/hub-api';
import { newReportNumber } from '../report-number';
import type { ReportSigningKey } from '../report-signing-key';
import { zhDate } from '../render/labels';
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
  /** SM2/SM3 signature (DER, base64) of the manifest; null on reports issued before SM2 was added. */
  signature_sm2: string | null;
}

/**
 * What `/verify/<number>` answers someone who shows neither the report's verification code nor a copy
 * of the issued document: whether the number exists, nothing else (not the subject, purpose or dates:
 * who applies for loans and bids is not public).
 */
export interface VerificationWithheld {
  number: string;
  found: boolean;
  /** Whether the copy presented is the issued document (POST only; false here). */
  issued?: boolean;
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
  /** Whether the copy presented (POST) is byte for byte the issued PDF or HTML; null when none was presented. */
  issued: boolean | null;
  /**
   * What a third party verifies offline (docs/partners.md): the exact signed text (a JSON manifest
   * holding the SHA-256 of the issued PDF and HTML), its Ed25519 signature and its SM2/SM3 signature
   * (DER), both base64, under the public keys published at /verify/keys.
   */
  manifest: string;
  signatures: { ed25519: string; sm2: string | null };
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
    private readonly options: { validityDays: number; bureau: string; publicUrl: () => string },
  ) {
    // Download links are MACed with a key derived from the signing key (never stored either).
    this.linkKey = Buffer.from(hkdfSync('sha256', key.privateKey.export({ format: 'der', type: 'pkcs8' }), 'ecocredit-hub', 'report-link', 32));
  }

  /** The absolute verify URL printed on report `number` and encoded in its QR code (HUB_PUBLIC_URL). */
  verifyUrl(number: string, code: string): string {
    return `${this.options.publicUrl()}/verify/${encodeURIComponent(number)}?code=${encodeURIComponent(code)}`;
  }

  /** The public keys, SPKI PEM, as published at /verify/keys. */
  publicKeys(): { ed25519: string; sm2: string } {
    return {
      ed25519: this.key.publicKey.export({ type: 'spki', format: 'pem' }) as string,
      sm2: this.key.sm2.publicKey.export({ type: 'spki', format: 'pem' }) as string,
    };
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
    // Milliseconds dropped: the printed time and the stored one must be the same instant.
    const issuedAt = new Date(Math.floor(clock.getTime() / 1000) * 1000);
    // Random (report-number.ts): a collision of two numbers of one year (36^10 of them) fails the
    // primary key and the issuance, never overwrites a report.
    const number = newReportNumber(new Date(issuedAt.getTime() + 8 * 3_600_000).getUTCFullYear());
    const code = verificationCode();
    const meta: ReportMeta = {
      number,
      issuedAt: issuedAt.toISOString(),
      validUntil: addDays(issuedAt.toISOString().slice(0, 10), this.options.validityDays),
      verificationCode: code,
      purpose,
      role: ctx.principal.role,
      agency: ctx.principal.agency,
      bureau: this.options.bureau,
      verifyUrl: this.verifyUrl(number, code),
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
    const signatureSm2 = sign('sm3', Buffer.from(manifestText), this.key.sm2.privateKey).toString('base64');
    // The issuance commits with its audit record (gateway.audit_outbox), which names the report's
    // purpose: the request's X-Access-Purpose is not sent by roles not bound to one.
    const issuer: HubContext = { ...ctx, principal: { ...ctx.principal, purpose } };
    issuer.touchedUsccs.add(input.uscc);
    await writeTransaction(issuer, this.gateway, (manager) =>
      manager.query(
        `INSERT INTO gateway.credit_report (number, uscc, as_of, purpose, client_id, role, agency, issued_at, valid_until, content, html, pdf, manifest, signature, verification_code, signature_sm2)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [number, input.uscc, asOf, purpose, ctx.principal.clientId, ctx.principal.role, ctx.principal.agency, issuedAt, meta.validUntil, contentText, html, pdf, manifestText, signature, meta.verificationCode, signatureSm2],
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
              content, html, pdf, manifest, signature, verification_code, signature_sm2
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

  /**
   * `valid`, `forged` (signature does not match) or `expired`, for a download link's parameters. The
   * signature must be the canonical base64url text of the MAC (no padding, unused bits zero): another
   * spelling of the same bytes is refused, so a link has exactly one valid form.
   */
  checkLink(number: string, format: string, exp: string | null, sig: string | null, nowMs = Date.now()): 'valid' | 'forged' | 'expired' {
    if (!exp || !sig || !/^\d{1,12}$/.test(exp) || String(Number(exp)) !== exp) return 'forged';
    if (!sameText(sig, this.linkMac(number, format, Number(exp)).toString('base64url'))) return 'forged';
    return Number(exp) * 1000 <= nowMs ? 'expired' : 'valid';
  }

  private linkMac(number: string, format: string, exp: number): Buffer {
    return createHmac('sha256', this.linkKey).update(`${number}.${format}.${exp}`).digest();
  }

  /**
   * Checks report `number` for someone who shows its verification `code` or a copy of it
   * (`presented`, the bytes of a PDF or HTML someone holds). Without either — or with a wrong code and
   * a copy that is not the issued one — the answer is only whether the number exists: a copy whose
   * digest is signed proves possession as the code does (the code is printed in it).
   *
   * With them: genuine (signed by this hub's Ed25519 and SM2 keys, the row agreeing with what was
   * signed), unaltered (every stored form, and the copy presented, has the signed digest), issued
   * (the copy is byte for byte the issued PDF or HTML), valid (all that and not expired), the
   * manifest and signatures for checking offline, and the subject's colour today from the public API.
   * The issued forms are not rendered again: their SHA-256 digests were signed at issue time.
   */
  async verify(number: string, code: string | null, presented?: Buffer): Promise<Verification | VerificationWithheld> {
    const colorNowOn = today();
    const row = await this.row(number);
    if (!row) return { number, found: false, ...(presented ? { issued: false } : {}) };
    let manifest: Manifest | null = null;
    let signed = false;
    let signedSm2 = true;
    try {
      signed = verify(null, Buffer.from(row.manifest), this.key.publicKey, Buffer.from(row.signature, 'base64url'));
      // Reports issued before SM2 signing carry only the Ed25519 signature.
      if (row.signature_sm2 !== null) signedSm2 = verify('sm3', Buffer.from(row.manifest), this.key.sm2.publicKey, Buffer.from(row.signature_sm2, 'base64'));
      manifest = JSON.parse(row.manifest) as Manifest;
    } catch {
      signed = false;
    }
    const presentedDigest = presented === undefined ? null : sha256(presented);
    const issued = presentedDigest === null ? null : manifest !== null && [manifest.pdfSha256, manifest.htmlSha256].includes(presentedDigest);
    const codeMatches = code !== null && manifest !== null && sameText(code.trim().toUpperCase(), manifest.verificationCode);
    if (!codeMatches && issued !== true) return { number: row.number, found: true, ...(presented ? { issued: false } : {}) };
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
    const genuine = signed && signedSm2 && agrees;
    if (!genuine) problems.push('签名无效：报告不是本系统出具的，或其登记信息被改动');
    const storedIntact =
      manifest !== null && sha256(row.content) === manifest.contentSha256 && sha256(row.html) === manifest.htmlSha256 && sha256(row.pdf) === manifest.pdfSha256;
    if (!storedIntact) problems.push('存档内容与签名不符（已被篡改）');
    if (issued === false) problems.push('所提交的文件与出具的报告不一致（已被篡改或并非原件）');
    const unaltered = signed && storedIntact && issued !== false;
    const expired = colorNowOn > row.valid_until;
    if (expired) problems.push(`报告已于${zhDate(row.valid_until)}过期`);
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
      number: row.number,
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
      issued,
      manifest: row.manifest,
      signatures: { ed25519: Buffer.from(row.signature, 'base64url').toString('base64'), sm2: row.signature_sm2 },
    };
  }
}

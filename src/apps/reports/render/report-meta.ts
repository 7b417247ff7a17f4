/** What a printed report says about its issuance (besides its content). */
export interface ReportMeta {
  number: string;
  /** ISO 8601 instant. */
  issuedAt: string;
  validUntil: string;
  verificationCode: string;
  purpose: string;
  role: string;
  agency: string | null;
  bureau: string;
  /** Path of the public verification page, e.g. /verify/XY-2026-00000001. */
  verifyPath: string;
}

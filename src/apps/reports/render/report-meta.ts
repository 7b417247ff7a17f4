/** What a printed report says about its issuance (besides its content). */
export interface ReportMeta {
  number: string;
  /** ISO 8601 instant; printed in Beijing time. */
  issuedAt: string;
  validUntil: string;
  verificationCode: string;
  purpose: string;
  role: string;
  agency: string | null;
  bureau: string;
  /**
   * The absolute URL of the public verification page with the report's code, under HUB_PUBLIC_URL
   * (e.g. https://credit.example.gov.cn/verify/XYBG-2026-7KQ2M9XPH4R?code=ABCD-EFGH-JKMN): printed,
   * and encoded in the report's QR code.
   */
  verifyUrl: string;
}

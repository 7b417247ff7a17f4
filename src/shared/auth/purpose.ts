import type { Principal, Role } from './principal';

/** Purposes a role must declare in `X-Access-Purpose` (CONTRACT.md "Who is calling"). */
export const ALLOWED_PURPOSES: Partial<Record<Role, readonly string[]>> = {
  BANK: ['LOAN_APPLICATION', 'CREDIT_REVIEW', 'POST_LOAN_MONITORING'],
  UTILITY: ['BILLING'],
  // The uses of DOMAIN.md's plan for the rating and the credit report (issue 14).
  PUBLIC_AGENCY: ['PROCUREMENT', 'BIDDING', 'APPROVAL', 'MARKET_ACCESS', 'QUALIFICATION'],
};

/** What a credit report may be issued for (`issueCreditReport(purpose:)`), per role; other roles get none. */
export const REPORT_PURPOSES: Partial<Record<Role, readonly string[]>> = {
  ENV_ADMIN: ['SUPERVISION', 'PROCUREMENT', 'BIDDING', 'APPROVAL', 'MARKET_ACCESS', 'QUALIFICATION', 'DISCLOSURE_REQUEST'],
  CREDIT_OFFICE: ['SUPERVISION', 'PROCUREMENT', 'BIDDING', 'APPROVAL', 'MARKET_ACCESS', 'QUALIFICATION', 'DISCLOSURE_REQUEST'],
  MARKET_REGULATOR: ['MARKET_ACCESS', 'QUALIFICATION'],
  BANK: ['LOAN_APPLICATION', 'CREDIT_REVIEW'],
  PUBLIC_AGENCY: ALLOWED_PURPOSES.PUBLIC_AGENCY!,
};

/**
 * Null when `role` may have a credit report issued for `purpose`, else why not. A role bound to
 * X-Access-Purpose must ask the report for the purpose it stated (one purpose per request, audited).
 */
export function reportPurposeProblem(principal: Pick<Principal, 'role' | 'purpose'>, purpose: string): string | null {
  const allowed = REPORT_PURPOSES[principal.role];
  if (!allowed?.length) return `role ${principal.role} may not have credit reports issued`;
  if (!allowed.includes(purpose)) return `purpose "${purpose}" does not justify a credit report for ${principal.role}; use one of ${allowed.join(', ')}`;
  if (ALLOWED_PURPOSES[principal.role] && principal.purpose !== purpose) {
    return `the report's purpose "${purpose}" must be the X-Access-Purpose of the request ("${principal.purpose ?? ''}")`;
  }
  return null;
}

/** Null when the principal's purpose is acceptable, else why not (shown to the caller). */
export function purposeProblem(principal: Pick<Principal, 'role' | 'purpose'>): string | null {
  const allowed = ALLOWED_PURPOSES[principal.role];
  if (!allowed) return null;
  if (principal.purpose && allowed.includes(principal.purpose)) return null;
  return principal.purpose
    ? `X-Access-Purpose "${principal.purpose}" is not allowed for ${principal.role}; use one of ${allowed.join(', ')}`
    : `${principal.role} requests must state X-Access-Purpose: one of ${allowed.join(', ')}`;
}

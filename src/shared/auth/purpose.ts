import type { Principal, Role } from './principal';

/** Purposes a role must declare in `X-Access-Purpose` (CONTRACT.md "Who is calling"). */
export const ALLOWED_PURPOSES: Partial<Record<Role, readonly string[]>> = {
  BANK: ['LOAN_APPLICATION', 'CREDIT_REVIEW', 'POST_LOAN_MONITORING'],
  UTILITY: ['BILLING'],
};

/** Null when the principal's purpose is acceptable, else why not (shown to the caller). */
export function purposeProblem(principal: Pick<Principal, 'role' | 'purpose'>): string | null {
  const allowed = ALLOWED_PURPOSES[principal.role];
  if (!allowed) return null;
  if (principal.purpose && allowed.includes(principal.purpose)) return null;
  return principal.purpose
    ? `X-Access-Purpose "${principal.purpose}" is not allowed for ${principal.role}; use one of ${allowed.join(', ')}`
    : `${principal.role} requests must state X-Access-Purpose: one of ${allowed.join(', ')}`;
}

/**
 * The roles of CONTRACT.md, then those added since (docs/contract.md): PUBLIC_AGENCY is a public
 * body that uses credit reports in procurement, bidding, approvals, market access and qualification
 * reviews (issue 14).
 */
export const ROLES = [
  'ENV_ADMIN',
  'ENV_OFFICER',
  'CREDIT_OFFICE',
  'MARKET_REGULATOR',
  'BANK',
  'UTILITY',
  'DASHBOARD',
  'PUBLIC',
  'PUBLIC_AGENCY',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Who is calling, established once by the gateway and carried to every subgraph. */
export interface Principal {
  /** The API client's id, the JWT subject, or `public`. */
  clientId: string;
  clientName: string;
  role: Role;
  /** The agency the caller acts for (bank name, utility, district branch...). */
  agency: string | null;
  /** For district-scoped callers (ENV_OFFICER): the only district they may see. */
  districtCode: string | null;
  /** The declared `X-Access-Purpose`, when given. */
  purpose: string | null;
}

export const PUBLIC_PRINCIPAL: Principal = {
  clientId: 'public',
  clientName: 'public',
  role: 'PUBLIC',
  agency: null,
  districtCode: null,
  purpose: null,
};

/**
 * The hub itself, asking one department for facts that row scope needs (see subject-scope.ts).
 * Never issued to a caller; its requests are not audited as partner reads.
 */
export const HUB_SYSTEM_PRINCIPAL: Principal = {
  clientId: 'hub:row-scope',
  clientName: 'hub row scope',
  role: 'ENV_ADMIN',
  agency: null,
  districtCode: null,
  purpose: null,
};

import type { IncomingHttpHeaders } from 'node:http';
import { PUBLIC_PRINCIPAL, type Principal, type Role } from '../shared/auth/principal';
import { forbidden, unauthenticated } from '../shared/errors';
import type { ApiClientService } from './services/api-client.service';

/** Purposes a role must declare in `X-Access-Purpose` (CONTRACT.md "Who is calling"). */
export const ALLOWED_PURPOSES: Partial<Record<Role, string[]>> = {
  BANK: ['LOAN_APPLICATION', 'CREDIT_REVIEW', 'POST_LOAN_MONITORING'],
  UTILITY: ['BILLING'],
};

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Authenticates the request once: no Authorization header is the PUBLIC role; a bearer credential
 * must be a known, unrevoked key. Roles that must state a purpose are refused without an allowed one.
 */
export async function authenticate(headers: IncomingHttpHeaders, clients: ApiClientService): Promise<Principal> {
  const authorization = header(headers, 'authorization');
  const purpose = header(headers, 'x-access-purpose')?.trim().toUpperCase() || null;
  if (!authorization) return { ...PUBLIC_PRINCIPAL, purpose };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated('Authorization must be "Bearer <credential>"');
  const principal: Principal = { ...(await clients.authenticateKey(match[1])), purpose };
  const allowed = ALLOWED_PURPOSES[principal.role];
  if (allowed && (!purpose || !allowed.includes(purpose))) {
    throw forbidden(
      purpose
        ? `X-Access-Purpose "${purpose}" is not allowed for ${principal.role}; use one of ${allowed.join(', ')}`
        : `${principal.role} requests must state X-Access-Purpose: one of ${allowed.join(', ')}`,
    );
  }
  return principal;
}

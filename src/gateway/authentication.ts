import type { IncomingHttpHeaders } from 'node:http';
import { PUBLIC_PRINCIPAL, type Principal } from '../shared/auth/principal';
import { purposeProblem } from '../shared/auth/purpose';
import { forbidden, unauthenticated } from '../shared/errors';
import type { ApiClientService } from './services/api-client.service';
import { looksLikeJwt, type JwtIssuerService } from './services/jwt-issuer.service';

export { ALLOWED_PURPOSES } from '../shared/auth/purpose';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Authenticates the request once: no Authorization header is the PUBLIC role; a bearer credential
 * must be a known, unrevoked, unexpired API key or a valid JWT of the configured issuer. Roles that
 * must state a purpose are refused without an allowed one.
 */
export async function authenticate(headers: IncomingHttpHeaders, clients: ApiClientService, jwt: JwtIssuerService | null = null): Promise<Principal> {
  const authorization = header(headers, 'authorization');
  const purpose = header(headers, 'x-access-purpose')?.trim().toUpperCase() || null;
  if (!authorization) return { ...PUBLIC_PRINCIPAL, purpose };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated('Authorization must be "Bearer <credential>"');
  const credential = match[1];
  const identity = jwt && looksLikeJwt(credential) ? await jwt.authenticate(credential) : await clients.authenticateKey(credential);
  const principal: Principal = { ...identity, purpose };
  const problem = purposeProblem(principal);
  if (problem) throw forbidden(problem);
  return principal;
}

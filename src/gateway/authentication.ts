import type { IncomingMessage } from 'node:http';
import { isRole, PUBLIC_PRINCIPAL, type Principal } from '../shared/auth/principal';
import { ALLOWED_PURPOSES, purposeProblem } from '../shared/auth/purpose';
import { forbidden, HubError } from '../shared/errors';
import type { RateLimiter } from './rate-limiter';
import type { ApiClientService } from './services/api-client.service';
import { looksLikeJwt, type JwtIssuerService } from './services/jwt-issuer.service';

export { ALLOWED_PURPOSES } from '../shared/auth/purpose';

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Authenticates a request once: no Authorization header is the PUBLIC role; a bearer credential
 * must be a known, unrevoked, unexpired API key or a valid JWT of the configured issuer.
 *
 * Failed authentications are counted per client address (`failures`, in memory or Redis): past the
 * limit an address is answered RATE_LIMITED before its credential is even looked up, so guessing
 * keys costs the hub no database work. Roles that must state a purpose are refused without an
 * allowed one; for every other role the X-Access-Purpose header is ignored (never stored).
 */
export class Authenticator {
  constructor(
    private readonly clients: ApiClientService,
    private readonly jwt: JwtIssuerService | null,
    private readonly failures: RateLimiter,
  ) {}

  async authenticate(request: IncomingMessage): Promise<Principal> {
    const authorization = header(request, 'authorization');
    const identity = authorization ? await this.identify(authorization, `auth:${request.socket.remoteAddress ?? 'unknown'}`) : PUBLIC_PRINCIPAL;
    const stated = header(request, 'x-access-purpose')?.trim().toUpperCase() || null;
    const principal: Principal = { ...identity, purpose: ALLOWED_PURPOSES[identity.role] ? stated : null };
    const problem = purposeProblem(principal);
    if (problem) throw forbidden(problem);
    return principal;
  }

  /**
   * The reader a signed link was minted for (client, role, district), as it stands now: an API client
   * is looked up again (null when revoked, expired or unknown; its current role and district count);
   * a JWT subject or an operator has no registry in the hub, so the claims it had when the link was
   * minted stand (a link lives minutes: HUB_NOTICE_LINK_TTL_SECONDS).
   */
  async readerNow(minted: { clientId: string; role: string; districtCode: string | null }): Promise<Principal | null> {
    if (minted.clientId.startsWith('key:')) {
      const current = await this.clients.current(minted.clientId);
      return current && { ...current, purpose: null };
    }
    if (!isRole(minted.role)) return null;
    return { clientId: minted.clientId, clientName: minted.clientId, role: minted.role, agency: null, districtCode: minted.districtCode, purpose: null };
  }

  private async identify(authorization: string, address: string): Promise<Omit<Principal, 'purpose'>> {
    const blocked = await this.failures.peek(address);
    if (!blocked.allowed) throw tooManyFailures(blocked.retryAfterSeconds);
    try {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!match) throw new HubError('UNAUTHENTICATED', 'Authorization must be "Bearer <credential>"');
      const credential = match[1];
      return this.jwt && looksLikeJwt(credential) ? await this.jwt.authenticate(credential) : await this.clients.authenticateKey(credential);
    } catch (error) {
      if (error instanceof HubError && error.extensions.code === 'UNAUTHENTICATED') {
        const counted = await this.failures.hit(address);
        if (!counted.allowed) throw tooManyFailures(counted.retryAfterSeconds);
      }
      throw error;
    }
  }
}

function tooManyFailures(retryAfterSeconds: number): HubError {
  return new HubError('RATE_LIMITED', `too many failed authentications from this address; retry after ${retryAfterSeconds} s`, { retryAfter: retryAfterSeconds });
}

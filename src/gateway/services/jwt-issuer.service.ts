import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { isRole, type Principal } from '../../shared/auth/principal';
import { secretKey } from '../../shared/auth/subgraph-token';
import type { HubConfig } from '../../shared/config';
import { unauthenticated } from '../../shared/errors';

/** A credential shaped like a JWT (three base64url parts); anything else is taken as an API key. */
export function looksLikeJwt(credential: string): boolean {
  return /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(credential);
}

/**
 * Tokens of the configured identity provider (HUB_JWT_ISSUER), verified with a shared secret
 * (HUB_JWT_SECRET, HS256) or the issuer's keys (HUB_JWKS_URL). Claims: `sub` (the client), `role`
 * (a CONTRACT.md role other than PUBLIC), `agency`, `district` (required for ENV_OFFICER).
 * `exp` and `iat` are required and a token lives at most HUB_JWT_MAX_AGE_S after `iat`. Expired,
 * not-yet-valid, too old, foreign or badly signed tokens are UNAUTHENTICATED.
 */
export class JwtIssuerService {
  private readonly key: Uint8Array | JWTVerifyGetKey;

  private constructor(
    private readonly config: HubConfig['jwt'],
    key: Uint8Array | JWTVerifyGetKey,
  ) {
    this.key = key;
  }

  /** The configured issuer, or null when none is (then JWTs are refused as unknown keys). */
  static fromConfig(config: HubConfig['jwt']): JwtIssuerService | null {
    if (config.jwksUrl) return new JwtIssuerService(config, createRemoteJWKSet(new URL(config.jwksUrl)));
    if (config.secret) return new JwtIssuerService(config, secretKey(config.secret));
    return null;
  }

  async authenticate(token: string): Promise<Omit<Principal, 'purpose'>> {
    let payload: Record<string, unknown>;
    try {
      // `exp` is required (a token without one would never expire) and `iat` with it: a token older
      // than HUB_JWT_MAX_AGE_S is refused whatever its `exp` says.
      const options = {
        issuer: this.config.issuer,
        audience: this.config.audience,
        requiredClaims: ['exp', 'iat'],
        maxTokenAge: `${this.config.maxAgeSeconds}s`,
      };
      ({ payload } =
        this.key instanceof Uint8Array
          ? await jwtVerify(token, this.key, { ...options, algorithms: ['HS256', 'HS384', 'HS512'] })
          : await jwtVerify(token, this.key, options));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw unauthenticated('this token has expired');
      const claim = (error as { claim?: string }).claim;
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (claim === 'exp' || claim === 'iat')) {
        throw unauthenticated(`this token must carry "exp" and "iat" and be at most ${this.config.maxAgeSeconds} s old`);
      }
      throw unauthenticated('this token is not valid for the hub');
    }
    const role = typeof payload.role === 'string' ? payload.role : '';
    if (!isRole(role) || role === 'PUBLIC') throw unauthenticated('this token carries no valid role claim');
    if (typeof payload.sub !== 'string' || !payload.sub) throw unauthenticated('this token has no subject');
    const district = typeof payload.district === 'string' ? payload.district : null;
    if (role === 'ENV_OFFICER' && !district) throw unauthenticated('an ENV_OFFICER token must carry a district claim');
    return {
      clientId: `jwt:${typeof payload.iss === 'string' ? payload.iss : ''}:${payload.sub}`,
      clientName: typeof payload.name === 'string' ? payload.name : payload.sub,
      role,
      agency: typeof payload.agency === 'string' ? payload.agency : null,
      districtCode: district,
    };
  }
}

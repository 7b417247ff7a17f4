import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from '../errors';
import { isRole, type Principal } from './principal';

/**
 * The gateway → subgraph token: a short-lived HS256 JWT carrying the principal, signed with the
 * shared secret HUB_SUBGRAPH_SECRET. A subgraph reached over HTTP trusts nothing else (never plain
 * headers): no token, a forged one or an expired one is UNAUTHENTICATED.
 */
export const SUBGRAPH_TOKEN_ISSUER = 'ecocredit-gateway';
export const SUBGRAPH_TOKEN_AUDIENCE = 'ecocredit-subgraph';
/** Long enough for one request's fetches, short enough that a leaked token is soon useless. */
export const SUBGRAPH_TOKEN_TTL_SECONDS = 60;
export const SUBGRAPH_TOKEN_HEADER = 'x-hub-principal';
/** Response extension in which a subgraph process returns the USCCs a fetch touched (for the audit trail). */
export const TOUCHED_USCCS_EXTENSION = 'touchedUsccs';

export function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** A random secret for a single process (gateway and in-process subgraphs share it). */
export function generateSubgraphSecret(): string {
  return randomBytes(32).toString('base64url');
}

export async function signSubgraphToken(principal: Principal, requestId: string, secret: Uint8Array): Promise<string> {
  return new SignJWT({
    role: principal.role,
    name: principal.clientName,
    agency: principal.agency,
    district: principal.districtCode,
    purpose: principal.purpose,
    rid: requestId,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.clientId)
    .setIssuer(SUBGRAPH_TOKEN_ISSUER)
    .setAudience(SUBGRAPH_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${SUBGRAPH_TOKEN_TTL_SECONDS}s`)
    .sign(secret);
}

/** The principal and request id a valid token carries; UNAUTHENTICATED otherwise. */
export async function verifySubgraphToken(token: string | undefined, secret: Uint8Array): Promise<{ principal: Principal; requestId: string }> {
  if (!token) throw unauthenticated('subgraphs answer only requests signed by the gateway');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, secret, {
      issuer: SUBGRAPH_TOKEN_ISSUER,
      audience: SUBGRAPH_TOKEN_AUDIENCE,
      algorithms: ['HS256'],
    }));
  } catch {
    throw unauthenticated('the gateway signature is invalid or expired');
  }
  const role = String(payload.role);
  if (!isRole(role) || typeof payload.sub !== 'string') throw unauthenticated('the gateway token carries no valid principal');
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    principal: {
      clientId: payload.sub,
      clientName: text(payload.name) ?? payload.sub,
      role,
      agency: text(payload.agency),
      districtCode: text(payload.district),
      purpose: text(payload.purpose),
    },
    requestId: text(payload.rid) ?? 'unknown',
  };
}

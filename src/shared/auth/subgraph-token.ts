import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from '../errors';
import { isRole, type Principal } from './principal';
import type { ReplayGuard } from './token-replay';

/**
 * The gateway → department token: an HS256 JWT carrying the principal, signed with the shared
 * secret HUB_SUBGRAPH_SECRET, and bound to one fetch:
 * - `aud` names the department (`ecocredit-subgraph:<department>`): market refuses environment's;
 * - `bh` is the SHA-256 of the fetch's operation (query, operationName, variables): another body is refused;
 * - `jti` is accepted once (ReplayGuard), for as long as the token lives;
 * - `exp` is required and at most SUBGRAPH_TOKEN_TTL_SECONDS away (a longer-lived token is refused,
 *   whoever signed it).
 * A department reached over HTTP trusts nothing else (never plain headers): anything else is UNAUTHENTICATED.
 */
export const SUBGRAPH_TOKEN_ISSUER = 'ecocredit-gateway';
/** Long enough for one request's fetches, short enough that a leaked token is soon useless. */
export const SUBGRAPH_TOKEN_TTL_SECONDS = 60;
/** Clock difference tolerated between the gateway's and a department's machine. */
const CLOCK_TOLERANCE_SECONDS = 5;
export const SUBGRAPH_TOKEN_HEADER = 'x-hub-principal';
/** Response extension in which a subgraph process returns the USCCs a fetch touched (for the audit trail). */
export const TOUCHED_USCCS_EXTENSION = 'touchedUsccs';

export function subgraphAudience(department: string): string {
  return `ecocredit-subgraph:${department}`;
}

/** What a fetch asks a department; the token carries its hash. */
export interface SubgraphOperation {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * SHA-256 over the fetch's query, operation name and variables. Both ends hash the values, not the
 * raw bytes: the department hashes what it parsed from the body, and JSON keeps key order and values.
 */
export function operationHash(operation: SubgraphOperation): string {
  return createHash('sha256')
    .update(JSON.stringify([operation.query, operation.operationName ?? null, operation.variables ?? null]))
    .digest('hex');
}

export function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** A random secret for a single process (gateway and in-process subgraphs share it). */
export function generateSubgraphSecret(): string {
  return randomBytes(32).toString('base64url');
}

export async function signSubgraphToken(
  principal: Principal,
  requestId: string,
  secret: Uint8Array,
  target: { department: string; operation: SubgraphOperation },
): Promise<string> {
  return new SignJWT({
    role: principal.role,
    name: principal.clientName,
    agency: principal.agency,
    district: principal.districtCode,
    purpose: principal.purpose,
    rid: requestId,
    bh: operationHash(target.operation),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.clientId)
    .setIssuer(SUBGRAPH_TOKEN_ISSUER)
    .setAudience(subgraphAudience(target.department))
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${SUBGRAPH_TOKEN_TTL_SECONDS}s`)
    .sign(secret);
}

export interface SubgraphTokenCheck {
  department: string;
  operation: SubgraphOperation;
  replay: ReplayGuard;
}

/** The principal and request id of a valid token for this department and this operation; UNAUTHENTICATED otherwise. */
export async function verifySubgraphToken(
  token: string | undefined,
  secret: Uint8Array,
  check: SubgraphTokenCheck,
): Promise<{ principal: Principal; requestId: string }> {
  if (!token) throw unauthenticated('subgraphs answer only requests signed by the gateway');
  let payload: Record<string, unknown> & { exp?: number; jti?: string };
  try {
    ({ payload } = await jwtVerify(token, secret, {
      issuer: SUBGRAPH_TOKEN_ISSUER,
      audience: subgraphAudience(check.department),
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'jti'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch {
    throw unauthenticated(`the gateway signature is invalid, expired, lacks exp or jti, or is not for ${check.department}`);
  }
  const exp = payload.exp!;
  if (exp - Date.now() / 1000 > SUBGRAPH_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS) {
    throw unauthenticated(`the gateway token must expire within ${SUBGRAPH_TOKEN_TTL_SECONDS} s`);
  }
  if (payload.bh !== operationHash(check.operation)) throw unauthenticated('the gateway token was signed for another operation');
  if (!(await check.replay.claim(payload.jti!, exp * 1000))) throw unauthenticated('the gateway token was already used');
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

import { createHash, createHmac, createSecretKey, randomBytes, randomUUID, timingSafeEqual, type KeyObject } from 'node:crypto';
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

/**
 * HS256 with node:crypto rather than jose: jose goes through WebCrypto (an imported key and an async
 * round trip per token), which cost a department about a seventh of its CPU (issue 22); the token
 * is the same compact JWS (RFC 7515/7519) either way, so either end may be jose. Only this one
 * algorithm and header are produced and accepted.
 */
const PROTECTED_HEADER = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');
const HMAC_BYTES = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** One KeyObject per secret (secretKey's bytes), made once. */
const hmacKeys = new WeakMap<Uint8Array, KeyObject>();

function hmacKey(secret: Uint8Array): KeyObject {
  let key = hmacKeys.get(secret);
  if (!key) hmacKeys.set(secret, (key = createSecretKey(secret)));
  return key;
}

function hmac(secret: Uint8Array, signingInput: string): Buffer {
  return createHmac('sha256', hmacKey(secret)).update(signingInput).digest();
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function signSubgraphToken(
  principal: Principal,
  requestId: string,
  secret: Uint8Array,
  target: { department: string; operation: SubgraphOperation },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    role: principal.role,
    name: principal.clientName,
    agency: principal.agency,
    district: principal.districtCode,
    purpose: principal.purpose,
    rid: requestId,
    bh: operationHash(target.operation),
    sub: principal.clientId,
    iss: SUBGRAPH_TOKEN_ISSUER,
    aud: subgraphAudience(target.department),
    jti: randomUUID(),
    iat: now,
    exp: now + SUBGRAPH_TOKEN_TTL_SECONDS,
  };
  const signingInput = `${PROTECTED_HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${signingInput}.${hmac(secret, signingInput).toString('base64url')}`;
}

export interface SubgraphTokenCheck {
  department: string;
  operation: SubgraphOperation;
  replay: ReplayGuard;
}

/**
 * The claims of an HS256 compact JWS signed with `secret` for `audience`, from this issuer, with a
 * numeric `exp` not past and a `jti`; null for anything else (another algorithm or `crit` header,
 * a bad signature, malformed parts, a wrong issuer or audience, a future `nbf`). The same checks
 * jose's jwtVerify made with the options this file gave it.
 */
function verifiedClaims(token: string, secret: Uint8Array, audience: string): (Record<string, unknown> & { exp: number; jti: string }) | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return null;
  const header = decodeJson(parts[0]);
  if (!isObject(header) || header.alg !== 'HS256' || 'crit' in header || 'b64' in header) return null;
  const signature = Buffer.from(parts[2], 'base64url');
  const expected = hmac(secret, `${parts[0]}.${parts[1]}`);
  if (signature.length !== HMAC_BYTES || !timingSafeEqual(signature, expected)) return null;
  const payload = decodeJson(parts[1]);
  if (!isObject(payload)) return null;
  const now = Date.now() / 1000;
  const { iss, aud, exp, jti, nbf } = payload;
  if (iss !== SUBGRAPH_TOKEN_ISSUER) return null;
  if (!(aud === audience || (Array.isArray(aud) && aud.includes(audience)))) return null;
  if (typeof exp !== 'number' || !Number.isFinite(exp) || exp <= now - CLOCK_TOLERANCE_SECONDS) return null;
  if (typeof jti !== 'string' || jti === '') return null;
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now + CLOCK_TOLERANCE_SECONDS)) return null;
  if (payload.iat !== undefined && typeof payload.iat !== 'number') return null;
  return { ...payload, exp, jti };
}

/** The principal and request id of a valid token for this department and this operation; UNAUTHENTICATED otherwise. */
export async function verifySubgraphToken(
  token: string | undefined,
  secret: Uint8Array,
  check: SubgraphTokenCheck,
): Promise<{ principal: Principal; requestId: string }> {
  if (!token) throw unauthenticated('subgraphs answer only requests signed by the gateway');
  const payload = verifiedClaims(token, secret, subgraphAudience(check.department));
  if (!payload) throw unauthenticated(`the gateway signature is invalid, expired, lacks exp or jti, or is not for ${check.department}`);
  const { exp } = payload;
  if (exp - Date.now() / 1000 > SUBGRAPH_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS) {
    throw unauthenticated(`the gateway token must expire within ${SUBGRAPH_TOKEN_TTL_SECONDS} s`);
  }
  if (payload.bh !== operationHash(check.operation)) throw unauthenticated('the gateway token was signed for another operation');
  if (!(await check.replay.claim(payload.jti, exp * 1000))) throw unauthenticated('the gateway token was already used');
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

import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../src/hub/hub';
import { startSubgraphServer, type SubgraphServer } from '../src/gateway/subgraph-server';
import { PUBLIC_PRINCIPAL } from '../src/shared/auth/principal';
import { operationHash, secretKey, subgraphAudience, SUBGRAPH_TOKEN_HEADER, signSubgraphToken } from '../src/shared/auth/subgraph-token';
import { loadConfig, type HubConfig } from '../src/shared/config';
import { DEMO_SHOWCASE_USCC } from '../src/shared/demo-dataset';
import { freePorts } from './support/cli-process';
import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
let market: SubgraphServer;
let environment: SubgraphServer;
let credit: SubgraphServer;
let config: HubConfig;

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { uscc name legalRepresentativeIdNumber } } }`;
const representations = { r: [{ __typename: 'Enterprise', uscc: DEMO_SHOWCASE_USCC }] };
/** What `direct` sends to market: the operation a token must be bound to. */
const MARKET_ENTITIES = { department: 'market', operation: { query: ENTITIES, variables: representations } };
const BANK = { ...PUBLIC_PRINCIPAL, clientId: 'key:1', clientName: 'bank', role: 'BANK' as const, purpose: 'CREDIT_REVIEW' };

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 30 });
  // The departments' own processes share the gateway's secret and database, and one HUB_SUBGRAPH_URLS
  // (each asks the others for facts: market and environment ask credit too).
  const [marketPort, environmentPort, creditPort] = await freePorts(3);
  const subgraphUrls = {
    market: `http://127.0.0.1:${marketPort}/graphql`,
    environment: `http://127.0.0.1:${environmentPort}/graphql`,
    credit: `http://127.0.0.1:${creditPort}/graphql`,
  };
  config = { ...loadConfig({}), databaseUrl: hub.hub.databaseUrl, subgraphSecret: hub.hub.subgraphSecret, subgraphUrls };
  // Without PORT each listens on the port of its own HUB_SUBGRAPH_URLS entry.
  market = await startSubgraphServer({ department: 'market', config, dataSource: hub.hub.sources.market });
  environment = await startSubgraphServer({ department: 'environment', config, dataSource: hub.hub.sources.environment });
  credit = await startSubgraphServer({ department: 'credit', config, dataSource: hub.hub.sources.credit });
  expect([market.port, environment.port, credit.port]).toEqual([marketPort, environmentPort, creditPort]);
});

afterAll(async () => {
  await market?.stop();
  await environment?.stop();
  await credit?.stop();
  await hub?.stop();
});

async function direct(headers: Record<string, string>, variables: Record<string, unknown> = representations) {
  const response = await fetch(market.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: ENTITIES, variables }) });
  return { status: response.status, body: (await response.json()) as { data?: { _entities: Record<string, unknown>[] } | null; errors?: { extensions: { code: string } }[] } };
}

describe('a subgraph reached over HTTP', () => {
  it('refuses a direct _entities request without the gateway signature', async () => {
    const { status, body } = await direct({});
    expect(status).toBe(401);
    expect(body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });

  it('refuses forged, expired and plain-header principals', async () => {
    const admin = { clientId: 'x', clientName: 'x', role: 'ENV_ADMIN' as const, agency: null, districtCode: null, purpose: null };
    const forged = await signSubgraphToken(admin, 'r', secretKey('someone-else-s-secret'), MARKET_ENTITIES);
    const expired = await new SignJWT({ role: 'ENV_ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('ecocredit-gateway')
      .setAudience('ecocredit-subgraph')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(secretKey(hub.hub.subgraphSecret));
    const none = forged.split('.').slice(0, 2).join('.') + '.';
    const attempts: Record<string, string>[] = [{ [SUBGRAPH_TOKEN_HEADER]: forged }, { [SUBGRAPH_TOKEN_HEADER]: expired }, { [SUBGRAPH_TOKEN_HEADER]: none }, { authorization: 'Bearer demo-env-admin', 'x-role': 'ENV_ADMIN' }];
    for (const headers of attempts) {
      const { status, body } = await direct(headers);
      expect(status).toBe(401);
      expect(body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('accepts a token once, for its department and its operation only', async () => {
    const secret = secretKey(hub.hub.subgraphSecret);
    const token = await signSubgraphToken(BANK, 'r', secret, MARKET_ENTITIES);
    expect((await direct({ [SUBGRAPH_TOKEN_HEADER]: token })).status).toBe(200);
    const replayed = await direct({ [SUBGRAPH_TOKEN_HEADER]: token });
    expect(replayed.status).toBe(401);
    expect(replayed.body.errors![0]).toMatchObject({ message: expect.stringMatching(/already used/), extensions: { code: 'UNAUTHENTICATED' } });

    const forEnvironment = await signSubgraphToken(BANK, 'r', secret, { ...MARKET_ENTITIES, department: 'environment' });
    expect((await direct({ [SUBGRAPH_TOKEN_HEADER]: forEnvironment })).status).toBe(401);

    // The token of one fetch, sent with another body (other subjects asked): refused.
    const [other] = await hub.sql<{ uscc: string }>(`SELECT uscc FROM market.registration WHERE uscc <> $1 LIMIT 1`, [DEMO_SHOWCASE_USCC]);
    const swapped = await direct({ [SUBGRAPH_TOKEN_HEADER]: await signSubgraphToken(BANK, 'r', secret, MARKET_ENTITIES) }, { r: [{ __typename: 'Enterprise', uscc: other.uscc }] });
    expect(swapped.status).toBe(401);
    expect(swapped.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses tokens without exp or living longer than 60 s, even when signed with the secret', async () => {
    const secret = secretKey(hub.hub.subgraphSecret);
    const claims = { role: 'ENV_ADMIN', bh: operationHash(MARKET_ENTITIES.operation) };
    const base = () =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer('ecocredit-gateway').setAudience(subgraphAudience('market')).setIssuedAt();
    const expless = await base().setJti('no-exp').sign(secret);
    const longLived = await base().setJti('long').setExpirationTime('1h').sign(secret);
    const noJti = await base().setExpirationTime('30s').sign(secret);
    for (const token of [expless, longLived, noJti]) {
      const { status, body } = await direct({ [SUBGRAPH_TOKEN_HEADER]: token });
      expect(status).toBe(401);
      expect(body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    }
    // The same claims with a short exp and a jti pass: the refusals above are for exp and jti alone.
    expect((await direct({ [SUBGRAPH_TOKEN_HEADER]: await base().setJti('fine').setExpirationTime('30s').sign(secret) })).status).toBe(200);
  });

  it('signs tokens that jose verifies, and refuses every altered part of one (node:crypto verification)', async () => {
    const secret = secretKey(hub.hub.subgraphSecret);
    const token = await signSubgraphToken(BANK, 'r', secret, MARKET_ENTITIES);
    // The same compact JWS a standard library accepts, with the claims the department relies on.
    const { payload, protectedHeader } = await jwtVerify(token, secret, { issuer: 'ecocredit-gateway', audience: subgraphAudience('market') });
    expect(protectedHeader).toEqual({ alg: 'HS256' });
    expect(payload).toMatchObject({ sub: 'key:1', role: 'BANK', bh: operationHash(MARKET_ENTITIES.operation), jti: expect.any(String) });
    expect(payload.exp! - payload.iat!).toBe(60);

    const [header, body, signature] = token.split('.');
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const resign = (h: string, b: string) => `${h}.${b}.${createHmac('sha256', secret).update(`${h}.${b}`).digest('base64url')}`;
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    const altered: Record<string, string> = {
      // The caller's role raised, the signature kept.
      'escalated role': `${header}.${encode({ ...claims, role: 'ENV_ADMIN' })}.${signature}`,
      'another signature': `${header}.${body}.${flipped}`,
      'a truncated signature': `${header}.${body}.${signature.slice(0, 20)}`,
      'no signature': `${header}.${body}.`,
      'alg none': `${encode({ alg: 'none' })}.${body}.`,
      // Signed with the right secret, but under a header this end does not accept.
      'alg HS512': `${encode({ alg: 'HS512' })}.${body}.${createHmac('sha512', secret).update(`${encode({ alg: 'HS512' })}.${body}`).digest('base64url')}`,
      'a crit header': resign(encode({ alg: 'HS256', crit: ['x'] }), body),
      'another issuer': resign(header, encode({ ...claims, iss: 'someone' })),
      'expired': resign(header, encode({ ...claims, exp: Math.floor(Date.now() / 1000) - 30 })),
      'not yet valid': resign(header, encode({ ...claims, nbf: Math.floor(Date.now() / 1000) + 30 })),
      'a string exp': resign(header, encode({ ...claims, exp: String(claims.exp) })),
      'extra parts': `${token}.x`,
    };
    for (const [what, forged] of Object.entries(altered)) {
      const { status, body: answer } = await direct({ [SUBGRAPH_TOKEN_HEADER]: forged });
      expect({ what, status, code: answer.errors?.[0].extensions.code }).toEqual({ what, status: 401, code: 'UNAUTHENTICATED' });
    }
    // None of the refusals used up the genuine token: it still passes, once.
    expect((await direct({ [SUBGRAPH_TOKEN_HEADER]: token })).status).toBe(200);
    expect((await direct({ [SUBGRAPH_TOKEN_HEADER]: token })).status).toBe(401);
    // A token for this body, sent with the operation name or query changed: refused.
    const named = await fetch(market.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SUBGRAPH_TOKEN_HEADER]: await signSubgraphToken(BANK, 'r', secret, MARKET_ENTITIES) },
      body: JSON.stringify({ query: ENTITIES.replace('name ', 'name districtCode '), variables: representations }),
    });
    expect(named.status).toBe(401);
  });

  it('validates every document it runs, also when it has run the same text before', async () => {
    const secret = secretKey(hub.hub.subgraphSecret);
    const invalid = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { uscc noSuchField } } }`;
    for (const query of [invalid, invalid, ENTITIES, invalid]) {
      const operation = { query, variables: representations };
      const token = await signSubgraphToken(BANK, 'r', secret, { department: 'market', operation });
      const response = await fetch(market.url, { method: 'POST', headers: { 'content-type': 'application/json', [SUBGRAPH_TOKEN_HEADER]: token }, body: JSON.stringify(operation) });
      const answer = (await response.json()) as { data?: { _entities: { uscc: string }[] }; errors?: { message: string; extensions: { code: string } }[] };
      if (query === invalid) {
        expect(answer.data ?? null).toBeNull();
        expect(answer.errors![0]).toMatchObject({ message: expect.stringMatching(/noSuchField/), extensions: { code: 'BAD_USER_INPUT' } });
      } else {
        expect(answer.data!._entities[0].uscc).toBe(DEMO_SHOWCASE_USCC);
      }
    }
  });

  it('answers /healthz and /readyz without a signature (probes carry none); ready names the departments it asks', async () => {
    const base = market.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: { status: 'up' }, 'subgraph:environment': { status: 'up' }, 'subgraph:credit': { status: 'up' } },
    });
  });

  it('answers a signed request, with the field rules of the principal in the token', async () => {
    const token = await signSubgraphToken(BANK, 'r', secretKey(hub.hub.subgraphSecret), MARKET_ENTITIES);
    const { status, body } = await direct({ [SUBGRAPH_TOKEN_HEADER]: token });
    expect(status).toBe(200);
    expect(body.data!._entities[0]).toMatchObject({ uscc: DEMO_SHOWCASE_USCC, legalRepresentativeIdNumber: null });
    expect(body.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('serves the graph through a gateway that calls the departments over HTTP with signed tokens', async () => {
    let gateway: Hub | undefined;
    try {
      gateway = await startHub({ config: { ...config, port: 0, demo: true }, seedDemo: false, remote: ['market', 'environment'] });
      const ask = async (query: string, headers: Record<string, string> = {}) => {
        const response = await fetch(gateway!.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
        return (await response.json()) as { data?: { enterprise: Record<string, unknown> | null }; errors?: unknown[] };
      };
      // The gateway is ready only when each remote department answers (their /healthz).
      expect((await fetch(gateway.url.replace(/\/graphql$/, '/readyz'))).status).toBe(200);
      const admin = await ask(`{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { name envCredit { color score } creditRestriction { level } } }`, { authorization: 'Bearer demo-env-admin' });
      expect(admin.errors).toBeUndefined();
      expect(admin.data!.enterprise).toMatchObject({ envCredit: { color: 'RED', score: expect.any(Number) }, creditRestriction: { level: 'RESTRICTED' } });
      // PUBLIC row scope across processes: market asks environment, signed, whether the subject is rated.
      const open = await ask(`{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { name envCredit { color } } }`);
      expect(open.errors).toBeUndefined();
      expect(open.data!.enterprise).toMatchObject({ envCredit: { color: 'RED' } });
      // Only the departments' own processes served that: they report the subjects they touched, and
      // the gateway's audit record lists them.
      const [record] = await hub.sql<{ usccs: string[]; departments: string[] }>(`SELECT usccs, departments FROM gateway.audit_log ORDER BY id DESC LIMIT 1`);
      expect(record).toEqual({ usccs: [DEMO_SHOWCASE_USCC], departments: ['environment', 'market'] });
    } finally {
      await gateway?.stop();
    }
  });
});

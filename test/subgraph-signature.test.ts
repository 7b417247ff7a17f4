import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../src/gateway/hub';
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub } from '../src/hub/hub';
import { loadConfig } from '../src/shared/config';
import { DEMO_SHOWCASE_USCC } from '../src/shared/demo-dataset';
import { ColorDistributionDocument, EnterpriseOverviewDocument, EnterprisesByCodeDocument } from './generated/graphql';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 560 });
});

afterAll(async () => {
  await hub?.stop();
});

describe('the federated hub on its demo data', () => {
  it('answers one query with data from all four subgraphs', async () => {
    const response = await hub.execute(EnterpriseOverviewDocument, { uscc: DEMO_SHOWCASE_USCC }, { key: 'demo-env-admin' });
    expect(response.errors).toBeUndefined();
    const enterprise = response.data!.enterprise!;
    expect(enterprise.name).toBe('连云港示例化工有限公司'); // market
    expect(enterprise.districtCode).toBe('320706');
    expect(enterprise.envCredit).toMatchObject({ color: 'RED', score: 2 }); // environment, derived from events
    expect(enterprise.creditListings).toEqual(expect.any(Array)); // credit
    expect(enterprise.creditRestriction).toMatchObject({ level: 'RESTRICTED', restricted: true }); // finance via @requires
    expect(enterprise.creditRestriction!.basis.join(' ')).toContain('RED');
  });

  it('shows at least 500 rated subjects in all five colours per district', async () => {
    const response = await hub.execute(ColorDistributionDocument, { groupBy: 'DISTRICT' }, { key: 'demo-dashboard' });
    expect(response.errors).toBeUndefined();
    const buckets = response.data!.colorDistribution;
    const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
    expect(total).toBeGreaterThanOrEqual(500);
    expect(new Set(buckets.map((bucket) => bucket.color))).toEqual(new Set(['GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK']));
    const rows = await hub.sql<{ count: number }>('SELECT COUNT(*)::int AS count FROM environment.rated_subject');
    expect(total).toBe(rows[0].count);
  });

  it('groups by industry as well', async () => {
    const response = await hub.execute(ColorDistributionDocument, { groupBy: 'INDUSTRY' }, { key: 'demo-dashboard' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.colorDistribution.every((bucket) => /^[A-Z]\d{4}$|^UNKNOWN$/.test(bucket.group))).toBe(true);
  });
});

describe('enterprises(usccs:)', () => {
  it('keeps the asked order and answers null for unknown codes', async () => {
    const [known] = await hub.sql<{ uscc: string }>(`SELECT uscc FROM market.registration WHERE uscc <> $1 ORDER BY uscc LIMIT 1`, [DEMO_SHOWCASE_USCC]);
    const unknown = '91110000802100433B';
    const response = await hub.execute(EnterprisesByCodeDocument, { usccs: [known.uscc, unknown, DEMO_SHOWCASE_USCC] }, { key: 'demo-env-admin' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.enterprises.map((e) => e?.uscc ?? null)).toEqual([known.uscc, null, DEMO_SHOWCASE_USCC]);
  });

  it('rejects an invalid code with BAD_USER_INPUT naming it', async () => {
    const bad = '91320700MA1Q3K7P2X';
    const response = await hub.execute(EnterprisesByCodeDocument, { usccs: [DEMO_SHOWCASE_USCC, bad] }, { key: 'demo-env-admin' });
    expect(response.data ?? null).toBeNull();
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toContain(bad);
  });

  it('rejects an invalid code written inline in the query as well', async () => {
    const response = await hub.request(`{ enterprise(uscc: "91320700MA1Q3K7P2Z") { name } }`, undefined, { key: 'demo-env-admin' });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toContain('91320700MA1Q3K7P2Z');
  });
});

describe('HTTP surface', () => {
  it('serves /healthz and /readyz', async () => {
    const base = hub.hub.url.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it('answers malformed JSON and a missing query with a GraphQL-shaped 400', async () => {
    for (const body of ['{not json', JSON.stringify({ variables: {} })]) {
      const response = await fetch(hub.hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(response.status).toBe(400);
      const json = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(json)).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });

  it('answers a body over the size limit with a GraphQL-shaped 400, naming the limit', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1_100_000) } });
    const response = await fetch(hub.hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(400);
    const json = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(json.errors[0].message).toMatch(/over the limit of \d+ bytes/);
  });

  it('refuses an unknown credential with UNAUTHENTICATED', async () => {
    const response = await hub.request('{ measureless: __typename }', undefined, { key: 'not-a-key' });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('masks internal errors: no stack trace, no SQL', async () => {
    const response = await hub.request(`{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { nosuchfield } }`, undefined, { key: 'demo-env-admin' });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|SELECT|\.ts:\d+/);
  });
});

describe('production start', () => {
  it('refuses demo mode under NODE_ENV=production', async () => {
    await expect(startHub({ config: { ...loadConfig({}), port: 0, production: true, demo: true } })).rejects.toThrow(/demo mode/);
  });

  it('refuses to start without HUB_AUDIT_KEY (the audit chain is keyed with it)', async () => {
    const config = { ...loadConfig({}), databaseUrl: hub.hub.databaseUrl, port: 0, production: true, demo: false };
    await expect(startHub({ config })).rejects.toThrow(/HUB_AUDIT_KEY must be set/);
  });
});

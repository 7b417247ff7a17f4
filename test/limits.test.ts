import Redis from 'ioredis';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_SHOWCASE_USCC } from '../src/shared/demo-dataset';
import { newUscc } from './support/fixtures';
import { expectNoLeaks } from './support/leaks';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true, retryStrategy: () => null });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

let redisAvailable = false;
beforeAll(async () => {
  redisAvailable = await redisAnswers(redisUrl);
});

let hub: TestHub;
const admin = { key: 'demo-env-admin' };

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 20, config: { schemaHints: false } });
  // Warm the API key cache: from here on, SQL means the operation ran.
  await hub.request(`{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { uscc } }`, undefined, admin);
});

afterAll(async () => {
  if (hub) expectNoLeaks(hub.responses);
  await hub?.stop();
});

/**
 * Runs `work` and returns how many SQL statements reached PostgreSQL meanwhile, beside the one read
 * of `gateway.credentials_version` that authenticating a key costs (so a revocation is seen at once).
 */
async function sqlDuring(work: () => Promise<void>): Promise<number> {
  const spy = vi.spyOn(Client.prototype, 'query');
  try {
    await work();
    const texts = spy.mock.calls.map(([statement]) => (typeof statement === 'string' ? statement : JSON.stringify(statement)));
    return texts.filter((text) => !text.includes('gateway.credentials_version')).length;
  } finally {
    spy.mockRestore();
  }
}

function nested(levels: number): string {
  let selection = 'uscc';
  for (let i = 0; i < levels - 2; i++) selection = `creditListings { ${selection} }`;
  return `{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { ${selection} } }`;
}

describe('operation limits, enforced at the gateway before any SQL', () => {
  const refused = async (query: string, variables?: Record<string, unknown>) => {
    let codes: string[] = [];
    let status = 0;
    const statements = await sqlDuring(async () => {
      const response = await hub.request(query, variables, admin);
      codes = errorCodes(response);
      status = response.status;
    });
    return { codes, status, statements };
  };

  it('refuses a query 20 levels deep', async () => {
    const result = await refused(nested(20));
    expect(result).toEqual({ codes: ['QUERY_TOO_COMPLEX'], status: 400, statements: 0 });
  });

  it('refuses a query with 500 aliases', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: __typename`).join(' ');
    expect(await refused(`{ ${aliases} }`)).toEqual({ codes: ['QUERY_TOO_COMPLEX'], status: 400, statements: 0 });
    const entities = Array.from({ length: 500 }, (_, i) => `e${i}: enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { uscc }`).join(' ');
    expect(await refused(`{ ${entities} }`)).toEqual({ codes: ['QUERY_TOO_COMPLEX'], status: 400, statements: 0 });
  });

  it('refuses a batch of 1001 codes, as a variable or written inline', async () => {
    const codes = Array.from({ length: 1001 }, () => newUscc('320706'));
    expect(await refused(`query($u: [USCC!]!) { enterprises(usccs: $u) { uscc } }`, { u: codes })).toEqual({ codes: ['QUERY_TOO_COMPLEX'], status: 400, statements: 0 });
    const inline = `{ enterprises(usccs: [${codes.map((c) => `"${c}"`).join(',')}]) { uscc } }`;
    expect((await refused(inline)).codes).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('counts the codes asked in the cost: 1000 subjects with every list four times over is too costly, a bank check is not', async () => {
    const codes = Array.from({ length: 1000 }, () => newUscc('320706'));
    const lists = `uscc name envCredit { color score ratedOn } envCreditEvents { id type points validUntil } marketListings { listType reason } creditListings { listType reason } jointMeasures { reason since measure { code name } } creditRestriction { level restricted basis since }`;
    const everything = `query($u: [USCC!]!) { a: enterprises(usccs: $u) { ${lists} } b: enterprises(usccs: $u) { ${lists} } c: enterprises(usccs: $u) { ${lists} } d: enterprises(usccs: $u) { ${lists} } }`;
    expect(await refused(everything, { u: codes })).toEqual({ codes: ['QUERY_TOO_COMPLEX'], status: 400, statements: 0 });
    const bankCheck = await hub.request(`query($u: [USCC!]!) { enterprises(usccs: $u) { uscc name envCredit { color } creditRestriction { level restricted basis since } } }`, { u: codes }, { key: 'demo-bank', purpose: 'CREDIT_REVIEW' });
    expect(bankCheck.errors).toBeUndefined();
  });

  it('refuses an over-long operation by its token count', async () => {
    const fields = Array.from({ length: 2100 }, () => 'uscc').join(' ');
    expect(await refused(`{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { ${fields} } }`)).toEqual({ codes: ['QUERY_TOO_COMPLEX'], status: 400, statements: 0 });
  });

  it('refuses HTTP batches', async () => {
    const response = await fetch(hub.hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ __typename }' }]) });
    expect(response.status).toBe(400);
  });
});

describe('per-client rate limits', () => {
  it('answers RATE_LIMITED with a retry-after to a client over its rate; another client is unaffected', async () => {
    const limited = await startTestHub({ config: { rateLimit: { requests: 5, windowMs: 60_000 } } });
    try {
      const ask = (key: string) => limited.request(`{ colorDistribution(groupBy: DISTRICT) { count } }`, undefined, { key });
      for (let i = 0; i < 5; i++) expect((await ask('demo-dashboard')).errors).toBeUndefined();
      const over = await ask('demo-dashboard');
      expect(over.status).toBe(429);
      expect(errorCodes(over)).toEqual(['RATE_LIMITED']);
      expect(Number(over.headers?.get('retry-after'))).toBeGreaterThan(0);
      expect(over.errors![0].extensions?.retryAfter).toEqual(Number(over.headers?.get('retry-after')));
      expect((await ask('demo-market')).errors).toBeUndefined();
    } finally {
      await limited.stop();
    }
  });

  // Reported as skipped (not passed) where no Redis answers.
  it('shares the counters through Redis (REDIS_URL) across gateway instances', async (context) => {
    if (!redisAvailable) context.skip();
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
    await redis.connect();
    const [first, second] = await Promise.all([
      startTestHub({ config: { redisUrl, rateLimit: { requests: 4, windowMs: 60_000 } } }),
      startTestHub({ config: { redisUrl, rateLimit: { requests: 4, windowMs: 60_000 } } }),
    ]);
    try {
      // Both databases issue the demo clients the same ids: clear what an earlier run left.
      const keys = await redis.keys('ecocredit:rate:key:*');
      if (keys.length) await redis.del(...keys);
      const ask = (instance: TestHub, key: string) => instance.request(`{ colorDistribution(groupBy: DISTRICT) { count } }`, undefined, { key });
      for (const instance of [first, second, first, second]) expect((await ask(instance, 'demo-dashboard')).errors).toBeUndefined();
      expect(errorCodes(await ask(second, 'demo-dashboard'))).toEqual(['RATE_LIMITED']);
      expect((await ask(first, 'demo-market')).errors).toBeUndefined();
    } finally {
      redis.disconnect();
      await Promise.all([first.stop(), second.stop()]);
    }
  });
});

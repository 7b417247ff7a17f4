import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../src/hub/hub';
import { loadConfig } from '../src/shared/config';
import { StatementCounter } from '../src/shared/database';
import { DEMO_SHOWCASE_USCC } from '../src/shared/demo-dataset';
import { CREDENTIALS_TOPIC, VersionWatch } from '../src/shared/version-watch';
import { expectNoLeaks } from './support/leaks';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

const ISSUER = 'https://idp.example.test';
const JWT_SECRET = 'test-issuer-secret-0123456789abcdef';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({
    demoSize: 20,
    config: { schemaHints: false, jwt: { secret: JWT_SECRET, issuer: ISSUER, jwksUrl: undefined, audience: undefined, maxAgeSeconds: 3_600 } },
  });
});

afterAll(async () => {
  if (hub) expectNoLeaks(hub.responses);
  await hub?.stop();
});

const CREATE = `mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { key client { id role agency districtCode revokedAt } } }`;
const ROTATE = `mutation($id: ID!) { rotateApiClientKey(id: $id) { key client { id } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiClient(id: $id) { id revokedAt } }`;
const READ = `{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { uscc envCredit { color } } }`;

describe('API keys through GraphQL (ENV_ADMIN)', () => {
  it('creates, rotates and revokes a key; an old or revoked key is UNAUTHENTICATED', async () => {
    const created = await hub.request<{ createApiClient: { key: string; client: { id: string; role: string } } }>(
      CREATE,
      { i: { name: 'Bank of Test', role: 'BANK', agency: 'Bank of Test, Lianyungang' } },
      { key: 'demo-env-admin' },
    );
    expect(created.errors).toBeUndefined();
    const { key, client } = created.data!.createApiClient;
    expect(key).toMatch(/^eck_/);
    const stored = await hub.sql<{ key_hash: string }>(`SELECT key_hash FROM gateway.api_client WHERE id = $1`, [Number(client.id)]);
    expect(stored[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].key_hash).not.toContain(key);
    expect((await hub.request(READ, undefined, { key, purpose: 'CREDIT_REVIEW' })).errors).toBeUndefined();

    const rotated = await hub.request<{ rotateApiClientKey: { key: string } }>(ROTATE, { id: client.id }, { key: 'demo-env-admin' });
    const newKey = rotated.data!.rotateApiClientKey.key;
    expect(newKey).not.toBe(key);
    const old = await hub.request(READ, undefined, { key, purpose: 'CREDIT_REVIEW' });
    expect(old.status).toBe(401);
    expect(errorCodes(old)).toEqual(['UNAUTHENTICATED']);
    expect((await hub.request(READ, undefined, { key: newKey, purpose: 'CREDIT_REVIEW' })).errors).toBeUndefined();

    const revoked = await hub.request<{ revokeApiClient: { revokedAt: string | null } }>(REVOKE, { id: client.id }, { key: 'demo-env-admin' });
    expect(revoked.data!.revokeApiClient.revokedAt).not.toBeNull();
    expect(errorCodes(await hub.request(READ, undefined, { key: newKey, purpose: 'CREDIT_REVIEW' }))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses credential mutations to any other role before they run', async () => {
    const before = await hub.sql<{ n: number }>(`SELECT COUNT(*)::int AS n FROM gateway.api_client`);
    for (const key of ['demo-env-officer-haizhou', 'demo-credit-office', 'demo-market', 'demo-dashboard']) {
      const response = await hub.request(CREATE, { i: { name: 'sneaky', role: 'ENV_ADMIN' } }, { key });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await hub.request(CREATE, { i: { name: 'sneaky', role: 'ENV_ADMIN' } }))).toEqual(['FORBIDDEN']);
    const after = await hub.sql<{ n: number }>(`SELECT COUNT(*)::int AS n FROM gateway.api_client`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('validates what it issues', async () => {
    const officer = await hub.request(CREATE, { i: { name: 'no district', role: 'ENV_OFFICER' } }, { key: 'demo-env-admin' });
    expect(errorCodes(officer)).toEqual(['BAD_USER_INPUT']);
    const publicRole = await hub.request(CREATE, { i: { name: 'public', role: 'PUBLIC' } }, { key: 'demo-env-admin' });
    expect(errorCodes(publicRole)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('revocation across processes on one database (issue 21 §4: versions by LISTEN/NOTIFY)', () => {
  let other: Hub;

  beforeAll(async () => {
    // A second hub on the same database (and data folder: the same audit key): its own pools, caches
    // and listening connection, as a second process has.
    const defaults = loadConfig({ HUB_DATA_DIR: hub.dataDir });
    other = await startHub({
      config: { ...defaults, databaseUrl: hub.hub.databaseUrl, port: 0, demo: true, schemaHints: false, webhooks: { ...defaults.webhooks, enabled: false } },
      seedDemo: false,
    });
    // The test's keep-alive connection to the first hub may have timed out meanwhile: open a fresh one.
    await hub.request('{ __typename }').catch(() => undefined);
  });

  afterAll(async () => {
    await other?.stop();
  });

  const askOther = async (key: string) => {
    const response = await fetch(other.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-access-purpose': 'CREDIT_REVIEW' },
      body: JSON.stringify({ query: READ }),
    });
    return { status: response.status, body: (await response.json()) as { errors?: { extensions: { code: string } }[] } };
  };
  const credentialStatements = async (work: () => Promise<unknown>) => {
    const seen: string[] = [];
    const stop = StatementCounter.observe((_, sql) => /credentials_version|FROM "gateway"."api_client"/.test(sql) && seen.push(sql));
    try {
      await work();
    } finally {
      stop();
    }
    return seen;
  };
  const createKey = async (name: string) => {
    const created = await hub.request<{ createApiClient: { key: string; client: { id: string } } }>(CREATE, { i: { name, role: 'BANK' } }, { key: 'demo-env-admin' });
    expect(created.errors).toBeUndefined();
    return created.data!.createApiClient;
  };

  it('a key revoked in one hub is refused at once by the other, which sent no statement for it while cached', async () => {
    const { key, client } = await createKey('Bank of Two Hubs');
    expect((await askOther(key)).status).toBe(200); // the other hub looks it up and caches it
    const cached = await credentialStatements(() => askOther(key));
    expect(cached).toEqual([]); // listening: a cached key costs no statement
    const revoked = await hub.request(REVOKE, { id: client.id }, { key: 'demo-env-admin' });
    expect(revoked.errors).toBeUndefined();
    const refused = await askOther(key);
    expect(refused.status).toBe(401);
    expect(refused.body.errors!.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('a revocation while the other hub is not listening (its notification lost) is still refused there', async () => {
    const { key, client } = await createKey('Bank of Lost Notifications');
    expect((await askOther(key)).status).toBe(200);
    const watch = VersionWatch.of(other.sources.gateway)!;
    const before = watch.current(CREDENTIALS_TOPIC)!;
    expect(before).not.toBeNull();
    // Cut every listening connection of the database (both hubs'), and wait until the other hub knows.
    await hub.sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ecocredit-version-watch'`);
    await expect.poll(() => watch.current(CREDENTIALS_TOPIC)?.epoch !== before.epoch, { timeout: 10_000 }).toBe(true);
    // Revoked behind every hub's back (a DBA, a tool): whether the other hub is still reconnecting (it
    // reads the version per request) or listens again (a new epoch drops what it cached), it refuses.
    await hub.sql(`UPDATE gateway.api_client SET revoked_at = now() WHERE id = $1`, [Number(client.id)]);
    const refused = await askOther(key);
    expect(refused.status).toBe(401);
    expect(refused.body.errors!.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
    // And once listening again, it caches again: a known key costs no statement.
    await expect.poll(() => watch.current(CREDENTIALS_TOPIC) !== null, { timeout: 10_000 }).toBe(true);
    await askOther('demo-bank');
    expect(await credentialStatements(() => askOther('demo-bank'))).toEqual([]);
  });
});

describe('JWTs of the configured issuer', () => {
  const sign = (claims: Record<string, unknown>, options: { secret?: string; expires?: string | number; issuer?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('officer-17')
      .setIssuer(options.issuer ?? ISSUER)
      .setIssuedAt()
      .setExpirationTime(options.expires ?? '5m')
      .sign(new TextEncoder().encode(options.secret ?? JWT_SECRET));

  it('maps the role, agency and district claims to a principal', async () => {
    const token = await sign({ role: 'ENV_OFFICER', agency: '海州分局', district: '320706' });
    const response = await hub.request<{ enterprise: { envCreditEvents: unknown[] | null } }>(
      `{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { envCreditEvents { type } } }`,
      undefined,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.enterprise.envCreditEvents).toEqual(expect.any(Array));
    const [other] = await hub.sql<{ uscc: string }>(`SELECT uscc FROM market.registration WHERE district_code <> '320706' LIMIT 1`);
    const scoped = await hub.request<{ enterprise: unknown }>(`query($u: USCC!) { enterprise(uscc: $u) { uscc } }`, { u: other.uscc }, { headers: { authorization: `Bearer ${token}` } });
    expect(scoped.data!.enterprise).toBeNull();
  });

  it('refuses expired, forged, foreign and role-less tokens with UNAUTHENTICATED', async () => {
    const now = Math.floor(Date.now() / 1000);
    const tokens = [
      await sign({ role: 'CREDIT_OFFICE' }, { expires: now - 60 }),
      await sign({ role: 'CREDIT_OFFICE' }, { secret: 'not-the-issuer-secret-0123456789' }),
      await sign({ role: 'CREDIT_OFFICE' }, { issuer: 'https://elsewhere.test' }),
      await sign({ role: 'SUPERUSER' }),
      await sign({ role: 'PUBLIC' }),
    ];
    for (const token of tokens) {
      const response = await hub.request(READ, undefined, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(401);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    }
  });
});

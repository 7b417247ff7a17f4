import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOWCASE_USCC } from '../src/shared/demo-dataset';
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

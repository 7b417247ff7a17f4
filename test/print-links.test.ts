import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../src/shared/dates';
import { ratedEnterprise } from './support/fixtures';
import { startTestHub, type GraphqlResponse, type TestHub } from './support/test-hub';

/**
 * A notice's printUrl names the reader it was minted for (issue 23, "links name their reader"): on
 * open, that reader's scope now decides, and the read is audited under that reader. Its signature has
 * one valid spelling only.
 */
let hub: TestHub;
let base: string;

const ADMIN = { key: 'demo-env-admin' };
const MARKET = { key: 'demo-market' };
const RECORD = `mutation Record($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { notice { number printUrl } } }`;
const NOTICE = `query Notice($number: String!) { creditNotice(number: $number) { number printUrl } }`;
const REGISTER = `mutation Register($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { districtCode } }`;

function ok<T>(response: GraphqlResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

/** A new ENV_OFFICER client of a district, issued by the bureau: its key and its client id. */
async function officer(districtCode: string): Promise<{ key: string; id: string }> {
  const issued = ok(
    await hub.request<{ createApiClient: { key: string; client: { id: string } } }>(
      `mutation Issue($input: CreateApiClientInput!) { createApiClient(input: $input) { key client { id } } }`,
      { input: { name: `officer ${districtCode} ${Math.random()}`, role: 'ENV_OFFICER', agency: '连云港市海州生态环境局', districtCode } },
      ADMIN,
    ),
  );
  return { key: issued.createApiClient.key, id: issued.createApiClient.client.id };
}

/** A notice of a new subject of `district` that may move (city-level code), recorded by the bureau. */
async function notice(district: string): Promise<{ number: string; uscc: string }> {
  const uscc = await ratedEnterprise(hub, { district, division: '320700' });
  const recorded = ok(await hub.request<{ recordCreditEvent: { notice: { number: string } } }>(RECORD, { input: { uscc, type: 'WARNING', occurredOn: addDays(today(), -2) } }, ADMIN));
  return { number: recorded.recordCreditEvent.notice.number, uscc };
}

async function printUrlFor(number: string, who: { key: string }): Promise<string> {
  const answer = ok(await hub.request<{ creditNotice: { printUrl: string } | null }>(NOTICE, { number }, who));
  expect(answer.creditNotice).not.toBeNull();
  return answer.creditNotice!.printUrl;
}

const open = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: await response.text() };
};

beforeAll(async () => {
  hub = await startTestHub();
  base = hub.hub.url.replace('/graphql', '');
}, 120_000);

afterAll(async () => {
  await hub?.stop();
});

describe('a notice printUrl', () => {
  it('carries the client, role and district it was minted for, and is audited under that reader', async () => {
    const haizhou = await officer('320706');
    const { number, uscc } = await notice('320706');
    const printUrl = await printUrlFor(number, haizhou);
    const params = new URL(printUrl, base).searchParams;
    expect({ client: params.get('client'), role: params.get('role'), district: params.get('district') }).toEqual({ client: `key:${haizhou.id}`, role: 'ENV_OFFICER', district: '320706' });
    const page = await open(printUrl);
    expect(page.status).toBe(200);
    expect(page.body).toContain(number);
    const audited = await hub.sql<{ client_id: string; role: string; usccs: string[]; fields: string[] }>(
      `SELECT client_id, role, usccs, fields FROM gateway.audit_log WHERE operation_name = $1 ORDER BY id DESC LIMIT 1`,
      [`GET /notices/${number}`],
    );
    expect(audited).toEqual([{ client_id: `key:${haizhou.id}`, role: 'ENV_OFFICER', usccs: [uscc], fields: ['Query.creditNotice'] }]);
  });

  it('is refused once the subject has moved out of the officer district, and opens for an officer of the new one', async () => {
    const haizhou = await officer('320706');
    const ganyu = await officer('320707');
    const { number, uscc } = await notice('320706');
    const printUrl = await printUrlFor(number, haizhou);
    expect((await open(printUrl)).status).toBe(200);
    // Market supervision moves the registration; the bureau's copy follows in the same request.
    ok(await hub.request(REGISTER, { input: { uscc, name: '迁出测试企业', districtCode: '320707' } }, MARKET));
    const refused = await open(printUrl);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toEqual({
      errors: [{ message: `notice ${number} is outside the scope of the reader this link was made for (district 320706); ask the hub for a new printUrl`, extensions: { code: 'FORBIDDEN' } }],
    });
    expect((await open(await printUrlFor(number, ganyu))).status).toBe(200);
  });

  it('is refused once the reader client is revoked', async () => {
    const haizhou = await officer('320706');
    const { number } = await notice('320706');
    const printUrl = await printUrlFor(number, haizhou);
    expect((await open(printUrl)).status).toBe(200);
    ok(await hub.request(`mutation Revoke($id: ID!) { revokeApiClient(id: $id) { id } }`, { id: haizhou.id }, ADMIN));
    const refused = await open(printUrl);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ errors: [{ message: expect.stringContaining(`its client key:${haizhou.id} is revoked or unknown`), extensions: { code: 'FORBIDDEN' } }] });
  });

  it('cannot be moved to another reader: client, role or district changed in the link breaks its signature', async () => {
    const haizhou = await officer('320706');
    const { number } = await notice('320706');
    const printUrl = await printUrlFor(number, haizhou);
    for (const [name, value] of [
      ['client', 'key:1'],
      ['role', 'ENV_ADMIN'],
      ['district', '320707'],
    ]) {
      const url = new URL(printUrl, base);
      url.searchParams.set(name, value);
      expect((await open(`${url.pathname}${url.search}`)).status, name).toBe(403);
    }
    const dropped = new URL(printUrl, base);
    dropped.searchParams.delete('district');
    expect((await open(`${dropped.pathname}${dropped.search}`)).status).toBe(403);
  });

  it('accepts only the canonical spelling of its signature (padding, base64 alphabet, unused bits)', async () => {
    const { number } = await notice('320706');
    const printUrl = await printUrlFor(number, ADMIN);
    const url = new URL(printUrl, base);
    const sig = url.searchParams.get('sig')!;
    expect(sig).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const bytes = Buffer.from(sig, 'base64url');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // The last of 43 characters carries 4 bits of the MAC and 2 unused ones: set one of those.
    const lastIndex = alphabet.indexOf(sig[42]);
    const otherBits = `${sig.slice(0, 42)}${alphabet[lastIndex ^ 1]}`;
    expect(Buffer.from(otherBits, 'base64url').equals(bytes)).toBe(true);
    // Standard base64 spells a MAC without `-` or `_` exactly as base64url does: only other spellings are tried.
    const spellings = [`${sig}=`, bytes.toString('base64'), bytes.toString('base64').replace(/=+$/, ''), otherBits, `${sig} `].filter((spelling) => spelling !== sig);
    for (const spelling of spellings) {
      url.searchParams.set('sig', spelling);
      expect((await open(`${url.pathname}${url.search}`)).status, spelling).toBe(403);
    }
    // An expiry written with a leading zero names the same second: refused as well.
    const padded = new URL(printUrl, base);
    padded.searchParams.set('exp', `0${padded.searchParams.get('exp')}`);
    expect((await open(`${padded.pathname}${padded.search}`)).status).toBe(403);
    expect((await open(printUrl)).status).toBe(200);
  });
});

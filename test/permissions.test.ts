import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSION_TABLE, type FieldCoordinate } from '../src/shared/auth/permission-table';
import { ROLES, type Role } from '../src/shared/auth/principal';
import { DEMO_SHOWCASE_USCC } from '../src/shared/demo-dataset';
import { DEMO_CLIENTS } from '../src/gateway/services/api-client.service';
import { newUscc, ratedEnterprise } from './support/fixtures';
import { expectNoLeaks } from './support/leaks';
import { errorCodes, startTestHub, type CallOptions, type GraphqlResponse, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeAll(async () => {
  // Demo keys, but the production face: no introspection, no suggestions.
  hub = await startTestHub({ demoSize: 80, config: { schemaHints: false } });
});

afterAll(async () => {
  if (hub) expectNoLeaks(hub.responses);
  await hub?.stop();
});

const PURPOSE: Partial<Record<Role, string>> = { BANK: 'LOAN_APPLICATION', UTILITY: 'BILLING', PUBLIC_AGENCY: 'PROCUREMENT' };

function as(role: Role): CallOptions {
  const key = DEMO_CLIENTS.find((client) => client.role === role)?.key;
  return { key, purpose: PURPOSE[role] };
}

/**
 * How to ask for each field of the CONTRACT.md table, and where its value lands under `enterprise`.
 * Fields that have not landed on this branch yet are skipped (they join by being in schema/api.graphql).
 */
const PROBES: { coordinate: FieldCoordinate; selection: string; path: string[] }[] = [
  { coordinate: 'Enterprise.name', selection: 'name', path: ['name'] },
  { coordinate: 'Enterprise.districtCode', selection: 'districtCode', path: ['districtCode'] },
  { coordinate: 'Enterprise.districtInCity', selection: 'districtInCity', path: ['districtInCity'] },
  { coordinate: 'Enterprise.nameLooksLikeFormula', selection: 'nameLooksLikeFormula', path: ['nameLooksLikeFormula'] },
  { coordinate: 'Enterprise.registrationStatus', selection: 'registrationStatus', path: ['registrationStatus'] },
  { coordinate: 'Enterprise.industryCode', selection: 'industryCode', path: ['industryCode'] },
  { coordinate: 'Enterprise.legalRepresentative', selection: 'legalRepresentative', path: ['legalRepresentative'] },
  { coordinate: 'Enterprise.legalRepresentativeIdNumber', selection: 'legalRepresentativeIdNumber', path: ['legalRepresentativeIdNumber'] },
  { coordinate: 'EnvCredit.color', selection: 'envCredit { color }', path: ['envCredit', 'color'] },
  { coordinate: 'EnvCredit.ratedOn', selection: 'envCredit { ratedOn }', path: ['envCredit', 'ratedOn'] },
  { coordinate: 'EnvCredit.score', selection: 'envCredit { color score }', path: ['envCredit', 'score'] },
  { coordinate: 'Enterprise.envCreditEvents', selection: 'envCreditEvents { type }', path: ['envCreditEvents'] },
  { coordinate: 'Enterprise.marketListings', selection: 'marketListings { listType }', path: ['marketListings'] },
  { coordinate: 'Enterprise.creditListings', selection: 'creditListings { listType }', path: ['creditListings'] },
  { coordinate: 'Enterprise.responsiblePersons', selection: 'responsiblePersons { name idNumber }', path: ['responsiblePersons'] },
  { coordinate: 'Enterprise.linkedDishonestPersons', selection: 'linkedDishonestPersons { uscc }', path: ['linkedDishonestPersons'] },
  { coordinate: 'Enterprise.jointMeasures', selection: 'jointMeasures { reason }', path: ['jointMeasures'] },
  { coordinate: 'Enterprise.creditRestriction', selection: 'creditRestriction { level }', path: ['creditRestriction'] },
  { coordinate: 'Enterprise.sewageFee', selection: 'sewageFee { surchargePerCubicMetre }', path: ['sewageFee'] },
  { coordinate: 'Enterprise.envCreditHistory', selection: 'envCreditHistory { __typename }', path: ['envCreditHistory'] },
  { coordinate: 'Enterprise.envCreditSnapshots', selection: 'envCreditSnapshots { __typename }', path: ['envCreditSnapshots'] },
  { coordinate: 'Enterprise.envLegacyRatings', selection: 'envLegacyRatings { __typename }', path: ['envLegacyRatings'] },
  { coordinate: 'Enterprise.envObjections', selection: 'envObjections { __typename }', path: ['envObjections'] },
  { coordinate: 'Enterprise.envFrontRunnerDesignations', selection: 'envFrontRunnerDesignations { __typename }', path: ['envFrontRunnerDesignations'] },
  { coordinate: 'Enterprise.envDistrictOn', selection: 'envDistrictOn', path: ['envDistrictOn'] },
  { coordinate: 'Enterprise.envCommitments', selection: 'envCommitments { __typename }', path: ['envCommitments'] },
  { coordinate: 'Enterprise.envPenaltyDisclosures', selection: 'envPenaltyDisclosures { __typename }', path: ['envPenaltyDisclosures'] },
  { coordinate: 'Enterprise.publicPenalties', selection: 'publicPenalties { __typename }', path: ['publicPenalties'] },
  { coordinate: 'Enterprise.electricitySurcharge', selection: 'electricitySurcharge { surchargePerKwh }', path: ['electricitySurcharge'] },
  { coordinate: 'Enterprise.enterpriseType', selection: 'enterpriseType', path: ['enterpriseType'] },
  { coordinate: 'Enterprise.registeredCapital', selection: 'registeredCapital', path: ['registeredCapital'] },
  { coordinate: 'Enterprise.address', selection: 'address', path: ['address'] },
  { coordinate: 'Enterprise.publicPenaltyRecords', selection: 'publicPenaltyRecords { decisionNo }', path: ['publicPenaltyRecords'] },
  { coordinate: 'Enterprise.dishonestDebtorRecords', selection: 'dishonestDebtorRecords { caseNo }', path: ['dishonestDebtorRecords'] },
  { coordinate: 'Enterprise.envCreditEventsConnection', selection: 'envCreditEventsConnection(first: 2) { totalCount }', path: ['envCreditEventsConnection'] },
  { coordinate: 'Enterprise.publicPenaltyRecordsConnection', selection: 'publicPenaltyRecordsConnection(first: 2) { totalCount }', path: ['publicPenaltyRecordsConnection'] },
  { coordinate: 'Enterprise.successor', selection: 'successor { uscc }', path: ['successor'] },
  { coordinate: 'Enterprise.successors', selection: 'successors { uscc }', path: ['successors'] },
  { coordinate: 'Enterprise.predecessors', selection: 'predecessors { uscc }', path: ['predecessors'] },
];

const api = buildSchema(readFileSync(join(__dirname, '..', 'schema/api.graphql'), 'utf8'));
const exists = (coordinate: string) => {
  const [typeName, field] = coordinate.split('.');
  const type = api.getType(typeName);
  return isObjectType(type) && field in type.getFields();
};
const landed = PROBES.filter((probe) => exists(probe.coordinate));

function valueAt(data: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((value, key) => (value == null ? undefined : (value as Record<string, unknown>)[key as string]), data);
}

describe('the CONTRACT.md permission table, cell by cell, through the gateway', () => {
  it('covers every Enterprise field of the table that exists on this branch', () => {
    const probed = new Set(PROBES.map((probe) => probe.coordinate));
    for (const coordinate of Object.keys(PERMISSION_TABLE).filter((c) => /^(Enterprise|EnvCredit)\./.test(c))) {
      if (['Enterprise.uscc', 'Enterprise.envCredit', 'Enterprise.registeredOn', 'Enterprise.envColorTimeline', 'Enterprise.envColorTimelineKnownOn', 'Enterprise.envColorNow', 'Enterprise.envHalfYearSnapshots', 'Enterprise.envHalfYearSnapshotsKnownOn', 'Enterprise.marketListingFacts', 'Enterprise.creditListingFacts', 'Enterprise.envPenaltyPersons', 'Enterprise.legalRepresentativeIdFact'].includes(coordinate)) continue;
      expect(probed.has(coordinate as FieldCoordinate), coordinate).toBe(true);
    }
    expect(landed.length).toBeGreaterThanOrEqual(12);
  });

  const cells = ROLES.flatMap((role) => landed.map((probe) => ({ role, ...probe, allowed: (PERMISSION_TABLE[probe.coordinate] as readonly Role[]).includes(role) })));

  it.each(cells)('$role × $coordinate → allowed: $allowed', async ({ role, selection, path, allowed }) => {
    const response = await hub.request<{ enterprise: Record<string, unknown> | null }>(
      `query Cell($uscc: USCC!) { enterprise(uscc: $uscc) { uscc ${selection} } }`,
      { uscc: DEMO_SHOWCASE_USCC },
      as(role),
    );
    expect(response.status).toBe(200);
    const enterprise = response.data?.enterprise;
    // The rest of the answer is intact whatever happens to the field.
    expect(enterprise?.uscc).toBe(DEMO_SHOWCASE_USCC);
    const fieldPath = ['enterprise', ...path];
    const denial = (response.errors ?? []).find((error) => JSON.stringify(error.path) === JSON.stringify(fieldPath));
    if (allowed) {
      expect(denial, JSON.stringify(response.errors)).toBeUndefined();
      expect(valueAt(response.data, fieldPath)).not.toBeUndefined();
      expect(errorCodes(response)).not.toContain('FORBIDDEN');
    } else {
      expect(valueAt(response.data, fieldPath)).toBeNull();
      expect(denial?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('row scope', () => {
  it('ENV_OFFICER of 320706 gets null for a subject of another district, also via enterprises', async () => {
    const [other] = await hub.sql<{ uscc: string }>(`SELECT uscc FROM market.registration WHERE district_code <> '320706' ORDER BY uscc LIMIT 1`);
    expect(other).toBeDefined();
    const officer = as('ENV_OFFICER');
    const one = await hub.request<{ enterprise: unknown }>(`query($u: USCC!) { enterprise(uscc: $u) { uscc name envCredit { color } } }`, { u: other.uscc }, officer);
    expect(one.errors).toBeUndefined();
    expect(one.data!.enterprise).toBeNull();
    const many = await hub.request<{ enterprises: ({ uscc: string } | null)[] }>(
      `query($u: [USCC!]!) { enterprises(usccs: $u) { uscc name } }`,
      { u: [DEMO_SHOWCASE_USCC, other.uscc] },
      officer,
    );
    expect(many.errors).toBeUndefined();
    expect(many.data!.enterprises.map((e) => e?.uscc ?? null)).toEqual([DEMO_SHOWCASE_USCC, null]);
    // The admin sees both: the null above is scope, not absence.
    const admin = await hub.request<{ enterprises: ({ uscc: string } | null)[] }>(`query($u: [USCC!]!) { enterprises(usccs: $u) { uscc } }`, { u: [other.uscc] }, as('ENV_ADMIN'));
    expect(admin.data!.enterprises[0]?.uscc).toBe(other.uscc);
  });

  it('ENV_OFFICER may not record an event for another district (refused before it runs)', async () => {
    const elsewhere = await ratedEnterprise(hub, { district: '320703' });
    const response = await hub.request(
      `mutation($i: RecordCreditEventInput!) { recordCreditEvent(input: $i) { event { id } } }`,
      { i: { uscc: elsewhere, type: 'WARNING', occurredOn: '2025-03-01' } },
      as('ENV_OFFICER'),
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    const events = await hub.sql<{ n: number }>(`SELECT COUNT(*)::int AS n FROM environment.credit_event WHERE uscc = $1`, [elsewhere]);
    expect(events[0].n).toBe(0);
  });

  it('PUBLIC sees rated subjects only: an unrated one is answered as not existing', async () => {
    const unrated = newUscc('320706');
    const registered = await hub.request(
      `mutation($i: RegisterEnterpriseInput!) { registerEnterprise(input: $i) { uscc } }`,
      { i: { uscc: unrated, name: '未评价企业', districtCode: '320706' } },
      as('MARKET_REGULATOR'),
    );
    expect(registered.errors).toBeUndefined();
    const rated = await ratedEnterprise(hub);
    const one = await hub.request<{ enterprise: unknown }>(`query($u: USCC!) { enterprise(uscc: $u) { uscc name } }`, { u: unrated });
    expect(one.errors).toBeUndefined();
    expect(one.data!.enterprise).toBeNull();
    const many = await hub.request<{ enterprises: ({ uscc: string; envCredit: { color: string } | null } | null)[] }>(
      `query($u: [USCC!]!) { enterprises(usccs: $u) { uscc envCredit { color } } }`,
      { u: [unrated, rated] },
    );
    expect(many.errors).toBeUndefined();
    expect(many.data!.enterprises[0]).toBeNull();
    expect(many.data!.enterprises[1]).toMatchObject({ uscc: rated, envCredit: { color: expect.any(String) } });
    // A partner still sees the unrated subject.
    const bank = await hub.request<{ enterprise: { uscc: string } | null }>(`query($u: USCC!) { enterprise(uscc: $u) { uscc } }`, { u: unrated }, as('BANK'));
    expect(bank.data!.enterprise?.uscc).toBe(unrated);
  });
});

describe('purpose binding', () => {
  it('refuses BANK and UTILITY without an allowed purpose', async () => {
    for (const options of [{ key: 'demo-bank' }, { key: 'demo-bank', purpose: 'CURIOSITY' }, { key: 'demo-utility' }, { key: 'demo-utility', purpose: 'LOAN_APPLICATION' }]) {
      const response: GraphqlResponse<unknown> = await hub.request(`{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { uscc } }`, undefined, options);
      expect(response.status).toBe(403);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    }
  });
});

describe('no schema hints outside demo mode', () => {
  it('answers a misspelt field without suggesting the right one', async () => {
    const response = await hub.request(`{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { nam } }`, undefined, as('ENV_ADMIN'));
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).not.toMatch(/Did you mean/);
  });

  it('refuses introspection', async () => {
    const response = await hub.request(`{ __schema { types { name } } }`, undefined, as('ENV_ADMIN'));
    expect(response.data ?? null).toBeNull();
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_DISTRICTS } from '../src/shared/divisions';
import { StatementCounter } from '../src/shared/database';
import { today } from '../src/shared/dates';
import { encodeCursor } from '../src/shared/paging/cursor';
import {
  ColorDistributionDrillDownDocument,
  MeasureSubjectsDocument,
  MeasureSubjectsPageDocument,
  SearchEnterprisesCountedDocument,
  SearchEnterprisesDocument,
  SubjectRecordsPageDocument,
  type EnterpriseFilter,
  type MeasureSubjectsPageQuery,
  type SearchEnterprisesCountedQuery,
  type SubjectRecordsPageQuery,
} from './generated/graphql';
import { errorCodes, startTestHub, type CallOptions, type GraphqlResponse, type TestHub } from './support/test-hub';

const ADMIN = { key: 'demo-env-admin' };
const OFFICER = { key: 'demo-env-officer-haizhou' };
const DASHBOARD = { key: 'demo-dashboard' };
const UTILITY = { key: 'demo-utility', purpose: 'BILLING' };
const BANK = { key: 'demo-bank', purpose: 'POST_LOAN_MONITORING' };
const PUBLIC: CallOptions = {};

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 560 });
});

afterAll(async () => {
  await hub?.stop();
});

/** Pages through a search with `first` per page; fails on any error. Returns every code, in page order. */
async function pageAll(filter: EnterpriseFilter | null, first: number, call: CallOptions): Promise<{ codes: string[]; pages: number; totalCount: number }> {
  const codes: string[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount = -1;
  for (;;) {
    const response: GraphqlResponse<SearchEnterprisesCountedQuery> = await hub.execute(SearchEnterprisesCountedDocument, { filter, first, after }, call);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const page = response.data!.searchEnterprises;
    if (totalCount === -1) totalCount = page.totalCount;
    expect(page.totalCount).toBe(totalCount);
    expect(page.edges.length).toBeLessThanOrEqual(first);
    codes.push(...page.edges.map((edge) => edge.node.uscc));
    pages++;
    if (!page.pageInfo.hasNextPage) return { codes, pages, totalCount };
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
    after = page.pageInfo.endCursor!;
  }
}

const sorted = (codes: readonly string[]) => [...codes].sort();

describe('searchEnterprises', () => {
  it('pages through every registered subject once, by code, with its totalCount', async () => {
    const expected = (await hub.sql<{ uscc: string }>('SELECT uscc FROM market.registration ORDER BY uscc')).map((row) => row.uscc);
    const { codes, pages, totalCount } = await pageAll(null, 97, ADMIN);
    expect(codes).toEqual(expected);
    expect(new Set(codes).size).toBe(codes.length);
    expect(totalCount).toBe(expected.length);
    expect(pages).toBe(Math.ceil(expected.length / 97));
  });

  it('answers the same pages again (a stable order)', async () => {
    const first = await hub.execute(SearchEnterprisesDocument, { filter: { districtCode: '320707' }, first: 20 }, ADMIN);
    const again = await hub.execute(SearchEnterprisesDocument, { filter: { districtCode: '320707' }, first: 20 }, ADMIN);
    expect(again.data).toEqual(first.data);
    const second = await hub.execute(SearchEnterprisesDocument, { filter: { districtCode: '320707' }, first: 20, after: first.data!.searchEnterprises.pageInfo.endCursor }, ADMIN);
    expect(second.data!.searchEnterprises.edges[0].node.uscc > first.data!.searchEnterprises.edges.at(-1)!.node.uscc).toBe(true);
  });

  it('filters by district, industry, name and code prefix as the registrations say', async () => {
    const byDistrict = await pageAll({ districtCode: '320722', industryCode: 'C3011' }, 50, ADMIN);
    const expected = await hub.sql<{ uscc: string }>(`SELECT uscc FROM market.registration WHERE district_code = '320722' AND industry_code = 'C3011' ORDER BY uscc`);
    expect(byDistrict.codes).toEqual(expected.map((row) => row.uscc));
    expect(byDistrict.codes.length).toBeGreaterThan(0);

    const [{ name }] = await hub.sql<{ name: string }>(`SELECT name FROM market.registration WHERE uscc = '91320700MA1Q3K7P2H'`);
    const byName = await pageAll({ nameContains: name.slice(2, 6) }, 100, ADMIN);
    const nameExpected = await hub.sql<{ uscc: string }>(`SELECT uscc FROM market.registration WHERE name LIKE $1 ORDER BY uscc`, [`%${name.slice(2, 6)}%`]);
    expect(byName.codes).toEqual(nameExpected.map((row) => row.uscc));
    expect(byName.codes).toContain('91320700MA1Q3K7P2H');

    const byPrefix = await pageAll({ usccPrefix: '9132070' }, 500, ADMIN);
    const prefixExpected = await hub.sql<{ uscc: string }>(`SELECT uscc FROM market.registration WHERE uscc LIKE '9132070%' ORDER BY uscc`);
    expect(byPrefix.codes).toEqual(prefixExpected.map((row) => row.uscc));
  });

  it('a name pattern is matched literally (% and _ are characters, not wildcards)', async () => {
    const response = await hub.execute(SearchEnterprisesCountedDocument, { filter: { nameContains: '%%' }, first: 10 }, ADMIN);
    expect(response.errors).toBeUndefined();
    expect(response.data!.searchEnterprises.totalCount).toBe(0);
  });

  it('filters by colour on a date: every colour partitions the rated subjects, and each subject has the colour the API gives it', async () => {
    const rated = await hub.sql<{ count: string }>(`SELECT COUNT(*) AS count FROM environment.rated_subject WHERE rated_from <= $1`, [today()]);
    let total = 0;
    for (const color of ['GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK'] as const) {
      const response = await hub.execute(SearchEnterprisesDocument, { filter: { color }, first: 1000 }, ADMIN);
      expect(response.errors).toBeUndefined();
      const edges = response.data!.searchEnterprises.edges;
      for (const edge of edges) expect(edge.node.envCredit?.color).toBe(color);
      total += edges.length;
    }
    expect(total).toBe(Number(rated[0].count));
    const both = await pageAll({ colors: ['RED', 'BLACK'] }, 30, ADMIN);
    const red = await pageAll({ color: 'RED' }, 1000, ADMIN);
    const black = await pageAll({ color: 'BLACK' }, 1000, ADMIN);
    expect(both.codes).toEqual(sorted([...red.codes, ...black.codes]));
    expect(both.totalCount).toBe(red.codes.length + black.codes.length);
  });

  it('filters by list membership on a date: market lists and credit designations together', async () => {
    const day = today();
    const expected = await hub.sql<{ uscc: string }>(
      `SELECT uscc FROM market.list_entry WHERE listed_on <= $1 AND (removed_on IS NULL OR removed_on > $1)
        UNION SELECT uscc FROM credit.list_designation WHERE listed_on <= $1 AND (removed_on IS NULL OR removed_on > $1) ORDER BY uscc`,
      [day],
    );
    const listed = await pageAll({ listed: true }, 40, ADMIN);
    expect(listed.codes).toEqual(expected.map((row) => row.uscc));
    expect(listed.totalCount).toBe(expected.length);
    const notListed = await pageAll({ listed: false }, 1000, ADMIN);
    const all = await hub.sql<{ count: string }>('SELECT COUNT(*) AS count FROM market.registration');
    expect(notListed.codes.length + listed.codes.length).toBe(Number(all[0].count));
    expect(notListed.codes.filter((code) => listed.codes.includes(code))).toEqual([]);
  });

  it("costs a fixed number of statements per page with market's criteria, and a few rounds with others', whatever the page size", async () => {
    const cost = async (filter: EnterpriseFilter, first: number) => {
      const before = StatementCounter.total();
      const response = await hub.execute(SearchEnterprisesDocument, { filter, first }, ADMIN);
      expect(response.errors).toBeUndefined();
      return StatementCounter.total() - before;
    };
    await cost({ districtCode: '320706' }, 5);
    expect(await cost({ districtCode: '320706' }, 500)).toBe(await cost({ districtCode: '320706' }, 10));
    const small = await cost({ colors: ['GREEN', 'BLUE'] }, 10);
    expect(await cost({ colors: ['GREEN', 'BLUE'] }, 500)).toBeLessThanOrEqual(small + 2);
  });
});

describe('searchEnterprises: row scope and field permissions', () => {
  it('PUBLIC finds only subjects rated today, by name or code', async () => {
    const expected = await hub.sql<{ uscc: string }>(`SELECT uscc FROM environment.rated_subject WHERE rated_from <= $1 ORDER BY uscc`, [today()]);
    const all = await pageAll(null, 200, PUBLIC);
    expect(all.codes).toEqual(expected.map((row) => row.uscc));
    expect(all.totalCount).toBe(expected.length);
    const unrated = await hub.sql<{ uscc: string }>(`SELECT r.uscc FROM market.registration r WHERE NOT EXISTS (SELECT 1 FROM environment.rated_subject s WHERE s.uscc = r.uscc) LIMIT 1`);
    const byCode = await hub.execute(SearchEnterprisesCountedDocument, { filter: { usccPrefix: unrated[0].uscc } }, PUBLIC);
    expect(byCode.data!.searchEnterprises.totalCount).toBe(0);
    const admin = await hub.execute(SearchEnterprisesCountedDocument, { filter: { usccPrefix: unrated[0].uscc } }, ADMIN);
    expect(admin.data!.searchEnterprises.totalCount).toBe(1);
  });

  it.each([
    ['districtCode', { districtCode: '320706' }],
    ['color', { color: 'RED' }],
    ['listed', { listed: true }],
    ['industryCode', { industryCode: 'C2614' }],
  ] as const)('PUBLIC may not search by %s: FORBIDDEN naming the criterion', async (name, filter) => {
    const response = await hub.execute(SearchEnterprisesDocument, { filter }, PUBLIC);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors![0].message).toContain(`filter.${name}`);
  });

  it('a role that may not read a field may not search by it', async () => {
    const byIndustry = await hub.execute(SearchEnterprisesDocument, { filter: { industryCode: 'C2614' } }, UTILITY);
    expect(errorCodes(byIndustry)).toEqual(['FORBIDDEN']);
    expect(byIndustry.errors![0].message).toContain('Enterprise.industryCode');
    const byList = await hub.execute(SearchEnterprisesDocument, { filter: { listed: true } }, DASHBOARD);
    expect(errorCodes(byList)).toEqual(['FORBIDDEN']);
    const bank = await hub.execute(SearchEnterprisesDocument, { filter: { listed: true, industryCode: 'C2614' }, first: 5 }, BANK);
    expect(bank.errors).toBeUndefined();
  });

  it('ENV_OFFICER finds only subjects of its district; another district is empty, not an error', async () => {
    const expected = await hub.sql<{ uscc: string }>(`SELECT uscc FROM market.registration WHERE district_code = '320706' ORDER BY uscc`);
    const own = await pageAll(null, 100, OFFICER);
    expect(own.codes).toEqual(expected.map((row) => row.uscc));
    const other = await hub.execute(SearchEnterprisesCountedDocument, { filter: { districtCode: '320707' } }, OFFICER);
    expect(other.errors).toBeUndefined();
    expect(other.data!.searchEnterprises.totalCount).toBe(0);
    expect(other.data!.searchEnterprises.edges).toEqual([]);
  });

  it('field permissions apply to the nodes as everywhere (UTILITY does not see industryCode)', async () => {
    const response = await hub.request<{ searchEnterprises: { edges: { node: { uscc: string; industryCode: string | null } }[] } }>(
      '{ searchEnterprises(first: 2) { edges { node { uscc industryCode } } } }',
      {},
      UTILITY,
    );
    expect(response.data!.searchEnterprises.edges).toHaveLength(2);
    expect(response.data!.searchEnterprises.edges[0].node.industryCode).toBeNull();
    expect(errorCodes(response)).toContain('FORBIDDEN');
  });
});

describe('searchEnterprises: bad input', () => {
  it('a cursor that is not one, or of another filter, is BAD_USER_INPUT naming `after`', async () => {
    for (const after of ['not-a-cursor!', 'eyJ4IjoxfQ', encodeCursor('searchEnterprises', 'other-filter', ['91320700MA1Q3K7P2H']), encodeCursor('measureSubjectsConnection', 'x', ['91320700MA1Q3K7P2H'])]) {
      const response = await hub.execute(SearchEnterprisesDocument, { filter: null, first: 5, after }, ADMIN);
      expect(errorCodes(response), after).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toMatch(/^after /);
    }
    const page = await hub.execute(SearchEnterprisesDocument, { filter: { color: 'RED' }, first: 2 }, ADMIN);
    const wrongFilter = await hub.execute(SearchEnterprisesDocument, { filter: { color: 'BLUE' }, first: 2, after: page.data!.searchEnterprises.pageInfo.endCursor }, ADMIN);
    expect(errorCodes(wrongFilter)).toEqual(['BAD_USER_INPUT']);
    expect(wrongFilter.errors![0].message).toContain('issued for other arguments');
  });

  it('first over the list-items budget is refused before anything runs; a negative first is BAD_USER_INPUT', async () => {
    const tooMany = await hub.execute(SearchEnterprisesDocument, { first: 1001 }, ADMIN);
    expect(errorCodes(tooMany)).toEqual(['QUERY_TOO_COMPLEX']);
    // The budget is per request: two pages of 600 under aliases are 1200 items.
    const aliased = await hub.request('{ a: searchEnterprises(first: 600) { pageInfo { hasNextPage } } b: searchEnterprises(first: 600) { pageInfo { hasNextPage } } }', {}, ADMIN);
    expect(errorCodes(aliased)).toEqual(['QUERY_TOO_COMPLEX']);
    const defaulted = await hub.request('{ a: searchEnterprises { pageInfo { hasNextPage } } b: searchEnterprises(first: 951) { pageInfo { hasNextPage } } }', {}, ADMIN);
    expect(errorCodes(defaulted)).toEqual(['QUERY_TOO_COMPLEX']);
    const negative = await hub.execute(SearchEnterprisesDocument, { first: -1 }, ADMIN);
    expect(errorCodes(negative)).toEqual(['BAD_USER_INPUT']);
    expect(negative.errors![0].message).toContain('first');
  });

  it('criteria are checked and named', async () => {
    const cases: [EnterpriseFilter, string][] = [
      [{ usccPrefix: '91O' }, 'filter.usccPrefix'],
      [{ nameContains: 'x' }, 'filter.nameContains'],
      [{ districtCode: '999999' }, 'filter.districtCode'],
      [{ color: 'RED', colorAsOf: '2999-01-01' }, 'filter.colorAsOf'],
    ];
    for (const [filter, named] of cases) {
      const response = await hub.execute(SearchEnterprisesDocument, { filter }, ADMIN);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toContain(named);
    }
  });
});

describe('colorDistribution: names, zero counts and drill-down', () => {
  it('names every district and includes zero counts for each of the five colours', async () => {
    const response = await hub.execute(ColorDistributionDrillDownDocument, { groupBy: 'DISTRICT', asOf: '2001-01-01' }, DASHBOARD);
    expect(response.errors).toBeUndefined();
    const buckets = response.data!.colorDistribution;
    expect(buckets).toHaveLength(Object.keys(CITY_DISTRICTS).length * 5);
    for (const bucket of buckets) {
      expect(bucket.count).toBe(0);
      expect(bucket.groupName).toBe(CITY_DISTRICTS[bucket.group]);
    }
  });

  it('names industries (GB/T 4754) and gives each group all five colours', async () => {
    const response = await hub.execute(ColorDistributionDrillDownDocument, { groupBy: 'INDUSTRY' }, DASHBOARD);
    const buckets = response.data!.colorDistribution;
    expect(buckets.find((b) => b.group === 'C2614')?.groupName).toBe('有机化学原料制造');
    expect(buckets.find((b) => b.group === 'D4411')?.groupName).toBe('火力发电');
    const groups = new Set(buckets.map((b) => b.group));
    expect(buckets).toHaveLength(groups.size * 5);
  });

  it('drills down from each count to exactly the subjects behind it', async () => {
    const response = await hub.execute(ColorDistributionDrillDownDocument, { groupBy: 'DISTRICT' }, DASHBOARD);
    const buckets = response.data!.colorDistribution;
    const total = await hub.sql<{ count: string }>(`SELECT COUNT(*) AS count FROM environment.rated_subject WHERE rated_from <= $1`, [today()]);
    expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(Number(total[0].count));
    for (const bucket of buckets.filter((b) => b.count > 0).slice(0, 12)) {
      const { filter } = bucket;
      const behind = await pageAll({ districtCode: filter!.districtCode, color: filter!.color, colorAsOf: filter!.colorAsOf }, 1000, DASHBOARD);
      expect(behind.totalCount, `${bucket.group} ${bucket.color}`).toBe(bucket.count);
      expect(behind.codes).toHaveLength(bucket.count);
    }
  });

  it('a district officer sees its own district only, zeros included', async () => {
    const response = await hub.execute(ColorDistributionDrillDownDocument, { groupBy: 'DISTRICT', asOf: '2001-01-01' }, OFFICER);
    expect(response.data!.colorDistribution.map((b) => b.group)).toEqual(Array(5).fill('320706'));
  });
});

describe('connections beside unbounded lists', () => {
  it('measureSubjectsConnection pages through what measureSubjects lists', async () => {
    const list = await hub.execute(MeasureSubjectsDocument, { code: 'BANK_CREDIT_RESTRICTION' }, BANK);
    expect(list.errors).toBeUndefined();
    const expected = list.data!.measureSubjects.map((s) => s.uscc);
    expect(expected.length).toBeGreaterThan(3);
    const codes: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: GraphqlResponse<MeasureSubjectsPageQuery> = await hub.execute(MeasureSubjectsPageDocument, { code: 'BANK_CREDIT_RESTRICTION', first: 3, after }, BANK);
      expect(page.errors).toBeUndefined();
      const connection = page.data!.measureSubjectsConnection;
      expect(connection.totalCount).toBe(expected.length);
      codes.push(...connection.edges.map((edge) => edge.node.uscc));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor!;
    }
    expect(codes).toEqual(expected);
  });

  it("a subject's events and penalty records page like the lists, and a cursor of one subject does not continue another's", async () => {
    const [withEvents] = await hub.sql<{ uscc: string }>(
      `SELECT e.uscc FROM environment.credit_event e JOIN credit.penalty_record p ON p.uscc = e.uscc GROUP BY e.uscc ORDER BY COUNT(DISTINCT e.id) DESC, e.uscc LIMIT 1`,
    );
    const uscc = withEvents.uscc;
    const events: string[] = [];
    const penalties: string[] = [];
    let after: string | null = null;
    let whole: { events: string[]; penalties: string[] } | null = null;
    for (;;) {
      const page: GraphqlResponse<SubjectRecordsPageQuery> = await hub.execute(SubjectRecordsPageDocument, { uscc, first: 1, eventsAfter: after }, ADMIN);
      expect(page.errors).toBeUndefined();
      const enterprise = page.data!.enterprise!;
      whole ??= { events: enterprise.envCreditEvents!.map((e) => e.id), penalties: enterprise.publicPenaltyRecords!.map((p) => p.decisionNo) };
      events.push(...enterprise.envCreditEventsConnection!.edges.map((edge) => edge.node.id));
      if (!enterprise.envCreditEventsConnection!.pageInfo.hasNextPage) break;
      after = enterprise.envCreditEventsConnection!.pageInfo.endCursor!;
    }
    expect(events).toEqual(whole.events);
    const all = await hub.execute(SubjectRecordsPageDocument, { uscc, first: 400 }, ADMIN);
    expect(all.errors).toBeUndefined();
    penalties.push(...all.data!.enterprise!.publicPenaltyRecordsConnection!.edges.map((edge) => edge.node.decisionNo));
    expect(penalties).toEqual(whole.penalties);
    expect(all.data!.enterprise!.envCreditEventsConnection!.totalCount).toBe(whole.events.length);

    const [other] = await hub.sql<{ uscc: string }>(`SELECT uscc FROM environment.credit_event WHERE uscc <> $1 LIMIT 1`, [uscc]);
    const crossed = await hub.execute(SubjectRecordsPageDocument, { uscc: other.uscc, first: 1, eventsAfter: after }, ADMIN);
    expect(errorCodes(crossed)).toContain('BAD_USER_INPUT');
  });
});

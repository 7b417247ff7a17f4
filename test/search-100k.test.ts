import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEnterprises } from '../src/hub/demo-seed';
import { today } from '../src/shared/dates';
import {
  ColorDistributionDrillDownDocument,
  SearchEnterprisesCountedDocument,
  SearchEnterprisesDocument,
  type EnterpriseFilter,
  type SearchEnterprisesCountedQuery,
  type SearchEnterprisesQuery,
} from './generated/graphql';
import { startTestHub, type CallOptions, type GraphqlResponse, type TestHub } from './support/test-hub';

/**
 * Acceptance (issue 12): paging through searchEnterprises returns every matching subject once, in a
 * stable order, for 100,000 subjects. Seeding 100,000 subjects with COPY takes 25-60 s on a busy
 * machine, hence the long timeouts of this file.
 */
const SUBJECTS = 100_000;
let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
  await seedEnterprises(hub.hub.sources, { enterprises: SUBJECTS, eventsPerSubject: 0 });
}, 600_000);

afterAll(async () => {
  await hub?.stop();
});

async function pageAll(filter: EnterpriseFilter | null, call: CallOptions): Promise<{ codes: string[]; totalCount: number }> {
  const codes: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (;;) {
    // totalCount is asked for on the first page only, as a partner would (it is a pass over the candidates).
    const response: GraphqlResponse<SearchEnterprisesCountedQuery | SearchEnterprisesQuery> =
      after === null
        ? await hub.execute(SearchEnterprisesCountedDocument, { filter, first: 1000, after }, call)
        : await hub.execute(SearchEnterprisesDocument, { filter, first: 1000, after }, call);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const page = response.data!.searchEnterprises;
    if ('totalCount' in page) totalCount = page.totalCount;
    codes.push(...page.edges.map((edge) => edge.node.uscc));
    if (!page.pageInfo.hasNextPage) return { codes, totalCount };
    after = page.pageInfo.endCursor!;
  }
}

describe(`searchEnterprises over ${SUBJECTS.toLocaleString('en')} subjects`, () => {
  it('ENV_ADMIN pages through every subject once, in code order', async () => {
    const expected = (await hub.sql<{ uscc: string }>('SELECT uscc FROM market.registration ORDER BY uscc')).map((row) => row.uscc);
    expect(expected).toHaveLength(SUBJECTS);
    const { codes, totalCount } = await pageAll(null, { key: 'demo-env-admin' });
    expect(totalCount).toBe(SUBJECTS);
    expect(codes).toEqual(expected);
  }, 600_000);

  it('PUBLIC pages through every rated subject once (rated asked of environment page by page)', async () => {
    const expected = (await hub.sql<{ uscc: string }>('SELECT uscc FROM environment.rated_subject WHERE rated_from <= $1 ORDER BY uscc', [today()])).map((row) => row.uscc);
    const { codes, totalCount } = await pageAll(null, {});
    expect(totalCount).toBe(expected.length);
    expect(codes).toEqual(expected);
    expect(new Set(codes).size).toBe(codes.length);
  }, 600_000);

  it('a rare colour in one district: exactly the subjects colorDistribution counts', async () => {
    const buckets = await hub.execute(ColorDistributionDrillDownDocument, { groupBy: 'DISTRICT' }, { key: 'demo-dashboard' });
    const bucket = buckets.data!.colorDistribution.find((b) => b.group === '320724' && b.color === 'BLACK')!;
    expect(bucket.count).toBeGreaterThan(0);
    const { codes, totalCount } = await pageAll({ districtCode: '320724', color: 'BLACK' }, { key: 'demo-dashboard' });
    expect(totalCount).toBe(bucket.count);
    expect(codes).toHaveLength(bucket.count);
    expect(codes).toEqual([...codes].sort());
  }, 600_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationInterface } from 'typeorm';
import { CreditDesignationRecordedOn1796122600000 } from '../migrations/credit/1796122600000-CreditDesignationRecordedOn';
import { EnrolmentKnownOn1796122600000 } from '../migrations/environment/1796122600000-EnrolmentKnownOn';
import { MarketListEntryRecordedOn1796122600000 } from '../migrations/market/1796122600000-MarketListEntryRecordedOn';
import { addDays, addMonths, today } from '../src/shared/dates';
import { ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

/**
 * DOMAIN.md §10 "Known-on dates" for the bank's answer: `creditRestriction(asOf:, knownOn:)` says what
 * the hub answered on day K about day D, so that a bank can reproduce what it was told. List entries
 * (credit office's and market supervision's) record the day the hub learnt of them and of their
 * removal; the colour is the one environment knew on K (a subject enrolled after K was not rated).
 * Rules (finance.restriction_rule defaults, DOMAIN.md §5 and §10 list precedence): serious-dishonesty,
 * court dishonest-debtor and market serious illegal & dishonest listings give RESTRICTED with the
 * memorandum as basis; BLACK gives PROHIBITED; a BLUE subject on no list gets NONE.
 */
const ADMIN = { key: 'demo-env-admin' };
const CREDIT_OFFICE = { key: 'demo-credit-office' };
const MARKET = { key: 'demo-market' };
const BANK = { key: 'demo-bank', purpose: 'CREDIT_REVIEW' };

const MEMORANDUM_1580 = '关于对环境保护领域失信生产经营单位及其有关人员开展联合惩戒的合作备忘录 (发改财金〔2016〕1580号): 作为融资授信的审慎性参考';
const MARKET_LIST = '市场监督管理严重违法失信名单管理办法 (国家市场监督管理总局令第44号): 作为融资授信的审慎性参考';

/** Each department's list, the list type that restricts credit, the basis the rule names. */
const LISTS = {
  credit: { listType: 'SERIOUS_DISHONESTY', basis: MEMORANDUM_1580, table: 'credit.list_designation', field: 'creditListings' },
  market: { listType: 'SERIOUS_ILLEGAL_DISHONEST', basis: MARKET_LIST, table: 'market.list_entry', field: 'marketListings' },
} as const;
type Department = keyof typeof LISTS;

let hub: TestHub;
const yesterday = () => addDays(today(), -1);
/** "Last month": the day the entries under test take effect, and the day asked about. */
const lastMonth = () => addMonths(today(), -1);
const BLUE_ON_NO_LIST = {
  level: 'NONE',
  restricted: false,
  basis: ['environmental credit colour BLUE since 2024-01-01'],
  since: null,
  greenCreditPriority: false,
};

/** A BLUE subject rated from 2024-01-01 whose enrolment the hub has known since then. */
async function blueSubject(): Promise<string> {
  const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
  // Enrolled today; dating its known-on day back stands for having enrolled it on 2024-01-01.
  await hub.sql(`UPDATE environment.rated_subject SET known_on = '2024-01-01' WHERE uscc = $1`, [uscc]);
  return uscc;
}

async function list(department: Department, uscc: string, listedOn: string, documentNo: string): Promise<string> {
  const { listType } = LISTS[department];
  const response =
    department === 'credit'
      ? await hub.request<{ entry: { id: string } }>(
          `mutation L($input: DesignateCreditListingInput!) { entry: designateCreditListing(input: $input) { id } }`,
          { input: { uscc, listType, reason: '环境违法失信', documentNo, listedOn } },
          CREDIT_OFFICE,
        )
      : await hub.request<{ entry: { id: string } }>(
          `mutation L($input: AddMarketListingInput!) { entry: addMarketListing(input: $input) { id } }`,
          { input: { uscc, listType, reason: '提交虚假材料', documentNo, listedOn } },
          MARKET,
        );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.entry.id;
}

async function remove(department: Department, id: string, removedOn: string): Promise<void> {
  const mutation = department === 'credit' ? 'removeCreditListing(input: $input)' : 'removeMarketListing(input: $input)';
  const input = department === 'credit' ? 'RemoveCreditListingInput' : 'RemoveMarketListingInput';
  const response = await hub.request(
    `mutation R($input: ${input}!) { ${mutation} { id } }`,
    { input: { id, removedOn, removalReason: '信用修复' } },
    department === 'credit' ? CREDIT_OFFICE : MARKET,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
}

/** The entries as a supervisor reads them: the days they took effect and the days the hub learnt of them. */
async function entries(department: Department, uscc: string) {
  const response = await hub.request<{ enterprise: Record<string, unknown[]> }>(
    `query E($uscc: USCC!) { enterprise(uscc: $uscc) { ${LISTS[department].field} { listedOn removedOn recordedOn removalRecordedOn } } }`,
    { uscc },
    ADMIN,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.enterprise[LISTS[department].field];
}

async function restriction(uscc: string, asOf?: string, knownOn?: string) {
  const response = await hub.request<{ enterprise: { creditRestriction: unknown } }>(
    `query B($uscc: USCC!, $asOf: Date, $knownOn: Date) {
       enterprise(uscc: $uscc) { creditRestriction(asOf: $asOf, knownOn: $knownOn) { level restricted basis since greenCreditPriority } }
     }`,
    { uscc, asOf, knownOn },
    BANK,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.enterprise.creditRestriction;
}

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

describe.each(['credit', 'market'] as const)("the %s department's list entries, as known on K", (department) => {
  const { listType, basis } = LISTS[department];

  it('leave an entry recorded today out of what the hub answered yesterday about last month', async () => {
    const uscc = await blueSubject();
    const documentNo = `${department}〔2026〕11号`;
    await list(department, uscc, lastMonth(), documentNo);
    expect(await entries(department, uscc)).toEqual([{ listedOn: lastMonth(), removedOn: null, recordedOn: today(), removalRecordedOn: null }]);

    const restricted = {
      level: 'RESTRICTED',
      restricted: true,
      basis: [`listed ${listType} since ${lastMonth()}, document ${documentNo} (${basis})`],
      since: lastMonth(),
      greenCreditPriority: false,
    };
    // Yesterday the hub did not know of the entry: a BLUE subject on no list.
    expect(await restriction(uscc, lastMonth(), yesterday())).toEqual(BLUE_ON_NO_LIST);
    // Known today (by default, or said so), the same day of last month is RESTRICTED.
    expect(await restriction(uscc, lastMonth())).toEqual(restricted);
    expect(await restriction(uscc, lastMonth(), today())).toEqual(restricted);
    // The day before the entry took effect stays NONE whatever the known-on day.
    expect(await restriction(uscc, addDays(lastMonth(), -1))).toEqual(BLUE_ON_NO_LIST);
  });

  it('keep a removal recorded today out of what the hub answered yesterday', async () => {
    const uscc = await blueSubject();
    const listedOn = addMonths(today(), -3);
    const documentNo = `${department}〔2026〕12号`;
    const id = await list(department, uscc, listedOn, documentNo);
    // Listed today; dating its recorded day back stands for having learnt of it on its listedOn.
    await hub.sql(`UPDATE ${LISTS[department].table} SET recorded_on = listed_on WHERE id = $1`, [Number(id)]);
    await remove(department, id, lastMonth());
    expect(await entries(department, uscc)).toEqual([{ listedOn, removedOn: lastMonth(), recordedOn: listedOn, removalRecordedOn: today() }]);

    // Yesterday the hub did not know of the removal: the entry still restricted last month's day.
    expect(await restriction(uscc, lastMonth(), yesterday())).toEqual({
      level: 'RESTRICTED',
      restricted: true,
      basis: [`listed ${listType} since ${listedOn}, document ${documentNo} (${basis})`],
      since: listedOn,
      greenCreditPriority: false,
    });
    // Known today, the entry ended on that day.
    expect(await restriction(uscc, lastMonth())).toEqual(BLUE_ON_NO_LIST);
    expect(await restriction(uscc, lastMonth(), today())).toEqual(BLUE_ON_NO_LIST);
  });
});

describe("the colour in the bank's answer, as known on K", () => {
  it('is the one environment knew: an event recorded today does not change yesterday\'s answer', async () => {
    const uscc = await blueSubject();
    // −9 (ADMIN_DETENTION_TRANSFER, 12 months): 9 − 9 = 0, BLACK from last month; BLACK gives PROHIBITED.
    const recorded = await hub.request(
      `mutation R($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } } }`,
      { input: { uscc, type: 'ADMIN_DETENTION_TRANSFER', occurredOn: lastMonth(), decisionNo: '连环罚〔2026〕99号' } },
      ADMIN,
    );
    expect(recorded.errors, JSON.stringify(recorded.errors)).toBeUndefined();
    expect(await restriction(uscc, lastMonth(), yesterday())).toEqual(BLUE_ON_NO_LIST);
    expect(await restriction(uscc, lastMonth())).toMatchObject({ level: 'PROHIBITED', restricted: true, since: lastMonth() });
  });

  it('has nothing to decide on for a subject enrolled today and on no list, as known yesterday', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    expect(await restriction(uscc, lastMonth())).toEqual(BLUE_ON_NO_LIST);
    expect(await restriction(uscc, lastMonth(), yesterday())).toBeNull();
    expect(await restriction(uscc, undefined, yesterday())).toBeNull();
  });

  it('refuses a known-on day in the future with the words envCredit uses', async () => {
    const uscc = await blueSubject();
    const tomorrow = addDays(today(), 1);
    const response = await hub.request(
      `query B($uscc: USCC!, $k: Date) { enterprise(uscc: $uscc) { creditRestriction(knownOn: $k) { level } } }`,
      { uscc, k: tomorrow },
      BANK,
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toBe(`knownOn ${tomorrow} is in the future (today is ${today()}); the hub cannot say what it will know`);
    expect(response.errors![0].path).toEqual(['enterprise', 'creditRestriction']);
  });
});

describe('the migrations that add the known-on dates', () => {
  /** Takes the migration back and applies it again over the rows written meanwhile (the schema owner's connection). */
  async function reapply(owner: 'environment' | 'credit' | 'market', migration: MigrationInterface): Promise<void> {
    const runner = hub.hub.sources[owner].createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  }

  it('date an enrolment from its enrolment day, or from its earliest known event when earlier', async () => {
    const withEvent = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const without = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const recorded = await hub.request<{ recordCreditEvent: { event: { id: string } } }>(
      `mutation R($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } } }`,
      { input: { uscc: withEvent, type: 'WARNING', occurredOn: '2025-03-01', decisionNo: '连环罚〔2025〕1号' } },
      ADMIN,
    );
    expect(recorded.errors, JSON.stringify(recorded.errors)).toBeUndefined();
    // A feed that reached the hub on 2025-03-05: the subject was enrolled by then.
    await hub.sql(`UPDATE environment.credit_event SET known_on = '2025-03-05' WHERE id = $1`, [Number(recorded.data!.recordCreditEvent.event.id)]);
    await reapply('environment', new EnrolmentKnownOn1796122600000());
    const rows = await hub.sql(`SELECT uscc, known_on::text FROM environment.rated_subject WHERE uscc = ANY($1) ORDER BY uscc`, [[withEvent, without].sort()]);
    expect(Object.fromEntries(rows.map((r) => [r.uscc, r.known_on]))).toEqual({ [withEvent]: '2025-03-05', [without]: today() });
  });

  it.each([
    ['credit', new CreditDesignationRecordedOn1796122600000()],
    ['market', new MarketListEntryRecordedOn1796122600000()],
  ] as const)('take %s entries and removals as learnt on the days they took effect', async (department, migration) => {
    const uscc = await blueSubject();
    const listedOn = addMonths(today(), -2);
    const kept = await list(department, uscc, listedOn, `${department}〔2026〕21号`);
    const removed = await list(department, uscc, listedOn, `${department}〔2026〕22号`);
    await remove(department, removed, lastMonth());
    await reapply(department, migration);
    const rows = await hub.sql(
      `SELECT id, recorded_on::text, removal_recorded_on::text FROM ${LISTS[department].table} WHERE id = ANY($1::int[]) ORDER BY id`,
      [[Number(kept), Number(removed)]],
    );
    expect(rows).toEqual([
      { id: Number(kept), recorded_on: listedOn, removal_recorded_on: null },
      { id: Number(removed), recorded_on: listedOn, removal_recorded_on: lastMonth() },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, today } from '../src/shared/dates';
import { halfYearOf } from '../src/shared/half-year';
import { ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

/**
 * DOMAIN.md §10 "Known-on dates" for the joint measures: `jointMeasures(asOf:, knownOn:)` says which
 * measures the hub told a bank on day K applied on day D. Catalogue (credit migrations): RED triggers the
 * bank's BANK_CREDIT_RESTRICTION; a SERIOUS_DISHONESTY entry the bank's MEMO_BANK_CREDIT; a market
 * SERIOUS_ILLEGAL_DISHONEST entry the bank's SID_BANK_CREDIT; a RED half-year snapshot the utility's
 * SEWAGE_FEE_SURCHARGE and ELECTRICITY_SURCHARGE. Scores (§3): start 9, SUSPENSION_ORDER −6,
 * WARNING −1 for 6 months; 9 − 6 − 1 = 2 is RED.
 */
const ADMIN = { key: 'demo-env-admin' };
const CREDIT_OFFICE = { key: 'demo-credit-office' };
const MARKET = { key: 'demo-market' };
const BANK = { key: 'demo-bank', purpose: 'CREDIT_REVIEW' };
const UTILITY = { key: 'demo-utility', purpose: 'BILLING' };

let hub: TestHub;
const yesterday = () => addDays(today(), -1);
/** "Last month": the day the facts under test take effect, and the day asked about. */
const lastMonth = () => addMonths(today(), -1);

/** A BLUE subject rated from 2024-01-01 whose enrolment the hub has known since then. */
async function blueSubject(): Promise<string> {
  const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
  // Enrolled today; dating its known-on day back stands for having enrolled it on 2024-01-01.
  await hub.sql(`UPDATE environment.rated_subject SET known_on = '2024-01-01' WHERE uscc = $1`, [uscc]);
  return uscc;
}

/** RED from `occurredOn` (9 − 6 − 1 = 2), both events recorded (known) today. */
async function makeRed(uscc: string, occurredOn: string): Promise<void> {
  for (const type of ['SUSPENSION_ORDER', 'WARNING']) {
    const response = await hub.request(
      `mutation R($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } } }`,
      { input: { uscc, type, occurredOn, decisionNo: `连环罚〔2026〕${type}-${uscc.slice(-6)}号` } },
      ADMIN,
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  }
}

async function list(department: 'credit' | 'market', uscc: string, listedOn: string): Promise<string> {
  const response =
    department === 'credit'
      ? await hub.request<{ entry: { id: string } }>(
          `mutation L($input: DesignateCreditListingInput!) { entry: designateCreditListing(input: $input) { id } }`,
          { input: { uscc, listType: 'SERIOUS_DISHONESTY', reason: '环境违法失信', documentNo: `信〔2026〕${uscc.slice(-6)}号`, listedOn } },
          CREDIT_OFFICE,
        )
      : await hub.request<{ entry: { id: string } }>(
          `mutation L($input: AddMarketListingInput!) { entry: addMarketListing(input: $input) { id } }`,
          { input: { uscc, listType: 'SERIOUS_ILLEGAL_DISHONEST', reason: '提交虚假材料', documentNo: `市〔2026〕${uscc.slice(-6)}号`, listedOn } },
          MARKET,
        );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.entry.id;
}

async function measures(uscc: string, asOf: string | undefined, knownOn: string | undefined, caller: typeof BANK | typeof UTILITY = BANK) {
  const response = await hub.request<{ enterprise: { jointMeasures: { measure: { code: string }; since: string; reason: string }[] } }>(
    `query M($uscc: USCC!, $asOf: Date, $knownOn: Date) { enterprise(uscc: $uscc) { jointMeasures(asOf: $asOf, knownOn: $knownOn) { measure { code } since reason } } }`,
    { uscc, asOf, knownOn },
    caller,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.enterprise.jointMeasures;
}

const codes = (applied: { measure: { code: string } }[]) => applied.map((a) => a.measure.code).sort();

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

describe("a bank's joint measures, as known on K", () => {
  it('leave out the RED measures of events recorded today from what the hub answered yesterday', async () => {
    const uscc = await blueSubject();
    await makeRed(uscc, lastMonth());

    // Yesterday the hub knew the subject BLUE: no bank measure.
    expect(await measures(uscc, lastMonth(), yesterday())).toEqual([]);
    // Without asOf, the day asked about is the known-on day itself: BLUE as known yesterday.
    expect(await measures(uscc, undefined, yesterday())).toEqual([]);
    // Known today (said so, or by default), RED since last month.
    for (const knownOn of [today(), undefined]) {
      const applied = await measures(uscc, lastMonth(), knownOn);
      expect(codes(applied)).toEqual(['BANK_CREDIT_RESTRICTION']);
      // RED until the warning expires, six months on (the suspension order lasts longer).
      expect(applied[0]).toMatchObject({ since: lastMonth(), reason: `environmental credit colour RED since ${lastMonth()} (until ${addMonths(lastMonth(), 6)})` });
    }
    expect(codes(await measures(uscc, undefined, today()))).toEqual(['BANK_CREDIT_RESTRICTION']);
  });

  it.each([
    ['credit', 'MEMO_BANK_CREDIT'],
    ['market', 'SID_BANK_CREDIT'],
  ] as const)("leave out the measures of a %s list entry recorded today from what the hub answered yesterday", async (department, code) => {
    const uscc = await blueSubject();
    await list(department, uscc, lastMonth());

    expect(await measures(uscc, lastMonth(), yesterday())).toEqual([]);
    for (const knownOn of [today(), undefined]) {
      const applied = await measures(uscc, lastMonth(), knownOn);
      expect(codes(applied)).toEqual([code]);
      expect(applied[0].since).toBe(lastMonth());
    }
  });

  it('keep a removal recorded today out of what the hub answered yesterday', async () => {
    const uscc = await blueSubject();
    const listedOn = addMonths(today(), -3);
    const id = await list('credit', uscc, listedOn);
    // Listed today; dating its recorded day back stands for having learnt of it on its listedOn.
    await hub.sql(`UPDATE credit.list_designation SET recorded_on = listed_on WHERE id = $1`, [Number(id)]);
    const removed = await hub.request(
      `mutation R($input: RemoveCreditListingInput!) { removeCreditListing(input: $input) { id } }`,
      { input: { id, removedOn: lastMonth(), removalReason: '信用修复' } },
      CREDIT_OFFICE,
    );
    expect(removed.errors, JSON.stringify(removed.errors)).toBeUndefined();

    // Yesterday the hub did not know of the removal: the entry still applied on last month's day.
    const applied = await measures(uscc, lastMonth(), yesterday());
    expect(codes(applied)).toEqual(['MEMO_BANK_CREDIT']);
    expect(applied[0].since).toBe(listedOn);
    // Known today, the entry ended on that day.
    expect(await measures(uscc, lastMonth(), today())).toEqual([]);
    expect(await measures(uscc, lastMonth(), undefined)).toEqual([]);
  });

  it('refuses a known-on day in the future with the words envCredit uses', async () => {
    const uscc = await blueSubject();
    const tomorrow = addDays(today(), 1);
    const response = await hub.request(
      `query M($uscc: USCC!, $k: Date) { enterprise(uscc: $uscc) { jointMeasures(knownOn: $k) { measure { code } } } }`,
      { uscc, k: tomorrow },
      BANK,
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toBe(`knownOn ${tomorrow} is in the future (today is ${today()}); the hub cannot say what it will know`);
    expect(response.errors![0].path).toEqual(['enterprise', 'jointMeasures']);
  });
});

describe('price measures, as known on the day (DOMAIN.md §11 known-on prices)', () => {
  it('follow the half-year snapshot as the hub held it that day', async () => {
    const uscc = await blueSubject();
    const half = halfYearOf(today());
    // RED a month before the snapshot day that decides this half-year, through it (events recorded today).
    await makeRed(uscc, addMonths(half.snapshotDay, -1));
    // No snapshot stored: as known yesterday the derived snapshot was BLUE (no surcharge); as known today it is RED.
    expect(codes(await measures(uscc, half.start, yesterday(), UTILITY))).toEqual([]);
    expect(codes(await measures(uscc, half.start, today(), UTILITY))).toEqual(['ELECTRICITY_SURCHARGE', 'SEWAGE_FEE_SURCHARGE']);
  });
});

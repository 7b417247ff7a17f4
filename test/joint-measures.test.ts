import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../src/shared/dates';
import {
  AddMarketListingDocument,
  BankViewDocument,
  ColorDistributionDocument,
  DefineMeasureDocument,
  DesignateCreditListingDocument,
  MeasureCatalogDocument,
  MeasureFeedbackRollupDocument,
  MeasuresOnlyDocument,
  RecordCreditEventDocument,
  RegisterFullRecordDocument,
  RegistrationRecordDocument,
  RemoveCreditListingDocument,
  RemoveMarketListingDocument,
  ReportMeasureFeedbackDocument,
  RestrictionOnlyDocument,
  SewageFeeOnlyDocument,
  SupervisorViewDocument,
  UtilityViewDocument,
  MeasureSubjectsDocument,
} from './generated/graphql';
import { newUscc, ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

const BANK = { key: 'demo-bank', purpose: 'LOAN_APPLICATION' };
const UTILITY = { key: 'demo-utility', purpose: 'BILLING' };
const ADMIN = { key: 'demo-env-admin' };
const CREDIT_OFFICE = { key: 'demo-credit-office' };
const MARKET = { key: 'demo-market' };
// Every subject of this file is in one district, so the distribution can be checked exactly.
const DISTRICT = '320723';

let hub: TestHub;
const subjects: Record<'red' | 'black' | 'redTwice' | 'green' | 'listed' | 'marketListed', string> = {} as never;

async function record(uscc: string, type: string, occurredOn: string): Promise<void> {
  const response = await hub.execute(RecordCreditEventDocument, { input: { uscc, type, occurredOn, decisionNo: `连环罚〔2026〕${type}-${occurredOn}号` } }, ADMIN);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
}

const codes = (measures: { measure: { code: string } }[] | null | undefined) => (measures ?? []).map((m) => m.measure.code).sort();

beforeAll(async () => {
  hub = await startTestHub();
  const rated = () => ratedEnterprise(hub, { district: DISTRICT, ratedFrom: '2024-01-01' });
  // RED from 2026-05-20 (9 − 6 − 1 = 2) until the warning expires on 2026-11-20 (back to YELLOW 3);
  // the 2026-06-30 snapshot is RED for the first time.
  subjects.red = await rated();
  await record(subjects.red, 'SUSPENSION_ORDER', '2026-03-01');
  await record(subjects.red, 'WARNING', '2026-05-20');
  // BLACK from 2026-05-01 (9 − 9 = 0).
  subjects.black = await rated();
  await record(subjects.black, 'ADMIN_DETENTION_TRANSFER', '2026-05-01');
  // RED on both 2025-12-31 and 2026-06-30.
  subjects.redTwice = await rated();
  await record(subjects.redTwice, 'SUSPENSION_ORDER', '2025-10-01');
  await record(subjects.redTwice, 'WARNING', '2025-12-01');
  await record(subjects.redTwice, 'WARNING', '2026-06-01');
  // GREEN from 2026-09-02 (9 + 1 + 1 = 11).
  subjects.green = await rated();
  await record(subjects.green, 'ENV_AWARD', '2026-09-01');
  await record(subjects.green, 'CREDIT_COMMITMENT', '2026-09-02');
  // BLUE (no events), later put on lists.
  subjects.listed = await rated();
  subjects.marketListed = await rated();
  // A market-list measure catalogued before this file's dates, as a migration would have put it there
  // (defineMeasure accepts today or later only, so the API cannot backdate it).
  await hub.sql(
    `INSERT INTO credit.measure (code, name, nature, kind, trigger_kind, trigger_values, implementing_agency, agency_kind, legal_basis, effective_from)
     VALUES ('MARKET_LIST_PROCUREMENT_BAR', '限制参与政府采购', 'PUNISHMENT', 'ADMINISTRATIVE', 'LISTING', '{SERIOUS_ILLEGAL_DISHONEST}', '连云港市财政局', 'FINANCE_BUREAU', '严重违法失信名单管理办法', '2026-01-01')`,
  );
});

afterAll(async () => {
  await hub?.stop();
});

describe('a RED subject', () => {
  it('pays 0.60 per m³ and 0.05 per kWh in the half-year after a RED snapshot', async () => {
    const response = await hub.execute(UtilityViewDocument, { uscc: subjects.red, asOf: '2026-11-24' }, UTILITY);
    expect(response.errors).toBeUndefined();
    const enterprise = response.data!.enterprise!;
    expect(enterprise.sewageFee).toEqual({
      surchargePerCubicMetre: '0.60',
      period: '2026-07-01/2026-12-31',
      basis: expect.stringContaining('colour RED on 2026-06-30'),
    });
    expect(enterprise.electricitySurcharge!.surchargePerKwh).toBe('0.05');
    // The first half-year was decided by the BLUE snapshot of 2025-12-31: the normal fee.
    const before = await hub.execute(UtilityViewDocument, { uscc: subjects.red, asOf: '2026-05-25' }, UTILITY);
    expect(before.data!.enterprise!.sewageFee).toMatchObject({ surchargePerCubicMetre: '0.00', period: '2026-01-01/2026-06-30' });
    expect(before.data!.enterprise!.sewageFee!.basis).toContain('BLUE on 2025-12-31');
  });

  it('is RESTRICTED for banks while RED, and the bank sees only bank measures', async () => {
    const response = await hub.execute(BankViewDocument, { uscc: subjects.red, asOf: '2026-11-19' }, BANK);
    expect(response.errors).toBeUndefined();
    const enterprise = response.data!.enterprise!;
    expect(enterprise.creditRestriction).toMatchObject({ level: 'RESTRICTED', restricted: true, since: '2026-05-20', greenCreditPriority: false });
    expect(enterprise.creditRestriction!.basis.join(' ')).toContain('RED since 2026-05-20');
    expect(codes(enterprise.jointMeasures)).toEqual(['BANK_CREDIT_RESTRICTION']);
    expect(enterprise.jointMeasures![0]).toMatchObject({ since: '2026-05-20', measure: { agencyKind: 'BANK', implementingAgency: '银行业金融机构' } });
    expect(enterprise.jointMeasures![0].reason).toContain('RED since 2026-05-20');
  });

  it('carries the RED measures for supervisors, each with its agency and legal basis', async () => {
    const response = await hub.execute(SupervisorViewDocument, { uscc: subjects.red, asOf: '2026-11-19' }, CREDIT_OFFICE);
    expect(response.errors).toBeUndefined();
    const measures = response.data!.enterprise!.jointMeasures!;
    expect(codes(measures)).toEqual(
      ['AWARD_BAR', 'BANK_CREDIT_RESTRICTION', 'ELECTRICITY_SURCHARGE', 'ENV_MORE_INSPECTIONS', 'REGULAR_PUBLICATION', 'SEWAGE_FEE_SURCHARGE', 'SPECIAL_FUND_SUSPENSION'],
    );
    for (const applied of measures) {
      expect(applied.measure.implementingAgency).not.toBe('');
      expect(applied.measure.legalBasis).not.toBe('');
      expect(applied.measure.nature).toBe('PUNISHMENT');
    }
    // The YELLOW measures have applied without interruption since YELLOW began (2026-03-01).
    expect(measures.find((m) => m.measure.code === 'ENV_MORE_INSPECTIONS')!.since).toBe('2026-03-01');
  });

  it('loses the RED measures on the day the colour improves, keeping the YELLOW ones', async () => {
    const response = await hub.execute(SupervisorViewDocument, { uscc: subjects.red, asOf: '2026-11-20' }, CREDIT_OFFICE);
    expect(response.errors).toBeUndefined();
    const enterprise = response.data!.enterprise!;
    expect(codes(enterprise.jointMeasures)).toEqual(['AWARD_BAR', 'ENV_MORE_INSPECTIONS']);
    expect(enterprise.creditRestriction).toMatchObject({ level: 'NONE', restricted: false });
    // The price surcharge follows the half-year snapshot, not today's colour.
    expect(enterprise.sewageFee!.surchargePerCubicMetre).toBe('0.60');
    const bank = await hub.execute(BankViewDocument, { uscc: subjects.red, asOf: '2026-11-20' }, BANK);
    expect(bank.data!.enterprise!.jointMeasures).toEqual([]);
  });

  it('shows the utility only utility measures', async () => {
    const response = await hub.execute(UtilityViewDocument, { uscc: subjects.red, asOf: '2026-11-19' }, UTILITY);
    expect(codes(response.data!.enterprise!.jointMeasures)).toEqual(['ELECTRICITY_SURCHARGE', 'SEWAGE_FEE_SURCHARGE']);
  });
});

describe('BLACK and repeated RED', () => {
  it('BLACK pays 1.00 per m³ and 0.10 per kWh and is PROHIBITED', async () => {
    const response = await hub.execute(SupervisorViewDocument, { uscc: subjects.black, asOf: '2026-11-24' }, ADMIN);
    expect(response.errors).toBeUndefined();
    const enterprise = response.data!.enterprise!;
    expect(enterprise.sewageFee).toMatchObject({ surchargePerCubicMetre: '1.00', period: '2026-07-01/2026-12-31' });
    expect(enterprise.electricitySurcharge!.surchargePerKwh).toBe('0.10');
    expect(enterprise.creditRestriction).toMatchObject({ level: 'PROHIBITED', restricted: true, since: '2026-05-01' });
    expect(codes(enterprise.jointMeasures)).toEqual(expect.arrayContaining(['BANK_CREDIT_STOP', 'NO_NEW_ENV_LICENCE', 'ONE_VOTE_VETO', 'SEWAGE_FEE_SURCHARGE']));
    expect(codes(enterprise.jointMeasures)).not.toContain('BANK_CREDIT_RESTRICTION');
    const bank = await hub.execute(BankViewDocument, { uscc: subjects.black, asOf: '2026-11-24' }, BANK);
    expect(bank.data!.enterprise!.creditRestriction!.level).toBe('PROHIBITED');
  });

  it('RED in two consecutive snapshots pays 1.00 per m³ (electricity stays at the RED 0.05)', async () => {
    const response = await hub.execute(UtilityViewDocument, { uscc: subjects.redTwice, asOf: '2026-07-01' }, UTILITY);
    expect(response.errors).toBeUndefined();
    expect(response.data!.enterprise!.sewageFee!.surchargePerCubicMetre).toBe('1.00');
    expect(response.data!.enterprise!.sewageFee!.basis).toContain('2 consecutive RED');
    expect(response.data!.enterprise!.electricitySurcharge!.surchargePerKwh).toBe('0.05');
    const first = await hub.execute(UtilityViewDocument, { uscc: subjects.redTwice, asOf: '2026-01-01' }, UTILITY);
    expect(first.data!.enterprise!.sewageFee!.surchargePerCubicMetre).toBe('0.60');
  });

  it('answers no surcharge before the deciding snapshot day has come', async () => {
    const response = await hub.execute(UtilityViewDocument, { uscc: subjects.red, asOf: '2027-01-05' }, UTILITY);
    expect(response.errors).toBeUndefined();
    expect(response.data!.enterprise!.sewageFee).toBeNull();
  });
});

describe('GREEN', () => {
  it('is flagged for green-credit priority and gets the green-credit measure', async () => {
    const response = await hub.execute(BankViewDocument, { uscc: subjects.green, asOf: '2026-11-24' }, BANK);
    expect(response.errors).toBeUndefined();
    expect(response.data!.enterprise!.creditRestriction).toMatchObject({ level: 'NONE', restricted: false, greenCreditPriority: true });
    expect(codes(response.data!.enterprise!.jointMeasures)).toEqual(['BANK_GREEN_CREDIT']);
    expect(response.data!.enterprise!.jointMeasures![0].measure.nature).toBe('REWARD');
  });
});

describe('the serious-dishonesty list', () => {
  let designationId: string;

  it('makes a BLUE subject PROHIBITED and brings the memorandum measures', async () => {
    const designated = await hub.execute(
      DesignateCreditListingDocument,
      { input: { uscc: subjects.listed, listType: 'SERIOUS_DISHONESTY', reason: '环境违法被追究刑事责任', documentNo: '连信用〔2026〕7号', listedOn: '2026-10-01' } },
      CREDIT_OFFICE,
    );
    expect(designated.errors).toBeUndefined();
    designationId = designated.data!.designateCreditListing.id;

    const bank = await hub.execute(BankViewDocument, { uscc: subjects.listed, asOf: '2026-10-15' }, BANK);
    expect(bank.errors).toBeUndefined();
    expect(bank.data!.enterprise!.creditRestriction).toMatchObject({ level: 'PROHIBITED', restricted: true, since: '2026-10-01' });
    expect(bank.data!.enterprise!.creditRestriction!.basis.join(' ')).toContain('连信用〔2026〕7号');
    expect(codes(bank.data!.enterprise!.jointMeasures)).toEqual(['MEMO_BANK_CREDIT']);

    const office = await hub.execute(SupervisorViewDocument, { uscc: subjects.listed, asOf: '2026-10-15' }, CREDIT_OFFICE);
    const measures = office.data!.enterprise!.jointMeasures!;
    expect(codes(measures)).toEqual([
      'MEMO_BANK_CREDIT',
      'MEMO_BOND_ISSUANCE',
      'MEMO_CONCESSION',
      'MEMO_DEBT_FINANCING',
      'MEMO_GOVERNMENT_PROCUREMENT',
      'MEMO_LAND_SUPPLY',
      'MEMO_PRODUCTION_LICENCE',
      'MEMO_PUBLIC_BIDDING',
    ]);
    for (const applied of measures) {
      expect(applied.reason).toContain('SERIOUS_DISHONESTY');
      expect(applied.reason).toContain('连信用〔2026〕7号');
      expect(applied.since).toBe('2026-10-01');
      expect(applied.measure.legalBasis).toContain('发改财金〔2016〕1580号');
    }
    expect(new Set(measures.map((m) => m.measure.implementingAgency)).size).toBeGreaterThan(4);
  });

  it('is PROHIBITED whatever the colour (a GREEN subject too)', async () => {
    await hub.execute(
      DesignateCreditListingDocument,
      { input: { uscc: subjects.green, listType: 'SERIOUS_DISHONESTY', reason: '测试', documentNo: '连信用〔2026〕8号', listedOn: '2026-11-23' } },
      CREDIT_OFFICE,
    );
    const bank = await hub.execute(BankViewDocument, { uscc: subjects.green, asOf: '2026-11-24' }, BANK);
    expect(bank.data!.enterprise!.creditRestriction).toMatchObject({ level: 'PROHIBITED', greenCreditPriority: false });
    // GREEN rewards are suspended while listed (DOMAIN.md §10): no green credit beside the memorandum's measure.
    expect(codes(bank.data!.enterprise!.jointMeasures)).toEqual(['MEMO_BANK_CREDIT']);
  });

  it('stops the measures when the listing ends', async () => {
    const removed = await hub.execute(
      RemoveCreditListingDocument,
      { input: { id: designationId, removedOn: '2026-11-01', removalReason: '信用修复' } },
      CREDIT_OFFICE,
    );
    expect(removed.errors).toBeUndefined();
    const after = await hub.execute(SupervisorViewDocument, { uscc: subjects.listed, asOf: '2026-11-01' }, CREDIT_OFFICE);
    expect(after.data!.enterprise!.jointMeasures).toEqual([]);
    expect(after.data!.enterprise!.creditRestriction!.level).toBe('NONE');
    const before = await hub.execute(SupervisorViewDocument, { uscc: subjects.listed, asOf: '2026-10-31' }, CREDIT_OFFICE);
    expect(before.data!.enterprise!.jointMeasures).toHaveLength(8);
  });
});

describe('the measure catalogue', () => {
  it('holds the DOMAIN.md §5 defaults with agency, legal basis and period', async () => {
    const response = await hub.execute(MeasureCatalogDocument, {}, BANK);
    expect(response.errors).toBeUndefined();
    const catalog = response.data!.measureCatalog;
    expect(catalog.length).toBeGreaterThanOrEqual(20);
    expect(catalog.find((m) => m.code === 'SEWAGE_FEE_SURCHARGE')).toMatchObject({ triggerKind: 'COLOR', triggerValues: ['RED', 'BLACK'], agencyKind: 'UTILITY' });
    // The defaults' list measures are the memorandum's, triggered by the serious-dishonesty list (this
    // file adds one market-list measure of its own).
    const defaults = catalog.filter((m) => m.triggerKind === 'LISTING' && m.code !== 'MARKET_LIST_PROCUREMENT_BAR');
    expect(defaults.length).toBeGreaterThan(0);
    expect(defaults.every((m) => m.triggerValues.includes('SERIOUS_DISHONESTY'))).toBe(true);
  });

  it('is edited by the credit office from today or a later date on, keeping history; a market listing can trigger a measure', async () => {
    const [later, muchLater] = [addDays(today(), 30), addDays(today(), 60)];
    const input = {
      code: 'MARKET_LIST_BIDDING_BAR',
      name: '限制参与招标投标（严重违法失信名单）',
      nature: 'PUNISHMENT' as const,
      kind: 'ADMINISTRATIVE' as const,
      triggerKind: 'LISTING' as const,
      triggerValues: ['SERIOUS_ILLEGAL_DISHONEST'],
      implementingAgency: '连云港市财政局',
      agencyKind: 'FINANCE_BUREAU',
      legalBasis: '严重违法失信名单管理办法',
      effectiveFrom: today(),
    };
    expect((await hub.execute(DefineMeasureDocument, { input }, BANK)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The past is never rewritten: a measure starting yesterday would change answers already given.
    const past = await hub.execute(DefineMeasureDocument, { input: { ...input, effectiveFrom: addDays(today(), -1) } }, CREDIT_OFFICE);
    expect(errorCodes(past)).toEqual(['BAD_USER_INPUT']);
    expect(past.errors![0].message).toBe(`effectiveFrom ${addDays(today(), -1)} of measure MARKET_LIST_BIDDING_BAR is in the past; measures are defined from today (${today()}) or a later date`);
    expect((await hub.execute(MeasureCatalogDocument, {}, CREDIT_OFFICE)).data!.measureCatalog.find((m) => m.code === input.code)).toBeUndefined();
    expect((await hub.execute(DefineMeasureDocument, { input }, CREDIT_OFFICE)).errors).toBeUndefined();
    const changed = await hub.execute(DefineMeasureDocument, { input: { ...input, name: '限制参与招标投标', effectiveFrom: muchLater } }, CREDIT_OFFICE);
    expect(changed.errors).toBeUndefined();
    const rewrite = await hub.execute(DefineMeasureDocument, { input: { ...input, effectiveFrom: later } }, CREDIT_OFFICE);
    expect(errorCodes(rewrite)).toEqual(['BAD_USER_INPUT']);
    expect(rewrite.errors![0].message).toContain(muchLater);
    const bad = await hub.execute(DefineMeasureDocument, { input: { ...input, triggerValues: ['PURPLE'], effectiveFrom: addDays(today(), 90) } }, CREDIT_OFFICE);
    expect(bad.errors![0].message).toContain('PURPLE');

    const meanwhile = await hub.execute(MeasureCatalogDocument, { asOf: later }, CREDIT_OFFICE);
    expect(meanwhile.data!.measureCatalog.find((m) => m.code === input.code)).toMatchObject({ name: input.name, effectiveTo: muchLater });
    const then = await hub.execute(MeasureCatalogDocument, { asOf: muchLater }, CREDIT_OFFICE);
    expect(then.data!.measureCatalog.find((m) => m.code === input.code)).toMatchObject({ name: '限制参与招标投标', effectiveTo: null });

    const listed = await hub.execute(
      AddMarketListingDocument,
      { input: { uscc: subjects.marketListed, listType: 'SERIOUS_ILLEGAL_DISHONEST', reason: '提交虚假材料', documentNo: '连市监严〔2026〕3号', listedOn: '2026-08-01' } },
      MARKET,
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.addMarketListing.authority).toBe('连云港市市场监督管理局');
    const measures = await hub.execute(SupervisorViewDocument, { uscc: subjects.marketListed, asOf: today() }, ADMIN);
    expect(measures.errors).toBeUndefined();
    const applied = measures.data!.enterprise!.jointMeasures!;
    expect(codes(applied)).toEqual(['MARKET_LIST_BIDDING_BAR', 'MARKET_LIST_PROCUREMENT_BAR']);
    const byCode = Object.fromEntries(applied.map((m) => [m.measure.code, m]));
    expect(byCode.MARKET_LIST_PROCUREMENT_BAR.reason).toContain('连市监严〔2026〕3号');
    // Each applies from the later of the listing and the measure's own start.
    expect(byCode.MARKET_LIST_PROCUREMENT_BAR.since).toBe('2026-08-01');
    expect(byCode.MARKET_LIST_BIDDING_BAR.since).toBe(today());

    const removed = await hub.execute(
      RemoveMarketListingDocument,
      { input: { id: listed.data!.addMarketListing.id, removedOn: '2026-11-10', removalReason: '移出' } },
      MARKET,
    );
    expect(removed.errors).toBeUndefined();
    const afterRemoval = await hub.execute(MeasuresOnlyDocument, { uscc: subjects.marketListed }, ADMIN);
    expect(afterRemoval.data!.enterprise!.jointMeasures).toEqual([]);
  });
});

describe('feedback', () => {
  it('is reported by the implementing agency and rolled up per measure and agency', async () => {
    const bankReport = await hub.execute(
      ReportMeasureFeedbackDocument,
      { input: { uscc: subjects.red, measureCode: 'BANK_CREDIT_RESTRICTION', outcome: 'APPLIED', appliedOn: '2026-11-18', businessRef: 'LOAN-2026-0042' } },
      BANK,
    );
    expect(bankReport.errors).toBeUndefined();
    expect(bankReport.data!.reportMeasureFeedback).toMatchObject({ agency: 'Demo Bank Lianyungang branch', outcome: 'APPLIED', businessRef: 'LOAN-2026-0042' });
    expect(bankReport.data!.reportMeasureFeedback.legalBasis).toContain('银发〔2016〕228号');
    await hub.execute(
      ReportMeasureFeedbackDocument,
      { input: { uscc: subjects.black, measureCode: 'BANK_CREDIT_RESTRICTION', outcome: 'EXEMPTED', appliedOn: '2026-11-18', note: '存量贷款续贷' } },
      BANK,
    );

    const noReason = await hub.execute(
      ReportMeasureFeedbackDocument,
      { input: { uscc: subjects.red, measureCode: 'BANK_CREDIT_RESTRICTION', outcome: 'NOT_APPLIED', appliedOn: '2026-11-18' } },
      BANK,
    );
    expect(errorCodes(noReason)).toEqual(['BAD_USER_INPUT']);
    expect(noReason.errors![0].message).toContain('NOT_APPLIED');

    const notBanks = await hub.execute(
      ReportMeasureFeedbackDocument,
      { input: { uscc: subjects.red, measureCode: 'SEWAGE_FEE_SURCHARGE', outcome: 'APPLIED', appliedOn: '2026-11-18' } },
      BANK,
    );
    expect(errorCodes(notBanks)).toEqual(['FORBIDDEN']);
    expect(notBanks.errors![0].message).toContain('SEWAGE_FEE_SURCHARGE');

    const unknown = await hub.execute(
      ReportMeasureFeedbackDocument,
      { input: { uscc: subjects.red, measureCode: 'NO_SUCH_MEASURE', outcome: 'APPLIED', appliedOn: '2026-11-18' } },
      CREDIT_OFFICE,
    );
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);

    const utility = await hub.execute(
      ReportMeasureFeedbackDocument,
      { input: { uscc: subjects.red, measureCode: 'SEWAGE_FEE_SURCHARGE', outcome: 'NOT_APPLIED', appliedOn: '2026-11-20', note: '该户已停止用水', businessRef: 'ACCT-7781' } },
      UTILITY,
    );
    expect(utility.errors).toBeUndefined();
    const land = await hub.execute(
      ReportMeasureFeedbackDocument,
      { input: { uscc: subjects.listed, measureCode: 'MEMO_LAND_SUPPLY', outcome: 'APPLIED', appliedOn: '2026-10-20', onBehalfOf: '连云港市自然资源和规划局' } },
      CREDIT_OFFICE,
    );
    expect(land.data!.reportMeasureFeedback.agency).toBe('连云港市自然资源和规划局');
    expect(errorCodes(await hub.execute(ReportMeasureFeedbackDocument, { input: { uscc: subjects.red, measureCode: 'AWARD_BAR', outcome: 'APPLIED', appliedOn: '2026-11-18' } }, { key: 'demo-dashboard' }))).toEqual(['FORBIDDEN']);

    const rollup = await hub.execute(MeasureFeedbackRollupDocument, { from: '2026-01-01', to: '2026-11-24' }, CREDIT_OFFICE);
    expect(rollup.errors).toBeUndefined();
    const rows = rollup.data!.measureFeedbackRollup;
    expect(rows.find((r) => r.measure.code === 'BANK_CREDIT_RESTRICTION')).toMatchObject({
      agency: 'Demo Bank Lianyungang branch',
      subjectsReported: 2,
      // black was BLACK, never RED, in the window: its report is one to check.
      subjectsReportedNotDue: 1,
      applied: 1,
      notApplied: 0,
      exempted: 1,
    });
    expect(rows.find((r) => r.measure.code === 'SEWAGE_FEE_SURCHARGE')).toMatchObject({
      agency: 'Demo Lianyungang water utility',
      subjectsReported: 1,
      subjectsReportedNotDue: 0,
      notApplied: 1,
    });
    // Due-ness of a credit-list measure is known to the credit office: the two SERIOUS_DISHONESTY designations.
    expect(rows.find((r) => r.measure.code === 'MEMO_LAND_SUPPLY')).toMatchObject({ subjectsDue: 2, subjectsReported: 1, subjectsReportedNotDue: 0, applied: 1 });
    // Due-ness by colour and by market list is asked of environment and market through federation:
    // RED on some day of the window were red and redTwice; BLACK only black; market-listed only marketListed.
    expect(rows.find((r) => r.measure.code === 'BANK_CREDIT_RESTRICTION')).toMatchObject({ subjectsDue: 2 });
    expect(rows.find((r) => r.measure.code === 'ONE_VOTE_VETO')).toMatchObject({ agency: null, subjectsReported: 0, subjectsDue: 1 });
    expect(rows.find((r) => r.measure.code === 'MARKET_LIST_PROCUREMENT_BAR')).toMatchObject({ subjectsDue: 1 });
    // A window before anyone turned BLACK: nobody was due.
    const early = await hub.execute(MeasureFeedbackRollupDocument, { from: '2026-01-01', to: '2026-04-30' }, CREDIT_OFFICE);
    expect(early.data!.measureFeedbackRollup.find((r) => r.measure.code === 'ONE_VOTE_VETO')).toMatchObject({ subjectsDue: 0 });
    const stored = await hub.sql<{ count: number }>(`SELECT COUNT(*)::int AS count FROM credit.measure_feedback`);
    expect(stored[0].count).toBe(4); // the refused reports left no row
    expect(errorCodes(await hub.execute(MeasureFeedbackRollupDocument, {}, BANK))).toEqual(['FORBIDDEN']);
  });
});

describe('permissions of CONTRACT.md', () => {
  it('denies jointMeasures to DASHBOARD and PUBLIC, sewageFee to BANK, creditRestriction to UTILITY', async () => {
    for (const caller of [{ key: 'demo-dashboard' }, {}]) {
      const response = await hub.execute(MeasuresOnlyDocument, { uscc: subjects.red }, caller);
      expect(response.data!.enterprise).toMatchObject({ uscc: subjects.red, jointMeasures: null });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.errors![0].path).toEqual(['enterprise', 'jointMeasures']);
    }
    const bank = await hub.execute(SewageFeeOnlyDocument, { uscc: subjects.red }, BANK);
    expect(bank.data!.enterprise!.sewageFee).toBeNull();
    expect(errorCodes(bank)).toEqual(['FORBIDDEN']);
    const utility = await hub.execute(RestrictionOnlyDocument, { uscc: subjects.red }, UTILITY);
    expect(utility.data!.enterprise!.creditRestriction).toBeNull();
    expect(errorCodes(utility)).toEqual(['FORBIDDEN']);
    const officer = await hub.execute(SewageFeeOnlyDocument, { uscc: subjects.red }, { key: 'demo-env-officer-haizhou' });
    expect(officer.data?.enterprise ?? null).toBeNull(); // another district: as if it did not exist
  });
});

describe('the registration record and market lists', () => {
  it('keeps type, capital (exact decimal), founding date and address; lists are kept with their removal', async () => {
    const uscc = newUscc(DISTRICT);
    const registered = await hub.execute(
      RegisterFullRecordDocument,
      {
        input: {
          uscc,
          name: '连云港登记示例有限公司',
          districtCode: DISTRICT,
          enterpriseType: '有限责任公司',
          registeredCapital: '12345678.90',
          registeredOn: '2015-03-18',
          address: '江苏省连云港市灌云县示例路1号',
        },
      },
      MARKET,
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerEnterprise).toMatchObject({ registeredCapital: '12345678.90', enterpriseType: '有限责任公司', registrationStatus: 'ACTIVE' });
    const badCapital = await hub.execute(RegisterFullRecordDocument, { input: { uscc, name: 'x', districtCode: DISTRICT, registeredCapital: '1.5e6' } }, MARKET);
    expect(errorCodes(badCapital)).toEqual(['BAD_USER_INPUT']);
    expect(badCapital.errors![0].message).toContain('1.5e6');

    const listing = await hub.execute(
      AddMarketListingDocument,
      { input: { uscc, listType: 'ABNORMAL_OPERATIONS', reason: '未按规定公示年度报告', listedOn: '2026-07-01' } },
      MARKET,
    );
    expect(listing.errors).toBeUndefined();
    expect(errorCodes(await hub.execute(AddMarketListingDocument, { input: { uscc, listType: 'ABNORMAL_OPERATIONS', reason: 'x', listedOn: '2026-07-01' } }, BANK))).toEqual(['FORBIDDEN']);
    const unregistered = await hub.execute(AddMarketListingDocument, { input: { uscc: newUscc(DISTRICT), listType: 'ABNORMAL_OPERATIONS', reason: 'x', listedOn: '2026-07-01' } }, MARKET);
    expect(errorCodes(unregistered)).toEqual(['NOT_FOUND']);
    await hub.execute(RemoveMarketListingDocument, { input: { id: listing.data!.addMarketListing.id, removedOn: '2026-09-01', removalReason: '已补报年报' } }, MARKET);
    const again = await hub.execute(RemoveMarketListingDocument, { input: { id: listing.data!.addMarketListing.id, removedOn: '2026-09-02', removalReason: 'x' } }, MARKET);
    expect(again.errors![0].message).toContain('already removed on 2026-09-01');

    const record = await hub.execute(RegistrationRecordDocument, { uscc }, { key: 'demo-credit-office' });
    expect(record.errors).toBeUndefined();
    expect(record.data!.enterprise).toMatchObject({ registeredOn: '2015-03-18', address: '江苏省连云港市灌云县示例路1号' });
    expect(record.data!.enterprise!.marketListings).toEqual([
      expect.objectContaining({ listType: 'ABNORMAL_OPERATIONS', authority: '连云港市市场监督管理局', listedOn: '2026-07-01', removedOn: '2026-09-01', removalReason: '已补报年报' }),
    ]);
  });
});

describe('colorDistribution', () => {
  it('counts this file’s subjects per colour in their district on a date', async () => {
    const response = await hub.execute(ColorDistributionDocument, { groupBy: 'DISTRICT', asOf: '2026-11-19' }, { key: 'demo-dashboard' });
    expect(response.errors).toBeUndefined();
    const mine = Object.fromEntries(response.data!.colorDistribution.filter((b) => b.group === DISTRICT).map((b) => [b.color, b.count]));
    // red RED, black BLACK, green GREEN; listed, marketListed and redTwice (its suspension expired on 2026-10-01) BLUE.
    expect(mine).toEqual({ GREEN: 1, BLUE: 3, YELLOW: 0, RED: 1, BLACK: 1 });
    const byIndustry = await hub.execute(ColorDistributionDocument, { groupBy: 'INDUSTRY', asOf: '2026-11-19' }, { key: 'demo-dashboard' });
    expect(byIndustry.data!.colorDistribution.filter((b) => b.group === 'C2614').reduce((sum, b) => sum + b.count, 0)).toBe(6);
  });
});

describe('measureSubjects', () => {
  const subjectsOf = async (code: string, asOf: string, who: { key: string; purpose?: string } = ADMIN) => {
    const response = await hub.execute(MeasureSubjectsDocument, { code, asOf }, who);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!.measureSubjects;
  };

  it('publishes who a measure applies to on a date, as jointMeasures says, by colour and by list', async () => {
    const red = await subjectsOf('BANK_CREDIT_RESTRICTION', '2026-11-19');
    expect(red.map((s) => s.uscc)).toContain(subjects.red);
    expect(red.map((s) => s.uscc)).not.toContain(subjects.black);
    expect(red.map((s) => s.uscc)).not.toContain(subjects.green);
    // Every subject listed has the measure in its own jointMeasures on that date; the list is ordered by code.
    for (const subject of red) expect(codes(subject.jointMeasures)).toContain('BANK_CREDIT_RESTRICTION');
    expect(red.map((s) => s.uscc)).toEqual([...red.map((s) => s.uscc)].sort());
    // The warning expired on 2026-11-20: the measure stopped with the colour.
    expect((await subjectsOf('BANK_CREDIT_RESTRICTION', '2026-11-21')).map((s) => s.uscc)).not.toContain(subjects.red);

    expect((await subjectsOf('ONE_VOTE_VETO', '2026-11-19')).map((s) => s.uscc)).toContain(subjects.black);
    const marketListed = await subjectsOf('MARKET_LIST_PROCUREMENT_BAR', '2026-09-01');
    expect(marketListed).toEqual([expect.objectContaining({ uscc: subjects.marketListed })]);
    expect(await subjectsOf('MARKET_LIST_PROCUREMENT_BAR', '2026-11-10')).toEqual([]);
  });

  it('lets a bank list its own measures only, keeps officers to their district, and names unknown measures', async () => {
    const stopped = await subjectsOf('BANK_CREDIT_STOP', '2026-11-19', BANK);
    expect(stopped.map((s) => s.uscc)).toContain(subjects.black);
    const notTheirs = await hub.execute(MeasureSubjectsDocument, { code: 'SEWAGE_FEE_SURCHARGE', asOf: '2026-11-19' }, BANK);
    expect(errorCodes(notTheirs)).toEqual(['FORBIDDEN']);
    expect(notTheirs.errors![0].message).toContain('SEWAGE_FEE_SURCHARGE');
    // This file's subjects are in district 320723: the Haizhou officer (320706) sees none of them.
    const officer = await subjectsOf('ONE_VOTE_VETO', '2026-11-19', { key: 'demo-env-officer-haizhou' });
    expect(officer.map((s) => s.uscc)).not.toContain(subjects.black);
    const unknown = await hub.execute(MeasureSubjectsDocument, { code: 'NO_SUCH_MEASURE' }, ADMIN);
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.errors![0].message).toContain('NO_SUCH_MEASURE');
    expect(errorCodes(await hub.execute(MeasureSubjectsDocument, { code: 'ONE_VOTE_VETO' }, { key: 'demo-dashboard' }))).toEqual(['FORBIDDEN']);
    const beforeItsTime = await hub.execute(MeasureSubjectsDocument, { code: 'MARKET_LIST_PROCUREMENT_BAR', asOf: '2020-01-01' }, ADMIN);
    expect(errorCodes(beforeItsTime)).toEqual(['BAD_USER_INPUT']);
    expect(beforeItsTime.errors![0].message).toContain('not in force on 2020-01-01');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, addDays, today } from '../src/shared/dates';
import {
  AddEventTypeVersionDocument,
  AddScoringPolicyVersionDocument,
  ApplyCreditRepairDocument,
  CreditNoticeDocument,
  EnvCreditOnDocument,
  EnvCreditSnapshotsDocument,
  ImportLegacyRatingsDocument,
  LegacyRatingsDocument,
  PenaltyDisclosuresDocument,
  PolicyCatalogDocument,
  PublicPenaltiesDocument,
  RecordEventDocument,
  ReviewCreditRepairDocument,
  TakeHalfYearSnapshotDocument,
  VoidCreditEventDocument,
} from './generated/graphql';
import { newUscc, ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

const ADMIN = { key: 'demo-env-admin' };
const OFFICER = { key: 'demo-env-officer-haizhou' };

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

async function record(uscc: string, type: string, occurredOn: string, extra: { decisionNo?: string; publicityMonths?: number } = {}) {
  const response = await hub.execute(RecordEventDocument, { input: { uscc, type, occurredOn, ...extra } }, ADMIN);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.recordCreditEvent;
}

describe('half-year snapshots', () => {
  it('stores them immutably and counts consecutive RED snapshots', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    await record(uscc, 'SUSPENSION_ORDER', '2025-06-01');
    await record(uscc, 'WARNING', '2025-06-10');
    const december = await record(uscc, 'WARNING', '2025-12-10');
    for (const periodEnd of ['2025-06-30', '2025-12-31']) {
      const run = await hub.execute(TakeHalfYearSnapshotDocument, { periodEnd }, ADMIN);
      expect(run.errors).toBeUndefined();
      expect(run.data!.takeHalfYearSnapshot).toMatchObject({ periodEnd, stored: expect.any(Number) });
      expect(run.data!.takeHalfYearSnapshot.red).toBeGreaterThanOrEqual(1);
    }
    const rows = await hub.sql(`SELECT period_end::text, color, score, consecutive_red FROM environment.half_year_snapshot WHERE uscc = $1 ORDER BY period_end`, [uscc]);
    expect(rows).toEqual([
      { period_end: '2025-06-30', color: 'RED', score: 2, consecutive_red: 1 },
      { period_end: '2025-12-31', color: 'RED', score: 2, consecutive_red: 2 },
    ]);
    // Taking a period again leaves what is stored.
    const again = await hub.execute(TakeHalfYearSnapshotDocument, { periodEnd: '2025-12-31' }, ADMIN);
    expect(again.data!.takeHalfYearSnapshot.stored).toBe(0);

    // A backdated correction (December's warning voided) changes the derived rating of 31 December, not
    // the stored snapshot. (An award would be refused: RED subjects are barred from rewards.)
    const voided = await hub.execute(VoidCreditEventDocument, { input: { eventId: december.event.id, reason: '复核撤销' } }, ADMIN);
    expect(voided.errors).toBeUndefined();
    const rating = await hub.execute(EnvCreditOnDocument, { uscc, asOf: '2025-12-31' }, ADMIN);
    expect(rating.data!.enterprise!.envCredit).toMatchObject({ color: 'YELLOW', score: 3 });
    const snapshots = await hub.execute(EnvCreditSnapshotsDocument, { uscc }, ADMIN);
    expect(snapshots.errors).toBeUndefined();
    const series = snapshots.data!.enterprise!.envCreditSnapshots!;
    expect(series.slice(0, 4)).toEqual([
      { periodEnd: '2024-06-30', color: 'BLUE', score: 9, consecutiveRed: 0, stored: false },
      { periodEnd: '2024-12-31', color: 'BLUE', score: 9, consecutiveRed: 0, stored: false },
      { periodEnd: '2025-06-30', color: 'RED', score: 2, consecutiveRed: 1, stored: true },
      { periodEnd: '2025-12-31', color: 'RED', score: 2, consecutiveRed: 2, stored: true },
    ]);
    await expect(hub.sql(`UPDATE environment.half_year_snapshot SET color = 'BLUE' WHERE uscc = $1`, [uscc])).rejects.toThrow(/immutable/);
  });

  it('refuses a day that is not a half-year end, or one not yet over, and non-admins', async () => {
    const bad = await hub.execute(TakeHalfYearSnapshotDocument, { periodEnd: '2025-03-31' }, ADMIN);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].message).toContain('30 June or a 31 December');
    const future = await hub.execute(TakeHalfYearSnapshotDocument, { periodEnd: `${Number(today().slice(0, 4)) + 1}-06-30` }, ADMIN);
    expect(future.errors![0].message).toContain('has not ended yet');
    const officer = await hub.execute(TakeHalfYearSnapshotDocument, { periodEnd: '2025-06-30' }, OFFICER);
    expect(errorCodes(officer)).toEqual(['FORBIDDEN']);
  });
});

describe('credit record notices', () => {
  it('are retrievable later, as text and as an escaped printable page, by authorised callers only', async () => {
    const own = await ratedEnterprise(hub, { district: '320706' });
    const recorded = await record(own, 'FINE', '2025-05-01', { decisionNo: '连环罚〔2025〕<b>9</b>号' });
    const { number, text } = recorded.notice;
    expect(text).toContain(own);
    expect(text).toContain('信用等级：记分前蓝色，记分后蓝色（6分）');
    // Recorded late: served by default on the issue day, the window counted from it (DOMAIN.md §11 "Service").
    const [dy, dm, dd] = addDays(today(), 15).split('-').map(Number);
    expect(text).toContain(`可自送达之日起15日内（${dy}年${dm}月${dd}日前）`);
    expect(text).toContain('分值恢复：本次记分于2025年11月1日自动恢复');

    const found = await hub.execute(CreditNoticeDocument, { number }, { key: 'demo-credit-office' });
    expect(found.errors).toBeUndefined();
    expect(found.data!.creditNotice).toMatchObject({ number, text, uscc: own, eventId: recorded.event.id, htmlPath: `/notices/${number}` });
    expect((await hub.execute(CreditNoticeDocument, { number }, { key: 'demo-bank', purpose: 'CREDIT_REVIEW' })).errors![0].extensions!.code).toBe('FORBIDDEN');

    const base = hub.hub.url.replace('/graphql', '');
    const get = (key?: string, path = `/notices/${number}`) => fetch(`${base}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    const page = await get('demo-env-officer-haizhou');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(number);
    expect(html).toContain('连环罚〔2025〕&lt;b&gt;9&lt;/b&gt;号');
    expect(html).not.toContain('<b>9</b>');
    // The page is an audited read of the subject, like the creditNotice query.
    const [audited] = await hub.sql<{ operation_name: string; usccs: string[]; fields: string[]; client_id: string }>(
      `SELECT operation_name, usccs, fields, client_id FROM gateway.audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(audited).toMatchObject({ operation_name: `GET /notices/${number}`, usccs: [own], fields: ['Query.creditNotice'] });
    expect((await get()).status).toBe(403);
    expect((await get('demo-bank')).status).toBe(403);
    expect((await get('no-such-key')).status).toBe(401);
    expect((await get('demo-env-admin', '/notices/ECN-1999-000000')).status).toBe(404);

    // An officer of another district is answered as if the notice did not exist.
    const elsewhere = await ratedEnterprise(hub, { district: '320703' });
    const other = await record(elsewhere, 'WARNING', '2025-05-01');
    expect((await get('demo-env-officer-haizhou', `/notices/${other.notice.number}`)).status).toBe(404);
    expect((await hub.execute(CreditNoticeDocument, { number: other.notice.number }, OFFICER)).data!.creditNotice).toBeNull();
  });
});

describe('historical 100-point ratings', () => {
  it('are imported with their scale and shown as history, never scored', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const input = {
      source: '连云港市2019–2020年度企业环境信用评价结果',
      ratings: [
        { uscc, year: 2019, score: '96.5' },
        { uscc, year: 2020, score: '58', color: 'RED' as const },
      ],
    };
    const imported = await hub.execute(ImportLegacyRatingsDocument, { input }, ADMIN);
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importLegacyRatings).toEqual({ imported: 2, unchanged: 0 });
    expect((await hub.execute(ImportLegacyRatingsDocument, { input }, ADMIN)).data!.importLegacyRatings).toEqual({ imported: 0, unchanged: 2 });
    const mismatched = await hub.execute(ImportLegacyRatingsDocument, { input: { source: 'x', ratings: [{ uscc, year: 2018, score: '70', color: 'GREEN' }] } }, ADMIN);
    expect(mismatched.errors![0].message).toContain('does not match score 70');
    const read = await hub.execute(LegacyRatingsDocument, { uscc }, { key: 'demo-credit-office' });
    expect(read.data!.enterprise!.envLegacyRatings).toEqual([
      { year: 2019, scale: 'ANNUAL_100', score: '96.50', color: 'GREEN', source: input.source },
      { year: 2020, scale: 'ANNUAL_100', score: '58.00', color: 'RED', source: input.source },
    ]);
    expect(read.data!.enterprise!.envCredit).toMatchObject({ color: 'BLUE', score: 9 });
  });
});

describe('public disclosure and credit repair', () => {
  it('publishes a penalty, lets it be repaired after the minimum, hides it from the public but keeps scoring it', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const decided = addMonths(today(), -4);
    const fine = await record(uscc, 'FINE', decided, { decisionNo: '连环罚〔2026〕88号', publicityMonths: 12 });
    expect(fine.event.publicUntil).toBe(addMonths(decided, 12));
    const tooLong = await hub.execute(RecordEventDocument, { input: { uscc, type: 'WARNING', occurredOn: decided, publicityMonths: 40 } }, ADMIN);
    expect(tooLong.errors![0].message).toContain('publicityMonths 40 is outside 3..12 months for a GENERAL penalty (发改办财金〔2019〕527号)');

    const publicView = await hub.execute(PublicPenaltiesDocument, { uscc }, {});
    expect(publicView.errors).toBeUndefined();
    expect(publicView.data!.enterprise!.publicPenalties).toEqual([
      { decisionNo: '连环罚〔2026〕88号', type: 'FINE', typeName: '罚款', decidedOn: decided, publicUntil: addMonths(decided, 12) },
    ]);

    const early = await hub.execute(ApplyCreditRepairDocument, { input: { eventId: fine.event.id, reason: '已整改', appliedOn: addDays(decided, 30) } }, OFFICER);
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    expect(early.errors![0].message).toContain(`may be applied for from ${addMonths(decided, 3)}`);
    const applied = await hub.execute(ApplyCreditRepairDocument, { input: { eventId: fine.event.id, reason: '已完成整改并缴纳罚款' } }, OFFICER);
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.applyCreditRepair.status).toBe('PENDING');
    const approved = await hub.execute(ReviewCreditRepairDocument, { input: { applicationId: applied.data!.applyCreditRepair.id, decision: 'UPHOLD', note: '整改到位' } }, ADMIN);
    expect(approved.data!.reviewCreditRepair.status).toBe('APPROVED');

    expect((await hub.execute(PublicPenaltiesDocument, { uscc }, {})).data!.enterprise!.publicPenalties).toEqual([]);
    const staff = await hub.execute(PenaltyDisclosuresDocument, { uscc }, ADMIN);
    expect(staff.data!.enterprise!.envPenaltyDisclosures).toEqual([
      expect.objectContaining({ state: 'REPAIRED', repairableFrom: addMonths(decided, 3), repair: expect.objectContaining({ status: 'APPROVED' }) }),
    ]);
    // Still scored until it expires (six months from the decision).
    expect(staff.data!.enterprise!.envCredit).toMatchObject({ color: 'BLUE', score: 6 });
    expect(errorCodes(await hub.execute(PenaltyDisclosuresDocument, { uscc }, {}))).toContain('FORBIDDEN');
  });
});

describe('third-party service providers', () => {
  it('are rated under their own policy rows', async () => {
    const agency = newUscc('320706');
    const enrolled = await hub.request(
      `mutation($r: RegisterEnterpriseInput!, $e: EnrollRatedSubjectInput!) { registerEnterprise(input: $r) { uscc } enrollRatedSubject(input: $e) { color score } }`,
      { r: { uscc: agency, name: '连云港示例监测有限公司', districtCode: '320706' }, e: { uscc: agency, ratedFrom: '2024-01-01', subjectKind: 'MONITORING_AGENCY' } },
      ADMIN,
    );
    expect(enrolled.errors).toBeUndefined();
    const catalog = await hub.execute(PolicyCatalogDocument, { subjectKind: 'MONITORING_AGENCY', asOf: '2025-01-01' }, ADMIN);
    expect(catalog.data!.scoringPolicies.map((p) => p.subjectKind)).toEqual(['MONITORING_AGENCY']);
    expect(new Set(catalog.data!.eventTypeCatalog.map((t) => t.subjectKind))).toEqual(new Set(['MONITORING_AGENCY']));
    // A catalogue row of another kind is not used: removing the agency's FINE makes FINE unknown for it.
    // Changed behind the hub's back (SQL): the hub learns it from the rules version's notification, which
    // arrives after the statement commits (src/shared/version-watch.ts); wait until the catalogue it serves shows it.
    const agencyCodes = async () =>
      (await hub.execute(PolicyCatalogDocument, { subjectKind: 'MONITORING_AGENCY', asOf: '2025-01-01' }, ADMIN)).data!.eventTypeCatalog.map((t) => t.code);
    const catalogueShows = async (present: boolean) => {
      for (let tries = 0; (await agencyCodes()).includes('FINE') !== present && tries < 50; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    };
    await hub.sql(`UPDATE environment.event_type SET code = 'FINE_RETIRED' WHERE code = 'FINE' AND subject_kind = 'MONITORING_AGENCY'`);
    await catalogueShows(false);
    const refused = await hub.execute(RecordEventDocument, { input: { uscc: agency, type: 'FINE', occurredOn: '2025-03-01' } }, ADMIN);
    expect(refused.errors![0].message).toContain('unknown event type "FINE" for MONITORING_AGENCY');
    await hub.sql(`UPDATE environment.event_type SET code = 'FINE' WHERE code = 'FINE_RETIRED'`);
    await catalogueShows(true);
    const fine = await record(agency, 'FINE', '2025-03-01');
    expect(fine.event.points).toBe(-3);
  });
});

describe('policy as data', () => {
  it('serves the catalogue with the DOMAIN.md defaults to partners', async () => {
    const response = await hub.execute(PolicyCatalogDocument, { subjectKind: 'ENTERPRISE', asOf: '2025-01-01' }, { key: 'demo-dashboard' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.scoringPolicies).toEqual([
      expect.objectContaining({ startScore: 9, maxScore: 12, greenMin: 11, blueMin: 6, yellowMin: 3, redMin: 1, objectionDays: 15, frontRunnerCleanMonths: 24, publicityMinMonths: 3, publicityMaxMonths: 36 }),
    ]);
    const byCode = Object.fromEntries(response.data!.eventTypeCatalog.map((t) => [t.code, t]));
    expect(byCode.FINE).toMatchObject({ nameZh: '罚款', defaultPoints: -3, validityMonths: 6 });
    expect(byCode.CRIMINAL_LIABILITY).toMatchObject({ defaultPoints: -12, forcedColor: 'BLACK', validityMonths: 12 });
    expect(byCode.CREDIT_COMMITMENT).toMatchObject({ defaultPoints: 1, oncePerMonths: 12 });
    expect(response.data!.inspectionFrequencies.map((f) => [f.color, f.multiplier])).toEqual([
      ['GREEN', '0.50'],
      ['BLUE', '1.00'],
      ['YELLOW', '2.00'],
      ['RED', '3.00'],
      ['BLACK', '4.00'],
    ]);
    expect(errorCodes(await hub.execute(PolicyCatalogDocument, {}, {}))).toContain('FORBIDDEN');
  });

  it('lets ENV_ADMIN add versions from a future date, closing the one in force and never rewriting the past', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01', district: '320724' });
    await record(uscc, 'FINE', '2025-03-01');
    const effectiveFrom = addDays(today(), 30);
    const past = await hub.execute(
      AddScoringPolicyVersionDocument,
      { input: { subjectKind: 'EIA_AGENCY', effectiveFrom: '2025-01-01', legalBasis: '测试' } },
      ADMIN,
    );
    expect(past.errors![0].message).toContain('must be after today');
    const badBands = await hub.execute(AddScoringPolicyVersionDocument, { input: { subjectKind: 'EIA_AGENCY', effectiveFrom, legalBasis: '测试', blueMin: 12 } }, ADMIN);
    expect(badBands.errors![0].message).toContain('colour bands must descend');
    const byOfficer = await hub.execute(AddScoringPolicyVersionDocument, { input: { subjectKind: 'ENTERPRISE', effectiveFrom, legalBasis: '测试' } }, OFFICER);
    expect(errorCodes(byOfficer)).toEqual(['FORBIDDEN']);

    const added = await hub.execute(
      AddScoringPolicyVersionDocument,
      { input: { subjectKind: 'ENTERPRISE', effectiveFrom, legalBasis: '连云港市生态环境信用评价管理办法（2027修订）', startScore: 10 } },
      ADMIN,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.addScoringPolicyVersion).toMatchObject({ startScore: 10, greenMin: 11, effectiveFrom, effectiveTo: null });
    const [{ next }] = await hub.sql<{ next: string }>(`SELECT next_change_on::text AS next FROM environment.rated_subject WHERE uscc = $1`, [uscc]);
    expect(next).toBe(effectiveFrom);
    const catalog = await hub.execute(PolicyCatalogDocument, { subjectKind: 'ENTERPRISE' }, ADMIN);
    expect(catalog.data!.scoringPolicies.map((p) => [p.startScore, p.effectiveFrom, p.effectiveTo])).toEqual([
      [9, '2000-01-01', effectiveFrom],
      [10, effectiveFrom, null],
    ]);
    // The past stays as it was: the 2025 FINE still left 6.
    const rating = await hub.execute(EnvCreditOnDocument, { uscc, asOf: '2025-03-02' }, ADMIN);
    expect(rating.data!.enterprise!.envCredit).toMatchObject({ color: 'BLUE', score: 6 });

    const fine = await hub.execute(AddEventTypeVersionDocument, { input: { code: 'FINE', subjectKind: 'ENTERPRISE', effectiveFrom, legalBasis: '修订', minPoints: -9 } }, ADMIN);
    expect(fine.errors).toBeUndefined();
    expect(fine.data!.addEventTypeVersion).toMatchObject({ code: 'FINE', defaultPoints: -3, minPoints: -9, validityMonths: 6 });
    const newType = await hub.execute(AddEventTypeVersionDocument, { input: { code: 'NOISE_NUISANCE', subjectKind: 'ENTERPRISE', effectiveFrom, legalBasis: '新增', nameZh: '噪声扰民' } }, ADMIN);
    expect(newType.errors![0].message).toContain('is required for the new event type NOISE_NUISANCE');
  });
});

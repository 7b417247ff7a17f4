import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, today } from '../src/shared/dates';
import { ratedEnterprise } from './support/fixtures';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * DOMAIN.md §10: an objection upheld after the deciding snapshot was stored creates a corrected
 * snapshot version, the original is kept, and the price answer names both with the difference owed
 * for the months already billed. Scores from §3: 9 − 6 (SUSPENSION_ORDER) − 1 (WARNING) = 2, RED;
 * without the warning 3, YELLOW. §6: RED in one snapshot pays +0.60 per m³ and +0.05 per kWh.
 */
const ADMIN = { key: 'demo-env-admin' };
const UTILITY = { key: 'demo-utility', purpose: 'BILLING' };
const PRICE_BASIS = '江苏省环保信用评价结果差别化价格政策; 连云港市生态环境信用评价管理办法（试行）';
let hub: TestHub;
let uscc: string;
let warningId: string;

async function ok<T>(query: string, variables: Record<string, unknown>, caller: { key: string; purpose?: string } = ADMIN): Promise<T> {
  const response = await hub.request<T>(query, variables, caller);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

async function record(type: string, occurredOn: string): Promise<string> {
  const data = await ok<{ recordCreditEvent: { event: { id: string } } }>(
    `mutation R($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } } }`,
    { input: { uscc, type, occurredOn, decisionNo: `连环罚〔2026〕${type}号` } },
  );
  return data.recordCreditEvent.event.id;
}

/** Whole months of 2026-07-01..2026-12-31 that ended before today: billed at the original price. */
function monthsBilledBefore(day: string): { months: number; period: string | null } {
  let months = 0;
  let last: string | null = null;
  for (let m = 1; m <= 6; m++) {
    const lastDay = addDays(addMonths('2026-07-01', m), -1);
    if (lastDay >= day) break;
    months = m;
    last = lastDay;
  }
  return { months, period: last ? `2026-07-01/${last}` : null };
}

beforeAll(async () => {
  hub = await startTestHub();
  uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
  await record('SUSPENSION_ORDER', '2026-03-01');
  warningId = await record('WARNING', '2026-05-20');
  await ok(`mutation { takeHalfYearSnapshot(periodEnd: "2026-06-30") { stored } }`, {});
});

afterAll(async () => {
  await hub?.stop();
});

describe('an objection upheld after the deciding snapshot was stored', () => {
  it('before: the stored RED snapshot prices the half-year at 0.60 per m³', async () => {
    const data = await ok<{ enterprise: { sewageFee: { surchargePerCubicMetre: string; provisional: boolean; correction: unknown } } }>(
      `query P($uscc: USCC!) { enterprise(uscc: $uscc) { sewageFee(asOf: "2026-11-24") { surchargePerCubicMetre provisional correction { correctedOn } } } }`,
      { uscc },
      UTILITY,
    );
    expect(data.enterprise.sewageFee).toEqual({ surchargePerCubicMetre: '0.60', provisional: false, correction: null });
  });

  it('creates a corrected version, keeps the original, and the price names both with the difference owed', async () => {
    const filed = await ok<{ fileObjection: { id: string } }>(
      `mutation F($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`,
      { input: { eventId: warningId, grounds: '警告决定已被复议撤销', filedOn: '2026-05-25' } },
    );
    await ok(
      `mutation V($input: ReviewObjectionInput!) { reviewObjection(input: $input) { objection { status } } }`,
      { input: { objectionId: filed.fileObjection.id, decision: 'UPHOLD', note: '复议机关撤销警告' } },
    );

    // The original row stays as taken; the correction is version 2.
    expect(await hub.sql(`SELECT color, score, consecutive_red FROM environment.half_year_snapshot WHERE uscc = $1 AND period_end = '2026-06-30'`, [uscc])).toEqual([
      { color: 'RED', score: 2, consecutive_red: 1 },
    ]);
    expect(
      await hub.sql(
        `SELECT version, color, score, consecutive_red, corrected_on::text, objection_id::text FROM environment.half_year_snapshot_correction WHERE uscc = $1`,
        [uscc],
      ),
    ).toEqual([{ version: 2, color: 'YELLOW', score: 3, consecutive_red: 0, corrected_on: today(), objection_id: filed.fileObjection.id }]);

    const snapshots = await ok<{ enterprise: { envCreditSnapshots: { periodEnd: string; color: string; version: number; correctedOn: string | null; originalColor: string | null }[] } }>(
      `query S($uscc: USCC!) { enterprise(uscc: $uscc) { envCreditSnapshots { periodEnd color version correctedOn originalColor } } }`,
      { uscc },
    );
    expect(snapshots.enterprise.envCreditSnapshots.find((s) => s.periodEnd === '2026-06-30')).toEqual({
      periodEnd: '2026-06-30',
      color: 'YELLOW',
      version: 2,
      correctedOn: today(),
      originalColor: 'RED',
    });

    const billed = monthsBilledBefore(today());
    const data = await ok<{ enterprise: { sewageFee: unknown; electricitySurcharge: unknown; jointMeasures: unknown[] } }>(
      `query P($uscc: USCC!) { enterprise(uscc: $uscc) {
         sewageFee(asOf: "2026-11-24") { surchargePerCubicMetre basis correction { originalSurcharge originalBasis correctedOn monthsBilled billedPeriod differencePerUnit } }
         electricitySurcharge(asOf: "2026-11-24") { surchargePerKwh correction { originalSurcharge differencePerUnit } }
         jointMeasures(asOf: "2026-11-24") { measure { code } } } }`,
      { uscc },
      UTILITY,
    );
    const originalBasis = `colour RED on 2026-06-30 (1 consecutive RED half-year snapshot): +0.60 CNY/m3 (${PRICE_BASIS})`;
    expect(data.enterprise.sewageFee).toEqual({
      surchargePerCubicMetre: '0.00',
      basis: `colour YELLOW on 2026-06-30: normal price; corrected on ${today()} (as first taken: ${originalBasis})`,
      correction: {
        originalSurcharge: '0.60',
        originalBasis,
        correctedOn: today(),
        monthsBilled: billed.months,
        billedPeriod: billed.period,
        differencePerUnit: '0.60',
      },
    });
    expect(data.enterprise.electricitySurcharge).toEqual({ surchargePerKwh: '0.00', correction: { originalSurcharge: '0.05', differencePerUnit: '0.05' } });
    // The price measures follow the corrected snapshot too.
    expect(data.enterprise.jointMeasures).toEqual([]);
  });

  it('leaves a snapshot the voided event did not count alone', async () => {
    const rows = await hub.sql(`SELECT period_end::text FROM environment.half_year_snapshot_correction WHERE uscc = $1`, [uscc]);
    expect(rows).toEqual([{ period_end: '2026-06-30' }]);
  });
});

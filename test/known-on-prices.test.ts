import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../src/shared/dates';
import { ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

/**
 * DOMAIN.md §11 known-on prices: with `knownOn`, `sewageFee`, `electricitySurcharge` and the price
 * measures of `jointMeasures` use the snapshot version stored by that day (corrections stored later
 * left out); a snapshot not stored by then is derived from the colour as then known (provisional); a
 * half-year whose snapshot day had not passed on that day was not decided (null).
 * Scores (§3): 9 − 6 (SUSPENSION_ORDER) − 1 (WARNING) = 2 RED; without the warning 3 YELLOW.
 * §6: RED in one snapshot pays +0.60 per m³ and +0.05 per kWh.
 */
const ADMIN = { key: 'demo-env-admin' };
const UTILITY = { key: 'demo-utility', purpose: 'BILLING' };
let hub: TestHub;
/** Snapshot stored on 2026-07-01; an objection upheld later corrected it, stored on 2026-09-15. */
let corrected: string;
/** No snapshot stored; its events became known on 2026-08-01. */
let derived: string;

async function ok<T>(query: string, variables: Record<string, unknown>, caller: { key: string; purpose?: string } = ADMIN): Promise<T> {
  const response = await hub.request<T>(query, variables, caller);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

async function record(uscc: string, type: string, occurredOn: string): Promise<string> {
  const data = await ok<{ recordCreditEvent: { event: { id: string } } }>(
    `mutation R($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } } }`,
    { input: { uscc, type, occurredOn, decisionNo: `连环罚〔2026〕${type}-${uscc.slice(-6)}号` } },
  );
  return data.recordCreditEvent.event.id;
}

async function redSubject(knownOn: string | null): Promise<{ uscc: string; warningId: string }> {
  const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
  await record(uscc, 'SUSPENSION_ORDER', '2026-03-01');
  const warningId = await record(uscc, 'WARNING', '2026-05-20');
  await hub.sql(`UPDATE environment.rated_subject SET known_on = '2024-01-01' WHERE uscc = $1`, [uscc]);
  await hub.sql(`UPDATE environment.credit_event SET known_on = ${knownOn ? '$2::date' : 'occurred_on'} WHERE uscc = $1`, knownOn ? [uscc, knownOn] : [uscc]);
  return { uscc, warningId };
}

/** Runs `update` (no parameters: one simple query) with the immutability triggers off for its transaction. */
async function backdate(update: string): Promise<void> {
  await hub.sql(`BEGIN; SET LOCAL session_replication_role = replica; ${update}; COMMIT;`);
}

beforeAll(async () => {
  hub = await startTestHub();
  const first = await redSubject(null);
  corrected = first.uscc;
  await ok(`mutation { takeHalfYearSnapshot(periodEnd: "2026-06-30") { stored } }`, {});
  // Stored rows are immutable (a trigger): dated back with triggers off, standing for the job's run on 2026-07-01.
  await backdate(`UPDATE environment.half_year_snapshot SET taken_at = '2026-07-01T02:00:00Z' WHERE uscc = '${corrected}'`);
  const filed = await ok<{ fileObjection: { id: string } }>(
    `mutation F($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`,
    { input: { eventId: first.warningId, grounds: '警告决定已被复议撤销', filedOn: '2026-05-25' } },
  );
  await ok(
    `mutation V($input: ReviewObjectionInput!) { reviewObjection(input: $input) { objection { status } } }`,
    { input: { objectionId: filed.fileObjection.id, decision: 'UPHOLD', note: '复议机关撤销警告' } },
  );
  // The correction (version 2, YELLOW) stands for one stored on 2026-09-15.
  await backdate(`UPDATE environment.half_year_snapshot_correction SET corrected_on = '2026-09-15' WHERE uscc = '${corrected}'`);
  // Enrolled after the snapshot was taken: its 2026-06-30 snapshot was never stored.
  derived = (await redSubject('2026-08-01')).uscc;
}, 180_000);

afterAll(async () => {
  await hub?.stop();
});

interface Price {
  sewageFee: { surchargePerCubicMetre: string; provisional: boolean; correction: { correctedOn: string; originalSurcharge: string } | null } | null;
  electricitySurcharge: { surchargePerKwh: string; provisional: boolean } | null;
  jointMeasures: { measure: { code: string } }[];
}

async function prices(uscc: string, knownOn: string | null): Promise<Price> {
  const data = await ok<{ enterprise: Price }>(
    `query P($uscc: USCC!, $k: Date) { enterprise(uscc: $uscc) {
      sewageFee(asOf: "2026-08-01", knownOn: $k) { surchargePerCubicMetre provisional correction { correctedOn originalSurcharge } }
      electricitySurcharge(asOf: "2026-08-01", knownOn: $k) { surchargePerKwh provisional }
      jointMeasures(asOf: "2026-08-01", knownOn: $k) { measure { code } } } }`,
    { uscc, k: knownOn },
    UTILITY,
  );
  return data.enterprise;
}

const TABLE: { name: string; subject: () => string; knownOn: string | null; sewage: Price['sewageFee']; electricity: Price['electricitySurcharge']; measures: string[] }[] = [
  { name: 'stored, asked the day before the snapshot day passed', subject: () => corrected, knownOn: '2026-06-30', sewage: null, electricity: null, measures: [] },
  {
    name: 'stored snapshot, before the correction was stored',
    subject: () => corrected,
    knownOn: '2026-09-14',
    sewage: { surchargePerCubicMetre: '0.60', provisional: false, correction: null },
    electricity: { surchargePerKwh: '0.05', provisional: false },
    measures: ['ELECTRICITY_SURCHARGE', 'SEWAGE_FEE_SURCHARGE'],
  },
  {
    name: 'stored snapshot, the day the correction was stored',
    subject: () => corrected,
    knownOn: '2026-09-15',
    sewage: { surchargePerCubicMetre: '0.00', provisional: false, correction: { correctedOn: '2026-09-15', originalSurcharge: '0.60' } },
    electricity: { surchargePerKwh: '0.00', provisional: false },
    measures: [],
  },
  {
    name: 'stored snapshot, as known today',
    subject: () => corrected,
    knownOn: null,
    sewage: { surchargePerCubicMetre: '0.00', provisional: false, correction: { correctedOn: '2026-09-15', originalSurcharge: '0.60' } },
    electricity: { surchargePerKwh: '0.00', provisional: false },
    measures: [],
  },
  {
    name: 'never stored, before its events became known: derived BLUE',
    subject: () => derived,
    knownOn: '2026-07-31',
    sewage: { surchargePerCubicMetre: '0.00', provisional: true, correction: null },
    electricity: { surchargePerKwh: '0.00', provisional: true },
    measures: [],
  },
  {
    name: 'never stored, once its events were known: derived RED',
    subject: () => derived,
    knownOn: '2026-08-01',
    sewage: { surchargePerCubicMetre: '0.60', provisional: true, correction: null },
    electricity: { surchargePerKwh: '0.05', provisional: true },
    measures: ['ELECTRICITY_SURCHARGE', 'SEWAGE_FEE_SURCHARGE'],
  },
];

describe('price answers as known on a day', () => {
  it.each(TABLE)('$name', async (row) => {
    const answer = await prices(row.subject(), row.knownOn);
    expect(answer.sewageFee).toEqual(row.sewage);
    expect(answer.electricitySurcharge).toEqual(row.electricity);
    expect(answer.jointMeasures.map((m) => m.measure.code).sort()).toEqual(row.measures);
  });

  it('measureSubjects of a price measure: the subjects the price list held that day', async () => {
    const ask = async (knownOn: string | null) =>
      (
        await ok<{ measureSubjects: { uscc: string }[] }>(
          `query M($k: Date) { measureSubjects(code: "SEWAGE_FEE_SURCHARGE", asOf: "2026-08-01", knownOn: $k) { uscc } }`,
          { k: knownOn },
          UTILITY,
        )
      ).measureSubjects
        .map((e) => e.uscc)
        .filter((uscc) => uscc === corrected || uscc === derived);
    for (const row of TABLE) {
      const surcharged = row.measures.includes('SEWAGE_FEE_SURCHARGE');
      expect((await ask(row.knownOn)).includes(row.subject()), `${row.name}`).toBe(surcharged);
    }
  });

  it('the snapshots themselves, as held on a day', async () => {
    const query = `query S($uscc: USCC!, $k: Date) { enterprise(uscc: $uscc) { envCreditSnapshots(knownOn: $k) { periodEnd color stored version } } }`;
    const on = async (k: string) => (await ok<{ enterprise: { envCreditSnapshots: { periodEnd: string; color: string; stored: boolean; version: number }[] } }>(query, { uscc: corrected, k })).enterprise.envCreditSnapshots.find((s) => s.periodEnd === '2026-06-30');
    expect(await on('2026-07-01')).toEqual({ periodEnd: '2026-06-30', color: 'RED', stored: true, version: 1 });
    expect(await on('2026-09-15')).toEqual({ periodEnd: '2026-06-30', color: 'YELLOW', stored: true, version: 2 });
  });

  it('a future knownOn is refused', async () => {
    const tomorrow = addDays(today(), 1);
    const response = await hub.request(`query P($uscc: USCC!, $k: Date) { enterprise(uscc: $uscc) { sewageFee(knownOn: $k) { surchargePerCubicMetre } } }`, { uscc: corrected, k: tomorrow }, UTILITY);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toBe(`knownOn ${tomorrow} is in the future (today is ${today()}); the hub cannot say what it will know`);
  });
});

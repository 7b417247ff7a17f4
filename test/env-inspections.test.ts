import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/shared/dates';
import { DrawInspectionsDocument, InspectionDrawDocument, RecordCreditEventDocument } from './generated/graphql';
import { ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

const ADMIN = { key: 'demo-env-admin' };
const OFFICER = { key: 'demo-env-officer-haizhou' };

let hub: TestHub;

beforeAll(async () => {
  // A large population in all five colours: the demo city at 2000 enterprises.
  hub = await startTestHub({ demoSize: 2000 });
});

afterAll(async () => {
  await hub?.stop();
});

async function draw(input: Record<string, unknown>, key = ADMIN) {
  const response = await hub.execute(DrawInspectionsDocument, { input }, key);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.drawInspections;
}

/** The rate each colour's own stratum was drawn at (the demo city's listed GREEN subjects form a stratum apart, see inspection-punishment-lists.test.ts). */
function ratesByColor(strata: { color: string; rewardsSuspended: boolean; population: number; selected: number }[]): Record<string, number> {
  return Object.fromEntries(strata.filter((s) => !s.rewardsSuspended).map((s) => [s.color, s.selected / s.population]));
}

describe('random-inspection draws (双随机)', () => {
  it('are reproducible: the same seed over the same population selects the same subjects', async () => {
    const first = await draw({ rate: 0.2, seed: 'lyg-2026-11' });
    const second = await draw({ rate: 0.2, seed: 'lyg-2026-11' });
    expect(second.id).not.toBe(first.id);
    expect(second.selected).toEqual(first.selected);
    const other = await draw({ rate: 0.2, seed: 'lyg-2026-12' });
    expect(other.selected).not.toEqual(first.selected);

    const stored = await hub.execute(InspectionDrawDocument, { id: first.id }, ADMIN);
    expect(stored.data!.inspectionDraw).toMatchObject({ seed: 'lyg-2026-11', algorithm: 'stratified-weighted-v3', reproducible: true, selected: first.selected });
    const [row] = await hub.sql<{ population: number; selected: number }>(
      `SELECT jsonb_array_length(population) AS population, jsonb_array_length(selected) AS selected FROM environment.inspection_draw WHERE id = $1`,
      [Number(first.id)],
    );
    expect(row).toEqual({ population: first.populationSize, selected: first.selected.length });
  });

  it('draws RED and BLACK subjects at higher rates than GREEN, by the colour weights', async () => {
    const result = await draw({ rate: 0.2, seed: 'weights' });
    const byColor = Object.fromEntries(result.strata.filter((s) => !s.rewardsSuspended).map((s) => [s.color, s]));
    for (const color of ['GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK']) expect(byColor[color]?.population, color).toBeGreaterThan(50);
    const rates = ratesByColor(result.strata);
    expect(rates.RED).toBeGreaterThan(rates.GREEN * 4);
    expect(rates.BLACK).toBeGreaterThan(rates.GREEN * 4);
    expect(rates.BLACK).toBeGreaterThan(rates.BLUE);
    // The selection holds exactly the allocated number of each colour, each subject once.
    for (const stratum of result.strata) {
      expect(result.selected.filter((s) => s.color === stratum.color && s.rewardsSuspended === stratum.rewardsSuspended)).toHaveLength(stratum.selected);
    }
    expect(new Set(result.selected.map((s) => s.uscc)).size).toBe(result.selected.length);

    const sized = await draw({ sampleSize: 150, seed: 'weights' });
    expect(sized.selected).toHaveLength(150);
    const sizedRates = ratesByColor(sized.strata);
    expect(sizedRates.RED).toBeGreaterThan(sizedRates.GREEN);
    expect(sizedRates.BLACK).toBeGreaterThan(sizedRates.GREEN);
  });

  it('keeps an officer to its own district and refuses a malformed request', async () => {
    const result = await draw({ sampleSize: 10, seed: 'haizhou' }, OFFICER);
    expect(result.districtCode).toBe('320706');
    const districts = await hub.sql<{ district_code: string }>(`SELECT DISTINCT district_code FROM environment.rated_subject WHERE uscc = ANY($1)`, [result.selected.map((s) => s.uscc)]);
    expect(districts).toEqual([{ district_code: '320706' }]);
    const elsewhere = await hub.execute(DrawInspectionsDocument, { input: { sampleSize: 10, districtCode: '320703' } }, OFFICER);
    expect(errorCodes(elsewhere)).toEqual(['FORBIDDEN']);
    const both = await hub.execute(DrawInspectionsDocument, { input: { sampleSize: 10, rate: 0.1 } }, ADMIN);
    expect(both.errors![0].message).toContain('exactly one of sampleSize and rate');
    const adminDraw = await draw({ sampleSize: 5, districtCode: '320703', seed: 'x' });
    expect((await hub.execute(InspectionDrawDocument, { id: adminDraw.id }, OFFICER)).data!.inspectionDraw).toBeNull();
    expect(errorCodes(await hub.execute(DrawInspectionsDocument, { input: { sampleSize: 1 } }, { key: 'demo-dashboard' }))).toEqual(['FORBIDDEN']);
  });

  it('draws a small stratum at its weighted rate on average instead of never (unbiased rounding)', async () => {
    // 30 subjects of one industry in 灌云县, 2 of them BLACK: at a base rate of 0.05 the BLACK quota is
    // 2 × 0.05 × 4 = 0.4, which rounding to the nearest integer made 0 in every draw.
    const industryCode = 'N7724';
    const subjects: string[] = [];
    for (let i = 0; i < 30; i++) subjects.push(await ratedEnterprise(hub, { district: '320723', industryCode }));
    for (const uscc of subjects.slice(0, 2)) {
      const recorded = await hub.execute(RecordCreditEventDocument, { input: { uscc, type: 'CRIMINAL_LIABILITY', occurredOn: today(), decisionNo: `刑〔${uscc.slice(-4)}〕` } }, ADMIN);
      expect(recorded.errors).toBeUndefined();
    }
    const blackDraws: number[] = [];
    for (let i = 1; i <= 12; i++) {
      const result = await draw({ rate: 0.05, industryCode, districtCode: '320723', seed: `small-${i}` });
      const black = result.strata.find((s) => s.color === 'BLACK')!;
      expect(black).toMatchObject({ population: 2, weight: 4, expected: 0.4 });
      expect(black.realisedRate).toBe(black.selected / 2);
      blackDraws.push(black.selected);
    }
    expect(Math.max(...blackDraws)).toBe(1);
    expect(blackDraws.filter((n) => n === 1).length).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddMarketListingDocument,
  DesignateCreditListingDocument,
  DrawInspectionsDocument,
  InspectionDrawDocument,
  RecordEventDocument,
  RemoveCreditListingDocument,
} from './generated/graphql';
import { ratedEnterprise } from './support/fixtures';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * DOMAIN.md §10 (award bar and veto): while a subject is on a punishment list its GREEN rewards are
 * suspended, fewer inspections among them. A listed GREEN subject is drawn in a stratum of its own at
 * no less than the base rate (weight max(1, GREEN's 0.5) = 1), not at GREEN's reduced weight, and each
 * stratum reports the rate it was really drawn at. Weights are DOMAIN.md §4's defaults: GREEN 0.5,
 * BLUE 1. The population is one district and industry of its own, on 2026-06-01:
 * - GREEN (9 + 1 + 1 = 11 from 2026-02-10) and not suspended: one never listed, one whose listing was
 *   removed before the day, one listed only after it, one on the abnormal-operations list (not a
 *   punishment list): 4 subjects;
 * - GREEN and suspended: one on the credit office's serious-dishonesty list, one on market
 *   supervision's serious illegal & dishonest list: 2 subjects;
 * - BLUE (9) on the serious-dishonesty list: GREEN's reward is not its to lose; it stays in BLUE.
 */
const ADMIN = { key: 'demo-env-admin' };
const CREDIT_OFFICE = { key: 'demo-credit-office' };
const MARKET = { key: 'demo-market' };
const DISTRICT = '320722';
const INDUSTRY = 'C3011';
const DAY = '2026-06-01';

let hub: TestHub;
const subjects: Record<'plain' | 'removed' | 'later' | 'abnormal' | 'dishonest' | 'marketListed' | 'blueListed', string> = {} as never;

async function ok<T extends { errors?: unknown; data?: unknown }>(response: Promise<T>): Promise<NonNullable<T['data']>> {
  const answer = await response;
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as NonNullable<T['data']>;
}

async function enrolled(): Promise<string> {
  return ratedEnterprise(hub, { district: DISTRICT, industryCode: INDUSTRY, ratedFrom: '2024-01-01' });
}

async function green(): Promise<string> {
  const uscc = await enrolled();
  for (const [type, occurredOn] of [['ENV_AWARD', '2026-01-10'], ['CREDIT_COMMITMENT', '2026-02-10']]) {
    await ok(hub.execute(RecordEventDocument, { input: { uscc, type, occurredOn } }, ADMIN));
  }
  return uscc;
}

async function listCredit(uscc: string, listType: 'SERIOUS_DISHONESTY', listedOn: string): Promise<string> {
  const data = await ok(
    hub.execute(DesignateCreditListingDocument, { input: { uscc, listType, reason: '环境违法失信', documentNo: `连信办〔2026〕${uscc.slice(-4)}号`, listedOn } }, CREDIT_OFFICE),
  );
  return data.designateCreditListing.id;
}

async function listMarket(uscc: string, listType: 'SERIOUS_ILLEGAL_DISHONEST' | 'ABNORMAL_OPERATIONS', listedOn: string): Promise<void> {
  await ok(hub.execute(AddMarketListingDocument, { input: { uscc, listType, reason: '提交虚假材料', documentNo: `连市监〔2026〕${uscc.slice(-4)}号`, listedOn } }, MARKET));
}

beforeAll(async () => {
  hub = await startTestHub();
  subjects.plain = await green();
  subjects.removed = await green();
  subjects.later = await green();
  subjects.abnormal = await green();
  subjects.dishonest = await green();
  subjects.marketListed = await green();
  subjects.blueListed = await enrolled();
  const removedId = await listCredit(subjects.removed, 'SERIOUS_DISHONESTY', '2026-03-01');
  await ok(hub.execute(RemoveCreditListingDocument, { input: { id: removedId, removedOn: '2026-05-01', removalReason: '信用修复' } }, CREDIT_OFFICE));
  await listCredit(subjects.later, 'SERIOUS_DISHONESTY', '2026-07-01');
  await listMarket(subjects.abnormal, 'ABNORMAL_OPERATIONS', '2026-03-01');
  await listCredit(subjects.dishonest, 'SERIOUS_DISHONESTY', '2026-03-01');
  await listMarket(subjects.marketListed, 'SERIOUS_ILLEGAL_DISHONEST', '2026-04-01');
  await listCredit(subjects.blueListed, 'SERIOUS_DISHONESTY', '2026-03-01');
});

afterAll(async () => {
  await hub?.stop();
});

function draw(input: Record<string, unknown>) {
  return ok(hub.execute(DrawInspectionsDocument, { input: { districtCode: DISTRICT, industryCode: INDUSTRY, asOf: DAY, ...input } }, ADMIN)).then((data) => data.drawInspections);
}

describe('inspection draws while a GREEN subject is on a punishment list', () => {
  it('draws listed GREEN subjects in their own stratum at the base rate, and reports each stratum truthfully', async () => {
    // Rate 1: GREEN 4 × 1 × 0.5 = 2; listed GREEN 2 × 1 × max(1, 0.5) = 2 (all of them); BLUE 1 × 1 × 1 = 1.
    const result = await draw({ rate: 1, seed: 'lists' });
    expect(result.algorithm).toBe('stratified-weighted-v3');
    expect(result.populationSize).toBe(7);
    expect(result.strata).toEqual([
      { color: 'GREEN', rewardsSuspended: false, population: 4, weight: 0.5, expected: 2, selected: 2, realisedRate: 0.5 },
      { color: 'GREEN', rewardsSuspended: true, population: 2, weight: 1, expected: 2, selected: 2, realisedRate: 1 },
      { color: 'BLUE', rewardsSuspended: false, population: 1, weight: 1, expected: 1, selected: 1, realisedRate: 1 },
    ]);
    // Worst first: BLUE, then GREEN's suspended stratum, then GREEN.
    expect(result.selected[0]).toEqual({ uscc: subjects.blueListed, color: 'BLUE', rewardsSuspended: false });
    expect(result.selected.slice(1, 3).map((s) => `${s.uscc} ${s.color} ${s.rewardsSuspended}`).sort()).toEqual(
      [subjects.dishonest, subjects.marketListed].sort().map((uscc) => `${uscc} GREEN true`),
    );
    const unsuspended = [subjects.plain, subjects.removed, subjects.later, subjects.abnormal];
    expect(result.selected.slice(3).every((s) => unsuspended.includes(s.uscc) && s.color === 'GREEN' && !s.rewardsSuspended)).toBe(true);
    expect(result.selected).toHaveLength(5);

    // The stored population flags exactly the two listed GREEN subjects, and the draw replays as stored.
    const [row] = await hub.sql<{ flagged: string[] }>(
      `SELECT array(SELECT m->>'uscc' FROM jsonb_array_elements(population) m WHERE (m->>'rewardsSuspended')::boolean ORDER BY 1) AS flagged
         FROM environment.inspection_draw WHERE id = $1`,
      [Number(result.id)],
    );
    expect(row.flagged).toEqual([subjects.dishonest, subjects.marketListed].sort());
    const stored = await ok(hub.execute(InspectionDrawDocument, { id: result.id }, ADMIN));
    expect(stored.inspectionDraw).toMatchObject({ algorithm: 'stratified-weighted-v3', reproducible: true, selected: result.selected });
  });

  it('shares a sample size by population × weight, the listed GREEN at weight 1', async () => {
    // GREEN only, 4 of them: shares 4 × 0.5 = 2 and 2 × 1 = 2 of 4; the listed stratum is taken whole (2), the other 2 go to GREEN.
    const result = await draw({ sampleSize: 4, colors: ['GREEN'], seed: 'sized' });
    expect(result.strata).toEqual([
      { color: 'GREEN', rewardsSuspended: false, population: 4, weight: 0.5, expected: 2, selected: 2, realisedRate: 0.5 },
      { color: 'GREEN', rewardsSuspended: true, population: 2, weight: 1, expected: 2, selected: 2, realisedRate: 1 },
    ]);
  });

  it('draws them as GREEN again once no listing is in force on the day', async () => {
    // On 2026-02-15 nobody is listed yet (the earliest listing is 2026-03-01): 6 GREEN at 0.5, rate 1 → 3; the BLUE one → 1.
    const result = await draw({ rate: 1, seed: 'before', asOf: '2026-02-15' });
    expect(result.strata).toEqual([
      { color: 'GREEN', rewardsSuspended: false, population: 6, weight: 0.5, expected: 3, selected: 3, realisedRate: 0.5 },
      { color: 'BLUE', rewardsSuspended: false, population: 1, weight: 1, expected: 1, selected: 1, realisedRate: 1 },
    ]);
    expect(result.selected.every((s) => !s.rewardsSuspended)).toBe(true);
  });
});

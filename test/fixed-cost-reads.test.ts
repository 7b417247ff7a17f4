import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../src/shared/dates';
import { DEPARTMENTS, StatementCounter } from '../src/shared/database';
import { setSnapshotParkMs, SNAPSHOT_PARK_MS } from '../src/shared/read-snapshot';
import { halfYearOf, previousHalfYear } from '../src/shared/half-year';
import { RecordCreditEventDocument } from './generated/graphql';
import { ratedEnterprise } from './support/fixtures';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * Issue 21: the dashboard's price-list total and measures roll-up cost the departments a fixed number
 * of SQL statements whatever the number of subjects. Two seeded cities, one of 300 subjects and one of
 * 2,500 (more than a loader's batch of 1,000 codes, so a read per batch of subjects would show), ask
 * the same questions; their departments must send as many statements for each. Counts, not times:
 * they do not depend on the machine. Each city also has subjects enrolled after the seed, RED on
 * the half-year ends of 2025 with no stored snapshot: derived snapshots with a run of RED.
 */
const DASH = { key: 'demo-dashboard' };
const SMALL = 300;
const LARGE = 2_500;

let small: TestHub;
let large: TestHub;

/** Enrolled in 2024, RED (9 − 6 − 1 = 2) on 2025-06-30 and on 2025-12-31: derived RED snapshots, a run of two, none stored. */
async function addDerivedRed(hub: TestHub, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const uscc = await ratedEnterprise(hub, { district: '320722', ratedFrom: '2024-01-01' });
    for (const [type, occurredOn] of [['SUSPENSION_ORDER', '2025-06-01'], ['WARNING', '2025-06-15'], ['WARNING', '2025-12-01']]) {
      const decisionNo = `连环罚〔2025〕${type}-${uscc.slice(-4)}-${occurredOn}号`;
      const response = await hub.execute(RecordCreditEventDocument, { input: { uscc, type, occurredOn, decisionNo } }, { key: 'demo-env-admin' });
      if (response.errors) throw new Error(JSON.stringify(response.errors));
    }
  }
}

beforeAll(async () => {
  // A parked snapshot's COMMIT goes out with the next snapshot's BEGIN however slow this machine is
  // (alone after SNAPSHOT_PARK_MS otherwise): each read below then counts the one before it's.
  setSnapshotParkMs(600_000);
  small = await startTestHub({ demoSize: SMALL });
  large = await startTestHub({ demoSize: LARGE });
  await addDerivedRed(small, 2);
  await addDerivedRed(large, 5);
}, 600_000);

afterAll(async () => {
  await Promise.all([small?.stop(), large?.stop()]);
  setSnapshotParkMs(SNAPSHOT_PARK_MS);
});

const thisHalf = halfYearOf(today());
/** The half-year before the previous one: its deciding snapshot day is older than the seed's stored ones, so it is derived. */
const olderHalf = previousHalfYear(previousHalfYear(thisHalf));

const READS: { name: string; query: string; variables: Record<string, unknown> }[] = [
  {
    name: `priceSurcharges totalCount ${thisHalf.period} (stored snapshots)`,
    query: 'query S($period: String!) { priceSurcharges(period: $period, first: 1) { totalCount } }',
    variables: { period: thisHalf.period },
  },
  {
    name: `priceSurcharges totalCount ${olderHalf.period} (derived snapshots)`,
    query: 'query S($period: String!) { priceSurcharges(period: $period, first: 1) { totalCount } }',
    variables: { period: olderHalf.period },
  },
  {
    name: 'measureFeedbackRollup over a year',
    query: 'query R($from: Date, $to: Date) { measureFeedbackRollup(from: $from, to: $to) { measure { code } agency subjectsDue subjectsReported } }',
    variables: { from: addDays(today(), -364), to: today() },
  },
];

/** The departments' statements for one answer, their read snapshot's included (the gateway's own credential and audit statements left out). */
const departmentStatements = () => StatementCounter.total([...DEPARTMENTS, 'snapshot']);

async function statementsOf(hub: TestHub, read: (typeof READS)[number]): Promise<{ statements: number; data: unknown }> {
  const before = departmentStatements();
  const response = await hub.request(read.query, read.variables, DASH);
  const statements = departmentStatements() - before;
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return { statements, data: response.data };
}

describe('set-wide dashboard reads', () => {
  for (const read of READS) {
    it(`${read.name}: as many statements for ${LARGE} subjects as for ${SMALL}`, async () => {
      await statementsOf(small, read); // warm-up: rule caches, query plans
      await statementsOf(large, read);
      const few = await statementsOf(small, read);
      const many = await statementsOf(large, read);
      expect(many.statements).toBe(few.statements);
      expect(few.statements).toBeGreaterThan(0);
      // The two cities differ, so the answers do: the statements did not stay level by answering less.
      expect(JSON.stringify(many.data)).not.toBe(JSON.stringify(few.data));
    }, 300_000);
  }

  it('the larger city really has more subjects on the price list', async () => {
    const count = async (hub: TestHub) =>
      (await hub.request<{ priceSurcharges: { totalCount: number } }>(READS[0].query, READS[0].variables, DASH)).data!.priceSurcharges.totalCount;
    const [few, many] = [await count(small), await count(large)];
    expect(many).toBeGreaterThan(few);
    expect(many).toBeGreaterThan(100);
  });
});

describe('the price list from one indexed statement', () => {
  it("names each subject's snapshot exactly as envCreditSnapshots, derived from its events, states it: colour, run of RED, provisional", async () => {
    type Entry = { uscc: string; snapshotDay: string; snapshotColor: string; consecutiveRed: number; provisional: boolean };
    type Snapshot = { periodEnd: string; color: string; consecutiveRed: number; stored: boolean };
    let compared = 0;
    let derivedRuns = 0;
    for (const half of [olderHalf, previousHalfYear(thisHalf), thisHalf]) {
      const list = await small.request<{ priceSurcharges: { totalCount: number; edges: { node: Entry }[] } }>(
        'query L($period: String!) { priceSurcharges(period: $period, first: 1000) { totalCount edges { node { uscc snapshotDay snapshotColor consecutiveRed provisional } } } }',
        { period: half.period },
        { key: 'demo-env-admin' },
      );
      expect(list.errors, JSON.stringify(list.errors)).toBeUndefined();
      const entries = list.data!.priceSurcharges.edges.map((edge) => edge.node);
      expect(entries).toHaveLength(list.data!.priceSurcharges.totalCount);
      const views = await small.request<{ enterprises: { uscc: string; envCreditSnapshots: Snapshot[] | null }[] }>(
        'query V($usccs: [USCC!]!) { enterprises(usccs: $usccs) { uscc envCreditSnapshots { periodEnd color consecutiveRed stored } } }',
        { usccs: entries.map((entry) => entry.uscc) },
        { key: 'demo-env-admin' },
      );
      expect(views.errors, JSON.stringify(views.errors)).toBeUndefined();
      const byCode = new Map(views.data!.enterprises.map((view) => [view.uscc, view.envCreditSnapshots ?? []]));
      for (const entry of entries) {
        const snapshot = byCode.get(entry.uscc)!.find((s) => s.periodEnd === entry.snapshotDay);
        expect({ color: entry.snapshotColor, consecutiveRed: entry.consecutiveRed, provisional: entry.provisional }, entry.uscc).toEqual({
          color: snapshot?.color,
          consecutiveRed: snapshot?.consecutiveRed,
          provisional: !snapshot?.stored,
        });
        compared++;
        if (entry.provisional && entry.consecutiveRed > 1) derivedRuns++;
      }
    }
    expect(compared).toBeGreaterThan(20);
    // The subjects enrolled after the seed: RED on 2025-06-30 and on 2025-12-31, neither stored.
    expect(derivedRuns).toBeGreaterThanOrEqual(2);
  }, 120_000);
});

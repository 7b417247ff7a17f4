import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, today } from '../src/shared/dates';
import { ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

/**
 * DOMAIN.md §11 commitments (信用承诺): RUNNING for 12 months from signing; KEPT when that year ends
 * with no deduction dated inside it; BROKEN from the day of the first deduction dated inside it,
 * whenever recorded: its +1 ends that day (every colour answer follows, the colour source included),
 * and no new commitment may be signed for 12 months from it. Catalogue (environment migrations):
 * CREDIT_COMMITMENT +1 for 12 months (once per 12 months), WARNING −1 and FINE −3..−6 for 6 months;
 * start score 9, BLUE from 6, YELLOW from 3.
 */
const ADMIN = { key: 'demo-env-admin' };
let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
}, 120_000);
afterAll(async () => {
  await hub?.stop();
});

const months = (n: number) => addMonths(today(), n);

async function record(uscc: string, type: string, occurredOn: string, points?: number) {
  return hub.request<{ recordCreditEvent: { event: { id: string } } }>(
    `mutation R($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } } }`,
    { input: { uscc, type, occurredOn, points, decisionNo: `承〔${occurredOn}〕${type}-${uscc.slice(-6)}号` } },
    ADMIN,
  );
}

async function recorded(uscc: string, type: string, occurredOn: string, points?: number): Promise<string> {
  const response = await record(uscc, type, occurredOn, points);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.recordCreditEvent.event.id;
}

interface CommitmentAnswer {
  signedOn: string;
  runsThrough: string;
  state: string;
  brokenOn: string | null;
  brokenBy: { id: string } | null;
}

async function commitments(uscc: string, args: { asOf?: string; knownOn?: string } = {}): Promise<CommitmentAnswer[]> {
  const response = await hub.request<{ enterprise: { envCommitments: CommitmentAnswer[] } }>(
    `query C($uscc: USCC!, $asOf: Date, $knownOn: Date) { enterprise(uscc: $uscc) { envCommitments(asOf: $asOf, knownOn: $knownOn) { signedOn runsThrough state brokenOn brokenBy { id } } } }`,
    { uscc, ...args },
    ADMIN,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.enterprise.envCommitments;
}

async function score(uscc: string, asOf: string): Promise<{ color: string; score: number }> {
  const response = await hub.request<{ enterprise: { envCredit: { color: string; score: number } } }>(
    `query S($uscc: USCC!, $asOf: Date) { enterprise(uscc: $uscc) { envCredit(asOf: $asOf) { color score } } }`,
    { uscc, asOf },
    ADMIN,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.enterprise.envCredit;
}

interface Case {
  name: string;
  /** Months from today the commitment is signed. */
  signed: number;
  /** Deductions: months from today, type, and whether voided afterwards. */
  deductions: { at: number; days?: number; type: 'WARNING' | 'FINE'; voided?: boolean }[];
  state: 'RUNNING' | 'KEPT' | 'BROKEN';
  /** Index of the deduction that broke it. */
  brokenBy?: number;
}

const CASES: Case[] = [
  { name: 'signed 3 months ago, no deduction', signed: -3, deductions: [], state: 'RUNNING' },
  { name: 'its year ended with no deduction', signed: -14, deductions: [], state: 'KEPT' },
  { name: 'a deduction dated inside its year, recorded now', signed: -8, deductions: [{ at: -2, type: 'FINE' }], state: 'BROKEN', brokenBy: 0 },
  { name: 'year ended, but a deduction dated inside it was recorded later', signed: -14, deductions: [{ at: -13, type: 'WARNING' }], state: 'BROKEN', brokenBy: 0 },
  { name: 'the first of two deductions inside its year breaks it', signed: -8, deductions: [{ at: -3, type: 'WARNING' }, { at: -5, type: 'WARNING' }], state: 'BROKEN', brokenBy: 1 },
  { name: 'a deduction after its year ended', signed: -14, deductions: [{ at: -1, type: 'WARNING' }], state: 'KEPT' },
  { name: 'a deduction the day before signing', signed: -3, deductions: [{ at: -3, days: -1, type: 'WARNING' }], state: 'RUNNING' },
  { name: 'a deduction inside its year, voided', signed: -8, deductions: [{ at: -2, type: 'WARNING', voided: true }], state: 'RUNNING' },
];

describe('commitment states (履行中 / 已履行 / 未履行)', () => {
  it.each(CASES)('$name: $state', async (c) => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const signedOn = months(c.signed);
    await recorded(uscc, 'CREDIT_COMMITMENT', signedOn);
    const dates = c.deductions.map((d) => addDays(months(d.at), d.days ?? 0));
    for (const [i, d] of c.deductions.entries()) {
      const id = await recorded(uscc, d.type, dates[i]);
      if (d.voided) {
        const voided = await hub.request(`mutation V($input: VoidCreditEventInput!) { voidCreditEvent(input: $input) { event { id } } }`, { input: { eventId: id, reason: '复核撤销' } }, ADMIN);
        expect(voided.errors, JSON.stringify(voided.errors)).toBeUndefined();
      }
    }
    const [commitment] = await commitments(uscc);
    expect(commitment.signedOn).toBe(signedOn);
    expect(commitment.runsThrough).toBe(addDays(addMonths(signedOn, 12), -1));
    expect(commitment.state).toBe(c.state);
    expect(commitment.brokenOn).toBe(c.brokenBy === undefined ? null : dates[c.brokenBy]);
    expect(commitment.brokenBy === null).toBe(c.brokenBy === undefined);
    if (c.state === 'BROKEN') {
      // Before the breaking day it was running (as of then, with today's knowledge).
      const breakDay = dates[c.brokenBy!];
      const before = await commitments(uscc, { asOf: addDays(breakDay, -1) });
      expect(before.map((x) => x.state)).toEqual([addDays(breakDay, -1) < signedOn ? undefined : 'RUNNING'].filter(Boolean));
    }
  });
});

describe('a broken commitment’s +1 ends the day it is broken', () => {
  it('a late deduction changes the score and colour from its date, in envCredit and in the colour source', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const signedOn = months(-8);
    await recorded(uscc, 'CREDIT_COMMITMENT', signedOn);
    // Enrolled and committed long ago: the hub has known both since their days.
    await hub.sql(`UPDATE environment.rated_subject SET known_on = '2024-01-01' WHERE uscc = $1`, [uscc]);
    await hub.sql(`UPDATE environment.credit_event SET known_on = occurred_on WHERE uscc = $1`, [uscc]);
    expect(await score(uscc, addDays(signedOn, 1))).toEqual({ color: 'BLUE', score: 10 });
    const fineOn = months(-2);
    // FINE −4, dated inside the commitment's year, recorded only now: 9 − 4 = 5 YELLOW (not 10 − 4 = 6 BLUE).
    await recorded(uscc, 'FINE', fineOn, -4);
    expect(await score(uscc, addDays(fineOn, -1))).toEqual({ color: 'BLUE', score: 10 });
    expect(await score(uscc, fineOn)).toEqual({ color: 'YELLOW', score: 5 });
    expect(await score(uscc, today())).toEqual({ color: 'YELLOW', score: 5 });
    // The one colour source stores the same periods (what every set-wide answer counts).
    const periods = await hub.sql<{ color: string; valid_from: string; valid_until: string | null }>(
      `SELECT color, valid_from::text, valid_until::text FROM environment.subject_color_period WHERE uscc = $1 ORDER BY valid_from`,
      [uscc],
    );
    expect(periods).toEqual([
      { color: 'BLUE', valid_from: '2024-01-01', valid_until: fineOn },
      { color: 'YELLOW', valid_from: fineOn, valid_until: addMonths(fineOn, 6) },
      { color: 'BLUE', valid_from: addMonths(fineOn, 6), valid_until: null },
    ]);
    // A set-wide answer: the subject is in the YELLOW bucket of its district on the fine's day.
    const bucket = await hub.request<{ colorBucketSubjects: { uscc: string }[] }>(
      `query B($asOf: Date) { colorBucketSubjects(asOf: $asOf, color: YELLOW, group: "320706", groupBy: DISTRICT, first: 1000) { uscc } }`,
      { asOf: fineOn },
      ADMIN,
    );
    expect(bucket.errors, JSON.stringify(bucket.errors)).toBeUndefined();
    expect(bucket.data!.colorBucketSubjects.map((e) => e.uscc)).toContain(uscc);
    // As known yesterday, the deduction was not known: the commitment was running and counted.
    const yesterday = addDays(today(), -1);
    expect((await commitments(uscc, { knownOn: yesterday })).map((c) => c.state)).toEqual(['RUNNING']);
    expect((await commitments(uscc)).map((c) => c.state)).toEqual(['BROKEN']);
  });
});

describe('no new commitment for 12 months from breaking one', () => {
  it('is refused naming the rule, and nothing is written', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const signedOn = months(-13);
    await recorded(uscc, 'CREDIT_COMMITMENT', signedOn);
    const brokenOn = months(-7);
    await recorded(uscc, 'WARNING', brokenOn);
    const refused = await record(uscc, 'CREDIT_COMMITMENT', today());
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].extensions?.rule).toBe('COMMITMENT_BARRED');
    expect(refused.errors![0].message).toBe(
      `a credit commitment may not be signed within 12 months of breaking one: ${uscc}'s commitment of ${signedOn} was broken on ${brokenOn}; a new one may be signed from ${addMonths(brokenOn, 12)}`,
    );
    // Nothing was written.
    const rows = await hub.sql(`SELECT id FROM environment.credit_event WHERE uscc = $1 AND type = 'CREDIT_COMMITMENT'`, [uscc]);
    expect(rows).toHaveLength(1);
  });

  it('a commitment kept does not bar the next one', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    await recorded(uscc, 'CREDIT_COMMITMENT', months(-13));
    await recorded(uscc, 'CREDIT_COMMITMENT', today());
    expect((await commitments(uscc)).map((c) => c.state)).toEqual(['KEPT', 'RUNNING']);
  });
});

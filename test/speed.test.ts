import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS, StatementCounter } from '../src/shared/database';
import { startTestHub, type GraphqlResponse, type TestHub } from './support/test-hub';

/**
 * What the levers of issue #10 change, asserted by what the hub sends to PostgreSQL and by answers
 * that must not change (timings belong to bench/, never to tests).
 */
const BANK = { key: 'demo-bank', purpose: 'LOAN_APPLICATION' };
const BANK_CHECK = `query BankCheck($u: USCC!) { enterprise(uscc: $u) { uscc name envCredit { color } creditRestriction { level restricted basis since } } }`;
const BANK_BATCH = `query BankBatch($u: [USCC!]!) { enterprises(usccs: $u) { uscc envCredit { color } creditRestriction { level restricted basis since greenCreditPriority } } }`;
let hub: TestHub;
let rated: string[];

/** The statements the departments' data receives while `work` runs, by text. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = StatementCounter.observe((owner, sql) => {
    if (owner === 'snapshot' || (DEPARTMENTS as readonly string[]).includes(owner)) seen.push(sql);
  });
  try {
    await work();
  } finally {
    stop();
  }
  return seen;
}

/** Marks every subject's stored rating as due for a refresh: the next reads must derive it from the events. */
async function expireMaterialisedRatings(): Promise<void> {
  await hub.sql(`UPDATE environment.rated_subject SET current_on = DATE '2000-01-01', next_change_on = DATE '2000-01-02'`);
}

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 400 });
  rated = (await hub.sql<{ uscc: string }>(`SELECT uscc FROM environment.rated_subject ORDER BY uscc`)).map((row) => row.uscc);
  expect(rated.length).toBeGreaterThan(300);
});

afterAll(async () => {
  await hub?.stop();
});

describe("finance's restriction from the stored colour period", () => {
  it('a bank check reads no credit events and no front-runner designations', async () => {
    await hub.request(BANK_CHECK, { u: rated[0] }, BANK); // warm-up: API key, rules caches
    let answer: GraphqlResponse<{ enterprise: { uscc: string } | null }> | undefined;
    const statements = await statementsOf(async () => (answer = await hub.request(BANK_CHECK, { u: rated[1] }, BANK)));
    expect(answer!.errors).toBeUndefined();
    expect(answer!.data!.enterprise).toMatchObject({ uscc: rated[1] });
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.filter((sql) => /credit_event|front_runner/.test(sql))).toEqual([]);
  });

  it('answers a batch exactly as when every stored rating is stale and derived from the events (which stores them again)', async () => {
    const fresh = await hub.request(BANK_BATCH, { u: rated }, BANK);
    expect(fresh.errors).toBeUndefined();
    const levels = new Set((fresh.data!.enterprises as { creditRestriction: { level: string } | null }[]).map((e) => e.creditRestriction?.level));
    expect(levels.size).toBeGreaterThan(1);
    await expireMaterialisedRatings();
    const derived = await hub.request(BANK_BATCH, { u: rated }, BANK);
    expect(derived.data).toEqual(fresh.data);
    // The derived ratings were stored again (after the read snapshot), with the day their colour began.
    const [{ stale, missingSince }] = await hub.sql<{ stale: string; missingSince: string }>(
      `SELECT count(*) FILTER (WHERE current_on < current_date) AS stale,
              count(*) FILTER (WHERE current_color IS NOT NULL AND current_since IS NULL) AS "missingSince"
         FROM environment.rated_subject`,
    );
    expect(Number(stale)).toBe(0);
    expect(Number(missingSince)).toBe(0);
    const again = await hub.request(BANK_BATCH, { u: rated }, BANK);
    expect(again.data).toEqual(fresh.data);
  });

  it('decides a date before the current colour period from the timeline, through federation', async () => {
    const [subject] = await hub.sql<{ uscc: string; since: string }>(
      `SELECT uscc, to_char(current_since, 'YYYY-MM-DD') AS since FROM environment.rated_subject
        WHERE current_since > rated_from ORDER BY uscc LIMIT 1`,
    );
    expect(subject).toBeDefined();
    const dayBefore = new Date(Date.parse(`${subject.since}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const query = `query At($u: USCC!, $d: Date) { enterprise(uscc: $u) { creditRestriction(asOf: $d) { level basis since } } }`;
    const today = await hub.request<{ enterprise: { creditRestriction: { basis: string[] } } }>(query, { u: subject.uscc }, BANK);
    const before = await hub.request<{ enterprise: { creditRestriction: { basis: string[] } } }>(query, { u: subject.uscc, d: dayBefore }, BANK);
    expect(today.errors).toBeUndefined();
    expect(before.errors).toBeUndefined();
    // Today's basis names the current period's start; the day before lies in an earlier period.
    expect(today.data!.enterprise.creditRestriction.basis.join(' ')).toContain(`since ${subject.since}`);
    expect(before.data!.enterprise.creditRestriction.basis.join(' ')).not.toContain(`since ${subject.since}`);
  });
});

describe("today's colours from the stored ratings", () => {
  const DISTRIBUTION = `query D($g: DistributionGroup!) { colorDistribution(groupBy: $g) { group color count } }`;
  const SUBJECTS = `query S($c: String!) { measureSubjects(code: $c) { uscc } }`;

  it('colorDistribution and measureSubjects answer the same from stored colours as from the events', async () => {
    const ask = async () => ({
      district: await hub.request(DISTRIBUTION, { g: 'DISTRICT' }, { key: 'demo-dashboard' }),
      industry: await hub.request(DISTRIBUTION, { g: 'INDUSTRY' }, { key: 'demo-dashboard' }),
      black: await hub.request(SUBJECTS, { c: 'BANK_CREDIT_STOP' }, BANK),
      green: await hub.request(SUBJECTS, { c: 'BANK_GREEN_CREDIT' }, BANK),
    });
    // Make every stored rating hold today (a batch read stores them), then count from them ...
    await hub.request(BANK_BATCH, { u: rated }, BANK);
    const stored = await ask();
    for (const answer of Object.values(stored)) expect(answer.errors).toBeUndefined();
    expect((stored.black.data as { measureSubjects: unknown[] }).measureSubjects.length).toBeGreaterThan(0);
    // ... and from the events alone.
    await expireMaterialisedRatings();
    const derived = await ask();
    expect(derived.district.data).toEqual(stored.district.data);
    expect(derived.industry.data).toEqual(stored.industry.data);
    expect(derived.black.data).toEqual(stored.black.data);
    expect(derived.green.data).toEqual(stored.green.data);
  });
});

describe('recordCreditEvent', () => {
  it("reads the subject's events once and stores the notice without looking it up first", async () => {
    const uscc = rated[rated.length - 1];
    const today = new Date().toISOString().slice(0, 10);
    let answer: GraphqlResponse<{ recordCreditEvent: { ratingAfter: { color: string; score: number } } }> | undefined;
    const statements = await statementsOf(
      async () =>
        (answer = await hub.request(
          `mutation R($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } ratingAfter { color score } notice { number } } }`,
          { input: { uscc, type: 'WARNING', occurredOn: today, description: 'speed test' } },
          { key: 'demo-env-admin' },
        )),
    );
    expect(answer!.errors).toBeUndefined();
    expect(statements.filter((sql) => /FROM "environment"\."credit_event"/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /FROM "environment"\."credit_notice"/.test(sql))).toHaveLength(0);
    // The rating stored in the transaction is the one derived from every stored event.
    const check = await hub.request<{ enterprise: { envCredit: { color: string; score: number } } }>(
      `query C($u: USCC!, $d: Date) { enterprise(uscc: $u) { envCredit(asOf: $d) { color score } } }`,
      { u: uscc, d: today },
      { key: 'demo-env-admin' },
    );
    await expireMaterialisedRatings();
    const derived = await hub.request<{ enterprise: { envCredit: { color: string; score: number } } }>(
      `query C($u: USCC!) { enterprise(uscc: $u) { envCredit { color score } } }`,
      { u: uscc },
      { key: 'demo-env-admin' },
    );
    expect(answer!.data!.recordCreditEvent.ratingAfter).toEqual(derived.data!.enterprise.envCredit);
    expect(check.data!.enterprise.envCredit).toEqual(derived.data!.enterprise.envCredit);
  });
});

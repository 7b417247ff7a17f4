import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/shared/dates';
import { demoEnterprises } from '../src/shared/demo-dataset';
import { CliProcess } from './support/cli-process';
import { startTestHub, type TestHub } from './support/test-hub';

/** Runs the compiled `ecocredit seed <args>` against `databaseUrl`; what it printed and its exit code. */
async function runSeed(args: string[], databaseUrl?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Bad options are refused before any database is opened; a database URL that cannot exist proves it.
  const cli = new CliProcess(['seed', ...args], { DATABASE_URL: databaseUrl ?? 'postgres://nobody@127.0.0.1:1/none', LOG_LEVEL: 'error' });
  const { code } = await cli.exited;
  return { code, stdout: cli.stdout.join('\n'), stderr: cli.stderr.join('\n') };
}

describe('ecocredit seed: bad options', () => {
  it.each(['0', '-1', '1000001', 'abc', '12.5', ''])('refuses --enterprises "%s" with exit code 2 and a message naming it', async (value) => {
    const result = await runSeed(['--enterprises', value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--enterprises must be a whole number from 1 to 1000000, got "${value}"`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('refuses an unknown option and a bad --events-per-subject the same way', async () => {
    const unknown = await runSeed(['--enterprize', '5']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--enterprize'/i);
    const events = await runSeed(['--events-per-subject', '-3']);
    expect(events.code).toBe(2);
    expect(events.stderr).toContain('--events-per-subject must be a whole number from 0 to 100, got "-3"');
  });
});

describe('ecocredit seed --enterprises 5000 (over the old 65,535-parameter limit of one INSERT)', () => {
  const SIZE = 5000;
  let hub: TestHub;
  let first: Awaited<ReturnType<typeof runSeed>>;
  let indexesBefore: string[];
  const indexDefinitions = async () =>
    (await hub.sql<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE schemaname IN ('environment', 'market', 'credit') ORDER BY indexdef`)).map((row) => row.indexdef);

  /** What the generator says the seed holds, counted independently of the writers. */
  const expected = { rated: 0, events: 0, penalties: 0, marketListings: 0, creditListings: 0, debtors: 0, feedback: 0 };
  // Bonuses are no penalty decisions, and neither is applying to a court for enforcement: no 双公示 record.
  const NOT_PENALTIES = new Set(['ENV_AWARD', 'CREDIT_COMMITMENT', 'COURT_ENFORCEMENT']);

  beforeAll(async () => {
    hub = await startTestHub();
    for (const e of demoEnterprises(SIZE, today(), { eventsPerSubject: 10 })) {
      if (e.ratedFrom) expected.rated++;
      if (e.ratedFrom) expected.events += e.events.length;
      expected.penalties += e.events.filter((event) => !NOT_PENALTIES.has(event.type)).length;
      if (e.marketListing) expected.marketListings++;
      if (e.creditListing) expected.creditListings++;
      if (e.creditListing?.listType === 'COURT_DISHONEST_DEBTOR') expected.debtors++;
      expected.feedback += e.feedback.length;
    }
    indexesBefore = await indexDefinitions();
    first = await runSeed(['--enterprises', String(SIZE)], hub.hub.databaseUrl);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  const count = async (table: string) => (await hub.sql<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table}`))[0].n;

  it('succeeds and says what it wrote', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`seeded ${SIZE} enterprises (${expected.rated} rated, ${expected.events} events,`);
    // Not a terminal here: plain progress lines, the last one at the full count.
    expect(first.stdout).toContain(`seeding: ${SIZE}/${SIZE} enterprises, ${expected.events} events`);
  });

  it('writes exactly the rows asked for, in every department', async () => {
    expect(await count('market.registration')).toBe(SIZE);
    expect(await count('market.list_entry')).toBe(expected.marketListings);
    expect(await count('environment.rated_subject')).toBe(expected.rated);
    expect(await count('environment.credit_event')).toBe(expected.events);
    expect(await count('credit.list_designation')).toBe(expected.creditListings);
    expect(await count('credit.dishonest_debtor')).toBe(expected.debtors);
    expect(await count('credit.penalty_record')).toBe(expected.penalties);
    expect(await count('credit.measure_feedback')).toBe(expected.feedback);
    // About ten events per rated subject, as the command promises.
    expect(expected.events / expected.rated).toBeGreaterThanOrEqual(9.5);
    expect(expected.events / expected.rated).toBeLessThanOrEqual(10.5);
  });

  it('leaves every index the migrations made (the seed builds them after loading)', async () => {
    expect(indexesBefore.length).toBeGreaterThan(10);
    expect(await indexDefinitions()).toEqual(indexesBefore);
  });

  it('spreads subjects over every district, industry and colour', async () => {
    const spread = await hub.sql<{ districts: number; industries: number; colors: number }>(
      `SELECT COUNT(DISTINCT district_code)::int AS districts, COUNT(DISTINCT industry_code)::int AS industries, COUNT(DISTINCT current_color)::int AS colors
         FROM environment.rated_subject`,
    );
    expect(spread[0]).toEqual({ districts: 8, industries: 8, colors: 5 });
  });

  it('stores every current colour as fresh, so the first read does not recompute', async () => {
    const stale = await hub.sql<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM environment.rated_subject
        WHERE current_color IS NULL OR current_on IS DISTINCT FROM $1::date OR next_change_on <= $1::date`,
      [today()],
    );
    expect(stale[0].n).toBe(0);
  });

  it('stores the colours the API answers, and that the events give', async () => {
    const sample = await hub.sql<{ uscc: string; current_color: string; current_score: number }>(
      `SELECT uscc, current_color, current_score FROM environment.rated_subject ORDER BY md5(uscc) LIMIT 200`,
    );
    const answer = await hub.request<{ enterprises: { uscc: string; envCredit: { color: string; score: number } | null }[] }>(
      `query Sample($codes: [USCC!]!) { enterprises(usccs: $codes) { uscc envCredit { color score } } }`,
      { codes: sample.map((row) => row.uscc) },
      { key: 'demo-env-admin' },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.enterprises.map((e) => ({ uscc: e.uscc, color: e.envCredit?.color, score: e.envCredit?.score }))).toEqual(
      sample.map((row) => ({ uscc: row.uscc, color: row.current_color, score: row.current_score })),
    );

    // colorDistribution derives every subject's colour from its events in SQL: the stored colours
    // must add up to the same counts.
    const distribution = await hub.request<{ colorDistribution: { group: string; color: string; count: number }[] }>(
      `{ colorDistribution(groupBy: DISTRICT) { group color count } }`,
      {},
      { key: 'demo-env-admin' },
    );
    expect(distribution.errors).toBeUndefined();
    const stored = await hub.sql<{ group: string; color: string; count: number }>(
      `SELECT district_code AS "group", current_color AS color, COUNT(*)::int AS count FROM environment.rated_subject GROUP BY 1, 2`,
    );
    const key = (b: { group: string; color: string }) => `${b.group}/${b.color}`;
    const sorted = <T extends { group: string; color: string }>(buckets: T[]) => [...buckets].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sorted(distribution.data!.colorDistribution)).toEqual(sorted(stored));
  });

  it('does nothing on a second run, and says so', async () => {
    const events = await count('environment.credit_event');
    const second = await runSeed(['--enterprises', '10'], hub.hub.databaseUrl);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('the database already has data: nothing seeded');
    expect(await count('market.registration')).toBe(SIZE);
    expect(await count('environment.credit_event')).toBe(events);
  });
});

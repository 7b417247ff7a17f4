import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type WebhookConfig } from '../src/shared/config';
import { addDays, today } from '../src/shared/dates';
import {
  AddMarketListingDocument,
  AddScoringPolicyVersionDocument,
  CreateWebhookSubscriptionDocument,
  DefineMeasureDocument,
  EnvCreditHistoryDocument,
  RecordEventDocument,
  type WebhookSubscriptionInput,
} from './generated/graphql';
import { ratedEnterprise } from './support/fixtures';
import { startTestHub, type CallOptions, type TestHub } from './support/test-hub';
import { waitFor, WebhookReceiver } from './support/webhook-receiver';

const ADMIN: CallOptions = { key: 'demo-env-admin' };
const BANK: CallOptions = { key: 'demo-bank', purpose: 'POST_LOAN_MONITORING' };
const CREDIT_OFFICE: CallOptions = { key: 'demo-credit-office' };

function webhookConfig(): WebhookConfig {
  return { ...loadConfig().webhooks, enabled: true, allowPrivate: true, retryScheduleMs: [300, 600], relayIntervalMs: 250, pollIntervalMs: 100, timeoutMs: 2_000, retentionDays: 90 };
}

let hub: TestHub;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  hub = await startTestHub({ config: { webhooks: webhookConfig() } });
});

afterAll(async () => {
  await hub?.stop();
  for (const receiver of receivers) await receiver.stop();
});

async function receiver(): Promise<WebhookReceiver> {
  const started = await WebhookReceiver.start();
  receivers.push(started);
  return started;
}

async function subscribe(as: CallOptions, input: WebhookSubscriptionInput) {
  const response = await hub.execute(CreateWebhookSubscriptionDocument, { input }, as);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.createWebhookSubscription;
}

async function record(uscc: string, type: string) {
  const response = await hub.execute(RecordEventDocument, { input: { uscc, type, occurredOn: today() } }, ADMIN);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
}

/** A catalogue measure for RED subjects, defined by the credit office as an administrator would. */
async function defineRedMeasure(code: string, agencyKind: string, effectiveFrom: string, effectiveTo: string | null) {
  const input = {
    code,
    name: `测试措施 ${code}`,
    nature: 'PUNISHMENT' as const,
    kind: 'ADMINISTRATIVE' as const,
    triggerKind: 'COLOR' as const,
    triggerValues: ['RED'],
    implementingAgency: '连云港市测试局',
    agencyKind,
    legalBasis: '测试依据',
    effectiveFrom,
    effectiveTo,
  };
  const response = await hub.execute(DefineMeasureDocument, { input }, CREDIT_OFFICE);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
}

interface Body {
  type: string;
  data: { uscc: string; effectiveOn: string; measureCode?: string; [field: string]: unknown };
}

const bodies = (endpoint: WebhookReceiver, secret: string): Body[] =>
  [...endpoint.delivered().values()].map(
    (entry) => new Webhook(secret).verify(entry.body, { 'webhook-id': entry.id, 'webhook-timestamp': entry.timestamp, 'webhook-signature': entry.signature }) as Body,
  );

/** Waits until graphile-worker has run (and removed) the job of `key` (`<task>:<detail>`): a job that tells nothing leaves nothing else to wait for. */
async function jobDone(key: string): Promise<void> {
  await waitFor(`job ${key} run`, async () => {
    const [{ count }] = await hub.sql<{ count: number }>(`SELECT count(*)::int AS count FROM graphile_worker.jobs WHERE key = $1`, [key]);
    return count === 0;
  });
  const [{ failed }] = await hub.sql<{ failed: number }>(`SELECT count(*)::int AS failed FROM graphile_worker.jobs WHERE task_identifier = $1 AND last_error IS NOT NULL`, [key.split(':')[0]]);
  expect(failed).toBe(0);
}

describe('joint measures starting or ending by the passage of time (the daily measures_due job)', () => {
  it('tells MEASURE_ENDED on the day a measure period ends and MEASURE_STARTED on the day one begins, once, and nothing for subjects it does not concern', async () => {
    const suffix = String(Date.now()).slice(-8);
    const ending = `TIMED_END_${suffix}`;
    const starting = `TIMED_START_${suffix}`;
    const bankOnly = `TIMED_BANK_${suffix}`;
    const [endsOn, startsOn] = [addDays(today(), 20), addDays(today(), 10)];
    // In force from today to endsOn (exclusive): the last day it applies is endsOn - 1.
    await defineRedMeasure(ending, 'ENVIRONMENT', today(), endsOn);
    // Defined today, in force from startsOn.
    await defineRedMeasure(starting, 'ENVIRONMENT', startsOn, null);
    await defineRedMeasure(bankOnly, 'BANK', startsOn, null);

    const endpoint = await receiver();
    const { secret } = await subscribe(ADMIN, { url: endpoint.url, eventTypes: ['MEASURE_STARTED', 'MEASURE_ENDED'] });
    const bankEndpoint = await receiver();
    const red = await ratedEnterprise(hub);
    const blue = await ratedEnterprise(hub);
    const bank = await subscribe(BANK, { url: bankEndpoint.url, eventTypes: ['MEASURE_STARTED', 'MEASURE_ENDED'], usccs: [red, blue] });
    await record(red, 'SUSPENSION_ORDER');
    await record(red, 'WARNING');
    // Turning RED started the measure in force today (derived from the colour change), not the future ones.
    await waitFor('the measure starting with the colour', () => bodies(endpoint, secret).some((b) => b.data.uscc === red && b.data.measureCode === ending));
    const ofTest = (list: Body[]) => list.filter((b) => [red, blue].includes(b.data.uscc) && [ending, starting, bankOnly].includes(b.data.measureCode ?? ''));
    expect(ofTest(bodies(endpoint, secret)).map((b) => [b.type, b.data.measureCode])).toEqual([['MEASURE_STARTED', ending]]);

    // The day before the future start, nothing changes by time for these measures.
    await hub.hub.webhooks!.queueDueMeasures(addDays(startsOn, -1));
    await jobDone(`measures_due:${addDays(startsOn, -1)}`);
    expect(ofTest(bodies(endpoint, secret))).toHaveLength(1);

    await hub.hub.webhooks!.queueDueMeasures(startsOn);
    const started = await waitFor('the measure starting on its day', () => ofTest(bodies(endpoint, secret)).find((b) => b.data.measureCode === starting));
    expect(started).toEqual({ type: 'MEASURE_STARTED', timestamp: expect.any(String), data: { uscc: red, sequence: expect.any(Number), effectiveOn: startsOn, recordedAt: expect.any(String), measureCode: starting, restrictionLevel: 'RESTRICTED' } });
    // A bank hears only of the measure banks implement.
    const bankStarted = await waitFor('the bank measure', () => {
      const got = ofTest(bodies(bankEndpoint, bank.secret));
      return got.length > 0 && got;
    });
    expect(bankStarted.map((b) => [b.type, b.data.uscc, b.data.measureCode, b.data.effectiveOn])).toEqual([['MEASURE_STARTED', red, bankOnly, startsOn]]);

    await hub.hub.webhooks!.queueDueMeasures(endsOn);
    const ended = await waitFor('the measure ending on its day', () => ofTest(bodies(endpoint, secret)).find((b) => b.type === 'MEASURE_ENDED'));
    expect(ended.data).toEqual({ uscc: red, sequence: expect.any(Number), effectiveOn: endsOn, recordedAt: expect.any(String), measureCode: ending, restrictionLevel: 'RESTRICTED' });

    // A second run of the same day (an operator's re-run, another instance) writes and sends nothing again.
    await hub.sql(`SELECT graphile_worker.add_job('measures_due', json_build_object('day', $1::text), job_key := 'measures_due:again')`, [endsOn]);
    await jobDone('measures_due:again');
    const [{ messages }] = await hub.sql<{ messages: number }>(
      `SELECT count(*)::int AS messages FROM gateway.webhook_message WHERE uscc = $1 AND type = 'MEASURE_ENDED' AND payload LIKE $2`,
      [red, `%${ending}%`],
    );
    expect(messages).toBe(1);
    const rows = await hub.sql<{ measure_code: string; change: string; effective_on: string }>(
      `SELECT measure_code, change, effective_on::text FROM gateway.webhook_timed_change WHERE uscc = ANY($1::varchar[]) ORDER BY effective_on, measure_code`,
      [[red, blue]],
    );
    expect(rows).toEqual([
      { measure_code: starting, change: 'STARTED', effective_on: startsOn },
      { measure_code: bankOnly, change: 'STARTED', effective_on: startsOn },
      { measure_code: ending, change: 'ENDED', effective_on: endsOn },
    ].sort((a, b) => a.effective_on.localeCompare(b.effective_on) || a.measure_code.localeCompare(b.measure_code)));
    // Let anything wrongly queued arrive: the BLUE subject heard of nothing, and each change came once.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const all = ofTest(bodies(endpoint, secret));
    expect(all.filter((b) => b.data.uscc === blue)).toEqual([]);
    // The bureau sees every measure, the bank's too.
    expect(all.map((b) => `${b.type}:${b.data.measureCode}`).sort()).toEqual([`MEASURE_ENDED:${ending}`, `MEASURE_STARTED:${bankOnly}`, `MEASURE_STARTED:${ending}`, `MEASURE_STARTED:${starting}`].sort());
    expect(ofTest(bodies(bankEndpoint, bank.secret))).toHaveLength(1);
  });

  it('catches up, on the cron run, every day missed since the last day it went through', async () => {
    const suffix = String(Date.now()).slice(-8);
    const code = `TIMED_GAP_${suffix}`;
    const endsOn = addDays(today(), 40);
    await defineRedMeasure(code, 'ENVIRONMENT', today(), endsOn);
    const endpoint = await receiver();
    const red = await ratedEnterprise(hub);
    const { secret } = await subscribe(ADMIN, { url: endpoint.url, eventTypes: ['MEASURE_ENDED'], usccs: [red] });
    await record(red, 'SUSPENSION_ORDER');
    await record(red, 'WARNING');
    await waitFor('the colour change relayed', async () => {
      const [state] = await hub.sql<{ codes: string[] }>(`SELECT codes FROM gateway.webhook_measure_state WHERE uscc = $1`, [red]);
      return state?.codes.includes(code);
    });
    // The job last went through a week before the measure's end; no instance ran since. The cron's
    // tick three days after the end (graphile-worker's own `_cron` payload) goes through every day between.
    await hub.sql(
      `INSERT INTO gateway.webhook_job_progress (job, done_through) VALUES ('measures_due', $1::date)
       ON CONFLICT (job) DO UPDATE SET done_through = EXCLUDED.done_through`,
      [addDays(endsOn, -7)],
    );
    await hub.sql(`SELECT graphile_worker.add_job('measures_due', json_build_object('_cron', json_build_object('ts', $1::text)), job_key := 'measures_due:cron')`, [
      `${addDays(endsOn, 3)}T00:10:00.000Z`,
    ]);
    const ended = await waitFor('the missed day told', () => bodies(endpoint, secret).find((b) => b.data.measureCode === code));
    expect(ended.data).toMatchObject({ uscc: red, effectiveOn: endsOn, measureCode: code });
    await jobDone('measures_due:cron');
    const [{ doneThrough }] = await hub.sql<{ doneThrough: string }>(`SELECT done_through::text AS "doneThrough" FROM gateway.webhook_job_progress WHERE job = 'measures_due'`);
    expect(doneThrough).toBe(addDays(endsOn, 3));
  });
});

describe('retention of webhook messages and the delivery log', () => {
  it('purges delivered and dead messages past the retention with their attempts, keeping recent ones and those still to be delivered', async () => {
    const endpoint = await receiver();
    const active = (await subscribe(ADMIN, { url: endpoint.url, eventTypes: ['COLOR_CHANGED'] })).subscription.id;
    const disabled = (await subscribe(ADMIN, { url: endpoint.url, eventTypes: ['COLOR_CHANGED'] })).subscription.id;
    await hub.sql(`UPDATE gateway.webhook_subscription SET active = false, disabled_at = now(), disabled_reason = 'test' WHERE id = $1`, [disabled]);
    const suffix = String(Date.now()).slice(-8);
    // [id, subscription, status, age in days]
    const messages: [string, string, string, number][] = [
      [`msg_old_delivered_${suffix}`, active, 'DELIVERED', 91],
      [`msg_old_dead_${suffix}`, active, 'DEAD', 120],
      [`msg_old_pending_${suffix}`, active, 'PENDING', 91],
      [`msg_old_pending_disabled_${suffix}`, disabled, 'PENDING', 91],
      [`msg_recent_delivered_${suffix}`, active, 'DELIVERED', 89],
      [`msg_recent_dead_${suffix}`, active, 'DEAD', 30],
      [`msg_recent_pending_disabled_${suffix}`, disabled, 'PENDING', 10],
    ];
    for (const [id, subscription, status, age] of messages) {
      await hub.sql(
        `INSERT INTO gateway.webhook_message (id, subscription_id, source_department, source_id, type, uscc, payload, status, created_at)
         VALUES ($1, $2, 'environment', $3, 'COLOR_CHANGED', '91320700MA1Q3K7P2H', '{}', $4, now() - make_interval(days => $5))`,
        [id, subscription, Math.floor(Math.random() * 1e12), status, age],
      );
      await hub.sql(
        `INSERT INTO gateway.webhook_attempt (subscription_id, message_id, attempt, outcome, at) VALUES ($1, $2, 1, $3, now() - make_interval(days => $4))`,
        [subscription, id, status === 'DELIVERED' ? 'DELIVERED' : 'FAILED', age],
      );
    }
    // Notes without a message: an old one and a recent one.
    await hub.sql(`INSERT INTO gateway.webhook_attempt (subscription_id, message_id, attempt, outcome, error, at) VALUES ($1, NULL, 0, 'REPLAYED', 'old note', now() - interval '100 days')`, [active]);
    await hub.sql(`INSERT INTO gateway.webhook_attempt (subscription_id, message_id, attempt, outcome, error, at) VALUES ($1, NULL, 0, 'REPLAYED', 'recent note', now() - interval '1 day')`, [active]);
    await hub.sql(
      `INSERT INTO gateway.webhook_timed_change (uscc, measure_code, change, effective_on, created_at) VALUES
         ('91320700MA1Q3K7P2H', $1, 'ENDED', '2020-01-01', now() - interval '100 days'), ('91320700MA1Q3K7P2H', $1, 'STARTED', '2020-01-01', now() - interval '5 days')`,
      [`PURGE_${suffix}`],
    );

    await hub.hub.webhooks!.queuePurge();
    await waitFor('the purge', async () => {
      const [{ count }] = await hub.sql<{ count: number }>(`SELECT count(*)::int AS count FROM gateway.webhook_message WHERE id = $1`, [`msg_old_delivered_${suffix}`]);
      return count === 0;
    });
    await waitFor('the purge job finished', async () => {
      const [{ count }] = await hub.sql<{ count: number }>(`SELECT count(*)::int AS count FROM graphile_worker.jobs WHERE task_identifier = 'webhook_purge'`);
      return count === 0;
    });

    const kept = (await hub.sql<{ id: string }>(`SELECT id FROM gateway.webhook_message WHERE subscription_id = ANY($1::bigint[])`, [[active, disabled]])).map((row) => row.id).sort();
    expect(kept).toEqual(
      [`msg_old_pending_${suffix}`, `msg_recent_delivered_${suffix}`, `msg_recent_dead_${suffix}`, `msg_recent_pending_disabled_${suffix}`].sort(),
    );
    const attempts = await hub.sql<{ message_id: string | null; error: string | null }>(
      `SELECT message_id, error FROM gateway.webhook_attempt WHERE subscription_id = ANY($1::bigint[])`,
      [[active, disabled]],
    );
    expect(attempts.map((row) => row.message_id ?? row.error).sort()).toEqual(['recent note', ...kept].sort());
    const timed = await hub.sql<{ change: string }>(`SELECT change FROM gateway.webhook_timed_change WHERE measure_code = $1`, [`PURGE_${suffix}`]);
    expect(timed).toEqual([{ change: 'STARTED' }]);
  });

  it('refuses a retention that is not a whole number of days', () => {
    expect(loadConfig({ HUB_WEBHOOK_RETENTION_DAYS: '30' }).webhooks.retentionDays).toBe(30);
    expect(loadConfig({}).webhooks.retentionDays).toBe(90);
    expect(() => loadConfig({ HUB_WEBHOOK_RETENTION_DAYS: '0' })).toThrow(/HUB_WEBHOOK_RETENTION_DAYS/);
    expect(() => loadConfig({ HUB_WEBHOOK_RETENTION_DAYS: '1.5' })).toThrow(/HUB_WEBHOOK_RETENTION_DAYS/);
  });
});

const SET_RULE = `mutation R($input: SetRestrictionRuleInput!) { setRestrictionRule(input: $input) { triggerKind triggerValue level effectiveFrom } }`;

/** A new version of the bank restriction table from `effectiveFrom`, set by the credit office as an administrator would. */
async function setRestrictionRule(triggerKind: 'COLOR' | 'LISTING', triggerValue: string, level: string, effectiveFrom: string) {
  const response = await hub.request(SET_RULE, { input: { triggerKind, triggerValue, level, legalBasis: '连银发〔2027〕5号', effectiveFrom } }, CREDIT_OFFICE);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
}

/** The RESTRICTION_CHANGED messages `endpoint` received, effective on `day`, as [uscc, level, previousLevel]. */
const restrictionsOn = (endpoint: WebhookReceiver, secret: string, day: string) =>
  bodies(endpoint, secret)
    .filter((b) => b.type === 'RESTRICTION_CHANGED' && b.data.effectiveOn === day)
    .map((b) => [b.data.uscc, b.data.level, b.data.previousLevel])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('bank restrictions changed by a restriction-table version on its day (the daily restrictions_due job)', () => {
  it('tells RESTRICTION_CHANGED with the levels the new version gives, to the subscribers that may see the subject, once, and nothing for subjects it does not change', async () => {
    const tomorrow = addDays(today(), 1);
    // YELLOW (3 points): no restriction today (DOMAIN.md §5: banks restrict from RED).
    const yellow = await ratedEnterprise(hub, { district: '320706' });
    await record(yellow, 'SUSPENSION_ORDER');
    // RED (2 points): RESTRICTED today and tomorrow; the new versions do not concern it.
    const red = await ratedEnterprise(hub, { district: '320706' });
    await record(red, 'SUSPENSION_ORDER');
    await record(red, 'WARNING');
    // BLUE, unlisted: nothing either day.
    const blue = await ratedEnterprise(hub, { district: '320706' });
    // BLUE, on market supervision's abnormal-operations list since today: a list no rule reads yet.
    const abnormal = await ratedEnterprise(hub, { district: '320703' });
    const listed = await hub.execute(
      AddMarketListingDocument,
      { input: { uscc: abnormal, listType: 'ABNORMAL_OPERATIONS', reason: '未按期公示年报', documentNo: '连市监〔2026〕8号', listedOn: today() } },
      { key: 'demo-market' },
    );
    expect(listed.errors).toBeUndefined();
    const ours = [yellow, red, blue, abnormal];

    const bankEndpoint = await receiver();
    const bank = await subscribe(BANK, { url: bankEndpoint.url, eventTypes: ['RESTRICTION_CHANGED'], usccs: ours });
    // A bank whose watch-list holds only subjects the new versions do not change.
    const otherBankEndpoint = await receiver();
    const otherBank = await subscribe(BANK, { url: otherBankEndpoint.url, eventTypes: ['RESTRICTION_CHANGED'], usccs: [red, blue] });
    // The bureau, for the 连云区 district only (the YELLOW subject is in 海州区).
    const districtEndpoint = await receiver();
    const district = await subscribe(ADMIN, { url: districtEndpoint.url, eventTypes: ['RESTRICTION_CHANGED'], districtCode: '320703' });

    // From tomorrow the table restricts YELLOW subjects and the abnormal-operations list.
    await setRestrictionRule('COLOR', 'YELLOW', 'RESTRICTED', tomorrow);
    await setRestrictionRule('LISTING', 'ABNORMAL_OPERATIONS', 'RESTRICTED', tomorrow);

    // Today's run: the versions are not in force yet, nothing changes.
    await hub.hub.webhooks!.queueDueRestrictions(today());
    await jobDone(`restrictions_due:${today()}`);
    expect(restrictionsOn(bankEndpoint, bank.secret, tomorrow)).toEqual([]);

    await hub.hub.webhooks!.queueDueRestrictions(tomorrow);
    const told = await waitFor('the restrictions of the new versions', () => {
      const got = restrictionsOn(bankEndpoint, bank.secret, tomorrow);
      return got.length === 2 && got;
    });
    expect(told).toEqual(
      [
        [yellow, 'RESTRICTED', 'NONE'],
        [abnormal, 'RESTRICTED', 'NONE'],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );
    const yellowBody = bodies(bankEndpoint, bank.secret).find((b) => b.data.uscc === yellow && b.data.effectiveOn === tomorrow)!;
    expect(yellowBody).toEqual({ type: 'RESTRICTION_CHANGED', timestamp: expect.any(String), data: { uscc: yellow, sequence: expect.any(Number), effectiveOn: tomorrow, recordedAt: expect.any(String), level: 'RESTRICTED', previousLevel: 'NONE' } });
    // The district subscription hears of its own district's subject only.
    const inDistrict = await waitFor('the district subscriber', () => {
      const got = restrictionsOn(districtEndpoint, district.secret, tomorrow);
      return got.length > 0 && got;
    });
    expect(inDistrict).toEqual([[abnormal, 'RESTRICTED', 'NONE']]);

    // Running the day again (an operator's re-run, a second instance), then the cron catching up from
    // before it: nothing is written or sent again.
    await hub.sql(`SELECT graphile_worker.add_job('restrictions_due', json_build_object('day', $1::text), job_key := 'restrictions_due:again')`, [tomorrow]);
    await jobDone('restrictions_due:again');
    await hub.sql(
      `INSERT INTO gateway.webhook_job_progress (job, done_through) VALUES ('restrictions_due', $1::date)
       ON CONFLICT (job) DO UPDATE SET done_through = EXCLUDED.done_through`,
      [addDays(today(), -2)],
    );
    await hub.sql(`SELECT graphile_worker.add_job('restrictions_due', json_build_object('_cron', json_build_object('ts', $1::text)), job_key := 'restrictions_due:cron')`, [
      `${addDays(tomorrow, 2)}T00:15:00.000Z`,
    ]);
    await jobDone('restrictions_due:cron');
    const [{ doneThrough }] = await hub.sql<{ doneThrough: string }>(`SELECT done_through::text AS "doneThrough" FROM gateway.webhook_job_progress WHERE job = 'restrictions_due'`);
    expect(doneThrough).toBe(addDays(tomorrow, 2));
    const rows = await hub.sql<{ uscc: string; effective_on: string; level: string; previous_level: string }>(
      `SELECT uscc, effective_on::text, level, previous_level FROM gateway.webhook_timed_restriction WHERE uscc = ANY($1::varchar[]) ORDER BY uscc`,
      [ours],
    );
    expect(rows).toEqual(
      [
        { uscc: yellow, effective_on: tomorrow, level: 'RESTRICTED', previous_level: 'NONE' },
        { uscc: abnormal, effective_on: tomorrow, level: 'RESTRICTED', previous_level: 'NONE' },
      ].sort((a, b) => a.uscc.localeCompare(b.uscc)),
    );
    const [{ messages }] = await hub.sql<{ messages: number }>(
      `SELECT count(*)::int AS messages FROM gateway.webhook_message WHERE source_department = 'finance:calendar' AND uscc = ANY($1::varchar[])`,
      [ours],
    );
    // The first bank (two subjects) and the district subscription (one).
    expect(messages).toBe(3);
    // Let anything wrongly queued arrive: each change came once, and nothing of the unchanged subjects.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(restrictionsOn(bankEndpoint, bank.secret, tomorrow)).toHaveLength(2);
    expect(bodies(bankEndpoint, bank.secret).filter((b) => b.data.uscc === red || b.data.uscc === blue)).toEqual(
      // RED's restriction came with its colour today (derived by the relay), not from the table.
      bodies(bankEndpoint, bank.secret).filter((b) => b.data.uscc === red && b.data.effectiveOn === today()),
    );
    expect(bodies(otherBankEndpoint, otherBank.secret).filter((b) => b.data.effectiveOn === tomorrow)).toEqual([]);
  });

  it('tells the colour a scoring policy version changes on its first day (ratings_due), with the restriction it brings, once across both jobs', async () => {
    const tomorrow = addDays(today(), 1);
    const yellow = await ratedEnterprise(hub);
    const red = await ratedEnterprise(hub);
    const endpoint = await receiver();
    const { secret } = await subscribe(BANK, { url: endpoint.url, eventTypes: ['COLOR_CHANGED', 'RESTRICTION_CHANGED'], usccs: [yellow, red] });
    // YELLOW at 3 points and RED at 2 under the default bands.
    await record(yellow, 'SUSPENSION_ORDER');
    await record(red, 'SUSPENSION_ORDER');
    await record(red, 'WARNING');
    await waitFor('the colours of today told', () => bodies(endpoint, secret).filter((b) => b.type === 'COLOR_CHANGED').length === 3);

    // From tomorrow YELLOW needs 4 points and RED 3: 3 points is RED, 2 is BLACK.
    const policy = await hub.execute(
      AddScoringPolicyVersionDocument,
      { input: { subjectKind: 'ENTERPRISE', effectiveFrom: tomorrow, legalBasis: '连环发〔2027〕3号', yellowMin: 4, redMin: 3 } },
      ADMIN,
    );
    expect(policy.errors).toBeUndefined();
    await hub.hub.webhooks!.queueDueRatings(tomorrow);
    const changed = await waitFor('the colour changes of the policy day', () => {
      const got = bodies(endpoint, secret).filter((b) => b.data.effectiveOn === tomorrow);
      return got.length === 4 && got;
    });
    const byKind = (uscc: string) => Object.fromEntries(changed.filter((b) => b.data.uscc === uscc).map((b) => [b.type, b.data]));
    // A bank sees the colour and the restriction level of the change's day, never the score.
    expect(byKind(yellow)).toEqual({
      COLOR_CHANGED: { uscc: yellow, sequence: expect.any(Number), effectiveOn: tomorrow, recordedAt: expect.any(String), color: 'RED', previousColor: 'YELLOW', restrictionLevel: 'RESTRICTED' },
      // The restriction test before made YELLOW RESTRICTED from tomorrow: RED keeps it there; the
      // relay compares with what it told, so the level the colour brings is told once.
      RESTRICTION_CHANGED: { uscc: yellow, sequence: expect.any(Number), effectiveOn: tomorrow, recordedAt: expect.any(String), level: 'RESTRICTED', previousLevel: 'NONE' },
    });
    expect(byKind(red)).toEqual({
      COLOR_CHANGED: { uscc: red, sequence: expect.any(Number), effectiveOn: tomorrow, recordedAt: expect.any(String), color: 'BLACK', previousColor: 'RED', restrictionLevel: 'PROHIBITED' },
      RESTRICTION_CHANGED: { uscc: red, sequence: expect.any(Number), effectiveOn: tomorrow, recordedAt: expect.any(String), level: 'PROHIBITED', previousLevel: 'RESTRICTED' },
    });
    // The history names the policy as the cause.
    const history = await hub.execute(EnvCreditHistoryDocument, { uscc: red }, ADMIN);
    expect((history.data!.enterprise!.envCreditHistory ?? []).find((h) => h.on === tomorrow)).toMatchObject({ colorBefore: 'RED', colorAfter: 'BLACK', cause: 'POLICY' });

    // The restriction job of the same day (the table changes YELLOW then) finds the YELLOW subject's
    // level told already by the colour change and writes nothing.
    await hub.sql(`SELECT graphile_worker.add_job('restrictions_due', json_build_object('day', $1::text), job_key := 'restrictions_due:policy')`, [tomorrow]);
    await jobDone('restrictions_due:policy');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(bodies(endpoint, secret).filter((b) => b.data.effectiveOn === tomorrow)).toHaveLength(4);
    const [{ rows }] = await hub.sql<{ rows: number }>(`SELECT count(*)::int AS rows FROM gateway.webhook_timed_restriction WHERE uscc = ANY($1::varchar[])`, [[yellow, red]]);
    expect(rows).toBe(0);
  });
});

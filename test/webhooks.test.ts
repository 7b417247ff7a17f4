import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../src/hub/hub';
import { loadConfig, type WebhookConfig } from '../src/shared/config';
import { addDays, addMonths, today } from '../src/shared/dates';
import {
  AddWebhookWatchCodesDocument,
  CreateWebhookSubscriptionDocument,
  DeleteWebhookSubscriptionDocument,
  RemoveWebhookWatchCodesDocument,
  RotateWebhookSecretDocument,
  DesignateCreditListingDocument,
  RemoveCreditListingDocument,
  TakeHalfYearSnapshotDocument,
  ReplayWebhookDeliveriesDocument,
  RecordEventDocument,
  WebhookDeliveriesDocument,
  WebhookSubscriptionsDocument,
  type WebhookSubscriptionInput,
} from './generated/graphql';
import { newUscc, ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type CallOptions, type TestHub } from './support/test-hub';
import { waitFor, WebhookReceiver, type Received } from './support/webhook-receiver';

const ADMIN: CallOptions = { key: 'demo-env-admin' };
const BANK: CallOptions = { key: 'demo-bank', purpose: 'POST_LOAN_MONITORING' };
const OFFICER: CallOptions = { key: 'demo-env-officer-haizhou' };
const UTILITY: CallOptions = { key: 'demo-utility', purpose: 'BILLING' };

/** Fast retries for the test: 300 ms, 600 ms, 1.2 s, then dead. */
const SCHEDULE = [300, 600, 1_200];

function webhookConfig(): WebhookConfig {
  return { ...loadConfig().webhooks, enabled: true, allowPrivate: true, retryScheduleMs: SCHEDULE, relayIntervalMs: 250, pollIntervalMs: 100, timeoutMs: 2_000 };
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

async function receiver(failFirst = 0): Promise<WebhookReceiver> {
  const started = await WebhookReceiver.start({ failFirst });
  receivers.push(started);
  return started;
}

async function subscribe(as: CallOptions, input: WebhookSubscriptionInput) {
  const response = await hub.execute(CreateWebhookSubscriptionDocument, { input }, as);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.createWebhookSubscription;
}

async function record(uscc: string, type: string, occurredOn = today()) {
  const response = await hub.execute(RecordEventDocument, { input: { uscc, type, occurredOn } }, ADMIN);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.recordCreditEvent;
}

async function deliveries(as: CallOptions, subscriptionId: string) {
  const response = await hub.execute(WebhookDeliveriesDocument, { subscriptionId, first: 100 }, as);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.webhookDeliveries.edges.map((edge) => edge.node).reverse();
}

/** What a partner's endpoint does with a request: verify it with the reference library, then read it. */
function verified(secret: string, entry: Received): { type: string; timestamp: string; data: Record<string, unknown> } {
  const payload = new Webhook(secret).verify(entry.body, {
    'webhook-id': entry.id,
    'webhook-timestamp': entry.timestamp,
    'webhook-signature': entry.signature,
  });
  return payload as { type: string; timestamp: string; data: Record<string, unknown> };
}

const bodiesFor = (endpoint: WebhookReceiver, secret: string, uscc: string) =>
  [...endpoint.delivered().values()].map((entry) => verified(secret, entry)).filter((body) => body.data.uscc === uscc);

describe('webhooks (Standard Webhooks 1.0, from the change outboxes)', () => {
  it('delivers every colour change exactly once after de-duplication, signed, retrying on the configured schedule', async () => {
    const endpoint = await receiver(2);
    const { secret, subscription } = await subscribe(ADMIN, { url: endpoint.url, eventTypes: ['COLOR_CHANGED'] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    // Stored sealed: the database does not hold the secret that signs.
    const [stored] = await hub.sql<{ secret: string }>(`SELECT secret FROM gateway.webhook_subscription WHERE id = $1`, [subscription.id]);
    expect(stored.secret).toMatch(/^enc:v1:/);
    expect(stored.secret).not.toContain(secret.slice(6, 20));
    const uscc = await ratedEnterprise(hub);
    // The first change meets the endpoint's two failures; the second comes once the first got through.
    expect((await record(uscc, 'SUSPENSION_ORDER')).ratingAfter.color).toBe('YELLOW');
    await waitFor('the first change delivered', () => bodiesFor(endpoint, secret, uscc).length === 1);
    expect((await record(uscc, 'WARNING')).ratingAfter.color).toBe('RED');

    const bodies = await waitFor('both changes delivered', () => {
      const got = bodiesFor(endpoint, secret, uscc);
      return got.length === 2 && got;
    });
    // Every request (failed ones too) carries a valid signature; the ids de-duplicate retries.
    for (const entry of endpoint.received) expect(() => verified(secret, entry)).not.toThrow();
    const ofSubject = endpoint.received.filter((entry) => (JSON.parse(entry.body) as { data: { uscc: string } }).data.uscc === uscc);
    expect(new Set(ofSubject.map((entry) => entry.id)).size).toBe(2);
    expect(bodies.map((body) => [body.type, body.data.previousColor, body.data.color]).sort()).toEqual([
      ['COLOR_CHANGED', 'BLUE', 'YELLOW'],
      ['COLOR_CHANGED', 'YELLOW', 'RED'],
    ]);
    // The bureau may read the score: its payload carries it.
    expect(bodies.find((body) => body.data.color === 'RED')!.data.score).toBe(2);

    // The first message failed twice: three requests, the same id, waits of at least the schedule's.
    const first = ofSubject[0].id;
    const tries = endpoint.received.filter((entry) => entry.id === first);
    expect(tries.map((entry) => entry.status)).toEqual([500, 500, 204]);
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(SCHEDULE[0] - 50);
    expect(tries[2].at - tries[1].at).toBeGreaterThanOrEqual(SCHEDULE[1] - 50);

    // The log and the audit trail are written once the endpoint's answer is in: wait for them.
    const log = await waitFor('the delivery log', async () => {
      const entries = await deliveries(ADMIN, subscription.id);
      return entries.filter((entry) => entry.outcome === 'DELIVERED').length === 2 && entries;
    });
    expect(log.filter((entry) => entry.messageId === first).map((entry) => [entry.attempt, entry.outcome, entry.statusCode])).toEqual([
      [1, 'FAILED', 500],
      [2, 'FAILED', 500],
      [3, 'DELIVERED', 204],
    ]);
    // Each delivery is in the audit trail like a read by the subscriber.
    const audited = await waitFor('the audit records', async () => {
      const rows = await hub.sql<{ request_id: string; role: string; usccs: string[] }>(
        `SELECT request_id, role, usccs FROM gateway.audit_log WHERE 'Webhook.COLOR_CHANGED' = ANY(fields) AND $1 = ANY(usccs)`,
        [uscc],
      );
      return rows.length === 2 && rows;
    });
    expect(audited.map((row) => row.request_id).sort()).toEqual(ofSubject.map((entry) => entry.id).filter((id, i, all) => all.indexOf(id) === i).sort());
    expect(audited.every((row) => row.role === 'ENV_ADMIN')).toBe(true);

    // Replay since before the changes sends both again, with their original ids.
    const since = new Date(Date.now() - 60_000).toISOString();
    const replay = await hub.execute(ReplayWebhookDeliveriesDocument, { subscriptionId: subscription.id, since }, ADMIN);
    expect(replay.data?.replayWebhookDeliveries).toBeGreaterThanOrEqual(2);
    const ids = new Set(ofSubject.map((entry) => entry.id));
    await waitFor('the replayed messages', () => [...ids].every((id) => endpoint.received.filter((entry) => entry.id === id && entry.status === 204).length === 2));
    expect(bodiesFor(endpoint, secret, uscc)).toHaveLength(2);
    // Operators see the attempts in /metrics.
    const metrics = await (await fetch(hub.hub.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/^ecocredit_webhook_attempts_total\{outcome="retry"\} [1-9]/m);
    expect(metrics).toMatch(/^ecocredit_webhook_attempts_total\{outcome="delivered"\} [1-9]/m);
    expect(metrics).toMatch(/^ecocredit_webhook_messages_queued_total [1-9]/m);
  });

  it('gives a message up after the schedule, disables an endpoint that keeps failing and says so in its delivery log', async () => {
    const endpoint = await receiver();
    endpoint.failing = true;
    const { subscription } = await subscribe(ADMIN, { url: endpoint.url, eventTypes: ['COLOR_CHANGED'] });
    const uscc = await ratedEnterprise(hub);
    await record(uscc, 'ADMIN_DETENTION_TRANSFER');
    const log = await waitFor('the endpoint disabled', async () => {
      const entries = await deliveries(ADMIN, subscription.id);
      return entries.some((entry) => entry.outcome === 'DISABLED') && entries;
    });
    const mine = log.filter((entry) => entry.uscc === uscc);
    expect(mine.map((entry) => entry.outcome)).toEqual(['FAILED', 'FAILED', 'FAILED', 'DEAD']);
    expect(log.at(-1)!.error).toMatch(/endpoint disabled/);
    const listed = await hub.execute(WebhookSubscriptionsDocument, {}, ADMIN);
    const row = listed.data!.webhookSubscriptions.find((s) => s.id === subscription.id)!;
    expect(row.active).toBe(false);
    expect(row.disabledReason).toMatch(/no delivery succeeded since/);
    // Disabled: a later change is not sent, and replay is refused with the reason.
    const before = endpoint.received.length;
    const other = await ratedEnterprise(hub);
    await record(other, 'ADMIN_DETENTION_TRANSFER');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(endpoint.received.length).toBe(before);
    // Nothing waits as PENDING for an endpoint that is not sent to: the later change is HELD for it.
    const states = await hub.sql<{ uscc: string; status: string }>(`SELECT uscc, status FROM gateway.webhook_message WHERE subscription_id = $1 ORDER BY created_at`, [subscription.id]);
    expect(states.filter((m) => m.uscc === uscc || m.uscc === other).map((m) => m.status)).toEqual(['DEAD', 'HELD']);
    expect(states.some((m) => m.status === 'PENDING')).toBe(false);
    const replay = await hub.execute(ReplayWebhookDeliveriesDocument, { subscriptionId: subscription.id, since: new Date(0).toISOString() }, ADMIN);
    expect(errorCodes(replay)).toEqual(['BAD_USER_INPUT']);
    expect(replay.errors?.[0].message).toMatch(/enableWebhookSubscription/);
  });

  it('tells a bank of a RED borrower on its watch-list with colour and restriction level, never the score, and nothing else', async () => {
    const endpoint = await receiver();
    const borrower = await ratedEnterprise(hub);
    const stranger = await ratedEnterprise(hub);
    const { secret } = await subscribe(BANK, { url: endpoint.url, eventTypes: ['COLOR_CHANGED', 'RESTRICTION_CHANGED', 'MEASURE_STARTED'], usccs: [borrower] });
    // What a bank may not read (the sewage-fee surcharge), it may not subscribe to.
    const refused = await hub.execute(CreateWebhookSubscriptionDocument, { input: { url: endpoint.url, eventTypes: ['SURCHARGE_DECIDED'] } }, BANK);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);

    await record(borrower, 'SUSPENSION_ORDER');
    await record(borrower, 'WARNING');
    await record(stranger, 'ADMIN_DETENTION_TRANSFER');
    await waitFor('two colour changes', () => bodiesFor(endpoint, secret, borrower).filter((body) => body.type === 'COLOR_CHANGED').length === 2);
    const red = await waitFor('the RED change', () => bodiesFor(endpoint, secret, borrower).find((body) => body.data.color === 'RED'));
    expect(red.data).toEqual({ uscc: borrower, sequence: expect.any(Number), effectiveOn: today(), recordedAt: expect.any(String), color: 'RED', previousColor: 'YELLOW', restrictionLevel: 'RESTRICTED' });
    // YELLOW left credit unrestricted; RED restricts it: one restriction change, from NONE.
    const restricted = await waitFor('the restriction change', () => {
      const got = bodiesFor(endpoint, secret, borrower).filter((body) => body.type === 'RESTRICTION_CHANGED');
      return got.length > 0 && got;
    });
    expect(restricted.map((body) => body.data)).toEqual([{ uscc: borrower, sequence: expect.any(Number), effectiveOn: today(), recordedAt: expect.any(String), level: 'RESTRICTED', previousLevel: 'NONE' }]);
    // RED starts the bank's own measure; the measures other agencies implement are not a bank's to hear of.
    const started = await waitFor('the bank measure', () => {
      const got = bodiesFor(endpoint, secret, borrower).filter((body) => body.type === 'MEASURE_STARTED');
      return got.length > 0 && got;
    });
    expect(started.map((body) => body.data.measureCode)).toEqual(['BANK_CREDIT_RESTRICTION']);
    // Give the stranger's change time to be relayed: nothing arrives for it.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const all = [...endpoint.delivered().values()].map((entry) => verified(secret, entry));
    expect(all.every((body) => body.data.uscc === borrower)).toBe(true);
    expect(all.some((body) => 'score' in body.data)).toBe(false);
  });

  it('tells a bank of its borrower put on and taken off a list by the credit office, with the restriction it brings', async () => {
    const endpoint = await receiver();
    const borrower = await ratedEnterprise(hub);
    const { secret } = await subscribe(BANK, { url: endpoint.url, eventTypes: ['LISTING_CHANGED', 'RESTRICTION_CHANGED'], usccs: [borrower] });
    const designated = await hub.execute(
      DesignateCreditListingDocument,
      { input: { uscc: borrower, listType: 'SERIOUS_DISHONESTY', reason: '严重失信', documentNo: '连信〔2026〕9号', listedOn: today() } },
      { key: 'demo-credit-office' },
    );
    expect(designated.errors).toBeUndefined();
    const both = await waitFor('the listing and its restriction', () => {
      const got = bodiesFor(endpoint, secret, borrower);
      return got.length === 2 && got;
    });
    const byType = Object.fromEntries(both.map((body) => [body.type, body.data]));
    expect(byType.LISTING_CHANGED).toEqual({ uscc: borrower, sequence: expect.any(Number), effectiveOn: today(), recordedAt: expect.any(String), listType: 'SERIOUS_DISHONESTY', listed: true, documentNo: '连信〔2026〕9号', restrictionLevel: 'RESTRICTED' });
    expect(byType.RESTRICTION_CHANGED).toEqual({ uscc: borrower, sequence: expect.any(Number), effectiveOn: today(), recordedAt: expect.any(String), level: 'RESTRICTED', previousLevel: 'NONE' });

    const removed = await hub.execute(
      RemoveCreditListingDocument,
      { input: { id: designated.data!.designateCreditListing.id, removedOn: today(), removalReason: '信用修复' } },
      { key: 'demo-credit-office' },
    );
    expect(removed.errors).toBeUndefined();
    const after = await waitFor('the removal and its restriction', () => {
      const got = bodiesFor(endpoint, secret, borrower);
      return got.length === 4 && got.slice(2);
    });
    expect(after.map((body) => [body.type, body.data.listed ?? body.data.level]).sort()).toEqual([
      ['LISTING_CHANGED', false],
      ['RESTRICTION_CHANGED', 'NONE'],
    ]);
    // The transaction that listed the subject also wrote its audit record (through the outbox).
    const [audited] = await hub.sql<{ count: number }>(`SELECT count(*)::int AS count FROM gateway.audit_log WHERE 'Mutation.designateCreditListing' = ANY(fields) AND $1 = ANY(usccs)`, [borrower]);
    expect(audited.count).toBe(1);
  });

  it('tells a utility of the surcharge a half-year snapshot decides, with the price it bills', async () => {
    const endpoint = await receiver();
    const { secret } = await subscribe(UTILITY, { url: endpoint.url, eventTypes: ['SURCHARGE_DECIDED'] });
    const periodEnd = today() >= `${today().slice(0, 4)}-07-01` ? `${today().slice(0, 4)}-06-30` : `${Number(today().slice(0, 4)) - 1}-12-31`;
    const red = await ratedEnterprise(hub);
    await record(red, 'SUSPENSION_ORDER', addDays(periodEnd, -20));
    await record(red, 'WARNING', addDays(periodEnd, -20));
    const period = periodEnd.endsWith('06-30') ? `${periodEnd.slice(0, 4)}-H2` : `${Number(periodEnd.slice(0, 4)) + 1}-H1`;
    // Recorded late, the penalties change the price of the half-year still provisional (no snapshot stored yet): told at once.
    const [provisional] = await waitFor('the provisional surcharge', () => {
      const got = bodiesFor(endpoint, secret, red);
      return got.length > 0 && got;
    });
    expect(provisional.type).toBe('SURCHARGE_DECIDED');
    expect(provisional.data).toMatchObject({ uscc: red, effectiveOn: addDays(periodEnd, 1), period, color: 'RED', consecutiveRed: 1, sewageFee: { surchargePerCubicMetre: '0.60', provisional: true } });
    const taken = await hub.execute(TakeHalfYearSnapshotDocument, { periodEnd }, ADMIN);
    expect(taken.errors).toBeUndefined();
    const decided = await waitFor('the surcharge decision', () => {
      const got = bodiesFor(endpoint, secret, red);
      return got.length === 2 && got.sort((a, b) => Number(a.data.sequence) - Number(b.data.sequence))[1];
    });
    expect(decided.type).toBe('SURCHARGE_DECIDED');
    expect(decided.data).toMatchObject({ uscc: red, effectiveOn: addDays(periodEnd, 1), period, color: 'RED', consecutiveRed: 1, sewageFee: { surchargePerCubicMetre: '0.60', provisional: false } });
    // Taking the same snapshot again stores nothing new and decides nothing again.
    await hub.execute(TakeHalfYearSnapshotDocument, { periodEnd }, ADMIN);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(bodiesFor(endpoint, secret, red)).toHaveLength(2);
  });

  it('tells a district officer only of subjects in its own district (row scope)', async () => {
    const endpoint = await receiver();
    const { secret } = await subscribe(OFFICER, { url: endpoint.url, eventTypes: ['COLOR_CHANGED'] });
    const inside = await ratedEnterprise(hub, { district: '320706' });
    const outside = await ratedEnterprise(hub, { district: '320703' });
    await record(outside, 'ADMIN_DETENTION_TRANSFER');
    await record(inside, 'ADMIN_DETENTION_TRANSFER');
    await waitFor('the change inside the district', () => bodiesFor(endpoint, secret, inside).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bodiesFor(endpoint, secret, outside)).toEqual([]);
    // Subscribing to another district is refused.
    const refused = await hub.execute(CreateWebhookSubscriptionDocument, { input: { url: endpoint.url, eventTypes: ['COLOR_CHANGED'], districtCode: '320703' } }, OFFICER);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
  });

  it('turns points returning on expiry into a colour change on its day, when the daily job runs for that date', async () => {
    const endpoint = await receiver();
    const { secret } = await subscribe(UTILITY, { url: endpoint.url, eventTypes: ['COLOR_CHANGED'] });
    const uscc = await ratedEnterprise(hub);
    // A fine from five months ago (BLUE at 6), another today (YELLOW at 3): the first returns its points in a month.
    await record(uscc, 'FINE', addMonths(today(), -5));
    expect((await record(uscc, 'FINE')).ratingAfter.color).toBe('YELLOW');
    await waitFor('the YELLOW change', () => bodiesFor(endpoint, secret, uscc).length === 1);
    const [{ next }] = await hub.sql<{ next: string }>(`SELECT next_change_on::text AS next FROM environment.rated_subject WHERE uscc = $1`, [uscc]);
    expect(next > today()).toBe(true);

    // The day before, nothing is due for this subject.
    await hub.hub.webhooks!.queueDueRatings(addDays(next, -1));
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(bodiesFor(endpoint, secret, uscc)).toHaveLength(1);

    await hub.hub.webhooks!.queueDueRatings(next);
    const back = await waitFor('the colour change of the expiry', () => bodiesFor(endpoint, secret, uscc).find((body) => body.data.color === 'BLUE'));
    // A utility sees the colour, not the score nor the restriction level.
    expect(back.data).toEqual({ uscc, sequence: expect.any(Number), effectiveOn: next, recordedAt: expect.any(String), color: 'BLUE', previousColor: 'YELLOW' });
  });

  it('refuses endpoints on private addresses unless the configuration allows them', async () => {
    const strict = await startTestHub({ config: { webhooks: { ...webhookConfig(), enabled: false, allowPrivate: false } } });
    try {
      for (const url of ['http://127.0.0.1:9/hooks', 'http://10.0.0.5/x', 'http://[::1]/x', 'http://169.254.169.254/latest', 'http://localhost/x', 'ftp://example.com/x']) {
        const response = await strict.execute(CreateWebhookSubscriptionDocument, { input: { url, eventTypes: ['COLOR_CHANGED'] } }, ADMIN);
        expect(errorCodes(response), url).toEqual(['BAD_USER_INPUT']);
      }
    } finally {
      await strict.stop();
    }
  });
});

describe('managing subscriptions', () => {
  it('grows a watch-list set-wise in batches up to 100,000 codes, each code once, and shrinks it', async () => {
    const endpoint = await receiver();
    // A request carries at most 1000 list items in all (the event types count too).
    const first = Array.from({ length: 900 }, () => newUscc());
    const { subscription } = await subscribe(BANK, { url: endpoint.url, eventTypes: ['COLOR_CHANGED'], usccs: first });
    expect(subscription.watchCount).toBe(900);
    const second = [...first.slice(0, 200), ...Array.from({ length: 800 }, () => newUscc())];
    const grown = await hub.execute(AddWebhookWatchCodesDocument, { subscriptionId: subscription.id, usccs: second }, BANK);
    expect(grown.data?.addWebhookWatchCodes).toBe(1700);
    const shrunk = await hub.execute(RemoveWebhookWatchCodesDocument, { subscriptionId: subscription.id, usccs: first.slice(0, 300) }, BANK);
    expect(shrunk.data?.removeWebhookWatchCodes).toBe(1400);
    // A batch over the gateway's list limit is refused before anything runs.
    const tooLong = await hub.execute(AddWebhookWatchCodesDocument, { subscriptionId: subscription.id, usccs: Array.from({ length: 1001 }, () => newUscc()) }, BANK);
    expect(errorCodes(tooLong)).toEqual(['QUERY_TOO_COMPLEX']);
    // Filled up to the portfolio limit (setup by SQL), one more code is refused naming the limit, and nothing is added.
    await hub.sql(
      `INSERT INTO gateway.webhook_watch (subscription_id, uscc) SELECT $1, lpad(n::text, 18, '0') FROM generate_series(1, 100000 - 1400) AS n`,
      [subscription.id],
    );
    const over = await hub.execute(AddWebhookWatchCodesDocument, { subscriptionId: subscription.id, usccs: [newUscc()] }, BANK);
    expect(errorCodes(over)).toEqual(['BAD_USER_INPUT']);
    expect(over.errors?.[0].message).toMatch(/at most 100000 codes/);
    const [{ count }] = await hub.sql<{ count: number }>(`SELECT count(*)::int AS count FROM gateway.webhook_watch WHERE subscription_id = $1`, [subscription.id]);
    expect(count).toBe(100_000);
  });

  it("keeps each partner's subscriptions its own", async () => {
    const endpoint = await receiver();
    const { subscription } = await subscribe(BANK, { url: endpoint.url, eventTypes: ['COLOR_CHANGED'] });
    const listed = await hub.execute(WebhookSubscriptionsDocument, {}, UTILITY);
    expect(listed.data!.webhookSubscriptions.map((s) => s.id)).not.toContain(subscription.id);
    for (const response of [
      await hub.execute(WebhookDeliveriesDocument, { subscriptionId: subscription.id }, UTILITY),
      await hub.execute(DeleteWebhookSubscriptionDocument, { id: subscription.id }, UTILITY),
      await hub.execute(ReplayWebhookDeliveriesDocument, { subscriptionId: subscription.id, since: new Date(0).toISOString() }, UTILITY),
    ]) {
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    }
    const publicCaller = await hub.execute(WebhookSubscriptionsDocument, {}, {});
    expect(errorCodes(publicCaller)).toEqual(['FORBIDDEN']);
    const deleted = await hub.execute(DeleteWebhookSubscriptionDocument, { id: subscription.id }, BANK);
    expect(deleted.data?.deleteWebhookSubscription.active).toBe(false);
  });

  it('signs with the old and the new secret during a rotation', async () => {
    const endpoint = await receiver();
    const { secret: oldSecret, subscription } = await subscribe(ADMIN, { url: endpoint.url, eventTypes: ['COLOR_CHANGED'] });
    const rotated = await hub.execute(RotateWebhookSecretDocument, { id: subscription.id }, ADMIN);
    const newSecret = rotated.data!.rotateWebhookSecret.secret;
    expect(newSecret).not.toBe(oldSecret);
    const uscc = await ratedEnterprise(hub);
    await record(uscc, 'ADMIN_DETENTION_TRANSFER');
    const [entry] = await waitFor('the delivery', () => {
      const got = [...endpoint.delivered().values()];
      return got.length > 0 && got;
    });
    expect(entry.signature.split(' ')).toHaveLength(2);
    expect(verified(newSecret, entry).data.uscc).toBe(uscc);
    expect(verified(oldSecret, entry).data.uscc).toBe(uscc);
  });
});

describe('two dispatchers on one database', () => {
  let second: Hub;

  afterAll(async () => {
    await second?.stop();
  });

  it('never deliver the same message twice', async () => {
    // A second hub instance on the same database, with its own dispatcher (its own data folder for its audit key).
    const dataDir = mkdtempSync(join(tmpdir(), 'ecocredit-second-'));
    // Every instance has the same audit key (HUB_AUDIT_KEY in production), which also seals the signing secrets.
    const own = loadConfig({ HUB_DATA_DIR: dataDir });
    const audit = { ...own.audit, key: readFileSync(join(hub.dataDir, 'audit.key'), 'utf8').trim() };
    second = await startHub({ config: { ...own, audit, databaseUrl: hub.hub.databaseUrl, port: 0, demo: true, webhooks: webhookConfig() }, seedDemo: false });
    const endpoint = await receiver();
    const { secret } = await subscribe(ADMIN, { url: endpoint.url, eventTypes: ['COLOR_CHANGED'] });
    const subjects = await Promise.all(Array.from({ length: 12 }, () => ratedEnterprise(hub)));
    for (const uscc of subjects) await record(uscc, 'ADMIN_DETENTION_TRANSFER');
    await waitFor('a change of every subject', () => subjects.every((uscc) => bodiesFor(endpoint, secret, uscc).length === 1));
    await new Promise((resolve) => setTimeout(resolve, 800));
    const mine = endpoint.received.filter((entry) => subjects.includes((JSON.parse(entry.body) as { data: { uscc: string } }).data.uscc));
    expect(mine).toHaveLength(subjects.length);
    expect(new Set(mine.map((entry) => entry.id)).size).toBe(subjects.length);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../src/shared/dates';
import { ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

/**
 * DOMAIN.md §10 "Known-on dates": every event records the day it became known; `envCredit(asOf:,
 * knownOn:)`, `envCreditEvents(knownOn:)` and `envCreditHistory(knownOn:)` answer what the hub said on
 * day K about day D, so that a bank can reproduce what it was told. Scores from the §3 catalogue:
 * start 9, WARNING −1 for 6 months, FINE −3 for 6 months; BLUE 6–10, YELLOW 3–5.
 */
const ADMIN = { key: 'demo-env-admin' };
let hub: TestHub;
let uscc: string;
let warningId: string;
let fineId: string;

async function record(type: string, occurredOn: string): Promise<string> {
  const response = await hub.request<{ recordCreditEvent: { event: { id: string; knownOn: string } } }>(
    `mutation R($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id knownOn } } }`,
    { input: { uscc, type, occurredOn, decisionNo: `连环罚〔2026〕${type}号` } },
    ADMIN,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  // A newly recorded event became known today.
  expect(response.data!.recordCreditEvent.event.knownOn).toBe(today());
  return response.data!.recordCreditEvent.event.id;
}

async function envCredit(asOf: string | undefined, knownOn?: string, subject = uscc) {
  const response = await hub.request<{ enterprise: { envCredit: { color: string; score: number } | null } }>(
    `query C($uscc: USCC!, $asOf: Date, $knownOn: Date) { enterprise(uscc: $uscc) { envCredit(asOf: $asOf, knownOn: $knownOn) { color score } } }`,
    { uscc: subject, asOf, knownOn },
    ADMIN,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.enterprise.envCredit;
}

async function history(knownOn?: string) {
  const response = await hub.request<{ enterprise: { envCreditHistory: { on: string; colorAfter: string; scoreAfter: number }[] } }>(
    `query H($uscc: USCC!, $knownOn: Date) { enterprise(uscc: $uscc) { envCreditHistory(knownOn: $knownOn) { on colorAfter scoreAfter } } }`,
    { uscc, knownOn },
    ADMIN,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.enterprise.envCreditHistory.map((c) => `${c.on} ${c.colorAfter} ${c.scoreAfter}`);
}

beforeAll(async () => {
  hub = await startTestHub();
  uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
  // Enrolled today; dating its known-on day back stands for having enrolled it on 2024-01-01.
  await hub.sql(`UPDATE environment.rated_subject SET known_on = '2024-01-01' WHERE uscc = $1`, [uscc]);
  // A warning decided on 2026-05-20 that the hub learned on 2026-06-05, and a fine decided on
  // 2026-03-01 that reached the hub only on 2026-09-10 (a late feed). Recording them today, then
  // dating their known-on day back, stands for having recorded them on those days.
  warningId = await record('WARNING', '2026-05-20');
  fineId = await record('FINE', '2026-03-01');
  await hub.sql(`UPDATE environment.credit_event SET known_on = '2026-06-05' WHERE id = $1`, [warningId]);
  await hub.sql(`UPDATE environment.credit_event SET known_on = '2026-09-10' WHERE id = $1`, [fineId]);
});

afterAll(async () => {
  await hub?.stop();
});

describe('what the hub said on K about D', () => {
  it('had no rating for a subject enrolled after K, whatever day its rating starts from', async () => {
    const yesterday = addDays(today(), -1);
    // Enrolled (known) today, rated from 2024-01-01: the start score 9, BLUE.
    const late = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    expect(await hub.sql(`SELECT known_on::text FROM environment.rated_subject WHERE uscc = $1`, [late])).toEqual([{ known_on: today() }]);
    expect(await envCredit('2026-06-01', undefined, late)).toEqual({ color: 'BLUE', score: 9 });
    expect(await envCredit('2026-06-01', today(), late)).toEqual({ color: 'BLUE', score: 9 });
    // What the hub said yesterday, about last June or about yesterday: not rated.
    expect(await envCredit('2026-06-01', yesterday, late)).toBeNull();
    expect(await envCredit(undefined, yesterday, late)).toBeNull();
    const told = await hub.request<{ enterprise: { envCreditHistory: unknown[] | null; envCreditEvents: unknown[] | null } }>(
      `query T($uscc: USCC!, $k: Date) { enterprise(uscc: $uscc) { envCreditHistory(knownOn: $k) { on } envCreditEvents(knownOn: $k) { id } } }`,
      { uscc: late, k: yesterday },
      ADMIN,
    );
    expect(told.errors, JSON.stringify(told.errors)).toBeUndefined();
    expect(told.data!.enterprise).toEqual({ envCreditHistory: null, envCreditEvents: null });
  });

  it('answers the colour on D with today\'s knowledge by default, and as known on K when asked', async () => {
    // Known today: 9 − 1 − 3 = 5 on 2026-06-01.
    expect(await envCredit('2026-06-01')).toEqual({ color: 'YELLOW', score: 5 });
    // On 2026-06-30 the hub knew only the warning: 9 − 1 = 8.
    expect(await envCredit('2026-06-01', '2026-06-30')).toEqual({ color: 'BLUE', score: 8 });
    // On 2026-06-01 it knew nothing yet.
    expect(await envCredit('2026-06-01', '2026-06-01')).toEqual({ color: 'BLUE', score: 9 });
    // Once the fine arrived, the same past day reads YELLOW.
    expect(await envCredit('2026-06-01', '2026-09-10')).toEqual({ color: 'YELLOW', score: 5 });
  });

  it('tells the events and the history as they were known then', async () => {
    const events = await hub.request<{ enterprise: { envCreditEvents: { id: string; type: string; knownOn: string }[] } }>(
      `query E($uscc: USCC!) { enterprise(uscc: $uscc) { envCreditEvents(knownOn: "2026-06-30") { id type knownOn } } }`,
      { uscc },
      ADMIN,
    );
    expect(events.data!.enterprise.envCreditEvents).toEqual([{ id: warningId, type: 'WARNING', knownOn: '2026-06-05' }]);
    expect(await history('2026-06-30')).toEqual(['2024-01-01 BLUE 9']);
    // Known today: the fine makes 6 (BLUE) from 2026-03-01, the warning 5 (YELLOW) from 2026-05-20,
    // the fine's expiry 8 (BLUE) from 2026-09-01, the warning's 9 from 2026-11-20.
    expect(await history()).toEqual(['2024-01-01 BLUE 9', '2026-05-20 YELLOW 5', '2026-09-01 BLUE 8']);
  });

  it('keeps a later voiding out of what was said before it', async () => {
    const voided = await hub.request(
      `mutation V($input: VoidCreditEventInput!) { voidCreditEvent(input: $input) { event { id voided } } }`,
      { input: { eventId: fineId, reason: '复议撤销' } },
      ADMIN,
    );
    expect(voided.errors, JSON.stringify(voided.errors)).toBeUndefined();
    expect(await envCredit('2026-06-01')).toEqual({ color: 'BLUE', score: 8 });
    expect(await envCredit('2026-06-01', addDays(today(), -1))).toEqual({ color: 'YELLOW', score: 5 });
    expect(await envCredit('2026-06-01', today())).toEqual({ color: 'BLUE', score: 8 });
  });

  it('refuses a known-on day in the future, naming it', async () => {
    const tomorrow = addDays(today(), 1);
    const response = await hub.request(
      `query C($uscc: USCC!, $k: Date) { enterprise(uscc: $uscc) { envCredit(knownOn: $k) { color } } }`,
      { uscc, k: tomorrow },
      ADMIN,
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toBe(`knownOn ${tomorrow} is in the future (today is ${today()}); the hub cannot say what it will know`);
  });
});

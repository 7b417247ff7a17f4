import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../src/shared/dates';
import { ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type GraphqlResponse, type TestHub } from './support/test-hub';

/*
 * Service day (DOMAIN.md §11 "Service", issue 24 item 4): a notice is served on or after its issue
 * day, by default the issue day itself, and the objection window (15 days by default) runs from the
 * service day, so a decision recorded late never gets a deadline already past. A service day before
 * the decision or after today is refused with BAD_USER_INPUT naming the rule, and nothing is written.
 * Through the gateway as the bureau calls it.
 */

const ADMIN = { key: 'demo-env-admin' };
const OBJECTION_DAYS = 15;

const RECORD = `mutation Record($input: RecordCreditEventInput!) {
  recordCreditEvent(input: $input) { event { id occurredOn servedOn } notice { number text } }
}`;
const OBJECT = `mutation Object($input: FileObjectionInput!) { fileObjection(input: $input) { deadline filedOn } }`;
const EVENTS = `query Events($uscc: USCC!) { enterprise(uscc: $uscc) { envCreditEvents { id servedOn } } }`;

interface Recorded {
  recordCreditEvent: { event: { id: string; occurredOn: string; servedOn: string }; notice: { number: string; text: string } };
}

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

/** 2026-12-05 → 2026年12月5日, written out here (not with the hub's own helper). */
function zh(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function ok<T>(response: GraphqlResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

describe('the service day of a notice', () => {
  const T = today();
  const accepted: { name: string; occurredOn: string; servedOn?: string; expectServed: string }[] = [
    { name: 'a decision recorded late, no service day: served on the issue day', occurredOn: addDays(T, -60), expectServed: T },
    { name: 'a decision recorded a year late: still the whole window from today', occurredOn: addDays(T, -300), expectServed: T },
    { name: 'a decision of today, no service day', occurredOn: T, expectServed: T },
    { name: 'a stated service day between the decision and today', occurredOn: addDays(T, -5), servedOn: addDays(T, -2), expectServed: addDays(T, -2) },
    { name: 'a stated service day equal to the decision day', occurredOn: addDays(T, -3), servedOn: addDays(T, -3), expectServed: addDays(T, -3) },
    { name: 'a stated service day of today for a late decision', occurredOn: addDays(T, -40), servedOn: T, expectServed: T },
  ];

  it.each(accepted)('$name', async ({ occurredOn, servedOn, expectServed }) => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const recorded = ok(await hub.request<Recorded>(RECORD, { input: { uscc, type: 'WARNING', occurredOn, ...(servedOn ? { servedOn } : {}) } }, ADMIN)).recordCreditEvent;
    const deadline = addDays(expectServed, OBJECTION_DAYS);
    expect(recorded.event).toMatchObject({ occurredOn, servedOn: expectServed });
    // The notice says when it was served and the last day to object, counted from the service day.
    expect(recorded.notice.text).toContain(`送达于${zh(expectServed)}`);
    expect(recorded.notice.text).toContain(`自送达之日起${OBJECTION_DAYS}日内（${zh(deadline)}前）`);
    expect(recorded.notice.text).toContain(`告知日期：${zh(T)}`);
    // Without a stated day the deadline is never before the notice is issued.
    if (!servedOn) expect(deadline >= T).toBe(true);
    // The stored row and the event's answer agree.
    expect(await hub.sql(`SELECT served_on::text FROM environment.credit_event WHERE id = $1`, [Number(recorded.event.id)])).toEqual([{ served_on: expectServed }]);
    expect(ok(await hub.request<{ enterprise: { envCreditEvents: { id: string; servedOn: string }[] } }>(EVENTS, { uscc }, ADMIN)).enterprise.envCreditEvents).toEqual([
      { id: recorded.event.id, servedOn: expectServed },
    ]);
    // An objection filed today is inside the window; its deadline is the notice's.
    const objection = ok(await hub.request<{ fileObjection: { deadline: string } }>(OBJECT, { input: { eventId: recorded.event.id, grounds: '事实不清' } }, ADMIN)).fileObjection;
    expect(objection.deadline).toBe(deadline);
  });

  const refused: { name: string; occurredOn: string; servedOn: string; rule: RegExp }[] = [
    { name: 'a service day before the decision', occurredOn: addDays(T, -10), servedOn: addDays(T, -11), rule: /servedOn \S+ is before the decision \(occurredOn \S+\)/ },
    { name: 'a service day long before the decision', occurredOn: addDays(T, -10), servedOn: '2020-01-01', rule: /servedOn 2020-01-01 is before the decision/ },
    { name: 'a service day after today', occurredOn: addDays(T, -10), servedOn: addDays(T, 1), rule: /servedOn \S+ is after today/ },
    { name: 'a service day after today for a decision of today', occurredOn: T, servedOn: addDays(T, 30), rule: /servedOn \S+ is after today/ },
  ];

  it.each(refused)('refuses $name, naming the rule, and writes nothing', async ({ occurredOn, servedOn, rule }) => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const response = await hub.request(RECORD, { input: { uscc, type: 'FINE', occurredOn, servedOn } }, ADMIN);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(rule);
    expect(response.errors![0].message).toContain(servedOn);
    expect(await hub.sql(`SELECT 1 FROM environment.credit_event WHERE uscc = $1`, [uscc])).toEqual([]);
    expect(await hub.sql(`SELECT 1 FROM environment.credit_notice WHERE uscc = $1`, [uscc])).toEqual([]);
  });

  it('closes the window 15 days after the stated service day, and takes an objection filed between decision and service', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const occurredOn = addDays(T, -40);
    const servedOn = addDays(T, -30);
    const recorded = ok(await hub.request<Recorded>(RECORD, { input: { uscc, type: 'WARNING', occurredOn, servedOn } }, ADMIN)).recordCreditEvent;
    const late = await hub.request(OBJECT, { input: { eventId: recorded.event.id, grounds: '逾期', filedOn: addDays(servedOn, OBJECTION_DAYS + 1) } }, ADMIN);
    expect(errorCodes(late)).toEqual(['BAD_USER_INPUT']);
    expect(late.errors![0].message).toContain(`closed on ${addDays(servedOn, OBJECTION_DAYS)}`);
    const beforeDecision = await hub.request(OBJECT, { input: { eventId: recorded.event.id, grounds: '过早', filedOn: addDays(occurredOn, -1) } }, ADMIN);
    expect(errorCodes(beforeDecision)).toEqual(['BAD_USER_INPUT']);
    expect(beforeDecision.errors![0].message).toContain('before the decision');
    const early = ok(await hub.request<{ fileObjection: { deadline: string; filedOn: string } }>(OBJECT, { input: { eventId: recorded.event.id, grounds: '事实不清', filedOn: addDays(occurredOn, 2) } }, ADMIN));
    expect(early.fileObjection).toEqual({ deadline: addDays(servedOn, OBJECTION_DAYS), filedOn: addDays(occurredOn, 2) });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../src/shared/dates';
import { ColorPeriodService } from '../src/subgraphs/environment/services/color-period.service';
import { newUscc, ratedEnterprise } from './support/fixtures';
import { startTestHub, type GraphqlResponse, type TestHub } from './support/test-hub';

/*
 * Successors (继受, DOMAIN.md §11, issue 25 part 4): market supervision records a merger, split or
 * deregistration; the successor inherits the predecessors' events (points and validity windows
 * unchanged, counting in its score and colour from their own dates) and list entries; the old code
 * stays readable and says where its record went. Self-succession, cycles and unknown codes are
 * refused with nothing written.
 */

const ADMIN = { key: 'demo-env-admin' };
const MARKET = { key: 'demo-market' };
const CREDIT = { key: 'demo-credit-office' };
const T = today();

const REGISTER = `mutation Register($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { uscc } }`;
const RECORD_EVENT = `mutation Record($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { ratingAfter { color } } }`;
const SUCCESSION = `mutation Succession($input: RecordSuccessionInput!) { recordSuccession(input: $input) { id kind from to on } }`;
const DESIGNATE = `mutation Designate($input: DesignateCreditListingInput!) { designateCreditListing(input: $input) { id } }`;
const MARKET_LIST = `mutation MarketList($input: AddMarketListingInput!) { addMarketListing(input: $input) { id } }`;
const CREDIT_ON = `query CreditOn($uscc: USCC!, $asOf: Date) { enterprise(uscc: $uscc) { envCredit(asOf: $asOf) { color score } } }`;
const EVENTS = `query Events($uscc: USCC!) { enterprise(uscc: $uscc) { envCreditEventsConnection(first: 100) { edges { node { type occurredOn points validFrom validUntil } } } } }`;
const WHERE = `query Where($uscc: USCC!) { enterprise(uscc: $uscc) { uscc registrationStatus successor { uscc } successors { uscc } predecessors { uscc } } }`;
const LISTS = `query Lists($uscc: USCC!) { enterprise(uscc: $uscc) { creditListings { listType listedOn reason } marketListings { listType listedOn reason } } }`;

let hub: TestHub;

function ok<T>(response: GraphqlResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

async function registered(name: string): Promise<string> {
  const uscc = newUscc('320706');
  ok(await hub.request(REGISTER, { input: { uscc, name, districtCode: '320706', industryCode: 'C2614' } }, MARKET));
  return uscc;
}

async function recordEvent(uscc: string, type: string, daysAgo: number, decisionNo: string) {
  const occurredOn = addDays(T, -daysAgo);
  ok(await hub.request(RECORD_EVENT, { input: { uscc, type, occurredOn, servedOn: occurredOn, decisionNo } }, ADMIN));
}

type EventRow = { type: string; occurredOn: string; points: number; validFrom: string; validUntil: string };
async function events(uscc: string): Promise<EventRow[]> {
  const data = ok(await hub.request<{ enterprise: { envCreditEventsConnection: { edges: { node: EventRow }[] } | null } }>(EVENTS, { uscc }, ADMIN));
  const rows = (data.enterprise.envCreditEventsConnection?.edges ?? []).map((edge) => edge.node);
  return rows.sort((a, b) => `${a.occurredOn}${a.type}`.localeCompare(`${b.occurredOn}${b.type}`));
}

async function creditOn(uscc: string, asOf: string) {
  return ok(await hub.request<{ enterprise: { envCredit: { color: string; score: number } | null } }>(CREDIT_ON, { uscc, asOf }, ADMIN)).enterprise.envCredit;
}

async function where(uscc: string) {
  return ok(
    await hub.request<{ enterprise: { uscc: string; registrationStatus: string; successor: { uscc: string } | null; successors: { uscc: string }[]; predecessors: { uscc: string }[] } }>(
      WHERE,
      { uscc },
      ADMIN,
    ),
  ).enterprise;
}

async function successionRows(usccs: string[]) {
  return hub.sql(`SELECT from_uscc, to_uscc FROM market.succession WHERE from_uscc = ANY($1) OR to_uscc = ANY($1)`, [usccs]);
}

async function storedPeriods(usccs: string[]) {
  return hub.sql(`SELECT uscc, valid_from::text, valid_until::text, color FROM environment.subject_color_period WHERE uscc = ANY($1) ORDER BY uscc, valid_from`, [usccs]);
}

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

describe('merger (合并)', () => {
  let a: string;
  let b: string;
  let survivor: string;
  let control: string;

  beforeAll(async () => {
    a = await ratedEnterprise(hub, { ratedFrom: '2024-01-01', name: '被合并甲' });
    b = await ratedEnterprise(hub, { ratedFrom: '2024-01-01', name: '被合并乙' });
    survivor = await registered('合并后新设企业');
    // A subject that had both events itself: what the survivor's rating must equal, day by day.
    control = await ratedEnterprise(hub, { ratedFrom: '2024-01-01', name: '对照企业' });
    await recordEvent(a, 'FINE', 40, 'SUCC-A-1');
    await recordEvent(b, 'SUSPENSION_ORDER', 10, 'SUCC-B-1');
    await recordEvent(control, 'FINE', 40, 'SUCC-C-1');
    await recordEvent(control, 'SUSPENSION_ORDER', 10, 'SUCC-C-2');
    ok(await hub.request(DESIGNATE, { input: { uscc: a, listType: 'SERIOUS_DISHONESTY', reason: '严重违法排污', listedOn: addDays(T, -35) } }, CREDIT));
    ok(await hub.request(MARKET_LIST, { input: { uscc: b, listType: 'ABNORMAL_OPERATIONS', reason: '未按时公示年报', listedOn: addDays(T, -20) } }, MARKET));
  });

  it('is recorded by market supervision and answers what was recorded', async () => {
    const data = ok(await hub.request<{ recordSuccession: { kind: string; from: string[]; to: string[]; on: string } }>(SUCCESSION, { input: { kind: 'MERGER', from: [a, b], to: [survivor], on: addDays(T, -1) } }, MARKET));
    expect(data.recordSuccession).toMatchObject({ kind: 'MERGER', from: [a, b], to: [survivor], on: addDays(T, -1) });
  });

  it('is audited by every department that wrote it: market, and environment and the credit office following it', async () => {
    const chained = await hub.sql<{ source_department: string; fields: string[] }>(
      `SELECT source_department, fields FROM gateway.audit_log WHERE $1 = ANY(usccs) AND source_id IS NOT NULL ORDER BY id`,
      [survivor],
    );
    const by = (field: string) => chained.filter((row) => row.fields.includes(field)).map((row) => row.source_department);
    expect(by('Mutation.recordSuccession')).toEqual(['market']);
    expect(by('Mutation.followSuccessionEvents')).toEqual(['environment']);
    expect(by('Mutation.followSuccessionListings')).toEqual(['credit']);
  });

  it("the successor carries the merged subjects' events, points and windows unchanged", async () => {
    const inherited = [...(await events(a)), ...(await events(b))].sort((x, y) => `${x.occurredOn}${x.type}`.localeCompare(`${y.occurredOn}${y.type}`));
    expect(inherited).toHaveLength(2);
    expect(await events(survivor)).toEqual(inherited);
  });

  it("the inherited points count in the successor's score and colour from their own dates", async () => {
    for (const daysAgo of [60, 40, 25, 10, 0]) {
      const day = addDays(T, -daysAgo);
      expect(await creditOn(survivor, day), `on ${day}`).toEqual(await creditOn(control, day));
    }
    // Before any event: the start score; after both: lower than after the first alone.
    const before = await creditOn(survivor, addDays(T, -60));
    const afterFirst = await creditOn(survivor, addDays(T, -25));
    const now = await creditOn(survivor, T);
    expect(afterFirst!.score).toBeLessThan(before!.score);
    expect(now!.score).toBeLessThan(afterFirst!.score);
  });

  it('keeps the maintained colour source exact: a rebuild from events changes nothing', async () => {
    const incremental = await storedPeriods([survivor, control]);
    expect(incremental.filter((row) => row.uscc === survivor).length).toBeGreaterThan(1);
    await new ColorPeriodService(hub.hub.sources.environment).rebuild();
    expect(await storedPeriods([survivor, control])).toEqual(incremental);
  });

  it('the old codes stay readable and say where their records went', async () => {
    for (const old of [a, b]) {
      const record = await where(old);
      expect(record).toMatchObject({ uscc: old, registrationStatus: 'CANCELLED', successor: { uscc: survivor }, predecessors: [] });
      // Its own history is still there under its own code.
      expect(await events(old)).toHaveLength(1);
    }
    expect((await where(survivor)).predecessors.map((p) => p.uscc)).toEqual([a, b].sort());
    expect((await where(survivor)).successor).toBeNull();
  });

  it('the successor inherits list entries (credit office and market supervision), dates unchanged', async () => {
    const lists = ok(await hub.request<{ enterprise: { creditListings: unknown[]; marketListings: unknown[] } }>(LISTS, { uscc: survivor }, ADMIN)).enterprise;
    expect(lists.creditListings).toEqual([{ listType: 'SERIOUS_DISHONESTY', listedOn: addDays(T, -35), reason: '严重违法排污' }]);
    expect(lists.marketListings).toEqual([{ listType: 'ABNORMAL_OPERATIONS', listedOn: addDays(T, -20), reason: '未按时公示年报' }]);
    // Subscribers learn that the successor now carries them, like a new entry.
    for (const [schema, listType] of [['credit', 'SERIOUS_DISHONESTY'], ['market', 'ABNORMAL_OPERATIONS']]) {
      const changes = await hub.sql(`SELECT type, data->>'listType' AS "listType", data->>'listed' AS listed FROM ${schema}.change_outbox WHERE uscc = $1`, [survivor]);
      expect(changes, schema).toEqual([{ type: 'LISTING_CHANGED', listType, listed: 'true' }]);
    }
  });
});

describe('split (分立)', () => {
  it('each successor inherits the whole history; the old code names them all', async () => {
    const parent = await ratedEnterprise(hub, { ratedFrom: '2024-01-01', name: '分立前企业' });
    await recordEvent(parent, 'FINE', 30, 'SUCC-P-1');
    await recordEvent(parent, 'WARNING', 5, 'SUCC-P-2');
    const x = await registered('分立后甲');
    // One successor already rated: it keeps its own rating and adds the history.
    const y = await ratedEnterprise(hub, { ratedFrom: '2025-01-01', name: '分立后乙' });
    const [first, second] = [x, y].sort();
    ok(await hub.request(SUCCESSION, { input: { kind: 'SPLIT', from: [parent], to: [first, second], on: T } }, MARKET));
    const history = await events(parent);
    expect(history).toHaveLength(2);
    expect(await events(x)).toEqual(history);
    expect(await events(y)).toEqual(history);
    expect(await creditOn(x, T)).toEqual(await creditOn(parent, T));
    expect(await creditOn(y, addDays(T, -10))).toEqual(await creditOn(parent, addDays(T, -10)));
    const record = await where(parent);
    expect(record.successor).toBeNull();
    expect(record.successors.map((s) => s.uscc)).toEqual([first, second]);
  });
});

describe('deregistration (注销)', () => {
  it('without successor: the record stays readable under its code', async () => {
    const gone = await ratedEnterprise(hub, { ratedFrom: '2024-01-01', name: '注销企业' });
    await recordEvent(gone, 'FINE', 15, 'SUCC-G-1');
    ok(await hub.request(SUCCESSION, { input: { kind: 'DEREGISTRATION', from: [gone], to: [], on: T } }, MARKET));
    expect(await where(gone)).toMatchObject({ registrationStatus: 'CANCELLED', successor: null, successors: [] });
    expect(await events(gone)).toHaveLength(1);
    expect(await creditOn(gone, T)).not.toBeNull();
  });
});

describe('bad input is refused with the rule named and nothing written', () => {
  async function refused(input: Record<string, unknown>, message: RegExp) {
    const response = await hub.request(SUCCESSION, { input }, MARKET);
    expect(response.data?.recordSuccession ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(message);
  }

  it('merging a subject into itself', async () => {
    const self = await ratedEnterprise(hub, { name: '自并企业' });
    await refused({ kind: 'MERGER', from: [self], to: [self], on: T }, /cannot succeed itself/);
    expect(await successionRows([self])).toEqual([]);
    expect(await where(self)).toMatchObject({ registrationStatus: 'ACTIVE', successor: null });
  });

  it('a cycle (A→B, then B→A)', async () => {
    const first = await ratedEnterprise(hub, { name: '循环甲' });
    const second = await ratedEnterprise(hub, { name: '循环乙' });
    await recordEvent(second, 'FINE', 3, 'SUCC-CY-1');
    ok(await hub.request(SUCCESSION, { input: { kind: 'DEREGISTRATION', from: [first], to: [second], on: T } }, MARKET));
    const rowsBefore = await successionRows([first, second]);
    const eventsBefore = await events(first);
    await refused({ kind: 'MERGER', from: [second], to: [first], on: T }, /cycle/);
    expect(await successionRows([first, second])).toEqual(rowsBefore);
    expect(await events(first)).toEqual(eventsBefore);
    expect((await where(second)).registrationStatus).toBe('ACTIVE');
  });

  it('an unknown code', async () => {
    const known = await ratedEnterprise(hub, { name: '已知企业' });
    const unknown = newUscc('320706');
    await refused({ kind: 'MERGER', from: [known], to: [unknown], on: T }, new RegExp(`not registered.*${unknown}`));
    expect(await successionRows([known])).toEqual([]);
    expect((await where(known)).registrationStatus).toBe('ACTIVE');
  });

  it('only market supervision records a succession', async () => {
    const one = await ratedEnterprise(hub, { name: '无权甲' });
    const two = await registered('无权乙');
    const response = await hub.request(SUCCESSION, { input: { kind: 'MERGER', from: [one], to: [two], on: T } }, ADMIN);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await successionRows([one])).toEqual([]);
  });
});

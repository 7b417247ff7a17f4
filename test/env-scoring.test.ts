import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { today } from '../src/shared/dates';
import {
  DesignateFrontRunnerDocument,
  EnvCreditHistoryDocument,
  EnvCreditOnDocument,
  FileObjectionDocument,
  RecordEventDocument,
  ReviewObjectionDocument,
  VoidCreditEventDocument,
} from './generated/graphql';
import { newUscc, ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

const ADMIN = { key: 'demo-env-admin' };
const OFFICER = { key: 'demo-env-officer-haizhou' };

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

afterEach(() => {
  vi.useRealTimers();
});

async function record(uscc: string, type: string, occurredOn: string, extra: { points?: number; servedOn?: string; decisionNo?: string } = {}) {
  const response = await hub.execute(RecordEventDocument, { input: { uscc, type, occurredOn, ...extra } }, ADMIN);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.recordCreditEvent;
}

async function ratingOn(uscc: string, asOf?: string) {
  const response = await hub.execute(EnvCreditOnDocument, { uscc, asOf }, ADMIN);
  expect(response.errors).toBeUndefined();
  return response.data!.enterprise?.envCredit ?? null;
}

async function counts() {
  const [row] = await hub.sql<{ events: number; notices: number }>(
    `SELECT (SELECT COUNT(*)::int FROM environment.credit_event) AS events, (SELECT COUNT(*)::int FROM environment.credit_notice) AS notices`,
  );
  return row;
}

type Step = [type: string, occurredOn: string];
type Expectation = [asOf: string, color: string, score: number];

/** Each subject is enrolled on 2024-01-01, receives its events, and is asked for its rating on past dates. */
const SCENARIOS: { name: string; events: Step[]; expect: Expectation[] }[] = [
  {
    name: 'a new subject is BLUE at 9',
    events: [],
    expect: [
      ['2024-01-01', 'BLUE', 9],
      ['2025-06-30', 'BLUE', 9],
    ],
  },
  {
    name: 'two FINEs make it YELLOW at 3; six months after the first FINE it is BLUE again with no action',
    events: [
      ['FINE', '2025-03-01'],
      ['FINE', '2025-03-10'],
    ],
    expect: [
      ['2025-02-28', 'BLUE', 9],
      ['2025-03-01', 'BLUE', 6],
      ['2025-03-10', 'YELLOW', 3],
      ['2025-08-31', 'YELLOW', 3],
      ['2025-09-01', 'BLUE', 6],
      ['2025-09-10', 'BLUE', 9],
    ],
  },
  {
    // The deduction inside the commitment's year breaks it (DOMAIN.md §11): its +1 ends that day.
    name: 'CRIMINAL_LIABILITY makes it BLACK whatever its score, for its 12 months, and breaks the commitment',
    events: [
      ['ENV_AWARD', '2025-01-05'],
      ['CREDIT_COMMITMENT', '2025-01-10'],
      ['CRIMINAL_LIABILITY', '2025-02-01'],
    ],
    expect: [
      ['2025-01-20', 'GREEN', 11],
      ['2025-02-01', 'BLACK', -2],
      ['2026-01-10', 'BLACK', -3],
      ['2026-02-01', 'BLUE', 9],
    ],
  },
  {
    name: 'a commitment moves 10 to 11 (GREEN)',
    events: [
      ['ENV_AWARD', '2025-01-05'],
      ['CREDIT_COMMITMENT', '2025-02-01'],
    ],
    expect: [
      ['2025-01-31', 'BLUE', 10],
      ['2025-02-01', 'GREEN', 11],
      ['2026-01-05', 'BLUE', 10],
      ['2026-02-01', 'BLUE', 9],
    ],
  },
];

describe('the 12-point dynamic score through the gateway', () => {
  it.each(SCENARIOS)('$name', async ({ events, expect: expectations }) => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    for (const [type, occurredOn] of events) await record(uscc, type, occurredOn);
    for (const [asOf, color, score] of expectations) {
      expect(await ratingOn(uscc, asOf), `${asOf}`).toEqual({ color, score, ratedOn: asOf });
    }
  });

  it('refuses a second credit commitment within 12 months with a clear error, writing nothing', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    await record(uscc, 'ENV_AWARD', '2025-01-05');
    const first = await record(uscc, 'CREDIT_COMMITMENT', '2025-02-01');
    expect(first.event.points).toBe(1);
    const before = await counts();
    const second = await hub.execute(RecordEventDocument, { input: { uscc, type: 'CREDIT_COMMITMENT', occurredOn: '2025-11-01' } }, ADMIN);
    expect(errorCodes(second)).toEqual(['BAD_USER_INPUT']);
    expect(second.errors![0].message).toBe(`CREDIT_COMMITMENT is allowed once per 12 months; ${uscc} already has one on 2025-02-01`);
    expect(await counts()).toEqual(before);
    // Twelve months on it is allowed again.
    await record(uscc, 'CREDIT_COMMITMENT', '2026-02-01');
  });
});

describe('what the hub said on a date stays what envCredit(asOf:) says later', () => {
  it('lives through 2025 with a frozen clock, then asks about each day', async () => {
    const uscc = newUscc();
    const said: Record<string, unknown> = {};
    const on = (date: string) => vi.setSystemTime(new Date(`${date}T03:00:00Z`));
    vi.useFakeTimers({ toFake: ['Date'] });
    on('2024-01-01');
    await ratedEnterpriseWithCode(uscc);
    const days: [string, (() => Promise<unknown>) | null][] = [
      ['2024-01-01', null],
      ['2025-03-01', () => record(uscc, 'FINE', '2025-03-01')],
      ['2025-03-10', () => record(uscc, 'FINE', '2025-03-10')],
      ['2025-06-30', null],
      ['2025-09-01', null],
      ['2025-09-10', null],
    ];
    for (const [day, action] of days) {
      on(day);
      await action?.();
      said[day] = await ratingOn(uscc);
    }
    expect(said).toEqual({
      '2024-01-01': { color: 'BLUE', score: 9, ratedOn: '2024-01-01' },
      '2025-03-01': { color: 'BLUE', score: 6, ratedOn: '2025-03-01' },
      '2025-03-10': { color: 'YELLOW', score: 3, ratedOn: '2025-03-10' },
      '2025-06-30': { color: 'YELLOW', score: 3, ratedOn: '2025-06-30' },
      '2025-09-01': { color: 'BLUE', score: 6, ratedOn: '2025-09-01' },
      '2025-09-10': { color: 'BLUE', score: 9, ratedOn: '2025-09-10' },
    });
    // The materialised rating was refreshed lazily once its next change came, with no action.
    const [row] = await hub.sql<{ current_color: string; current_score: number; current_on: string; next_change_on: string | null }>(
      `SELECT current_color, current_score, current_on::text, next_change_on::text FROM environment.rated_subject WHERE uscc = $1`,
      [uscc],
    );
    expect(row).toEqual({ current_color: 'BLUE', current_score: 9, current_on: '2025-09-10', next_change_on: null });
    vi.useRealTimers();
    for (const [day, rating] of Object.entries(said)) expect(await ratingOn(uscc, day)).toEqual(rating);
    expect(await ratingOn(uscc)).toEqual({ color: 'BLUE', score: 9, ratedOn: today() });
  });

  async function ratedEnterpriseWithCode(uscc: string) {
    const response = await hub.request(
      `mutation($r: RegisterEnterpriseInput!, $e: EnrollRatedSubjectInput!) { registerEnterprise(input: $r) { uscc } enrollRatedSubject(input: $e) { color } }`,
      { r: { uscc, name: `时钟企业${uscc.slice(-4)}`, districtCode: '320706' }, e: { uscc, ratedFrom: '2024-01-01' } },
      ADMIN,
    );
    expect(response.errors).toBeUndefined();
  }
});

describe('the materialised current rating', () => {
  it('is refreshed when an event is recorded and voided, and matches the derived rating', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const day = today();
    const fine = await record(uscc, 'FINE', day, { decisionNo: '连环罚〔2026〕M1号' });
    expect(fine.ratingBefore).toEqual({ color: 'BLUE', score: 9 });
    expect(fine.ratingAfter).toEqual({ color: 'BLUE', score: 6 });
    const stored = async () =>
      (await hub.sql<{ c: string; s: number; n: string | null }>(`SELECT current_color AS c, current_score AS s, next_change_on::text AS n FROM environment.rated_subject WHERE uscc = $1`, [uscc]))[0];
    expect(await stored()).toEqual({ c: 'BLUE', s: 6, n: fine.event.validUntil });
    expect(await ratingOn(uscc)).toEqual({ color: 'BLUE', score: 6, ratedOn: day });

    const voided = await hub.execute(VoidCreditEventDocument, { input: { eventId: fine.event.id, reason: 'entered for the wrong subject' } }, ADMIN);
    expect(voided.errors).toBeUndefined();
    expect(voided.data!.voidCreditEvent).toMatchObject({ ratingBefore: { score: 6 }, ratingAfter: { color: 'BLUE', score: 9 }, event: { voided: true } });
    expect(await stored()).toEqual({ c: 'BLUE', s: 9, n: null });
    const again = await hub.execute(VoidCreditEventDocument, { input: { eventId: fine.event.id, reason: 'twice' } }, ADMIN);
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors![0].message).toContain('already voided');
  });

  it('keeps colorDistribution equal to the per-subject ratings', async () => {
    const district = '320723';
    const usccs = [await ratedEnterprise(hub, { district }), await ratedEnterprise(hub, { district }), await ratedEnterprise(hub, { district })];
    const day = today();
    await record(usccs[0], 'SUSPENSION_ORDER', day);
    await record(usccs[1], 'CRIMINAL_LIABILITY', day);
    const response = await hub.request<{ colorDistribution: { group: string; color: string; count: number }[] }>(
      `{ colorDistribution(groupBy: DISTRICT) { group color count } }`,
      undefined,
      ADMIN,
    );
    // Zero buckets are answered too (every colour of every district); compare the counted ones.
    const buckets = response.data!.colorDistribution.filter((b) => b.group === district && b.count > 0);
    const colors = await Promise.all(usccs.map(async (uscc) => (await ratingOn(uscc))!.color));
    const expected = Object.entries(colors.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {}));
    expect(buckets.map((b) => [b.color, b.count]).sort()).toEqual(expected.sort());
  });
});

describe('objections', () => {
  it('an upheld objection restores the earlier colour and the history shows both', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    await record(uscc, 'FINE', '2025-03-01');
    const second = await record(uscc, 'FINE', '2025-03-10', { servedOn: '2025-03-12' });
    expect(await ratingOn(uscc, '2025-03-15')).toMatchObject({ color: 'YELLOW', score: 3 });

    const late = await hub.execute(FileObjectionDocument, { input: { eventId: second.event.id, grounds: 'late', filedOn: '2025-03-28' } }, ADMIN);
    expect(errorCodes(late)).toEqual(['BAD_USER_INPUT']);
    expect(late.errors![0].message).toContain('closed on 2025-03-27');

    const filed = await hub.execute(FileObjectionDocument, { input: { eventId: second.event.id, grounds: '罚款决定认定事实不清', filedOn: '2025-03-20' } }, OFFICER);
    expect(filed.errors).toBeUndefined();
    expect(filed.data!.fileObjection).toMatchObject({ status: 'UNDER_REVIEW', deadline: '2025-03-27' });
    // While under review the event still counts.
    expect(await ratingOn(uscc, '2025-03-15')).toMatchObject({ color: 'YELLOW' });

    const byOfficer = await hub.execute(ReviewObjectionDocument, { input: { objectionId: filed.data!.fileObjection.id, decision: 'UPHOLD', note: 'x' } }, OFFICER);
    expect(errorCodes(byOfficer)).toEqual(['FORBIDDEN']);
    const reviewed = await hub.execute(ReviewObjectionDocument, { input: { objectionId: filed.data!.fileObjection.id, decision: 'UPHOLD', note: '事实不清，撤销' } }, ADMIN);
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data!.reviewObjection.objection.status).toBe('UPHELD');
    expect(reviewed.data!.reviewObjection.event).toMatchObject({ voided: true, voidReason: expect.stringContaining('upheld') });

    expect(await ratingOn(uscc, '2025-03-15')).toMatchObject({ color: 'BLUE', score: 6 });
    const history = await hub.execute(EnvCreditHistoryDocument, { uscc }, ADMIN);
    expect(history.errors).toBeUndefined();
    const changes = history.data!.enterprise!.envCreditHistory!;
    expect(changes).toEqual([
      expect.objectContaining({ on: '2024-01-01', colorBefore: null, colorAfter: 'BLUE', cause: 'ENROLLED', superseded: false }),
      expect.objectContaining({
        on: '2025-03-10',
        colorBefore: 'BLUE',
        colorAfter: 'YELLOW',
        cause: 'EVENT',
        superseded: true,
        event: expect.objectContaining({ id: second.event.id, voided: true }),
      }),
      expect.objectContaining({ on: '2025-03-10', colorBefore: 'YELLOW', colorAfter: 'BLUE', cause: 'VOIDED', superseded: false, recordedOn: today() }),
    ]);
    const events = history.data!.enterprise!.envCreditEvents!;
    expect(events.find((e) => e.id === second.event.id)).toMatchObject({ voided: true, voidedOn: today() });
    expect(history.data!.enterprise!.envObjections).toEqual([expect.objectContaining({ eventId: second.event.id, status: 'UPHELD' })]);
  });

  it('a rejected objection keeps the event', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const fine = await record(uscc, 'FINE', '2025-04-01');
    const filed = await hub.execute(FileObjectionDocument, { input: { eventId: fine.event.id, grounds: '处罚过重', filedOn: '2025-04-05' } }, ADMIN);
    const reviewed = await hub.execute(ReviewObjectionDocument, { input: { objectionId: filed.data!.fileObjection.id, decision: 'REJECT', note: '事实清楚' } }, ADMIN);
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data!.reviewObjection).toMatchObject({ objection: { status: 'REJECTED' }, event: { voided: false } });
    expect(await ratingOn(uscc, '2025-04-02')).toMatchObject({ color: 'BLUE', score: 6 });
  });
});

describe('front-runner designation', () => {
  it('makes a clean subject GREEN and lapses on the next deduction', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2022-01-01' });
    const designated = await hub.execute(DesignateFrontRunnerDocument, { input: { uscc, decisionNo: '连环领跑〔2025〕1号', designatedOn: '2025-01-01' } }, ADMIN);
    expect(designated.errors).toBeUndefined();
    expect(await ratingOn(uscc, '2024-12-31')).toMatchObject({ color: 'BLUE', score: 9 });
    expect(await ratingOn(uscc, '2025-02-01')).toMatchObject({ color: 'GREEN', score: 9 });
    await record(uscc, 'WARNING', '2025-05-01');
    expect(await ratingOn(uscc, '2025-04-30')).toMatchObject({ color: 'GREEN' });
    expect(await ratingOn(uscc, '2025-05-01')).toMatchObject({ color: 'BLUE', score: 8 });
    expect(await ratingOn(uscc, '2025-12-01')).toMatchObject({ color: 'BLUE', score: 9 });
    const history = await hub.execute(EnvCreditHistoryDocument, { uscc }, ADMIN);
    expect(history.data!.enterprise!.envCreditHistory!.map((c) => [c.on, c.colorAfter, c.cause])).toEqual([
      ['2022-01-01', 'BLUE', 'ENROLLED'],
      ['2025-01-01', 'GREEN', 'FRONT_RUNNER'],
      ['2025-05-01', 'BLUE', 'EVENT'],
    ]);
  });

  it('is refused when the last 24 months hold a deduction', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2022-01-01' });
    await record(uscc, 'WARNING', '2024-03-01');
    const refused = await hub.execute(DesignateFrontRunnerDocument, { input: { uscc, decisionNo: '连环领跑〔2025〕2号', designatedOn: '2025-06-01' } }, ADMIN);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].message).toContain('WARNING (-1) on 2024-03-01 is a deduction within the 24 months');
    const [{ count }] = await hub.sql<{ count: number }>(`SELECT COUNT(*)::int AS count FROM environment.front_runner WHERE uscc = $1`, [uscc]);
    expect(count).toBe(0);
  });
});

describe('recording validation writes nothing', () => {
  const unknownCode = newUscc('320706');
  const cases: { name: string; input: (uscc: string) => Record<string, unknown>; message: (uscc: string) => string }[] = [
    { name: 'an unknown code', input: () => ({ uscc: unknownCode, type: 'FINE', occurredOn: '2025-03-01' }), message: () => unknownCode },
    { name: 'an invalid code', input: () => ({ uscc: '91320700MA1Q3K7P2X', type: 'FINE', occurredOn: '2025-03-01' }), message: () => '91320700MA1Q3K7P2X' },
    { name: 'an unknown event type', input: (uscc) => ({ uscc, type: 'PARKING_TICKET', occurredOn: '2025-03-01' }), message: () => 'unknown event type "PARKING_TICKET"' },
    { name: 'points outside the allowed range', input: (uscc) => ({ uscc, type: 'FINE', occurredOn: '2025-03-01', points: -7 }), message: () => 'points -7 are outside the range -6..-3' },
    { name: 'points of the wrong sign', input: (uscc) => ({ uscc, type: 'FINE', occurredOn: '2025-03-01', points: 2 }), message: () => 'points 2 are outside' },
    { name: 'a future date', input: (uscc) => ({ uscc, type: 'FINE', occurredOn: '2999-01-01' }), message: () => 'occurredOn 2999-01-01 is in the future' },
    { name: 'a date before the subject was rated', input: (uscc) => ({ uscc, type: 'FINE', occurredOn: '2023-12-31' }), message: () => 'before' },
  ];

  it.each(cases)('$name → BAD_USER_INPUT naming the problem', async ({ input, message }) => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const before = await counts();
    const response = await hub.request(`mutation($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } } }`, { input: input(uscc) }, ADMIN);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toContain(message(uscc));
    expect(await counts()).toEqual(before);
  });

  it('refuses the same decision twice for one type', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    await record(uscc, 'FINE', '2025-03-01', { decisionNo: '连环罚〔2025〕7号' });
    const before = await counts();
    const response = await hub.execute(RecordEventDocument, { input: { uscc, type: 'FINE', occurredOn: '2025-03-01', decisionNo: '连环罚〔2025〕7号' } }, ADMIN);
    expect(response.errors![0].message).toContain('already recorded');
    expect(await counts()).toEqual(before);
  });

  it('an officer may record only in its own district; others cannot record at all', async () => {
    const elsewhere = await ratedEnterprise(hub, { district: '320703' });
    const own = await ratedEnterprise(hub, { district: '320706' });
    const refused = await hub.execute(RecordEventDocument, { input: { uscc: elsewhere, type: 'WARNING', occurredOn: '2025-03-01' } }, OFFICER);
    // Checked before the mutation runs: the subject is not one of the officer's district.
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors![0].message).toContain(elsewhere);
    const allowed = await hub.execute(RecordEventDocument, { input: { uscc: own, type: 'WARNING', occurredOn: '2025-03-01' } }, OFFICER);
    expect(allowed.errors).toBeUndefined();
    const bank = await hub.execute(RecordEventDocument, { input: { uscc: own, type: 'WARNING', occurredOn: '2025-03-02' } }, { key: 'demo-credit-office' });
    expect(errorCodes(bank)).toEqual(['FORBIDDEN']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../src/shared/dates';
import { ratedEnterprise } from './support/fixtures';
import { startTestHub, type GraphqlResponse, type TestHub } from './support/test-hub';

/*
 * Price measures in notices (DOMAIN.md §11, issue 24 item 2): the credit record notice names the
 * sewage-fee (污水处理费差别化收费) and electricity (差别化电价) surcharges as conditional: from the next
 * half-year, only if the colour on the next deciding day (30 June or 31 December, named with its
 * date) still triggers them; never as applying now. The notice agrees with the price answers:
 * `sewageFee` and `electricitySurcharge` for today's half-year are decided by the day before it began.
 * Expected values come from DOMAIN.md's defaults (start 9; BLUE 6–10, YELLOW 3–5, RED 1–2, BLACK ≤ 0).
 */

const ADMIN = { key: 'demo-env-admin' };
const PRICE_MEASURES = ['污水处理费差别化收费', '差别化电价'];

const RECORD = `mutation Record($input: RecordCreditEventInput!) {
  recordCreditEvent(input: $input) { ratingAfter { color } notice { number text } }
}`;
const PRICES = `query Prices($uscc: USCC!) {
  enterprise(uscc: $uscc) {
    sewageFee { surchargePerCubicMetre period }
    electricitySurcharge { surchargePerKwh period }
    jointMeasures { measure { code } }
  }
}`;

interface Prices {
  enterprise: {
    sewageFee: { surchargePerCubicMetre: string; period: string };
    electricitySurcharge: { surchargePerKwh: string; period: string };
    jointMeasures: { measure: { code: string } }[];
  };
}

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

function ok<T>(response: GraphqlResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

function zh(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The half-year of `day` as the bureau counts it: its last day, and the day before it began. */
function halfYear(day: string): { start: string; end: string; before: string } {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) <= 6
    ? { start: `${year}-01-01`, end: `${year}-06-30`, before: `${year - 1}-12-31` }
    : { start: `${year}-07-01`, end: `${year}-12-31`, before: `${year}-06-30` };
}

/** The lines of the notice's measure section that name `measure`. */
function measureLines(text: string, measure: string): string[] {
  return text.split('\n').filter((line) => line.includes(measure));
}

describe('a notice names the price surcharges as conditional on the next deciding day', () => {
  const T = today();
  const half = halfYear(T);
  const cases: { name: string; events: { type: string; occurredOn: string }[]; color: string; priced: boolean; billedNow: boolean }[] = [
    { name: 'BLUE after a warning: no surcharge named', events: [{ type: 'WARNING', occurredOn: T }], color: 'BLUE', priced: false, billedNow: false },
    {
      name: 'YELLOW after two fines: no surcharge named',
      events: [
        { type: 'FINE', occurredOn: T },
        { type: 'FINE', occurredOn: T },
      ],
      color: 'YELLOW',
      priced: false,
      billedNow: false,
    },
    {
      name: 'RED in the middle of the half-year: named conditional, not billed now',
      events: [
        { type: 'SUSPENSION_ORDER', occurredOn: T },
        { type: 'WARNING', occurredOn: T },
      ],
      color: 'RED',
      priced: true,
      billedNow: false,
    },
    { name: 'BLACK by criminal liability: named conditional, not billed now', events: [{ type: 'CRIMINAL_LIABILITY', occurredOn: T }], color: 'BLACK', priced: true, billedNow: false },
    {
      name: 'BLACK since before the last deciding day (recorded late): billed now by that day, the next half-year still conditional',
      events: [{ type: 'CRIMINAL_LIABILITY', occurredOn: addDays(half.before, -20) }],
      color: 'BLACK',
      priced: true,
      billedNow: true,
    },
  ];

  it.each(cases)('$name', async ({ events, color, priced, billedNow }) => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    let last: { ratingAfter: { color: string }; notice: { number: string; text: string } } | null = null;
    for (const event of events) {
      last = ok(await hub.request<{ recordCreditEvent: typeof last }>(RECORD, { input: { uscc, ...event } }, ADMIN)).recordCreditEvent;
    }
    const { notice, ratingAfter } = last!;
    expect(ratingAfter.color).toBe(color);
    const prices = ok(await hub.request<Prices>(PRICES, { uscc }, ADMIN)).enterprise;
    const period = `${half.start}/${half.end}`;
    expect(prices.sewageFee.period).toBe(period);
    expect(prices.electricitySurcharge.period).toBe(period);
    // Billed now only when the day before this half-year decided it (the price answers), whatever today's colour.
    expect(prices.sewageFee.surchargePerCubicMetre !== '0.00').toBe(billedNow);
    expect(prices.electricitySurcharge.surchargePerKwh !== '0.00').toBe(billedNow);
    const applied = prices.jointMeasures.map((m) => m.measure.code);
    expect(applied.includes('SEWAGE_FEE_SURCHARGE')).toBe(billedNow);
    expect(applied.includes('ELECTRICITY_SURCHARGE')).toBe(billedNow);

    const nextStart = addDays(half.end, 1);
    for (const measure of PRICE_MEASURES) {
      const lines = measureLines(notice.text, measure);
      if (!priced) {
        expect(lines, measure).toEqual([]);
        continue;
      }
      expect(lines, measure).toHaveLength(1);
      const line = lines[0];
      // Conditional: from the next half-year, only if the colour on the next deciding day (named) still triggers it.
      expect(line).toContain(`附条件适用：自${zh(nextStart)}起的半年度，仅当${zh(half.end)}（下一个价格决定日）的信用等级仍为红色或黑色时适用`);
      // And the current half-year as the price answers decide it.
      expect(line).toContain(`本半年度的价格按${zh(half.before)}的信用等级执行`);
    }
    // The facts stored with the notice carry the same condition, for the printed page and later readers.
    const [{ facts }] = await hub.sql<{ facts: { measures: { code: string; condition?: Record<string, unknown> }[] } }>(
      `SELECT facts FROM environment.credit_notice WHERE number = $1`,
      [notice.number],
    );
    const conditions = facts.measures.filter((m) => m.condition).map((m) => [m.code, m.condition]);
    expect(conditions).toEqual(
      priced
        ? [
            ['SEWAGE_FEE_SURCHARGE', { priceKind: 'SEWAGE', decidingDay: half.end, appliesFrom: nextStart, currentDecidingDay: half.before, colors: ['RED', 'BLACK'] }],
            ['ELECTRICITY_SURCHARGE', { priceKind: 'ELECTRICITY', decidingDay: half.end, appliesFrom: nextStart, currentDecidingDay: half.before, colors: ['RED', 'BLACK'] }],
          ]
        : [],
    );
    // The printable page says the same.
    const page = await fetch(`${hub.hub.url.replace('/graphql', '')}/notices/${encodeURIComponent(notice.number)}`, { headers: { authorization: `Bearer ${ADMIN.key}` } });
    expect(page.status).toBe(200);
    const html = await page.text();
    if (priced) expect(html).toContain(`仅当${zh(half.end)}（下一个价格决定日）的信用等级仍为红色或黑色时适用`);
    else expect(html).not.toContain('价格决定日');
  });
});

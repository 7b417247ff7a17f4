import { describe, expect, it } from 'vitest';
import { CreditColor } from '../../../shared/credit-color';
import { noticeMeasures, priceCondition } from './credit-notice';

const SEWAGE = {
  code: 'SEWAGE_FEE_SURCHARGE',
  name: '污水处理费差别化收费',
  nature: 'PUNISHMENT',
  triggerKind: 'COLOR',
  triggerValues: ['RED', 'BLACK'],
  implementingAgency: '供水企业',
  legalBasis: '江苏省环保信用评价结果差别化价格政策',
  priceKind: 'SEWAGE',
};
const FUNDS = { ...SEWAGE, code: 'FUNDS_SUSPENDED', name: '暂停专项资金', priceKind: null };

describe('priceCondition (DOMAIN.md §11 "Price measures in notices")', () => {
  it.each([
    // issue day, next deciding day, the half-year it decides, the day that priced the issue day's half-year
    ['2026-12-08', '2026-12-31', '2027-01-01', '2026-06-30'],
    ['2026-07-01', '2026-12-31', '2027-01-01', '2026-06-30'],
    ['2026-12-31', '2026-12-31', '2027-01-01', '2026-06-30'],
    ['2027-01-01', '2027-06-30', '2027-07-01', '2026-12-31'],
    ['2026-06-30', '2026-06-30', '2026-07-01', '2025-12-31'],
    ['2028-02-29', '2028-06-30', '2028-07-01', '2027-12-31'],
  ])('issued on %s: decided on %s for the half-year from %s; the current one was decided on %s', (issuedOn, decidingDay, appliesFrom, currentDecidingDay) => {
    expect(priceCondition('SEWAGE', ['RED', 'BLACK'], issuedOn)).toEqual({ priceKind: 'SEWAGE', decidingDay, appliesFrom, currentDecidingDay, colors: ['RED', 'BLACK'] });
  });
});

describe('noticeMeasures', () => {
  it('names a price measure with its condition and other measures as they apply', () => {
    const measures = noticeMeasures(CreditColor.RED, [], '2026-12-08', [SEWAGE, FUNDS]);
    expect(measures.map((m) => [m.code, m.trigger, m.condition ?? null])).toEqual([
      [
        'SEWAGE_FEE_SURCHARGE',
        '信用等级红色；附条件适用：自2027年1月1日起的半年度，仅当2026年12月31日（下一个价格决定日）的信用等级仍为红色或黑色时适用；本半年度的价格按2026年6月30日的信用等级执行',
        { priceKind: 'SEWAGE', decidingDay: '2026-12-31', appliesFrom: '2027-01-01', currentDecidingDay: '2026-06-30', colors: ['RED', 'BLACK'] },
      ],
      ['FUNDS_SUSPENDED', '信用等级红色', null],
    ]);
    expect(noticeMeasures(CreditColor.YELLOW, [], '2026-12-08', [SEWAGE, FUNDS])).toEqual([]);
  });
});

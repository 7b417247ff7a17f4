import { describe, expect, it } from 'vitest';
import { CreditColor } from '../../../shared/credit-color';
import type { PriceSurchargeEntity } from '../entities/price-surcharge.entity';
import { halfYearOf } from '../../../shared/half-year';
import { decideSurcharge } from './price-surcharge';

const rule = (priceKind: string, snapshotColor: string, minConsecutiveRed: number, amount: string, effectiveFrom = '2000-01-01', effectiveTo: string | null = null): PriceSurchargeEntity =>
  ({ id: 0, priceKind, snapshotColor, minConsecutiveRed, amount, unit: 'CNY/m3', legalBasis: 'basis', effectiveFrom, effectiveTo });

const RULES = [rule('SEWAGE', 'RED', 1, '0.60'), rule('SEWAGE', 'RED', 2, '1.00'), rule('SEWAGE', 'BLACK', 0, '1.00'), rule('ELECTRICITY', 'RED', 1, '0.05')];

describe('half-years of DOMAIN.md §6', () => {
  it.each([
    ['2026-01-01', '2026-01-01', '2025-12-31'],
    ['2026-06-30', '2026-01-01', '2025-12-31'],
    ['2026-07-01', '2026-07-01', '2026-06-30'],
    ['2026-12-31', '2026-07-01', '2026-06-30'],
  ])('%s lies in the half-year from %s, decided on %s', (asOf, start, snapshotDay) => {
    expect(halfYearOf(asOf)).toMatchObject({ start, snapshotDay });
  });
});

describe('decideSurcharge', () => {
  const red = (consecutiveRed: number) => [{ periodEnd: '2026-06-30', color: CreditColor.RED, consecutiveRed }];

  it('takes the highest matching amount, as an exact decimal string', () => {
    expect(decideSurcharge(RULES, 'SEWAGE', red(1), '2026-08-01', '2026-11-24')!.amount).toBe('0.60');
    expect(decideSurcharge(RULES, 'SEWAGE', red(3), '2026-08-01', '2026-11-24')!.amount).toBe('1.00');
    expect(decideSurcharge(RULES, 'ELECTRICITY', red(3), '2026-08-01', '2026-11-24')!.amount).toBe('0.05');
  });

  it('charges the normal price for other colours and for subjects not rated on the snapshot day', () => {
    expect(decideSurcharge(RULES, 'SEWAGE', [{ periodEnd: '2026-06-30', color: CreditColor.YELLOW, consecutiveRed: 0 }], '2026-08-01', '2026-11-24')).toMatchObject({
      amount: '0.00',
      basis: 'colour YELLOW on 2026-06-30: normal price',
    });
    expect(decideSurcharge(RULES, 'SEWAGE', [], '2026-08-01', '2026-11-24')!.basis).toContain('not rated on 2026-06-30');
  });

  it('applies the rules in force on the first day of the half-year', () => {
    const changed = [rule('SEWAGE', 'RED', 1, '0.60', '2000-01-01', '2026-07-01'), rule('SEWAGE', 'RED', 1, '0.80', '2026-07-01')];
    expect(decideSurcharge(changed, 'SEWAGE', [{ periodEnd: '2025-12-31', color: CreditColor.RED, consecutiveRed: 1 }], '2026-06-15', '2026-11-24')!.amount).toBe('0.60');
    expect(decideSurcharge(changed, 'SEWAGE', red(1), '2026-08-01', '2026-11-24')!.amount).toBe('0.80');
  });

  it('decides nothing before the snapshot day has passed', () => {
    expect(decideSurcharge(RULES, 'SEWAGE', red(1), '2027-01-10', '2026-11-24')).toBeNull();
  });
});

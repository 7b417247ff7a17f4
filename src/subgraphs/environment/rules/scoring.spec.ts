import { describe, expect, it } from 'vitest';
import { allocate, drawSelection, exactQuotas } from './inspection-draw';
import { colorHistory, nextChangeAfter, ratingOn, type RatingBasis } from './scoring';

const POLICY = { startScore: 9, maxScore: 12, greenMin: 11, blueMin: 6, yellowMin: 3, redMin: 1, validityOffsetDays: 0, effectiveFrom: '2000-01-01', effectiveTo: null };
const basis = (events: RatingBasis['events'], frontRunner: RatingBasis['frontRunner'] = []): RatingBasis => ({ policies: [POLICY], ratedFrom: '2024-01-01', events, frontRunner });

describe('ratingOn', () => {
  it('lets a forced colour decide whatever the score', () => {
    const criminal = { points: 0, validFrom: '2025-01-01', validUntil: '2026-01-01', forcedColor: 'BLACK' };
    expect(ratingOn(basis([criminal]), '2025-06-01')).toEqual({ score: 9, color: 'BLACK' });
    expect(ratingOn(basis([criminal]), '2026-01-01')).toEqual({ score: 9, color: 'BLUE' });
  });

  it('caps the score at the maximum and makes a front-runner GREEN until it lapses', () => {
    const awards = [1, 2, 3, 4].map(() => ({ points: 1, validFrom: '2025-01-01', validUntil: '2026-01-01', forcedColor: null }));
    expect(ratingOn(basis(awards), '2025-02-01')).toEqual({ score: 12, color: 'GREEN' });
    const frontRunner = basis([], [{ from: '2025-01-01', until: '2025-03-01' }]);
    expect(ratingOn(frontRunner, '2025-02-01')).toEqual({ score: 9, color: 'GREEN' });
    expect(ratingOn(frontRunner, '2025-03-01')).toEqual({ score: 9, color: 'BLUE' });
    expect(nextChangeAfter(frontRunner, '2025-02-01')).toBe('2025-03-01');
  });

  it('names the expiry that moves a colour back', () => {
    const fines = [
      { id: 1, occurredOn: '2025-03-01', points: -3, validFrom: '2025-03-01', validUntil: '2025-09-01', forcedColor: null, voidedOn: null },
      { id: 2, occurredOn: '2025-03-10', points: -3, validFrom: '2025-03-10', validUntil: '2025-09-10', forcedColor: null, voidedOn: null },
    ];
    expect(colorHistory(basis(fines), fines).map((c) => [c.on, c.colorAfter, c.cause, c.eventId])).toEqual([
      ['2024-01-01', 'BLUE', 'ENROLLED', null],
      ['2025-03-10', 'YELLOW', 'EVENT', 2],
      ['2025-09-01', 'BLUE', 'EXPIRY', 1],
    ]);
  });
});

describe('inspection draws', () => {
  const weights = { GREEN: 0.5, BLUE: 1, YELLOW: 2, RED: 3, BLACK: 4 };

  it('allocates a sample size by population × weight, capping strata at their population', () => {
    expect(exactQuotas({ GREEN: 100, BLUE: 100, RED: 5 }, { weights, sampleSize: 60, rate: null, seed: 's' })).toEqual({ GREEN: 55 / 3, BLUE: 110 / 3, RED: 5 });
    // v1 (stored draws still replay with it): remainders to the largest fractions.
    expect(allocate({ GREEN: 100, BLUE: 100, RED: 5 }, { weights, sampleSize: 60, rate: null, seed: 's' }, 'stratified-weighted-v1')).toEqual({ GREEN: 18, BLUE: 37, RED: 5 });
    expect(allocate({ GREEN: 10, BLACK: 10 }, { weights, sampleSize: 20, rate: null, seed: 's' })).toEqual({ GREEN: 10, BLACK: 10 });
  });

  it('rounds quotas without bias: each colour is drawn at its exact share on average, the total stays exact', () => {
    const sizes = { GREEN: 400, BLUE: 300, YELLOW: 40, RED: 7, BLACK: 2 };
    const sized = { weights, sampleSize: 25, rate: null };
    const exact = exactQuotas(sizes, { ...sized, seed: '' });
    const sums: Record<string, number> = { GREEN: 0, BLUE: 0, YELLOW: 0, RED: 0, BLACK: 0 };
    const runs = 4_000;
    const wrong: string[] = [];
    for (let i = 0; i < runs; i++) {
      const quota = allocate(sizes, { ...sized, seed: `seed-${i}` });
      if (Object.values(quota).reduce((a, b) => a + b, 0) !== 25) wrong.push(`seed-${i}: total ${JSON.stringify(quota)}`);
      for (const [color, n] of Object.entries(quota)) {
        if (n !== Math.floor(exact[color]) && n !== Math.ceil(exact[color])) wrong.push(`seed-${i}: ${color} ${n}`);
        sums[color] += n;
      }
    }
    expect(wrong).toEqual([]);
    for (const color of Object.keys(sizes)) expect(sums[color] / runs).toBeCloseTo(exact[color], 1);
    // 2 BLACK subjects at a 0.05 base rate × weight 4: 0.4 expected, drawn in about 40% of the draws.
    const rated = Array.from({ length: 1000 }, (_, i) => allocate({ BLACK: 2 }, { weights, sampleSize: null, rate: 0.05, seed: `r${i}` }).BLACK);
    expect(Math.max(...rated)).toBe(1);
    expect(rated.filter((n) => n === 1).length / rated.length).toBeCloseTo(0.4, 1);
  });

  it('is a function of the population and seed only, not of the population order', () => {
    const population = Array.from({ length: 300 }, (_, i) => ({ uscc: `U${String(i).padStart(4, '0')}`, color: ['GREEN', 'BLUE', 'RED'][i % 3] }));
    const spec = { weights, sampleSize: null, rate: 0.1, seed: 'abc' };
    const a = drawSelection(population, spec);
    const b = drawSelection([...population].reverse(), spec);
    expect(b.selected).toEqual(a.selected);
    // Exact quotas are whole numbers here, so every algorithm selects them.
    expect(drawSelection(population, spec, 'stratified-weighted-v1').strata).toEqual(a.strata);
    expect(a.strata.map((s) => [s.color, s.selected])).toEqual([
      ['GREEN', 5],
      ['BLUE', 10],
      ['RED', 30],
    ]);
  });
});

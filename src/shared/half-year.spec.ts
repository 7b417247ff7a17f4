import { describe, expect, it } from 'vitest';
import { halfYearEnds, halfYearNamed, parseHalfYear } from './half-year';

describe('half-year names and ends', () => {
  it('halfYearNamed takes only YYYY-H1 and YYYY-H2 (the exports), parseHalfYear also a price period', () => {
    expect(halfYearNamed('2026-H1')).toEqual({ start: '2026-01-01', end: '2026-06-30', snapshotDay: '2025-12-31', period: '2026-01-01/2026-06-30' });
    expect(halfYearNamed('2026-H2')).toMatchObject({ start: '2026-07-01', snapshotDay: '2026-06-30' });
    for (const other of [' 2026-H2', '2026-H2 ', '2026-H3', '26-H1', '2026-h1', '2026-01-01/2026-06-30']) expect(halfYearNamed(other)).toBeNull();
    expect(parseHalfYear('2026-01-01/2026-06-30')).toEqual(halfYearNamed('2026-H1'));
  });

  it('halfYearEnds lists 30 June and 31 December with both bounds included', () => {
    expect(halfYearEnds('2025-06-30', '2026-12-31')).toEqual(['2025-06-30', '2025-12-31', '2026-06-30', '2026-12-31']);
    expect(halfYearEnds('2025-07-01', '2026-12-30')).toEqual(['2025-12-31', '2026-06-30']);
  });
});

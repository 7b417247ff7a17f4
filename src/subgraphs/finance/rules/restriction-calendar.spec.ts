import { describe, expect, it } from 'vitest';
import { restrictionChangeDays, triggerLevelOn, type RestrictionRuleVersion } from './restriction-calendar';

const rule = (triggerKind: string, triggerValue: string, level: string, effectiveFrom: string, effectiveTo: string | null = null): RestrictionRuleVersion => ({
  triggerKind,
  triggerValue,
  level,
  effectiveFrom,
  effectiveTo,
});

describe('restrictionChangeDays', () => {
  it('finds the day a new version changes a trigger’s level, and the day a rule ends', () => {
    const rules = [
      rule('COLOR', 'RED', 'RESTRICTED', '2020-01-01', '2027-03-01'),
      rule('COLOR', 'RED', 'PROHIBITED', '2027-03-01'),
      rule('LISTING', 'ABNORMAL_OPERATIONS', 'RESTRICTED', '2027-02-10', '2027-04-01'),
      rule('COLOR', 'BLACK', 'PROHIBITED', '2020-01-01'),
    ];
    expect(restrictionChangeDays(rules, '2027-01-01', '2027-12-31')).toEqual([
      { day: '2027-02-10', triggerKind: 'LISTING', triggerValue: 'ABNORMAL_OPERATIONS', levelBefore: 'NONE', levelOn: 'RESTRICTED' },
      { day: '2027-03-01', triggerKind: 'COLOR', triggerValue: 'RED', levelBefore: 'RESTRICTED', levelOn: 'PROHIBITED' },
      { day: '2027-04-01', triggerKind: 'LISTING', triggerValue: 'ABNORMAL_OPERATIONS', levelBefore: 'RESTRICTED', levelOn: 'NONE' },
    ]);
    // Only the days of the window; the first version's start is long past.
    expect(restrictionChangeDays(rules, '2027-03-02', '2027-03-31')).toEqual([]);
    expect(restrictionChangeDays(rules, '2027-03-01', '2027-03-01').map((c) => c.triggerValue)).toEqual(['RED']);
  });

  it('sees no change in a version that restates the level under another legal basis', () => {
    const rules = [rule('COLOR', 'RED', 'RESTRICTED', '2020-01-01', '2027-03-01'), rule('COLOR', 'RED', 'RESTRICTED', '2027-03-01')];
    expect(restrictionChangeDays(rules, '2027-01-01', '2027-12-31')).toEqual([]);
    expect(triggerLevelOn(rules, 'COLOR', 'RED', '2027-03-01')).toBe('RESTRICTED');
    expect(triggerLevelOn(rules, 'COLOR', 'YELLOW', '2027-03-01')).toBe('NONE');
  });
});

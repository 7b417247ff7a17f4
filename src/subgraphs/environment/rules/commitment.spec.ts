import { describe, expect, it } from 'vitest';
import { commitmentBarOn, commitmentCourse, commitmentStateOn, withCommitmentBreaks } from './commitment';

const commitment = { type: 'CREDIT_COMMITMENT', occurredOn: '2025-03-10', points: 1, validFrom: '2025-03-10', validUntil: '2026-03-10' };
const deduction = (occurredOn: string, points = -1) => ({ type: 'WARNING', occurredOn, points, validFrom: occurredOn, validUntil: '2027-01-01' });

describe('a commitment’s course (DOMAIN.md §11)', () => {
  it.each([
    { name: 'no deduction: running, then kept from the day its year ends', events: [], brokenOn: null, states: [['2025-03-10', 'RUNNING'], ['2026-03-09', 'RUNNING'], ['2026-03-10', 'KEPT']] },
    { name: 'a deduction inside its year: broken from its date', events: [deduction('2025-08-01')], brokenOn: '2025-08-01', states: [['2025-07-31', 'RUNNING'], ['2025-08-01', 'BROKEN'], ['2026-06-01', 'BROKEN']] },
    { name: 'on the signing day: broken at once', events: [deduction('2025-03-10')], brokenOn: '2025-03-10', states: [['2025-03-10', 'BROKEN']] },
    { name: 'the day before signing, or the day its year ends: not inside it', events: [deduction('2025-03-09'), deduction('2026-03-10')], brokenOn: null, states: [['2026-03-10', 'KEPT']] },
    { name: 'two inside: the earlier date breaks it, whatever the order', events: [deduction('2025-12-01'), deduction('2025-05-01')], brokenOn: '2025-05-01', states: [['2025-05-01', 'BROKEN']] },
    { name: 'a bonus inside its year breaks nothing', events: [{ ...deduction('2025-05-01'), points: 1 }], brokenOn: null, states: [['2025-05-01', 'RUNNING']] },
  ])('$name', ({ events, brokenOn, states }) => {
    const course = commitmentCourse(commitment, [commitment, ...events]);
    expect(course.runsUntil).toBe('2026-03-10');
    expect(course.brokenOn).toBe(brokenOn);
    for (const [day, state] of states) expect(commitmentStateOn(course, day), day).toBe(state);
  });

  it('a broken commitment’s +1 ends the day it is broken, never before it starts', () => {
    expect(withCommitmentBreaks([commitment, deduction('2025-08-01')])[0].validUntil).toBe('2025-08-01');
    expect(withCommitmentBreaks([{ ...commitment, validFrom: '2025-03-20' }, deduction('2025-03-12')])[0].validUntil).toBe('2025-03-20');
    expect(withCommitmentBreaks([commitment, deduction('2026-04-01')])[0].validUntil).toBe('2026-03-10');
  });

  it('bars a new commitment for 12 months from the break', () => {
    const events = [commitment, deduction('2025-08-01')];
    expect(commitmentBarOn(events, '2025-07-31')).toBeNull();
    expect(commitmentBarOn(events, '2025-08-01')).toMatchObject({ brokenOn: '2025-08-01', barredUntil: '2026-08-01' });
    expect(commitmentBarOn(events, '2026-07-31')).toMatchObject({ brokenOn: '2025-08-01' });
    expect(commitmentBarOn(events, '2026-08-01')).toBeNull();
    expect(commitmentBarOn([commitment], '2025-08-01')).toBeNull();
  });
});

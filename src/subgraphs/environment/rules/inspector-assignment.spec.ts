import { describe, expect, it } from 'vitest';
import { assignInspectors, type PoolMember } from './inspector-assignment';

const pool = (n: number, districtCode = '320706', conflicts: Record<number, string[]> = {}): PoolMember[] =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `检查员${i + 1}`, districtCode, load: 0, conflicts: conflicts[i + 1] ?? [] }));
const subjects = (n: number, districtCode = '320706') => Array.from({ length: n }, (_, i) => ({ uscc: `S${String(i).padStart(3, '0')}`, districtCode }));

describe('assignInspectors (least-assigned-v1)', () => {
  it('is a function of the seed: the same seed assigns the same, another seed differently', () => {
    const a = assignInspectors(subjects(30), pool(7), 'seed-a');
    expect(assignInspectors(subjects(30), pool(7), 'seed-a')).toEqual(a);
    expect(assignInspectors(subjects(30), pool(7), 'seed-b').assignments).not.toEqual(a.assignments);
  });

  it('keeps loads within one of each other over pools of any size, two distinct inspectors each', () => {
    for (const size of [2, 3, 5, 8, 13]) {
      for (const count of [1, 7, 40]) {
        const { assignments } = assignInspectors(subjects(count), pool(size), `b-${size}-${count}`);
        const loads = new Map<number, number>(pool(size).map((m) => [m.id, 0]));
        for (const a of assignments) {
          expect(new Set(a.inspectorIds).size).toBe(2);
          for (const id of a.inspectorIds) loads.set(id, loads.get(id)! + 1);
        }
        expect(Math.max(...loads.values()) - Math.min(...loads.values()), `${size}/${count}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('never assigns a conflicted inspector, and reports a subject left with fewer than two', () => {
    const { assignments } = assignInspectors(subjects(10), pool(4, '320706', { 1: ['S003'], 2: ['S003'] }), 'c');
    expect(assignments.find((a) => a.uscc === 'S003')!.inspectorIds.sort()).toEqual([3, 4]);
    const short = assignInspectors(subjects(10), pool(3, '320706', { 1: ['S003'], 2: ['S003'] }), 'c');
    expect(short).toEqual({ assignments: [], shortfalls: [{ uscc: 'S003', districtCode: '320706', eligible: 1 }] });
  });

  it('assigns within the subject’s district only; a district without a pool gets none', () => {
    const { assignments } = assignInspectors([...subjects(3, '320706'), ...subjects(2, '320703'), { uscc: 'X', districtCode: '320707' }], [...pool(3, '320706'), ...pool(2, '320703').map((m) => ({ ...m, id: m.id + 10 }))], 'd');
    for (const a of assignments) {
      if (a.districtCode === '320706') expect(a.inspectorIds.every((id) => id <= 3)).toBe(true);
      if (a.districtCode === '320703') expect(a.inspectorIds.sort()).toEqual([11, 12]);
    }
    expect(assignments.find((a) => a.uscc === 'X')!.inspectorIds).toEqual([]);
  });
});

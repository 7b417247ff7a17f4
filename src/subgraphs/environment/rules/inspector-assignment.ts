import { createHash } from 'node:crypto';

/**
 * The second random of 双随机 (国办发〔2015〕58号, DOMAIN.md §11 Inspectors): which inspectors inspect
 * each drawn subject, as a pure function of the draw's seed, its selection and the pool as the draw
 * saw it, so that a stored draw replays its assignment as it replays its selection.
 *
 * `least-assigned-v1`: the subjects are taken in selection order; each gets the two eligible
 * inspectors (same district as the subject, in the pool, not in conflict with it) with the fewest
 * assignments so far (earlier draws' plus this draw's), ties broken by a seeded hash of the seed, the
 * subject and the inspector. Least-assigned-first keeps the loads of a pool without conflicts within
 * one of each other (max − min ≤ 1 when they start so); the hash makes who is picked among equals
 * random and reproducible.
 */
export const ASSIGNMENT_ALGORITHM = 'least-assigned-v1';

/** How many inspectors each drawn subject gets (两名以上执法人员: the law asks for at least two). */
export const INSPECTORS_PER_SUBJECT = 2;

export interface PoolMember {
  id: number;
  name: string;
  districtCode: string;
  /** Assignments in earlier draws when this draw was made. */
  load: number;
  /** Of the selected subjects, those this inspector must not inspect. */
  conflicts: string[];
}

export interface Assignment {
  uscc: string;
  /** The subject's district on the draw's day (whose pool it was given inspectors from). */
  districtCode: string;
  inspectorIds: number[];
}

export interface SubjectToAssign {
  uscc: string;
  districtCode: string;
}

/** A subject that cannot get two inspectors: the draw is refused (see the service). */
export interface AssignmentShortfall {
  uscc: string;
  districtCode: string;
  eligible: number;
}

function tieBreak(seed: string, uscc: string, inspectorId: number): string {
  return createHash('sha256').update(`inspectors|${seed}|${uscc}|${inspectorId}`).digest('hex');
}

/**
 * Assigns `INSPECTORS_PER_SUBJECT` inspectors to each subject. A subject whose district has no
 * inspector in the pool at all gets none (the district has no pool yet: see DOMAIN.md); one whose
 * district has some but fewer than two eligible is a shortfall, and nothing is assigned.
 */
export function assignInspectors(
  subjects: readonly SubjectToAssign[],
  pool: readonly PoolMember[],
  seed: string,
): { assignments: Assignment[]; shortfalls: AssignmentShortfall[] } {
  const load = new Map(pool.map((member) => [member.id, member.load]));
  const byDistrict = new Map<string, PoolMember[]>();
  for (const member of pool) byDistrict.set(member.districtCode, [...(byDistrict.get(member.districtCode) ?? []), member]);
  const assignments: Assignment[] = [];
  const shortfalls: AssignmentShortfall[] = [];
  for (const subject of subjects) {
    const district = byDistrict.get(subject.districtCode) ?? [];
    if (district.length === 0) {
      assignments.push({ uscc: subject.uscc, districtCode: subject.districtCode, inspectorIds: [] });
      continue;
    }
    const eligible = district.filter((member) => !member.conflicts.includes(subject.uscc));
    if (eligible.length < INSPECTORS_PER_SUBJECT) {
      shortfalls.push({ uscc: subject.uscc, districtCode: subject.districtCode, eligible: eligible.length });
      continue;
    }
    const ranked = eligible
      .map((member) => ({ id: member.id, load: load.get(member.id)!, key: tieBreak(seed, subject.uscc, member.id) }))
      .sort((a, b) => a.load - b.load || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const chosen = ranked.slice(0, INSPECTORS_PER_SUBJECT).map((member) => member.id);
    for (const id of chosen) load.set(id, load.get(id)! + 1);
    assignments.push({ uscc: subject.uscc, districtCode: subject.districtCode, inspectorIds: chosen });
  }
  return { assignments: shortfalls.length ? [] : assignments, shortfalls };
}

export function sameAssignments(a: readonly Assignment[], b: readonly Assignment[]): boolean {
  return a.length === b.length && a.every((x, i) => x.uscc === b[i].uscc && x.inspectorIds.join(',') === b[i].inspectorIds.join(','));
}

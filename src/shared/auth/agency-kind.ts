import type { Role } from './principal';

/**
 * Row scope of CONTRACT.md for joint measures: a bank sees only measures banks implement, a utility
 * only utilities'; other roles see every measure. The credit office's `jointMeasures` and
 * `measureSubjects` apply it, and so do the webhooks that tell of measures starting or ending.
 */
export const AGENCY_KIND_OF_ROLE: Partial<Record<Role, string>> = { BANK: 'BANK', UTILITY: 'UTILITY' };

/** True when `role` may see a measure implemented by agencies of `agencyKind`. */
export function seesMeasureOf(role: Role, agencyKind: string): boolean {
  const own = AGENCY_KIND_OF_ROLE[role];
  return !own || own === agencyKind;
}

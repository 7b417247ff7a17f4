import { districtProblem, divisionAgrees } from '../../../shared/divisions';

/** A registration's district, accepted (with a remark for the operator, or null) or refused with the reason. */
export type RegistrationDistrict = { ok: true; flag: string | null } | { ok: false; problem: string };

/**
 * The district a registration may state for its code: the one rule of `registerEnterprise` and of the
 * registrations import (a bureau refuses the same rows either way). The district must be a division
 * code (`districtProblem`). The code's own division digits say where it was issued, not where the
 * subject is (DOMAIN.md §11 "Relocation"): any of the city's districts fits a code of the city, so a
 * registration moves within the city; a district outside the city is kept and flagged (§10).
 * `field` names the district in the messages (`districtCode` in the API, `district_code` in a file).
 */
export function registrationDistrict(uscc: string, districtCode: string, field: string): RegistrationDistrict {
  const problem = districtProblem(districtCode);
  if (problem) return { ok: false, problem: `${field} ${problem}` };
  return divisionAgrees(uscc, districtCode, field);
}

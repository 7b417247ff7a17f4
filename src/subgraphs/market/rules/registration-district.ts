import { districtProblem, divisionAgrees } from '../../../shared/divisions';

/** A registration's district, accepted (with a remark for the operator, or null) or refused with the reason. */
export type RegistrationDistrict = { ok: true; flag: string | null } | { ok: false; problem: string };

/**
 * The district a registration may state for its code: the one rule of `registerEnterprise` and of the
 * registrations import (a bureau refuses the same rows either way). The district must be a division
 * code (`districtProblem`), and the code's own division digits must not contradict it: a code of one
 * of the city's districts belongs to that district; a code registered at city level (320700) fits any
 * of them; a code of another city keeps the stated district and is flagged (DOMAIN.md §10).
 * `field` names the district in the messages (`districtCode` in the API, `district_code` in a file).
 */
export function registrationDistrict(uscc: string, districtCode: string, field: string): RegistrationDistrict {
  const problem = districtProblem(districtCode);
  if (problem) return { ok: false, problem: `${field} ${problem}` };
  return divisionAgrees(uscc, districtCode, field);
}

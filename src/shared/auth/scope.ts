import type { Principal } from './principal';

/**
 * Row scope: the district a caller is confined to, or null when it may see every district.
 * A subject outside the scope is answered as if it did not exist (CONTRACT.md).
 */
export function districtScope(principal: Principal): string | null {
  return principal.role === 'ENV_OFFICER' ? principal.districtCode ?? '' : null;
}

export function inDistrictScope(principal: Principal, districtCode: string): boolean {
  const scope = districtScope(principal);
  return scope === null || scope === districtCode;
}

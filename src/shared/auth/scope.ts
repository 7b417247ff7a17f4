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

/**
 * Which subjects a caller may see at all: every one, those of one district (ENV_OFFICER), or only
 * rated ones, whose ratings are published (PUBLIC; DOMAIN.md §7 "ratings are published").
 */
export type RowScope = { kind: 'all' } | { kind: 'district'; district: string } | { kind: 'rated' };

export function rowScope(principal: Principal): RowScope {
  if (principal.role === 'ENV_OFFICER') return { kind: 'district', district: principal.districtCode ?? '' };
  if (principal.role === 'PUBLIC') return { kind: 'rated' };
  return { kind: 'all' };
}

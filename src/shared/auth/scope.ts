import type { Principal } from './principal';

/**
 * Row scope for set-valued reads (SQL filters): the district a caller is confined to, or null when
 * it may see every district. Decisions about one subject go through `subjectVisible`
 * (subject-scope.ts), never a comparison of their own. A subject outside the scope is answered as if
 * it did not exist (CONTRACT.md).
 */
export function districtScope(principal: Principal): string | null {
  const scope = rowScope(principal);
  return scope.kind === 'district' ? scope.district : null;
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

/**
 * The city's administrative division codes (DOMAIN.md §2 and §10): the districts and counties of
 * Lianyungang and the functional zones that local data uses as districts. A registration's district
 * is one of these or, for a subject registered elsewhere, another place's six-digit division code.
 */
export const CITY_PREFIX = '3207';

export const CITY_DISTRICTS: Readonly<Record<string, string>> = {
  '320703': '连云区',
  '320706': '海州区',
  '320707': '赣榆区',
  '320722': '东海县',
  '320723': '灌云县',
  '320724': '灌南县',
  '320771': '经开区',
  '320772': '高新区',
};

/**
 * Provincial-level divisions (GB/T 2260, the first two digits of a division code): a code from
 * elsewhere must name one of them. Written out here because no maintained npm package carries the
 * national division table with a licence and update cadence fit for validation.
 */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43',
  '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

/**
 * What a district code is: one of the city's (`inCity`), or another city's division code (kept as
 * the subject's own district, flagged `inCity: false`). Codes that are neither are refused by
 * `checkDistrict`.
 */
export interface DistrictClass {
  code: string;
  inCity: boolean;
  /** The city's name for it, when in the city. */
  name: string | null;
}

/** Why `code` is not a district, or null when it is one (see `classifyDistrict`). */
export function districtProblem(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return `districtCode "${code}" must be a six-digit administrative division code`;
  if (code.startsWith(CITY_PREFIX)) {
    return code in CITY_DISTRICTS
      ? null
      : `districtCode "${code}" is not a district of the city (one of ${Object.keys(CITY_DISTRICTS).join(', ')})`;
  }
  if (!PROVINCE_PREFIXES.has(code.slice(0, 2))) return `districtCode "${code}" names no province (its first two digits ${code.slice(0, 2)})`;
  return null;
}

/** Classifies a code that `districtProblem` accepts; null otherwise. */
export function classifyDistrict(code: string): DistrictClass | null {
  if (districtProblem(code) !== null) return null;
  const name = CITY_DISTRICTS[code] ?? null;
  return { code, inCity: name !== null, name };
}

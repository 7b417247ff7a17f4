/**
 * Administrative division codes (GB/T 2260) as the hub needs them (DOMAIN.md §2 and §10): the
 * city's districts and functional zones, and the provinces whose two-digit prefix a division code
 * registered elsewhere must carry. One table for every check of a district or of a code's division digits.
 */

/** The city (Lianyungang) as it appears in a USCC registered at city level. */
export const CITY_DIVISION = '320700';

/** The city's districts, counties and functional zones: the only districts of the city a row may name. */
export const CITY_DISTRICTS: Readonly<Record<string, string>> = Object.freeze({
  '320703': '连云区',
  '320706': '海州区',
  '320707': '赣榆区',
  '320722': '东海县',
  '320723': '灌云县',
  '320724': '灌南县',
  '320771': '经开区',
  '320772': '高新区',
});

/** Provincial-level divisions by their two-digit prefix. */
export const PROVINCES: Readonly<Record<string, string>> = Object.freeze({
  '11': '北京', '12': '天津', '13': '河北', '14': '山西', '15': '内蒙古',
  '21': '辽宁', '22': '吉林', '23': '黑龙江',
  '31': '上海', '32': '江苏', '33': '浙江', '34': '安徽', '35': '福建', '36': '江西', '37': '山东',
  '41': '河南', '42': '湖北', '43': '湖南', '44': '广东', '45': '广西', '46': '海南',
  '50': '重庆', '51': '四川', '52': '贵州', '53': '云南', '54': '西藏',
  '61': '陕西', '62': '甘肃', '63': '青海', '64': '宁夏', '65': '新疆',
  '71': '台湾', '81': '香港', '82': '澳门',
});

export function isCityDistrict(code: string): boolean {
  return Object.hasOwn(CITY_DISTRICTS, code);
}

/** Inside the city's own code range (3207xx), whether or not it is one of its districts. */
function inCityRange(code: string): boolean {
  return code.startsWith(CITY_DIVISION.slice(0, 4));
}

/** A readable name for a division code of the table, e.g. `320706 (海州区)`. */
export function divisionLabel(code: string): string {
  if (isCityDistrict(code)) return `${code} (${CITY_DISTRICTS[code]})`;
  if (code === CITY_DIVISION) return `${code} (连云港市)`;
  const province = PROVINCES[code.slice(0, 2)];
  return province ? `${code} (${province})` : code;
}

/**
 * Why `code` cannot be a subject's district, or null when it can: one of the city's districts, or a
 * six-digit division code of another city whose first two digits name a province.
 */
export function districtProblem(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return `"${code}" is not a six-digit division code`;
  if (isCityDistrict(code)) return null;
  const cityDistricts = Object.keys(CITY_DISTRICTS).join(', ');
  if (inCityRange(code)) return `"${code}" is not a district of the city (districts: ${cityDistricts})`;
  if (!PROVINCES[code.slice(0, 2)]) return `"${code}" is not a known division code: its first two digits name no province (city districts: ${cityDistricts})`;
  if (code.endsWith('0000')) return `"${code}" names a province, not a district`;
  return null;
}

export type DivisionCheck = { ok: true; flag: string | null };

/**
 * What a code's division digits (positions 3–8) say about a stated (valid) district. They say where
 * the code was issued and never change, while the district is where the subject is now (DOMAIN.md
 * §11 "Relocation"): a code of the city (a district's, or the city level 320700) fits any of the
 * city's districts, so a subject moves within the city with an ordinary registration update. A
 * district outside the city, for a code of the city (a move out of it) or of another city, is kept
 * and flagged (DOMAIN.md §10). Never a refusal: `field` names the district in the flag.
 */
export function divisionAgrees(uscc: string, district: string, field = 'district_code'): DivisionCheck {
  const division = uscc.slice(2, 8);
  if (division === district) return { ok: true, flag: null };
  if (inCityRange(division)) {
    if (isCityDistrict(district)) return { ok: true, flag: null };
    return { ok: true, flag: `code ${uscc} was issued in ${divisionLabel(division)} of the city; ${field} ${divisionLabel(district)} outside the city kept` };
  }
  return { ok: true, flag: `code ${uscc} carries division ${divisionLabel(division)} of another city; district ${divisionLabel(district)} kept` };
}

/**
 * What a valid district is: one of the city's (`inCity`, with its name), or another city's division
 * code, kept as the subject's own district and flagged `inCity: false` (DOMAIN.md §10).
 */
export interface DistrictClass {
  code: string;
  inCity: boolean;
  /** The city's name for it, when in the city. */
  name: string | null;
}

/** Classifies a code that `districtProblem` accepts; null otherwise. */
export function classifyDistrict(code: string): DistrictClass | null {
  if (districtProblem(code) !== null) return null;
  const name = isCityDistrict(code) ? CITY_DISTRICTS[code] : null;
  return { code, inCity: name !== null, name };
}

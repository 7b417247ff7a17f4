/**
 * Names of GB/T 4754-2017 industry codes (国民经济行业分类) as the hub shows them beside a code: the
 * classes (小类) that the city's rated subjects are registered under, and the 20 sections (门类) by
 * their letter for any other code. One table for every place that names an industry.
 */

/** Sections (门类), by the letter that starts every code of the section. */
export const INDUSTRY_SECTIONS: Readonly<Record<string, string>> = Object.freeze({
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
});

/** Classes (小类) of the pollutant-discharging industries the city rates. */
export const INDUSTRY_CLASSES: Readonly<Record<string, string>> = Object.freeze({
  C1713: '棉印染精加工',
  C2211: '木竹浆制造',
  C2614: '有机化学原料制造',
  C2710: '化学药品原料药制造',
  C3011: '水泥制造',
  C3130: '钢压延加工',
  D4411: '火力发电',
  N7721: '水污染治理',
});

/** The class's name, else its section's (`制造业` for an unlisted C code), else null. */
export function industryName(code: string): string | null {
  return INDUSTRY_CLASSES[code] ?? INDUSTRY_SECTIONS[code.charAt(0)] ?? null;
}

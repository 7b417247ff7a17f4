/** Chinese labels of the codes a report prints. Unknown codes print as themselves. */
export const COLOR_ZH: Record<string, string> = { GREEN: '绿色', BLUE: '蓝色', YELLOW: '黄色', RED: '红色', BLACK: '黑色' };
/** Print colours of the credit colours (charts, colour chips). */
export const COLOR_HEX: Record<string, string> = { GREEN: '#2e7d32', BLUE: '#1565c0', YELLOW: '#f9a825', RED: '#c62828', BLACK: '#212121' };
export const COLORS = ['GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK'] as const;

export const PURPOSE_ZH: Record<string, string> = {
  SUPERVISION: '监管',
  PROCUREMENT: '政府采购',
  BIDDING: '招标投标',
  APPROVAL: '行政审批',
  MARKET_ACCESS: '市场准入',
  QUALIFICATION: '资质审核',
  DISCLOSURE_REQUEST: '信息公开申请',
  LOAN_APPLICATION: '贷款申请',
  CREDIT_REVIEW: '授信审查',
};

export const LIST_ZH: Record<string, string> = {
  ABNORMAL_OPERATIONS: '经营异常名录',
  SERIOUS_ILLEGAL_DISHONEST: '严重违法失信名单',
  SERIOUS_DISHONESTY: '严重失信主体名单',
  COURT_DISHONEST_DEBTOR: '失信被执行人',
  RED_LIST: '守信红名单',
};

export const CAUSE_ZH: Record<string, string> = { ENROLLED: '纳入评价', EVENT: '记分事项', EXPIRY: '记分到期', FRONT_RUNNER: '环保领跑者', POLICY: '规则调整', VOIDED: '撤销记分' };
/** Commitments' states (DOMAIN.md §11). */
export const COMMITMENT_ZH: Record<string, string> = { RUNNING: '履行中', KEPT: '已履行', BROKEN: '未履行' };
export const REPAIR_ZH: Record<string, string> = { PENDING: '审核中', APPROVED: '已修复', REJECTED: '不予修复' };
export const NATURE_ZH: Record<string, string> = { REWARD: '激励', PUNISHMENT: '惩戒' };
export const ROLE_ZH: Record<string, string> = {
  ENV_ADMIN: '生态环境局',
  CREDIT_OFFICE: '信用办',
  MARKET_REGULATOR: '市场监管局',
  BANK: '金融机构',
  PUBLIC_AGENCY: '公共管理机构',
};

export const zh = (table: Record<string, string>, code: string | null | undefined): string => (code ? (table[code] ?? code) : '—');

/** What the report prints for a section the requester's role may not read. */
export const WITHHELD = '（申请方角色无权查阅本项）';

/** Registration statuses (登记状态) of the market register. */
export const REGISTRATION_ZH: Record<string, string> = { ACTIVE: '存续（在营）', SUSPENDED: '停业', REVOKED: '吊销', CANCELLED: '注销' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Beijing time is UTC+8 all year (China has kept no daylight saving time since 1991): Asia/Shanghai. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** `2026-12-08` → `2026年12月8日`; anything else unchanged. */
export function zhDate(date: string): string {
  const match = ISO_DATE.exec(date);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : date;
}

/** An instant in Beijing time (Asia/Shanghai), as a Chinese document prints it: `2026年12月8日 11:20`. */
export function beijingTime(instant: Date | string): string {
  const at = new Date(new Date(instant).getTime() + BEIJING_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCFullYear()}年${at.getUTCMonth() + 1}月${at.getUTCDate()}日 ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
}

const ISO_PERIOD = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/;

/** A table cell as printed: a bare ISO date or period (`from/to`) in Chinese form, everything else as it is. */
export function zhCell(cell: string): string {
  const period = ISO_PERIOD.exec(cell);
  return period ? `${zhDate(period[1])}至${zhDate(period[2])}` : zhDate(cell);
}

const UNIT_ZH: Record<string, string> = { 'CNY/m3': '元/立方米', 'CNY/kWh': '元/千瓦时', 'CNY/t': '元/吨', CNY: '元' };

const colorZh = (code: string) => COLOR_ZH[code] ?? code;
const listZh = (code: string) => LIST_ZH[code] ?? code;

/**
 * The reason the credit department's API gives for a joint measure (English, composed by its rules:
 * colour periods, listings, half-year surcharges) in Chinese. Parts it does not know stay as given.
 */
export function measureReasonZh(reason: string): string {
  return reason
    .replace(/half-year (\S+) surcharge: /g, (_, period: string) => `${zhCell(period)}半年度差别化价格：`)
    .replace(/environmental credit colour (\w+) since (\d{4}-\d{2}-\d{2})(?: \(until (\d{4}-\d{2}-\d{2})\))?/g, (_, color: string, from: string, until?: string) =>
      `自${zhDate(from)}起环境信用评价为${colorZh(color)}${until ? `（至${zhDate(until)}）` : ''}`,
    )
    .replace(/listed (\w+) by (.+?) since (\d{4}-\d{2}-\d{2}), document (.+?)(?=;|$)/g, (_, list: string, authority: string, on: string, doc: string) =>
      `自${zhDate(on)}起由${authority}列入${listZh(list)}（文号：${doc === 'unnumbered' ? '无' : doc}）`,
    )
    .replace(/not rated on (\d{4}-\d{2}-\d{2})/g, (_, on: string) => `${zhDate(on)}未纳入评价`)
    .replace(/colour (\w+) on (\d{4}-\d{2}-\d{2})/g, (_, color: string, on: string) => `${zhDate(on)}评价为${colorZh(color)}`)
    .replace(/ \((\d+) consecutive RED half-year snapshots?\)/g, '（连续 $1 个半年度为红色）')
    .replace(/, derived: the snapshot has not been stored yet \(provisional\)/g, '（半年度快照尚未保存，按推算暂定）')
    .replace(/: normal price/g, '：执行正常价格')
    .replace(/: \+(\S+) (\S+) \((.+?)\)(?=;|$)/g, (_, amount: string, unit: string, basis: string) => `：加价 ${amount} ${UNIT_ZH[unit] ?? unit}（依据：${basis}）`)
    .replace(/; corrected on (\d{4}-\d{2}-\d{2}) \(as first taken: /g, (_, on: string) => `；${zhDate(on)}更正（原认定：`)
    .replace(/; /g, '；');
}

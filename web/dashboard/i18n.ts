import type { CreditColor } from '../shared/graphql';

/** The dashboard's labels: Chinese by default, English on request (kept for the browser session). */
const ZH = {
  title: '环境信用监管看板',
  signInTitle: '登录',
  signInHint: '请输入看板（DASHBOARD）或生态环境局管理员（ENV_ADMIN）的 API 密钥。密钥仅保存在本浏览器会话中。',
  apiKey: 'API 密钥',
  signIn: '登录',
  signOut: '退出',
  asOf: '统计日期',
  language: 'English',
  byDistrict: '各行政区信用等级分布',
  byIndustry: '各行业信用等级分布',
  group: '分组',
  district: '行政区划代码',
  industry: '行业代码',
  total: '合计',
  trend: '近24个月各信用等级企业数',
  month: '月末',
  changes: '近30天信用等级变化的企业',
  from: '变化前',
  to: '变化后',
  count: '企业数',
  notRated: '未评价',
  measures: '联合奖惩措施：应实施与已反馈（按实施单位）',
  agency: '实施单位',
  due: '应实施（企业·措施）',
  reported: '已反馈',
  measure: '措施',
  draws: '最近的双随机抽查',
  surcharges: '差别化收费（按半年度）',
  halfYear: '半年度',
  surcharged: '加价收费企业数',
  drawnAt: '抽取时间',
  population: '抽查总体',
  selected: '抽中',
  reproducible: '可复现',
  yes: '是',
  no: '否',
  subjects: '企业名单',
  uscc: '统一社会信用代码',
  name: '企业名称',
  close: '关闭',
  loading: '加载中…',
  failed: '加载失败',
  clickHint: '点击数字或柱形查看对应企业',
  none: '无',
};
export type Labels = typeof ZH;

const EN: Labels = {
  title: 'Environmental credit supervision dashboard',
  signInTitle: 'Sign in',
  signInHint: 'Enter an API key of the DASHBOARD or ENV_ADMIN role. The key is kept in this browser session only.',
  apiKey: 'API key',
  signIn: 'Sign in',
  signOut: 'Sign out',
  asOf: 'As of',
  language: '中文',
  byDistrict: 'Colours by district',
  byIndustry: 'Colours by industry',
  group: 'Group',
  district: 'District code',
  industry: 'Industry code',
  total: 'Total',
  trend: 'Subjects per colour, last 24 months',
  month: 'Month end',
  changes: 'Subjects that changed colour in the last 30 days',
  from: 'Before',
  to: 'After',
  count: 'Subjects',
  notRated: 'not rated',
  measures: 'Joint measures due vs feedback reported, per implementing agency',
  agency: 'Implementing agency',
  due: 'Due (subject × measure)',
  reported: 'Reported',
  measure: 'Measure',
  draws: 'Last inspection draws',
  surcharges: 'Differential price surcharges per half-year',
  halfYear: 'Half-year',
  surcharged: 'Subjects surcharged',
  drawnAt: 'Drawn at',
  population: 'Population',
  selected: 'Selected',
  reproducible: 'Reproducible',
  yes: 'yes',
  no: 'no',
  subjects: 'Subjects',
  uscc: 'USCC',
  name: 'Name',
  close: 'Close',
  loading: 'Loading…',
  failed: 'Failed to load',
  clickHint: 'Click a number or a bar to see the subjects behind it',
  none: 'none',
};

const COLOR_LABELS: Record<'zh' | 'en', Record<CreditColor, string>> = {
  zh: { GREEN: '绿色', BLUE: '蓝色', YELLOW: '黄色', RED: '红色', BLACK: '黑色' },
  en: { GREEN: 'Green', BLUE: 'Blue', YELLOW: 'Yellow', RED: 'Red', BLACK: 'Black' },
};

export type Language = 'zh' | 'en';

export function labels(language: Language): Labels {
  return language === 'en' ? EN : ZH;
}

export function colorLabel(language: Language, color: CreditColor): string {
  return COLOR_LABELS[language][color];
}

/** What the dashboard knows of a failed card's answer: the hub's error code and its extensions (CONTRACT.md error codes). */
export interface CardFailure {
  code?: string;
  message?: string;
  extensions?: Record<string, unknown>;
}

/**
 * The budget a QUERY_TOO_COMPLEX refusal names, in the reader's language: the guard's per-field limits
 * (`argument`, `limit`, `unit`), the statement time limit, the request's time budget, or a bare limit.
 */
function limitText(language: Language, extensions: Record<string, unknown>): string {
  const { limit, argument, timeoutMs, unit } = extensions;
  if (limit === 'HUB_STATEMENT_TIMEOUT_MS') {
    return language === 'zh' ? `单条数据库查询时限${typeof timeoutMs === 'number' ? ` ${timeoutMs} 毫秒` : ''}` : `the statement time limit${typeof timeoutMs === 'number' ? ` of ${timeoutMs} ms` : ''}`;
  }
  if (typeof timeoutMs === 'number') return language === 'zh' ? `请求时限 ${timeoutMs} 毫秒` : `the request time budget of ${timeoutMs} ms`;
  if (typeof limit === 'number' && typeof argument === 'string') {
    const units: Record<string, [string, string]> = { months: ['个月', 'months'], days: ['天', 'days'], items: ['条', 'items'] };
    const [zhUnit, enUnit] = units[typeof unit === 'string' ? unit : 'items'] ?? units.items;
    return language === 'zh' ? `${argument} 最多 ${limit} ${zhUnit}` : `${argument} at most ${limit} ${enUnit}`;
  }
  if (typeof limit === 'number') return language === 'zh' ? `上限 ${limit}` : `a limit of ${limit}`;
  return language === 'zh' ? '查询限额' : 'a query limit';
}

/**
 * The sentence a card shows when its query failed, in the page's language: never the hub's raw code
 * or its English message for INTERNAL; a refused budget names the limit, a passing outage says to try
 * again later. `failure` null: the hub could not be reached at all.
 */
export function failureText(language: Language, failure: CardFailure | null): string {
  const zh = language === 'zh';
  if (!failure) return zh ? '无法连接服务，请稍后再试。' : 'The hub could not be reached; try again later.';
  switch (failure.code) {
    case 'QUERY_TOO_COMPLEX': {
      const limit = limitText(language, failure.extensions ?? {});
      return zh ? `查询超出限额（${limit}），未予执行。请缩小统计范围后重试。` : `Refused: the query exceeds ${limit}. Ask for less (a shorter period or a narrower filter).`;
    }
    case 'SERVICE_UNAVAILABLE':
      return zh ? '相关部门的服务暂时不可用，请稍后再试。' : 'A department is unavailable at the moment; try again later.';
    case 'RATE_LIMITED':
      return zh ? '请求过于频繁，请稍后再试。' : 'Too many requests; try again later.';
    case 'FORBIDDEN':
      return zh ? '当前密钥无权查看此项。' : 'This key may not see this card.';
    case 'BAD_USER_INPUT':
      return zh ? '请求参数有误，请检查统计日期。' : `The request was refused: ${failure.message ?? 'bad input'}`;
    default:
      return zh ? '服务出错，请稍后再试；如仍失败，请联系管理员。' : 'The hub failed to answer; try again later, and tell the operator if it persists.';
  }
}

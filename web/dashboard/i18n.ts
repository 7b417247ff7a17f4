import type { CreditColor } from '../shared/graphql';
import type { Language } from './failure-text';

export type { Language };

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


export function labels(language: Language): Labels {
  return language === 'en' ? EN : ZH;
}

export function colorLabel(language: Language, color: CreditColor): string {
  return COLOR_LABELS[language][color];
}


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

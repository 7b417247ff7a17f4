/*
 * What a dashboard card says when its query failed, in the page's language. Apart from i18n.ts, which
 * pulls the DOM helpers in: the API tests check these sentences against the hub's real refusals.
 */
export type Language = 'zh' | 'en';

/** What the dashboard knows of a failed card's answer: the hub's error code and its extensions (CONTRACT.md error codes). */
export interface CardFailure {
  code?: string;
  message?: string;
  extensions?: Record<string, unknown>;
}

/**
 * The budget a QUERY_TOO_COMPLEX refusal names, in the reader's language: the guard's per-field limits
 * (`argument`, `limit`, `unit`), the statement time limit (`setting`, `timeoutMs`), the request's time
 * budget (`timeoutMs`), or a bare limit.
 */
function limitText(language: Language, extensions: Record<string, unknown>): string {
  const { limit, argument, timeoutMs, unit, setting } = extensions;
  if (setting === 'HUB_STATEMENT_TIMEOUT_MS') {
    return language === 'zh' ? `单条数据库查询时限${typeof timeoutMs === 'number' ? ` ${timeoutMs} 毫秒` : ''}` : `the statement time limit${typeof timeoutMs === 'number' ? ` of ${timeoutMs} ms` : ''}`;
  }
  if (typeof timeoutMs === 'number') return language === 'zh' ? `请求时限 ${timeoutMs} 毫秒` : `the request time budget of ${timeoutMs} ms`;
  if (typeof limit === 'number' && typeof argument === 'string') {
    const units: Record<string, [string, string]> = { months: ['个月', 'months'], days: ['天', 'days'], items: ['条', 'items'] };
    const [zhUnit, enUnit] = units[typeof unit === 'string' ? unit : 'items'] ?? units.items;
    return language === 'zh' ? `${argument} 最多 ${limit} ${zhUnit}` : `${argument}: at most ${limit} ${enUnit}`;
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
      return zh ? `查询超出限额（${limit}），未予执行。请缩小统计范围后重试。` : `Refused: over the budget (${limit}). Ask for less at once (a shorter period or a narrower filter).`;
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

import type { HubContext } from '../shared/context';
import { HubError } from '../shared/errors';
import { localPriceList, type PriceListRows } from '../subgraphs/credit';
import { localNoticePages, type NoticePages } from '../subgraphs/environment';
import type { DataSource } from 'typeorm';
import type { DepartmentLink } from './department-link';

/**
 * What the gateway's routes beside GraphQL (`/notices/<number>`, `/exports/price-surcharges.csv`) read
 * of the department that owns the data: over its DataSource when the department is in this process,
 * over its link (`notices.html`, `price-list.rows`) when it runs as its own process. The routes keep
 * every check in the gateway (credential, role, signed link, audit record), so the answers are the
 * same either way; the department applies the reader's row scope, as it does for a fetch.
 */
export interface DepartmentReads {
  notices: NoticePages;
  priceList: PriceListRows;
}

export function departmentReads(options: {
  links: { environment: DepartmentLink; credit: DepartmentLink };
  /** The in-process departments' DataSources (absent: that department is over its link). */
  local: { environment?: DataSource; credit?: DataSource };
  /** Seconds a caller is told to wait when the department cannot be reached (its circuit's half-open wait). */
  retryAfterSeconds: number;
}): DepartmentReads {
  const { links, local, retryAfterSeconds } = options;
  const reader = (ctx: HubContext) => ({ reader: ctx.principal, requestId: ctx.requestId });
  const notices: NoticePages = local.environment
    ? localNoticePages(local.environment)
    : async (ctx, number) => {
        const { html, touchedUsccs } = await withRetryAfter(links.environment.call('notices.html', { ...reader(ctx), number }), retryAfterSeconds);
        for (const uscc of touchedUsccs) ctx.touchedUsccs.add(uscc);
        return html;
      };
  const priceList: PriceListRows = local.credit
    ? localPriceList(local.credit)
    : (ctx, period) => withRetryAfter(links.credit.call('price-list.rows', { ...reader(ctx), period }), retryAfterSeconds);
  return { notices, priceList };
}

/** A department that cannot be reached (SERVICE_UNAVAILABLE naming it) says when to retry: the route answers 503 with Retry-After. */
async function withRetryAfter<T>(call: Promise<T>, retryAfterSeconds: number): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof HubError && error.extensions.code === 'SERVICE_UNAVAILABLE' && error.extensions.retryAfter === undefined) {
      const { code: _code, ...extensions } = error.extensions;
      throw new HubError('SERVICE_UNAVAILABLE', error.message, { ...extensions, retryAfter: retryAfterSeconds });
    }
    throw error;
  }
}

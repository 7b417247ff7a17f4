import type { IncomingMessage, ServerResponse } from 'node:http';
import { stringify } from 'csv-stringify/sync';
import { SAFE_CSV_CAST } from '../../shared/csv-cells';
import iconv from 'iconv-lite';
import type { DataSource } from 'typeorm';
import { rolesFor } from '../../shared/auth/permission-table';
import type { HubContext } from '../../shared/context';
import { HubError } from '../../shared/errors';
import { parseHalfYear } from '../../shared/half-year';
import type { HttpRoute, RouteTools } from '../../shared/http-route';
import { createCreditServices } from './credit.services';
import type { PriceListRow } from './services/price-surcharge.service';

const PATH = '/exports/price-surcharges.csv';

/** The columns of the price list file: Chinese headers for the utilities' billing systems, one row per subject. */
const COLUMNS: [header: string, value: (row: PriceListRow) => string | number][] = [
  ['统一社会信用代码', (row) => row.uscc],
  ['执行期间', (row) => row.period],
  ['决定快照日', (row) => row.snapshotDay],
  ['快照颜色', (row) => row.snapshotColor],
  ['连续红色次数', (row) => row.consecutiveRed],
  ['污水处理费加价（元/立方米）', (row) => row.sewage.amount],
  ['差别电价加价（元/千瓦时）', (row) => row.electricity.amount],
  ['暂定（快照未存储）', (row) => (row.provisional ? '是' : '否')],
  ['污水处理费依据', (row) => row.sewage.basis],
  ['电价依据', (row) => row.electricity.basis],
];

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * The price list of `period` in the caller's row scope, in code order (`PriceSurchargeService.surchargeRows`):
 * the credit department in this process (localPriceList), or its own process asked over the gateway's link.
 * A period not decided or malformed is thrown as BAD_USER_INPUT.
 */
export type PriceListRows = (ctx: HubContext, period: string) => Promise<PriceListRow[]>;

/** The price list of the credit department in this process, read over its DataSource. */
export function localPriceList(dataSource: DataSource): PriceListRows {
  const { surcharges } = createCreditServices(dataSource);
  return async (ctx, period) => {
    const rows: PriceListRow[] = [];
    for await (const row of surcharges.surchargeRows(ctx, period)) rows.push(row);
    return rows;
  };
}

/**
 * `GET /exports/price-surcharges.csv?period=2026-H2[&encoding=utf8|gb18030]`: the half-year price
 * list as a file, for the callers of `priceSurcharges` (same roles, same row scope, same rows: it
 * reads `PriceSurchargeService.surchargeRows`, never prices of its own). UTF-8 with a byte-order mark
 * by default (so spreadsheet programs read the Chinese headers), or GB18030. An audited read of the
 * listed subjects (as `Query.priceSurcharges`). Until the generic export (`/exports/<view>.csv`)
 * lands, this is the price list's export; that one should call the same service method.
 */
export function priceListRoute(list: PriceListRows): HttpRoute {
  const readers = rolesFor('Query.priceSurcharges');
  return async (request: IncomingMessage, response: ServerResponse, { principal, audit }: RouteTools): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://hub.invalid');
    if (url.pathname !== PATH) return false;
    if (request.method !== 'GET') {
      sendError(response, 405, 'BAD_USER_INPUT', `use GET ${PATH}?period=YYYY-H1|YYYY-H2`);
      return true;
    }
    const encoding = url.searchParams.get('encoding') ?? 'utf8';
    if (encoding !== 'utf8' && encoding !== 'gb18030') {
      sendError(response, 400, 'BAD_USER_INPUT', `encoding "${encoding.slice(0, 20)}" must be utf8 or gb18030`);
      return true;
    }
    let ctx: HubContext;
    const period = url.searchParams.get('period') ?? '';
    let rows: PriceListRow[];
    try {
      ctx = await principal();
      if (!readers.includes(ctx.principal.role)) {
        sendError(response, 403, 'FORBIDDEN', `role ${ctx.principal.role} may not read the price list`);
        return true;
      }
      // Collected before the first byte, so that a refusal (bad period) is a clean 400, not a cut file.
      rows = await list(ctx, period);
    } catch (error) {
      // A department that cannot be reached is the hub's outage (503 with Retry-After), not the caller's mistake.
      if (!(error instanceof HubError) || error.extensions.code === 'SERVICE_UNAVAILABLE') throw error;
      const code = String(error.extensions.code);
      sendError(response, code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : 400, code, error.message);
      return true;
    }
    for (const row of rows) ctx.touchedUsccs.add(row.uscc);
    await audit(ctx, 'Query.priceSurcharges');
    response.writeHead(200, {
      'content-type': `text/csv; charset=${encoding === 'gb18030' ? 'GB18030' : 'utf-8'}`,
      // The period was accepted by the service above, so it parses.
      'content-disposition': `attachment; filename="price-surcharges-${parseHalfYear(period)!.period.replace('/', '_')}.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    // The list is in memory already (one half-year's surcharged subjects, a small share of the city).
    const text = stringify(rows.map((row) => COLUMNS.map(([, value]) => value(row))), {
      header: true,
      columns: COLUMNS.map(([header]) => header),
      bom: encoding === 'utf8',
      cast: SAFE_CSV_CAST,
    });
    response.end(encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8'));
    return true;
  };
}

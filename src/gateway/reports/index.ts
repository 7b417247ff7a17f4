import type { AnnualReportService } from './services/annual-report.service';
import type { CreditReportService } from './services/credit-report.service';

/**
 * Credit reports (信用报告) and the yearly summary (总结报告), issue 14: a gateway-level module, since
 * both join every department through the hub's own API (../hub-api.ts) under the requester's
 * principal. Served as operations of the gateway's own subgraph (admin/) and as HTTP routes
 * (report.route.ts: downloads and the public `/verify/<number>`).
 */
export interface ReportServices {
  credit: CreditReportService;
  annual: AnnualReportService;
}

export { loadReportSigningKey } from './report-signing-key';
export { reportRoute } from './report.route';
export { CreditReportService } from './services/credit-report.service';
export { AnnualReportService } from './services/annual-report.service';

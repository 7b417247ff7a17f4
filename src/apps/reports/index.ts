import type { AdminOperations } from '../../gateway/admin';
// Credit reports first: type-graphql prints types in the order their modules load (schema/ stays stable).
import { CreditReportResolver } from './resolvers/credit-report.resolver';
import { AnnualReportResolver } from './resolvers/annual-report.resolver';
import type { AnnualReportService } from './services/annual-report.service';
import type { CreditReportService } from './services/credit-report.service';

/**
 * Credit reports (信用报告) and the yearly summary (总结报告), issue 14: a gateway-level module, since
 * both join every department through the hub's own API (../hub-api.ts) under the requester's
 * principal. Served as operations of the gateway's own subgraph (reportOperations) and as HTTP routes
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

/**
 * The reports' operations on the gateway's own subgraph. Reports run the hub's own API: without a
 * running hub (schema emission, the CLI's facts) their resolvers exist but refuse.
 */
export function reportOperations(services: (() => ReportServices) | undefined): AdminOperations {
  const reports = (): ReportServices => {
    if (!services) throw new Error('reports need a running hub');
    return services();
  };
  return {
    resolvers: [CreditReportResolver, AnnualReportResolver],
    instances: [new CreditReportResolver(() => reports().credit), new AnnualReportResolver(() => reports().annual)],
  };
}

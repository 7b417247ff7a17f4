import { buildFederatedSubgraph } from '../../shared/federation';
import { resolverContainer, type BuiltSubgraph } from '../../shared/subgraph';
import type { ApiClientService } from '../services/api-client.service';
import type { AuditTrailService } from '../services/audit-trail.service';
import { adminPermissions } from './permissions/admin.permissions';
import { ApiClientResolver } from './resolvers/api-client.resolver';
import { AuditResolver } from './resolvers/audit.resolver';
import { CreditReportResolver } from '../reports/resolvers/credit-report.resolver';
import { AnnualReportResolver } from '../reports/resolvers/annual-report.resolver';
import type { ReportServices } from '../reports';
import { WebhookResolver } from '../webhooks/resolvers/webhook.resolver';
import type { WebhookHistoryService } from '../webhooks/services/history.service';
import type { WebhookSubscriptionService } from '../webhooks/services/subscription.service';

/** The supergraph name of the gateway's own subgraph. */
export const ADMIN_SUBGRAPH = 'gateway';

/**
 * The gateway's own operations (audit trail, credentials, webhook subscriptions) as a subgraph over the `gateway` schema,
 * composed into the supergraph like the departments' and always served in the gateway's process,
 * which owns that schema. No department writes gateway tables, and the gateway needs no
 * hand-written GraphQL of its own: the same shield, error mapping, audit and limits apply.
 */
export async function buildAdminSubgraph(services: {
  clients: ApiClientService;
  audit: AuditTrailService;
  webhooks: { subscriptions: WebhookSubscriptionService; history: WebhookHistoryService };
  reports?: () => ReportServices;
}): Promise<BuiltSubgraph> {
  // Reports run the hub's own API: without a hub (schema emission) their resolvers exist but refuse.
  const reports = (): ReportServices => {
    if (!services.reports) throw new Error('reports need a running hub');
    return services.reports();
  };
  const { schema, sdl } = await buildFederatedSubgraph({
    resolvers: [AuditResolver, ApiClientResolver, CreditReportResolver, AnnualReportResolver, WebhookResolver],
    entityTypes: [],
    container: resolverContainer([
      new AuditResolver(services.audit),
      new ApiClientResolver(services.clients),
      new CreditReportResolver(() => reports().credit),
      new AnnualReportResolver(() => reports().annual),
      new WebhookResolver(services.webhooks.subscriptions, services.webhooks.history),
    ]),
    referenceResolvers: {},
    permissions: adminPermissions,
  });
  return { name: ADMIN_SUBGRAPH, schema, sdl };
}

import { buildFederatedSubgraph, type SubgraphBuildOptions } from '../../shared/federation';
import { resolverContainer, type BuiltSubgraph } from '../../shared/subgraph';
import type { ApiClientService } from '../services/api-client.service';
import type { AuditTrailService } from '../services/audit-trail.service';
import { adminPermissions } from './permissions/admin.permissions';
import { ApiClientResolver } from './resolvers/api-client.resolver';
import { AuditResolver } from './resolvers/audit.resolver';

/** The supergraph name of the gateway's own subgraph. */
export const ADMIN_SUBGRAPH = 'gateway';

/**
 * Operations an application (src/apps/<name>: reports, webhooks) adds to the gateway's own subgraph:
 * its resolver classes and one instance of each. The composition root (src/hub) hands them in, so that
 * the gateway never imports an application.
 */
export interface AdminOperations {
  resolvers: SubgraphBuildOptions['entityTypes'];
  instances: object[];
}

/**
 * The gateway's own operations (audit trail, credentials) and the applications' (webhook subscriptions,
 * reports) as a subgraph over the `gateway` schema, composed into the supergraph like the departments'
 * and always served in the gateway's process, which owns that schema. No department writes gateway
 * tables, and the gateway needs no hand-written GraphQL of its own: the same shield, error mapping,
 * audit and limits apply. Permissions are PERMISSION_TABLE's rows, for the applications' fields too.
 */
export async function buildAdminSubgraph(
  services: { clients: ApiClientService; audit: AuditTrailService },
  applications: readonly AdminOperations[] = [],
): Promise<BuiltSubgraph> {
  const { schema, sdl } = await buildFederatedSubgraph({
    resolvers: [AuditResolver, ApiClientResolver, ...applications.flatMap((application) => application.resolvers)],
    entityTypes: [],
    container: resolverContainer([
      new AuditResolver(services.audit),
      new ApiClientResolver(services.clients),
      ...applications.flatMap((application) => application.instances),
    ]),
    referenceResolvers: {},
    permissions: adminPermissions,
  });
  return { name: ADMIN_SUBGRAPH, schema, sdl };
}

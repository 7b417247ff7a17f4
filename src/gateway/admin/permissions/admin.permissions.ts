import { allow, type IRules } from 'graphql-shield';
import { tableRule } from '../../../shared/auth/rules';
import { FEDERATION_PLUMBING_RULES } from '../../../shared/federation';

/** The gateway's own operations, each bound to its row of PERMISSION_TABLE; anything unnamed is denied. */
export const adminPermissions: IRules = {
  Query: {
    // No entities here, so no `_entities`: only `_service` is plumbing.
    _service: FEDERATION_PLUMBING_RULES.Query._service,
    auditLog: tableRule('Query.auditLog'),
    verifyAuditChain: tableRule('Query.verifyAuditChain'),
    apiClients: tableRule('Query.apiClients'),
    creditReport: tableRule('Query.creditReport'),
    annualSupervisionReport: tableRule('Query.annualSupervisionReport'),
    webhookSubscriptions: tableRule('Query.webhookSubscriptions'),
    webhookDeliveries: tableRule('Query.webhookDeliveries'),
  },
  Mutation: {
    createApiClient: tableRule('Mutation.createApiClient'),
    rotateApiClientKey: tableRule('Mutation.rotateApiClientKey'),
    revokeApiClient: tableRule('Mutation.revokeApiClient'),
    issueCreditReport: tableRule('Mutation.issueCreditReport'),
    createWebhookSubscription: tableRule('Mutation.createWebhookSubscription'),
    deleteWebhookSubscription: tableRule('Mutation.deleteWebhookSubscription'),
    replayWebhookDeliveries: tableRule('Mutation.replayWebhookDeliveries'),
    addWebhookWatchCodes: tableRule('Mutation.addWebhookWatchCodes'),
    removeWebhookWatchCodes: tableRule('Mutation.removeWebhookWatchCodes'),
    rotateWebhookSecret: tableRule('Mutation.rotateWebhookSecret'),
  },
  _Service: FEDERATION_PLUMBING_RULES._Service,
  // Value types: reachable only through a guarded field above.
  AuditRecord: allow,
  AuditChainReport: allow,
  ApiClient: allow,
  IssuedApiKey: allow,
  CreditReport: allow,
  AnnualSupervisionReport: allow,
  AnnualFigure: allow,
  AnnualFigureRow: allow,
  WebhookSubscription: allow,
  IssuedWebhookSubscription: allow,
  WebhookDelivery: allow,
  WebhookDeliveryEdge: allow,
  WebhookDeliveryConnection: allow,
  PageInfo: allow,
};

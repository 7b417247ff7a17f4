import type { DataSource } from 'typeorm';
import type { AdminOperations } from '../../gateway/admin';
import { WebhookResolver } from './resolvers/webhook.resolver';
import type { HubConfig } from '../../shared/config';
import type { SecretBox } from './secret-box';
import { WebhookHistoryService } from './services/history.service';
import { WebhookSubscriptionService } from './services/subscription.service';

export { WebhookDispatcher } from './dispatcher';
export { SecretBox } from './secret-box';
export { WebhookDeliveryService } from './services/delivery.service';
export { WebhookRelayService } from './services/relay.service';
export { WebhookRetentionService } from './services/retention.service';
export { TimedMeasureChanges } from './services/timed-measure-changes';
export { TimedRestrictionChanges, type SubjectsWithTriggers } from './services/timed-restriction-changes';
export type { HubRead, SubscriberRead } from './services/subscriber-read';
export type { SubscriberView } from './change-visibility';

/**
 * Change notifications (README "Webhooks", docs/partners.md): the departments write changes to
 * their outboxes; the gateway owns subscriptions, messages and the delivery log (`gateway` schema),
 * relays changes into messages and delivers them (WebhookDispatcher, on graphile-worker).
 */
export function createWebhookServices(gateway: DataSource, config: Pick<HubConfig, 'production' | 'webhooks'>, secrets: SecretBox) {
  const subscriptions = new WebhookSubscriptionService(gateway, { production: config.production, allowPrivate: config.webhooks.allowPrivate }, config.webhooks.rotationGraceMs, secrets);
  return { subscriptions, history: new WebhookHistoryService(gateway, subscriptions) };
}

export type WebhookServices = ReturnType<typeof createWebhookServices>;

/** The webhook operations (subscriptions, history, replay) on the gateway's own subgraph. */
export function webhookOperations(services: WebhookServices): AdminOperations {
  return { resolvers: [WebhookResolver], instances: [new WebhookResolver(services.subscriptions, services.history)] };
}

import { GraphQLDateTime } from 'graphql-scalars';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { ChangeEventType } from '../../../shared/changes/change-events';
import type { HubContext } from '../../../shared/context';
import { UsccScalar } from '../../../shared/scalars';
import { WebhookHistoryService, type DeliveryPage } from '../services/history.service';
import { WebhookSubscriptionService, type SubscriptionView } from '../services/subscription.service';
import { IssuedWebhookSubscription, WebhookDeliveryConnection, WebhookSubscription, WebhookSubscriptionInput } from '../types/webhook.type';

function toSubscription(row: SubscriptionView): WebhookSubscription {
  return {
    id: String(row.id),
    url: row.url,
    eventTypes: row.eventTypes as ChangeEventType[],
    active: row.active,
    scope: row.scope,
    districtCode: row.scopeDistrict,
    watchCount: row.watchCount,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt,
  };
}

function toConnection(page: DeliveryPage): WebhookDeliveryConnection {
  const edges = page.rows.map((row) => ({
    cursor: WebhookHistoryService.cursorOf(String(row.id)),
    node: { ...row, id: String(row.id), eventType: row.eventType as ChangeEventType | null },
  }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** Each partner's own webhook subscriptions (docs/partners.md, "Webhooks"). */
@Resolver()
export class WebhookResolver {
  constructor(
    private readonly subscriptions: WebhookSubscriptionService,
    private readonly history: WebhookHistoryService,
  ) {}

  @Query(() => [WebhookSubscription], { description: 'The calling partner’s subscriptions (deleted ones are left out).' })
  async webhookSubscriptions(@Ctx() ctx: HubContext): Promise<WebhookSubscription[]> {
    return (await this.subscriptions.list(ctx)).map(toSubscription);
  }

  @Query(() => WebhookDeliveryConnection, { description: 'A subscription’s delivery log, newest first.' })
  async webhookDeliveries(
    @Ctx() ctx: HubContext,
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<WebhookDeliveryConnection> {
    return toConnection(await this.history.deliveries(ctx, subscriptionId, first, after));
  }

  @Mutation(() => IssuedWebhookSubscription, { description: 'Subscribes the calling partner; the secret is in this answer only.' })
  async createWebhookSubscription(@Ctx() ctx: HubContext, @Arg('input', () => WebhookSubscriptionInput) input: WebhookSubscriptionInput): Promise<IssuedWebhookSubscription> {
    const { subscription, secret } = await this.subscriptions.create(ctx, input);
    return { subscription: toSubscription(subscription), secret };
  }

  @Mutation(() => WebhookSubscription, { description: 'Ends a subscription; its delivery log stays readable.' })
  async deleteWebhookSubscription(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string): Promise<WebhookSubscription> {
    return toSubscription(await this.subscriptions.delete(ctx, id));
  }

  @Mutation(() => Int, {
    description:
      'Sends again, with their original webhook-id, the messages made from `since` (inclusive) to `until` (exclusive), and/or those of one subject (`uscc`) from `fromSequence` on; answers how many.',
  })
  async replayWebhookDeliveries(
    @Ctx() ctx: HubContext,
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Arg('since', () => GraphQLDateTime, { nullable: true }) since?: Date | null,
    @Arg('until', () => GraphQLDateTime, { nullable: true }) until?: Date | null,
    @Arg('uscc', () => UsccScalar, { nullable: true }) uscc?: string | null,
    @Arg('fromSequence', () => Int, { nullable: true, description: 'With uscc: the first sequence of that subject to send again.' }) fromSequence?: number | null,
  ): Promise<number> {
    return this.history.replay(ctx, subscriptionId, { since, until, uscc, fromSequence });
  }

  @Mutation(() => WebhookSubscription, {
    description: 'Enables again a subscription disabled after its endpoint kept failing; every message it missed (held while disabled, or given up) is sent.',
  })
  async enableWebhookSubscription(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string): Promise<WebhookSubscription> {
    return toSubscription((await this.subscriptions.enable(ctx, id)).subscription);
  }

  @Mutation(() => Int, { description: 'Adds a batch of codes to a watch-list (up to 100,000 in all); answers its size.' })
  async addWebhookWatchCodes(@Ctx() ctx: HubContext, @Arg('subscriptionId', () => ID) subscriptionId: string, @Arg('usccs', () => [UsccScalar]) usccs: string[]): Promise<number> {
    return this.subscriptions.watch(ctx, subscriptionId, usccs);
  }

  @Mutation(() => Int, { description: 'Removes a batch of codes from a watch-list; answers its size.' })
  async removeWebhookWatchCodes(@Ctx() ctx: HubContext, @Arg('subscriptionId', () => ID) subscriptionId: string, @Arg('usccs', () => [UsccScalar]) usccs: string[]): Promise<number> {
    return this.subscriptions.unwatch(ctx, subscriptionId, usccs);
  }

  @Mutation(() => IssuedWebhookSubscription, { description: 'A new secret (in this answer only); the old one also signs for a grace period.' })
  async rotateWebhookSecret(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string): Promise<IssuedWebhookSubscription> {
    const { subscription, secret } = await this.subscriptions.rotateSecret(ctx, id);
    return { subscription: toSubscription(subscription), secret };
  }
}

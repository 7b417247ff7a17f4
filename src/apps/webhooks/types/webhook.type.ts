import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CHANGE_EVENT_TYPES, type ChangeEventType } from '../../../shared/changes/change-events';
import { PageInfo } from '../../../shared/paging/page-info.type';
import { UsccScalar } from '../../../shared/scalars';

export const ChangeEventTypeEnum = Object.fromEntries(CHANGE_EVENT_TYPES.map((type) => [type, type])) as { [K in ChangeEventType]: K };
registerEnumType(ChangeEventTypeEnum, { name: 'ChangeEventType', description: 'A change a partner may subscribe to (docs/partners.md, "Webhooks").' });

@InputType({ description: 'Where to send which changes: every subject in your scope, one district (districtCode), or a watch-list (usccs; more with addWebhookWatchCodes).' })
export class WebhookSubscriptionInput {
  @Field(() => String, { description: 'https endpoint (http and private addresses only where the hub allows them).' })
  url: string;

  @Field(() => [ChangeEventTypeEnum])
  eventTypes: ChangeEventType[];

  @Field(() => [UsccScalar], { nullable: true })
  usccs?: string[] | null;

  @Field(() => String, { nullable: true })
  districtCode?: string | null;
}

@ObjectType({ description: 'A webhook subscription of the calling partner.' })
export class WebhookSubscription {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  url: string;

  @Field(() => [ChangeEventTypeEnum])
  eventTypes: ChangeEventType[];

  @Field(() => Boolean, { description: 'False once deleted, or disabled after its endpoint kept failing (see disabledReason).' })
  active: boolean;

  @Field(() => String, { description: 'ALL (every subject in scope), DISTRICT or WATCHLIST.' })
  scope: string;

  @Field(() => String, { nullable: true, description: 'The district of a DISTRICT subscription.' })
  districtCode: string | null;

  @Field(() => Int, { description: 'Codes on the watch-list (0 unless WATCHLIST).' })
  watchCount: number;

  @Field(() => String, { nullable: true })
  disabledReason: string | null;

  @Field(() => GraphQLDateTime)
  createdAt: Date;
}

@ObjectType({ description: 'A subscription with its signing secret (whsec_...): shown this once.' })
export class IssuedWebhookSubscription {
  @Field(() => WebhookSubscription)
  subscription: WebhookSubscription;

  @Field(() => String)
  secret: string;
}

@ObjectType({ description: 'One entry of a delivery log: an attempt (DELIVERED, FAILED, DEAD) or a note (DISABLED, REPLAYED).' })
export class WebhookDelivery {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'The webhook-id header (the same on every attempt and replay).' })
  messageId: string | null;

  @Field(() => ChangeEventTypeEnum, { nullable: true })
  eventType: ChangeEventType | null;

  @Field(() => UsccScalar, { nullable: true })
  uscc: string | null;

  @Field(() => Int, { description: 'Attempt number of the message (1 = first try); 0 for notes.' })
  attempt: number;

  @Field(() => String)
  outcome: string;

  @Field(() => Int, { nullable: true })
  statusCode: number | null;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => Int, { nullable: true })
  durationMs: number | null;

  @Field(() => GraphQLDateTime)
  at: Date;
}

@ObjectType()
export class WebhookDeliveryEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => WebhookDelivery)
  node: WebhookDelivery;
}

@ObjectType({ description: 'A subscription’s delivery log, newest first.' })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge])
  edges: WebhookDeliveryEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

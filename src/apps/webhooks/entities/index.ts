import { WebhookAttemptEntity } from './webhook-attempt.entity';
import { WebhookMessageEntity } from './webhook-message.entity';
import { WebhookMeasureStateEntity, WebhookRestrictionStateEntity, WebhookSubjectSequenceEntity, WebhookSurchargeStateEntity } from './webhook-derived-state.entity';
import { WebhookJobProgressEntity, WebhookTimedChangeEntity, WebhookTimedRestrictionEntity } from './webhook-timed-change.entity';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';
import { WebhookWatchEntity } from './webhook-watch.entity';

/** The gateway schema's webhook tables (the Webhooks, WebhookTimedChanges, WebhookTimedRestrictions and WebhookFeedSequence migrations). */
export const WEBHOOK_ENTITIES = [WebhookSubscriptionEntity, WebhookWatchEntity, WebhookMessageEntity, WebhookAttemptEntity, WebhookRestrictionStateEntity, WebhookMeasureStateEntity, WebhookTimedChangeEntity, WebhookTimedRestrictionEntity, WebhookJobProgressEntity, WebhookSubjectSequenceEntity, WebhookSurchargeStateEntity];

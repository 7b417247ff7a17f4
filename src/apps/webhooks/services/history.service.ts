import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { badInput } from '../../../shared/errors';
import { writeTransaction } from '../../../shared/read-snapshot';
import type { WebhookAttemptEntity } from '../entities/webhook-attempt.entity';
import { enqueueDelivery, returnedRows } from './job-queue';
import type { WebhookSubscriptionService } from './subscription.service';

/** Largest page of the delivery log. */
export const MAX_PAGE = 500;

export interface DeliveryPage {
  rows: (WebhookAttemptEntity & { eventType: string | null; uscc: string | null })[];
  hasNextPage: boolean;
}

const cursorOf = (id: string) => Buffer.from(`attempt:${id}`).toString('base64url');

function afterId(cursor: string | null | undefined): string | null {
  if (!cursor) return null;
  const match = /^attempt:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput(`after "${cursor.slice(0, 40)}" is not a cursor of this list`);
  return match[1];
}

/** A subscription's delivery log (newest first) and replays, for the subscription's owner only. */
export class WebhookHistoryService {
  constructor(
    private readonly gateway: DataSource,
    private readonly subscriptions: WebhookSubscriptionService,
  ) {}

  static cursorOf = cursorOf;

  async deliveries(ctx: HubContext, subscriptionId: string, first: number, after?: string | null): Promise<DeliveryPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput(`first must be from 1 to ${MAX_PAGE}`);
    const subscription = await this.subscriptions.own(ctx, subscriptionId, { deleted: true });
    const before = afterId(after);
    const rows = await this.gateway.query<(WebhookAttemptEntity & { eventType: string | null; uscc: string | null })[]>(
      `SELECT a.id::text AS id, a.subscription_id::text AS "subscriptionId", a.message_id AS "messageId", a.at, a.attempt, a.outcome,
              a.status_code AS "statusCode", a.error, a.duration_ms AS "durationMs", m.type AS "eventType", m.uscc
         FROM gateway.webhook_attempt a LEFT JOIN gateway.webhook_message m ON m.id = a.message_id
        WHERE a.subscription_id = $1 AND ($2::bigint IS NULL OR a.id < $2::bigint)
        ORDER BY a.id DESC LIMIT $3`,
      [subscription.id, before, first + 1],
    );
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  /**
   * Sends again every message of the subscription made since `since`, delivered or not, with its
   * original id and body (receivers de-duplicate on `webhook-id`); answers how many.
   */
  async replay(ctx: HubContext, subscriptionId: string, since: Date): Promise<number> {
    if (Number.isNaN(since.getTime())) throw badInput('since is not a valid DateTime');
    const subscription = await this.subscriptions.own(ctx, subscriptionId);
    if (!subscription.active) throw badInput(`subscription ${subscriptionId} is disabled (${subscription.disabledReason ?? 'no reason recorded'}); create a new one`);
    return writeTransaction(ctx, this.gateway, async (manager) => {
      const messages = returnedRows<{ id: string }>(await manager.query(
        `UPDATE gateway.webhook_message SET status = 'PENDING', attempts = 0, next_attempt_at = NULL
          WHERE subscription_id = $1 AND created_at >= $2 RETURNING id`,
        [subscription.id, since],
      ));
      await manager.query(`INSERT INTO gateway.webhook_attempt (subscription_id, message_id, attempt, outcome, error) VALUES ($1, NULL, 0, 'REPLAYED', $2)`, [
        subscription.id,
        `replay of ${messages.length} messages since ${since.toISOString()} asked by ${ctx.principal.clientName}`,
      ]);
      await enqueueDelivery(manager, messages.map((m) => m.id));
      return messages.length;
    });
  }
}

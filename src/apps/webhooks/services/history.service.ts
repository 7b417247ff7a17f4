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
   * Sends again the subscription's messages in a range, delivered or not, with their original id and
   * body (receivers de-duplicate on `webhook-id` and order by `sequence`); answers how many. The range
   * is by the time a message was made (`since` inclusive, `until` exclusive), and/or one subject's
   * feed from a `sequence` on (`uscc` with `fromSequence`, inclusive): a receiver that knows the last
   * number it applied for a subject asks for the ones after it. A disabled subscription is enabled
   * first (enableWebhookSubscription), which sends everything it missed by itself.
   */
  async replay(ctx: HubContext, subscriptionId: string, range: ReplayRange): Promise<number> {
    const { since, until, uscc, fromSequence } = checkRange(range);
    const subscription = await this.subscriptions.own(ctx, subscriptionId);
    if (!subscription.active) {
      throw badInput(`subscription ${subscriptionId} is disabled (${subscription.disabledReason ?? 'no reason recorded'}); enable it again with enableWebhookSubscription, which sends every message it missed`);
    }
    return writeTransaction(ctx, this.gateway, async (manager) => {
      const messages = returnedRows<{ id: string }>(await manager.query(
        `UPDATE gateway.webhook_message SET status = 'PENDING', attempts = 0, next_attempt_at = NULL
          WHERE subscription_id = $1
            AND ($2::timestamptz IS NULL OR created_at >= $2) AND ($3::timestamptz IS NULL OR created_at < $3)
            AND ($4::varchar IS NULL OR uscc = $4) AND ($5::bigint IS NULL OR sequence >= $5)
          RETURNING id`,
        [subscription.id, since, until, uscc, fromSequence],
      ));
      const what = [
        since ? `since ${since.toISOString()}` : '',
        until ? `until ${until.toISOString()}` : '',
        uscc ? `of ${uscc}${fromSequence !== null ? ` from sequence ${fromSequence}` : ''}` : '',
      ].filter(Boolean);
      await manager.query(`INSERT INTO gateway.webhook_attempt (subscription_id, message_id, attempt, outcome, error) VALUES ($1, NULL, 0, 'REPLAYED', $2)`, [
        subscription.id,
        `replay of ${messages.length} messages ${what.join(' ')} asked by ${ctx.principal.clientName}`,
      ]);
      await enqueueDelivery(manager, messages.map((m) => m.id));
      return messages.length;
    });
  }
}

export interface ReplayRange {
  since?: Date | null;
  until?: Date | null;
  uscc?: string | null;
  fromSequence?: number | null;
}

/** A replay names a time range, one subject's feed from a sequence, or both; anything else is refused naming the argument. */
function checkRange(range: ReplayRange): { since: Date | null; until: Date | null; uscc: string | null; fromSequence: number | null } {
  const since = range.since ?? null;
  const until = range.until ?? null;
  const uscc = range.uscc ?? null;
  const fromSequence = range.fromSequence ?? null;
  if (since && Number.isNaN(since.getTime())) throw badInput('since is not a valid DateTime');
  if (until && Number.isNaN(until.getTime())) throw badInput('until is not a valid DateTime');
  if (since && until && until <= since) throw badInput(`until ${until.toISOString()} is not after since ${since.toISOString()}`);
  if (fromSequence !== null && (!Number.isInteger(fromSequence) || fromSequence < 1)) throw badInput(`fromSequence must be a positive whole number, not ${fromSequence}`);
  if (fromSequence !== null && !uscc) throw badInput('fromSequence counts in one subject\'s feed: give its uscc too');
  if (!since && !until && !uscc) throw badInput('name what to replay: since (and until), or a uscc (and fromSequence)');
  return { since, until, uscc, fromSequence };
}

import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isRole, type Principal } from '../../../shared/auth/principal';
import type { WebhookConfig } from '../../../shared/config';
import { log } from '../../../shared/logging';
import { webhookAttempts } from '../../../shared/metrics';
import type { AuditTrailService } from '../../../gateway/services/audit-trail.service';
import type { WebhookAttemptOutcome } from '../entities/webhook-attempt.entity';
import type { SecretBox } from '../secret-box';
import { signatureHeader } from '../signing';
import { postWebhook } from './endpoint-post';
import { enqueueDelivery, returnedRows } from './job-queue';

interface ClaimedMessage {
  id: string;
  subscription_id: string;
  source_department: string;
  type: string;
  uscc: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | null;
  client_id: string;
  client_name: string;
  role: string;
  agency: string | null;
  district_code: string | null;
  purpose: string | null;
}

export type DeliveryOutcome = 'DELIVERED' | 'RETRY' | 'DEAD' | 'SKIPPED';

/**
 * Sends one message and records what happened (README of src/apps/webhooks):
 * - claimed first, by a lease on its row, so that however many jobs and hub instances point at it,
 *   one sends it at a time, and a delivered or dead message is never sent again (but by a replay);
 * - signed per attempt (Standard Webhooks: a fresh `webhook-timestamp`, the same `webhook-id`);
 * - a 2xx delivers it, recorded in the delivery log and in the audit trail like a read by the
 *   subscriber; anything else is retried after the configured schedule's next wait, and after the
 *   last one the message is DEAD; an endpoint that had no success since that message was made is
 *   disabled, with the reason in its delivery log.
 */
export class WebhookDeliveryService {
  constructor(
    private readonly gateway: DataSource,
    private readonly audit: AuditTrailService,
    private readonly config: Pick<WebhookConfig, 'retryScheduleMs' | 'timeoutMs' | 'allowPrivate'>,
    private readonly secrets: SecretBox,
  ) {}

  async deliver(messageId: string): Promise<DeliveryOutcome> {
    const outcome = await this.attempt(messageId);
    if (outcome !== 'SKIPPED') webhookAttempts.inc({ outcome: outcome.toLowerCase() });
    return outcome;
  }

  private async attempt(messageId: string): Promise<DeliveryOutcome> {
    const message = await this.claim(messageId);
    if (!message) return 'SKIPPED';
    const now = new Date();
    const sealed = [message.secret, ...(message.previous_secret && message.previous_secret_until && message.previous_secret_until > now ? [message.previous_secret] : [])];
    const secrets = sealed.map((value) => this.secrets.open(value));
    const headers = {
      'webhook-id': message.id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signatureHeader(secrets, message.id, now, message.payload),
    };
    const result = await postWebhook(message.url, headers, message.payload, this.config);
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    if (ok) {
      await this.gateway.transaction(async (manager) => {
        await manager.query(
          `UPDATE gateway.webhook_message SET status = 'DELIVERED', delivered_at = now(), leased_until = NULL, next_attempt_at = NULL, last_error = NULL WHERE id = $1`,
          [message.id],
        );
        await this.note(manager, message, 'DELIVERED', result.status, null, result.durationMs);
      });
      await this.audit.record(this.auditEntry(message, now)).catch((error: unknown) => log.error('audit record of a webhook delivery not stored', { messageId: message.id, detail: String(error) }));
      return 'DELIVERED';
    }
    const error = result.error ?? `the endpoint answered HTTP ${result.status}`;
    const wait = this.config.retryScheduleMs[message.attempts - 1];
    if (wait !== undefined) {
      const next = new Date(Date.now() + wait);
      await this.gateway.transaction(async (manager) => {
        await manager.query(`UPDATE gateway.webhook_message SET next_attempt_at = $2, leased_until = NULL, last_error = $3 WHERE id = $1`, [message.id, next, error]);
        await this.note(manager, message, 'FAILED', result.status, error, result.durationMs);
        await enqueueDelivery(manager, [message.id], next);
      });
      return 'RETRY';
    }
    await this.gateway.transaction(async (manager) => {
      await manager.query(`UPDATE gateway.webhook_message SET status = 'DEAD', leased_until = NULL, next_attempt_at = NULL, last_error = $2 WHERE id = $1`, [message.id, error]);
      await this.note(manager, message, 'DEAD', result.status, `${error}; given up after ${message.attempts} attempts`, result.durationMs);
      // "Keeps failing": not one delivery to this endpoint since the dead message was made.
      const [disabled] = returnedRows<{ id: string }>(await manager.query(
        `UPDATE gateway.webhook_subscription s SET active = false, disabled_at = now(),
                disabled_reason = 'no delivery succeeded since ' || to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' (message ' || m.id || ' failed ' || m.attempts || ' times; last: ' || $2 || ')'
           FROM gateway.webhook_message m
          WHERE m.id = $1 AND s.id = m.subscription_id AND s.active
            AND NOT EXISTS (SELECT 1 FROM gateway.webhook_attempt a WHERE a.subscription_id = s.id AND a.outcome = 'DELIVERED' AND a.at >= m.created_at)
        RETURNING s.id, s.disabled_reason`,
        [message.id, error],
      ));
      if (disabled) {
        // Nothing stays PENDING for an endpoint that is not sent to: its waiting messages are HELD until it is enabled again.
        await manager.query(`UPDATE gateway.webhook_message SET status = 'HELD', leased_until = NULL, next_attempt_at = NULL WHERE subscription_id = $1 AND status = 'PENDING'`, [message.subscription_id]);
        await this.note(manager, { ...message, id: null }, 'DISABLED', null, `endpoint disabled: every delivery failed since the message ${message.id} was made; enable it again once it is fixed (enableWebhookSubscription), and what it missed is sent`, null);
        log.warn('webhook endpoint disabled', { subscriptionId: message.subscription_id, url: message.url });
      }
    });
    return 'DEAD';
  }

  /**
   * Takes the message for one attempt, if it is still due and no one else holds it. A PENDING message
   * of a subscription disabled meanwhile is HELD instead (it is sent once the subscription is enabled),
   * of one deleted meanwhile DEAD: none stays PENDING with no job to send it.
   */
  private async claim(messageId: string): Promise<ClaimedMessage | null> {
    const leaseMs = this.config.timeoutMs * 2 + 5_000;
    const [row] = returnedRows<ClaimedMessage>(await this.gateway.query(
      `UPDATE gateway.webhook_message m
          SET attempts = m.attempts + 1, leased_until = now() + make_interval(secs => $2::double precision / 1000)
         FROM gateway.webhook_subscription s
        WHERE m.id = $1 AND s.id = m.subscription_id AND s.active AND s.deleted_at IS NULL
          AND m.status = 'PENDING' AND (m.leased_until IS NULL OR m.leased_until < now())
          AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= now() + interval '1 second')
      RETURNING m.id, m.subscription_id::text, m.source_department, m.type, m.uscc, m.payload, m.attempts,
                s.url, s.secret, s.previous_secret, s.previous_secret_until, s.client_id, s.client_name, s.role, s.agency, s.district_code, s.purpose`,
      [messageId, leaseMs],
    ));
    if (!row) {
      await this.gateway.query(
        `UPDATE gateway.webhook_message m SET status = CASE WHEN s.deleted_at IS NULL THEN 'HELD' ELSE 'DEAD' END, leased_until = NULL, next_attempt_at = NULL
           FROM gateway.webhook_subscription s WHERE m.id = $1 AND s.id = m.subscription_id AND m.status = 'PENDING' AND NOT s.active`,
        [messageId],
      );
    }
    return row ?? null;
  }

  private async note(
    manager: { query: DataSource['query'] },
    message: { id: string | null; subscription_id: string; attempts: number },
    outcome: WebhookAttemptOutcome,
    statusCode: number | null,
    error: string | null,
    durationMs: number | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO gateway.webhook_attempt (subscription_id, message_id, attempt, outcome, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [message.subscription_id, message.id, message.id ? message.attempts : 0, outcome, statusCode, error?.slice(0, 1000) ?? null, durationMs],
    );
  }

  /** A delivery is a read by the subscriber of that subject's data: it is audited as one. */
  private auditEntry(message: ClaimedMessage, at: Date) {
    const principal: Principal = {
      clientId: message.client_id,
      clientName: message.client_name,
      role: isRole(message.role) ? message.role : 'PUBLIC',
      agency: message.agency,
      districtCode: message.district_code,
      purpose: message.purpose,
    };
    const field = `Webhook.${message.type}`;
    return {
      at,
      requestId: message.id,
      principal,
      operation: { name: 'webhook', hash: createHash('sha256').update(field).digest('hex'), type: 'query' as const, topLevelFields: [field], coordinates: [field] },
      // A derived change (`finance:environment`) is a read of the department that derives it.
      departments: [message.source_department.split(':')[0]],
      usccs: [message.uscc],
      outcome: 'OK' as const,
      errorCodes: [],
    };
  }
}

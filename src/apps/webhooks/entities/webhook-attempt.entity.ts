import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type WebhookAttemptOutcome = 'DELIVERED' | 'FAILED' | 'DEAD' | 'DISABLED' | 'ENABLED' | 'REPLAYED';

/**
 * The delivery log of a subscription: every attempt with its outcome, plus the notes its owner needs
 * (a message given up as DEAD, the endpoint DISABLED and why, ENABLED again, a replay asked for).
 */
@Entity({ name: 'webhook_attempt' })
@Index('webhook_attempt_subscription_idx', ['subscriptionId', 'id'])
@Index('webhook_attempt_at_idx', ['at'])
@Check('webhook_attempt_outcome_check', "outcome IN ('DELIVERED', 'FAILED', 'DEAD', 'DISABLED', 'ENABLED', 'REPLAYED')")
export class WebhookAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'subscription_id', type: 'bigint' })
  subscriptionId: string;

  /** Null for a note about the subscription itself (DISABLED, ENABLED, REPLAYED). */
  @Column({ name: 'message_id', type: 'varchar', nullable: true })
  messageId: string | null;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;

  /** 1 for the first try of a message; 0 for notes. */
  @Column({ type: 'int', default: 0 })
  attempt: number;

  @Column({ type: 'varchar' })
  outcome: WebhookAttemptOutcome;

  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'duration_ms', type: 'int', nullable: true })
  durationMs: number | null;
}

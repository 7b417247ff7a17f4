import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * One change for one subscription: its body is built once (what the subscriber may read at that
 * moment) and sent unchanged on every attempt and replay, under the same `webhook-id` (its `id`),
 * so a receiver can de-duplicate. One message per (subscription, outbox row): the relay may run twice.
 */
@Entity({ name: 'webhook_message' })
@Index('webhook_message_subscription_idx', ['subscriptionId', 'createdAt'])
@Index('webhook_message_created_idx', ['createdAt'])
@Index('webhook_message_subject_sequence_idx', ['subscriptionId', 'uscc', 'sequence'])
@Unique('webhook_message_source_unique', ['subscriptionId', 'sourceDepartment', 'sourceId'])
@Check('webhook_message_status_check', "status IN ('PENDING', 'HELD', 'DELIVERED', 'DEAD')")
export class WebhookMessageEntity {
  /** `msg_<random>`: the Standard Webhooks `webhook-id`. */
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Column({ name: 'subscription_id', type: 'bigint' })
  subscriptionId: string;

  @Column({ name: 'source_department', type: 'varchar' })
  sourceDepartment: string;

  @Column({ name: 'source_id', type: 'bigint' })
  sourceId: string;

  @Column({ type: 'varchar' })
  type: string;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  /** The change's number in its subject's feed (WebhookSubjectSequenceEntity); also `data.sequence` of the body. Null for messages made before the feed was numbered. */
  @Column({ type: 'bigint', nullable: true })
  sequence: string | null;

  /** The day the change takes effect (`data.effectiveOn`). */
  @Column({ name: 'effective_on', type: 'date', nullable: true })
  effectiveOn: string | null;

  /** When the hub learnt of the change (`data.recordedAt`): the commit of the department's write, or the relay's or daily job's finding. */
  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt: Date | null;

  /** The exact JSON body that is signed and sent. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /**
   * PENDING: to be sent (a delivery job is queued). HELD: its subscription is disabled; kept, unsent,
   * until the subscription is enabled again (then PENDING) or the retention ends. DELIVERED, DEAD:
   * done (a replay or an enabling makes a DEAD one PENDING again).
   */
  @Column({ type: 'varchar', default: 'PENDING' })
  status: 'PENDING' | 'HELD' | 'DELIVERED' | 'DEAD';

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  /** While a dispatcher is sending it: no other may claim it before this passes. */
  @Column({ name: 'leased_until', type: 'timestamptz', nullable: true })
  leasedUntil: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}

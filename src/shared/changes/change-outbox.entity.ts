import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A committed change a partner may act on, waiting for the webhook relay (src/apps/webhooks).
 * Each department that owns such changes has this table in its own schema
 * (`<department>.change_outbox`, its ChangeOutbox migration) and writes the row in the change's own
 * transaction (`recordChange`, or the colour trigger on `environment.rated_subject`). The relay turns
 * rows into webhook messages and deletes them once taken; the department never reads them back.
 */
@Entity({ name: 'change_outbox' })
export class ChangeOutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;

  /** A ChangeEventType. */
  @Column({ type: 'varchar' })
  type: string;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  /** The subject's district as the department knows it (subscriptions by district match on it); null when unknown. */
  @Column({ name: 'district_code', type: 'varchar', length: 6, nullable: true })
  districtCode: string | null;

  /** The day the change takes effect. */
  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  /** The change's facts (ChangeFacts of its type); what a subscriber receives is filtered by its role. */
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;
}

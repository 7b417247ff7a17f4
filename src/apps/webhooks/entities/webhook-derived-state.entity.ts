import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last credit-restriction level the relay saw for a subject (RESTRICTION_CHANGED). Finance stores
 * no level: it derives it from the colour and the lists through federation, so a change of level is
 * found when a change of those is relayed (DerivedChanges), and this row is updated in the
 * transaction that writes the messages telling of it.
 */
@Entity({ name: 'webhook_restriction_state' })
export class WebhookRestrictionStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'varchar' })
  level: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** The joint measures the relay last saw apply to a subject (MEASURE_STARTED, MEASURE_ENDED), as above. */
@Entity({ name: 'webhook_measure_state' })
export class WebhookMeasureStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'text', array: true })
  codes: string[];

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
